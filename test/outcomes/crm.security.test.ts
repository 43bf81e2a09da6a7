import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrganization } from "../../src/admin/operations.js";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { testDatabases } from "../helpers/db.js";
import { importCsv, userWithEmail } from "./helpers.js";

describe.each(testDatabases)("CRM access on $name", (database) => {
  let handle: Awaited<ReturnType<typeof database.open>>;
  let t: TestApp;
  let manager: { key: string };
  let dana: { id: string; key: string; email: string };
  let eli: { id: string; key: string; email: string };
  let otherOrgKey: string;

  beforeAll(async () => {
    handle = await database.open();
    t = await createTestApp(handle.db);
    manager = await userWithEmail(t, "manager", "maria");
    dana = await userWithEmail(t, "rep", "dana");
    eli = await userWithEmail(t, "rep", "eli");
    const deals = `id,created_at,owner_email\nD-DANA,2026-03-01T00:00:00Z,${dana.email}\nD-ELI,2026-03-01T00:00:00Z,${eli.email}\n`;
    expect((await importCsv(t, manager.key, "deals", deals)).status).toBe(200);
    const other = await createOrganization(handle.db, { name: "Other", adminEmail: "boss@other.test" });
    otherOrgKey = other.key.key;
  });
  afterAll(async () => {
    await handle?.close();
  });

  it("does not let a rep import (refused before the body is read)", async () => {
    const res = await importCsv(t, dana.key, "deals", "id,created_at\nX,2026-03-01T00:00:00Z\n");
    expect(res.status).toBe(403);
    expect(res.headers.get("content-type")).toMatch(/problem\+json/);
    const put = await t.request("/v1/crm/deals/X", {
      method: "PUT",
      headers: t.auth(dana.key, { "content-type": "application/json" }),
      body: JSON.stringify({ createdAt: "2026-03-01T00:00:00Z" }),
    });
    expect(put.status).toBe(403);
  });

  it("shows a rep their own deal, and a colleague's as 404", async () => {
    expect((await t.request("/v1/crm/deals/D-DANA", { headers: t.auth(dana.key) })).status).toBe(200);
    expect((await t.request("/v1/crm/deals/D-ELI", { headers: t.auth(dana.key) })).status).toBe(404);
    const list = (await (await t.request("/v1/crm/deals", { headers: t.auth(dana.key) })).json()) as {
      items: Array<{ id: string }>;
    };
    expect(list.items.map((d) => d.id)).toEqual(["D-DANA"]);
    expect((await t.request("/v1/crm/customers", { headers: t.auth(dana.key) })).status).toBe(403);
  });

  it("hides every record from another organization", async () => {
    expect((await t.request("/v1/crm/deals/D-DANA", { headers: t.auth(otherOrgKey) })).status).toBe(404);
    const list = (await (await t.request("/v1/crm/deals", { headers: t.auth(otherOrgKey) })).json()) as {
      items: unknown[];
    };
    expect(list.items).toEqual([]);
    const del = await t.request("/v1/crm/deals/D-DANA", { method: "DELETE", headers: t.auth(otherOrgKey) });
    expect(del.status).toBe(404);
    // The other org's admin cannot attach a record to this org's rep either.
    const put = await t.request("/v1/crm/deals/D-X", {
      method: "PUT",
      headers: t.auth(otherOrgKey, { "content-type": "application/json" }),
      body: JSON.stringify({ createdAt: "2026-03-01T00:00:00Z", ownerEmail: dana.email }),
    });
    expect(put.status).toBe(422);
  });

  it("writes, pages and deletes records through JSON (managers)", async () => {
    const put = (id: string) =>
      t.request(`/v1/crm/leads/${id}`, {
        method: "PUT",
        headers: t.auth(manager.key, { "content-type": "application/json" }),
        body: JSON.stringify({
          createdAt: "2026-03-01T10:00:00+01:00",
          ownerEmail: dana.email,
          source: "web",
        }),
      });
    expect((await put("L1")).status).toBe(201);
    expect((await put("L1")).status).toBe(200);
    expect((await put("L2")).status).toBe(201);
    const first = (await (
      await t.request("/v1/crm/leads?limit=1", { headers: t.auth(manager.key) })
    ).json()) as {
      items: Array<{ id: string }>;
      nextCursor: string;
    };
    expect(first.items.map((l) => l.id)).toEqual(["L1"]);
    const second = (await (
      await t.request(`/v1/crm/leads?limit=1&cursor=${first.nextCursor}`, { headers: t.auth(manager.key) })
    ).json()) as { items: Array<{ id: string }>; nextCursor: string | null };
    expect(second).toEqual({ items: [expect.objectContaining({ id: "L2" })], nextCursor: null });
    expect(
      (await t.request("/v1/crm/leads/L2", { method: "DELETE", headers: t.auth(manager.key) })).status,
    ).toBe(204);
    expect((await t.request("/v1/crm/leads/L2", { headers: t.auth(manager.key) })).status).toBe(404);
  });

  it("lets only admins change the organization's time zone, and validates it", async () => {
    const patch = (key: string, body: unknown) =>
      t.request("/v1/org", {
        method: "PATCH",
        headers: t.auth(key, { "content-type": "application/json" }),
        body: JSON.stringify(body),
      });
    expect((await patch(manager.key, { timeZone: "Europe/Berlin" })).status).toBe(403);
    expect((await patch(t.adminKey, { timeZone: "Nowhere/Land" })).status).toBe(422);
    expect((await patch(t.adminKey, { currency: "EURO" })).status).toBe(422);
    const org = await (await t.request("/v1/org", { headers: t.auth(dana.key) })).json();
    expect(org).toMatchObject({ timeZone: "UTC", currency: "USD" });
  });
});
