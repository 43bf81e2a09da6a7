import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrganization } from "../../src/admin/operations.js";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { testDatabases } from "../helpers/db.js";
import { createConnection, TEST_SECRETS_KEY } from "./helpers.js";

const T = { timeout: 300_000 };

describe.each(testDatabases)("integrations access on $name", (database) => {
  let handle: Awaited<ReturnType<typeof database.open>>;
  let t: TestApp;
  let otherKey: string;
  let rep: { key: string };
  let manager: { key: string };

  beforeAll(async () => {
    handle = await database.open();
    t = await createTestApp(handle.db, { config: { DEBRIEF_SECRETS_KEY: TEST_SECRETS_KEY } });
    rep = await t.user("rep", "rita");
    manager = await t.user("manager", "max");
    otherKey = (await createOrganization(handle.db, { name: "Other", adminEmail: "boss@other.test" })).key
      .key;
  }, 300_000);
  afterAll(async () => {
    await handle?.close();
  });

  const req = (key: string, path: string, method = "GET", body?: unknown) =>
    t.request(path, {
      method,
      headers: t.auth(key, { "content-type": "application/json" }),
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });

  it(
    "reps and managers cannot manage connections or endpoints (403 before the body is read)",
    T,
    async () => {
      for (const key of [rep.key, manager.key]) {
        expect((await req(key, "/v1/crm/connections", "POST", { vendor: "generic" })).status).toBe(403);
        expect((await req(key, "/v1/crm/connections")).status).toBe(403);
        expect((await req(key, "/v1/webhooks", "POST", { url: "https://hooks.example.com/x" })).status).toBe(
          403,
        );
        expect((await req(key, "/v1/webhooks")).status).toBe(403);
      }
    },
  );

  it("another organization's connection and endpoint are 404 to it", T, async () => {
    const conn = await createConnection(t, { vendor: "generic" });
    const ep = (await (
      await req(t.adminKey, "/v1/webhooks", "POST", { url: "https://hooks.example.com/x" })
    ).json()) as {
      id: string;
    };
    expect((await req(otherKey, `/v1/crm/connections/${conn.id}`)).status).toBe(404);
    expect((await req(otherKey, `/v1/crm/connections/${conn.id}`, "DELETE")).status).toBe(404);
    expect((await req(otherKey, `/v1/webhooks/${ep.id}`)).status).toBe(404);
    expect((await req(otherKey, `/v1/webhooks/${ep.id}`, "PATCH", { enabled: false })).status).toBe(404);
    expect((await req(otherKey, `/v1/webhooks/${ep.id}/rotate`, "POST")).status).toBe(404);
    expect((await req(otherKey, `/v1/webhooks/${ep.id}/deliveries`)).status).toBe(404);
    const list = (await (await req(otherKey, "/v1/webhooks")).json()) as { items: unknown[] };
    expect(list.items).toEqual([]);
  });

  it("secrets are shown once: never in get or list", T, async () => {
    const conn = await createConnection(t, {
      vendor: "hubspot",
      portalId: 1,
      clientSecret: "cs-very-secret-value",
    });
    const got = await (await req(t.adminKey, `/v1/crm/connections/${conn.id}`)).text();
    const list = await (await req(t.adminKey, "/v1/crm/connections")).text();
    expect(got).not.toContain("cs-very-secret-value");
    expect(list).not.toContain("cs-very-secret-value");
    const created = (await (
      await req(t.adminKey, "/v1/webhooks", "POST", { url: "https://hooks.example.com/y" })
    ).json()) as {
      id: string;
      secret: string;
    };
    expect(await (await req(t.adminKey, `/v1/webhooks/${created.id}`)).text()).not.toContain(created.secret);
    expect(await (await req(t.adminKey, "/v1/webhooks")).text()).not.toContain(created.secret);
  });

  it("refuses private, loopback, metadata and plain-http URLs on create and update (422)", T, async () => {
    for (const url of [
      "http://hooks.example.com/x",
      "https://127.0.0.1/x",
      "https://169.254.169.254/latest/meta-data/",
      "https://localhost/x",
      "https://0x7f000001/x",
      "https://10.0.0.8/x",
    ]) {
      const res = await req(t.adminKey, "/v1/webhooks", "POST", { url });
      expect(res.status, url).toBe(422);
      expect(res.headers.get("content-type")).toMatch(/problem\+json/);
    }
    const ep = (await (
      await req(t.adminKey, "/v1/webhooks", "POST", { url: "https://hooks.example.com/z" })
    ).json()) as {
      id: string;
    };
    expect(
      (await req(t.adminKey, `/v1/webhooks/${ep.id}`, "PATCH", { url: "https://192.168.1.1/x" })).status,
    ).toBe(422);
    const after = (await (await req(t.adminKey, `/v1/webhooks/${ep.id}`)).json()) as { url: string };
    expect(after.url).toBe("https://hooks.example.com/z");
  });

  it(
    "without DEBRIEF_SECRETS_KEY, creating a connection or endpoint says how to set it (422)",
    T,
    async () => {
      const saved = t.services.config.DEBRIEF_SECRETS_KEY;
      t.services.config.DEBRIEF_SECRETS_KEY = undefined;
      try {
        const res = await req(t.adminKey, "/v1/webhooks", "POST", { url: "https://hooks.example.com/q" });
        expect(res.status).toBe(422);
        expect(((await res.json()) as { code: string }).code).toBe("secrets.not_configured");
      } finally {
        t.services.config.DEBRIEF_SECRETS_KEY = saved;
      }
    },
  );
});
