import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrganization } from "../../src/admin/operations.js";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { testDatabases } from "../helpers/db.js";

/**
 * The shared auth sweep: every operation of the OpenAPI document under /v1, whatever helper or
 * issue added it, is called without a key and with an admin key of ANOTHER organization. A route
 * added later is covered without anyone remembering to write its auth tests.
 */

type Operation = { security?: unknown[]; parameters?: Array<{ name: string; in: string }> };
type OpenApiDoc = { paths: Record<string, Record<string, Operation>> };

const METHODS = ["get", "post", "put", "patch", "delete"] as const;

/** Routes that take no API key by design: vendor webhooks are verified by the vendor's signature. */
const PUBLIC = new Set(["/v1/crm/webhooks/{connectionId}"]);

/** Text that only organization A's data contains: if it shows up for B, something leaked. */
const SECRET_TITLE = "Alpha-only renewal call zq7";
const SECRET_EMAIL = "alpha.rep.zq7@alpha.test";

describe.each(testDatabases)("auth sweep over every /v1 operation on $name", (database) => {
  let handle: Awaited<ReturnType<typeof database.open>>;
  let t: TestApp;
  let doc: OpenApiDoc;
  let otherAdminKey: string;
  /** Real ids of organization A's resources, by path parameter name (and path prefix). */
  let ids: { call: string; user: string; key: string };

  beforeAll(async () => {
    handle = await database.open();
    t = await createTestApp(handle.db);
    const rep = await t.user("rep", "alpha");
    await t.request("/v1/users", {
      method: "POST",
      headers: t.auth(t.adminKey, { "content-type": "application/json" }),
      body: JSON.stringify({ email: SECRET_EMAIL, name: "Alpha Rep", role: "rep" }),
    });
    const upload = await t.request("/v1/calls", {
      method: "POST",
      headers: t.auth(rep.key, { "content-type": "application/json" }),
      body: JSON.stringify({
        title: SECRET_TITLE,
        transcript: "Dana: What brought you here today?\nLee: We need better routing.",
      }),
    });
    expect(upload.status).toBe(202);
    ids = { call: ((await upload.json()) as { id: string }).id, user: rep.id, key: rep.keyId };
    const other = await createOrganization(handle.db, { name: "Beta Co", adminEmail: "boss@beta.test" });
    otherAdminKey = other.key.key;
    doc = (await (await t.request("/openapi.json")).json()) as OpenApiDoc;
  });
  afterAll(async () => {
    await handle?.close();
  });

  /** The operations of the document under /v1 that need a key (security not explicitly empty). */
  function operations(): Array<{ path: string; method: string; op: Operation }> {
    const out: Array<{ path: string; method: string; op: Operation }> = [];
    for (const [path, item] of Object.entries(doc.paths)) {
      if (!path.startsWith("/v1/")) continue;
      for (const method of METHODS) {
        const op = item[method];
        if (!op) continue;
        if (PUBLIC.has(path) || (Array.isArray(op.security) && op.security.length === 0)) continue;
        out.push({ path, method, op });
      }
    }
    return out;
  }

  /** The path with A's real ids where the parameter names one of A's resources. */
  function concrete(path: string): string {
    // Reports need a period; without it they answer 422 to everyone, which would hide a wrong 200.
    const query = path.startsWith("/v1/reports/") ? "?from=2026-01-01&to=2026-04-01" : "";
    return `${path.replace(/\{([^}]+)\}/g, (_, name: string) => {
      if (name === "kind") return "deals";
      if (name === "userId" || path.startsWith("/v1/users/")) return ids.user;
      if (path.startsWith("/v1/keys/")) return ids.key;
      if (path.startsWith("/v1/calls/")) return ids.call;
      return "unknown_zq7";
    })}${query}`;
  }

  it("finds the operations to sweep", () => {
    const paths = operations().map((o) => o.path);
    expect(paths).toEqual(expect.arrayContaining(["/v1/calls", "/v1/calls/{id}", "/v1/keys", "/v1/users"]));
  });

  it("refuses every operation without a key: 401 problem+json, before anything else", async () => {
    for (const { path, method } of operations()) {
      const res = await t.request(concrete(path), {
        method: method.toUpperCase(),
        headers: { "content-type": "application/json" },
        ...(method === "get" || method === "delete" ? {} : { body: "{}" }),
      });
      expect(`${method.toUpperCase()} ${path} → ${res.status}`).toBe(`${method.toUpperCase()} ${path} → 401`);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
    }
  });

  it("refuses a wrong or revoked-looking key the same way", async () => {
    for (const { path, method } of operations()) {
      const res = await t.request(concrete(path), {
        method: method.toUpperCase(),
        headers: t.auth("dbf_not_a_real_key_zq7", { "content-type": "application/json" }),
        ...(method === "get" || method === "delete" ? {} : { body: "{}" }),
      });
      expect(`${method.toUpperCase()} ${path} → ${res.status}`).toBe(`${method.toUpperCase()} ${path} → 401`);
    }
  });

  it("shows another organization's admin nothing of A: A's ids are 404s, lists hold none of A", async () => {
    for (const { path, method } of operations()) {
      const res = await t.request(concrete(path), {
        method: method.toUpperCase(),
        headers: t.auth(otherAdminKey, { "content-type": "application/json" }),
        ...(method === "get" || method === "delete" ? {} : { body: "{}" }),
      });
      const label = `${method.toUpperCase()} ${path} → ${res.status}`;
      expect(res.status, label).toBeLessThan(500);
      const text = await res.text();
      expect(text, label).not.toContain(SECRET_TITLE);
      expect(text, label).not.toContain(SECRET_EMAIL);
      const namesA = /\{(id|userId)\}/.test(path) && !path.startsWith("/v1/crm/");
      if (namesA && (method === "get" || method === "delete")) expect(res.status, label).toBe(404);
    }
    // A's resources are untouched by B's attempts.
    expect((await t.request(`/v1/calls/${ids.call}`, { headers: t.auth(t.adminKey) })).status).toBe(200);
  });
});
