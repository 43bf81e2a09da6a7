import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrganization } from "../../src/admin/operations.js";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { testDatabases } from "../helpers/db.js";

const transcript = (n: string) =>
  `Dana: Hi, this is call ${n}. What brought you here today?\nLee: We need better routing.`;

describe.each(testDatabases)("tenancy and roles on $name", (database) => {
  let handle: Awaited<ReturnType<typeof database.open>>;
  let t: TestApp;
  let dana: { id: string; key: string; keyId: string };
  let sam: { id: string; key: string; keyId: string };
  let manager: { id: string; key: string; keyId: string };
  let otherOrgKey: string;
  let danasCall: string;
  let otherOrgCall: string;

  const upload = async (key: string, body: Record<string, unknown>) => {
    const res = await t.request("/v1/calls", {
      method: "POST",
      headers: t.auth(key, { "content-type": "application/json" }),
      body: JSON.stringify(body),
    });
    expect(res.status).toBe(202);
    return ((await res.json()) as { id: string }).id;
  };

  beforeAll(async () => {
    handle = await database.open();
    t = await createTestApp(handle.db);
    dana = await t.user("rep", "dana");
    sam = await t.user("rep", "sam");
    manager = await t.user("manager", "maria");
    const other = await createOrganization(handle.db, { name: "Other Co", adminEmail: "boss@other.test" });
    otherOrgKey = other.key.key;
    danasCall = await upload(dana.key, { transcript: transcript("dana") });
    otherOrgCall = await upload(otherOrgKey, { transcript: transcript("other") });
  });
  afterAll(async () => {
    await handle?.close();
  });

  it("a rep reads their own call but not a colleague's (404, no hint it exists)", async () => {
    expect((await t.request(`/v1/calls/${danasCall}`, { headers: t.auth(dana.key) })).status).toBe(200);
    const res = await t.request(`/v1/calls/${danasCall}`, { headers: t.auth(sam.key) });
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    const list = (await (await t.request("/v1/calls", { headers: t.auth(sam.key) })).json()) as {
      items: unknown[];
    };
    expect(list.items).toEqual([]);
    // Asking for a colleague's calls by filter does not widen a rep's view either.
    const filtered = (await (
      await t.request(`/v1/calls?repUserId=${dana.id}`, { headers: t.auth(sam.key) })
    ).json()) as {
      items: unknown[];
    };
    expect(filtered.items).toEqual([]);
    expect(
      (await t.request(`/v1/calls/${danasCall}`, { method: "DELETE", headers: t.auth(sam.key) })).status,
    ).toBe(404);
  });

  it("managers and admins read the whole organization", async () => {
    expect((await t.request(`/v1/calls/${danasCall}`, { headers: t.auth(manager.key) })).status).toBe(200);
    expect((await t.request(`/v1/calls/${danasCall}`, { headers: t.auth(t.adminKey) })).status).toBe(200);
  });

  it("nothing crosses organizations: another org's call is a 404, never a 403", async () => {
    for (const key of [t.adminKey, manager.key, dana.key]) {
      const res = await t.request(`/v1/calls/${otherOrgCall}`, { headers: t.auth(key) });
      expect(res.status).toBe(404);
      expect(
        (await t.request(`/v1/calls/${otherOrgCall}`, { method: "DELETE", headers: t.auth(key) })).status,
      ).toBe(404);
    }
    const theirs = (await (await t.request("/v1/calls", { headers: t.auth(otherOrgKey) })).json()) as {
      items: Array<{ id: string }>;
    };
    expect(theirs.items.map((c) => c.id)).toEqual([otherOrgCall]);
    // Identical content in two orgs is two calls: idempotency is per organization.
    const mine = await upload(t.adminKey, { transcript: transcript("other") });
    expect(mine).not.toBe(otherOrgCall);
  });

  it("a rep cannot upload a call as someone else", async () => {
    const res = await t.request("/v1/calls", {
      method: "POST",
      headers: t.auth(dana.key, { "content-type": "application/json" }),
      body: JSON.stringify({ transcript: transcript("spoof"), repUserId: sam.id }),
    });
    expect(res.status).toBe(403);
  });

  it("only admins manage users; users of another org are invisible", async () => {
    const body = JSON.stringify({ email: "new.rep@example.test", name: "New Rep", role: "rep" });
    const asRep = await t.request("/v1/users", {
      method: "POST",
      headers: t.auth(dana.key, { "content-type": "application/json" }),
      body,
    });
    expect(asRep.status).toBe(403);
    const asAdmin = await t.request("/v1/users", {
      method: "POST",
      headers: t.auth(t.adminKey, { "content-type": "application/json" }),
      body,
    });
    expect(asAdmin.status).toBe(201);
    const dup = await t.request("/v1/users", {
      method: "POST",
      headers: t.auth(t.adminKey, { "content-type": "application/json" }),
      body,
    });
    expect(dup.status).toBe(409);
    const users = (await (await t.request("/v1/users", { headers: t.auth(manager.key) })).json()) as {
      items: Array<{ email: string }>;
    };
    expect(users.items.map((u) => u.email)).not.toContain("boss@other.test");
    // Creating a key for a user of another org: not found.
    const res = await t.request("/v1/keys", {
      method: "POST",
      headers: t.auth(t.adminKey, { "content-type": "application/json" }),
      body: JSON.stringify({ name: "x", userId: "user_does_not_exist" }),
    });
    expect(res.status).toBe(404);
  });

  it("only operators create organizations", async () => {
    const body = JSON.stringify({ name: "Third", adminEmail: "a@third.test" });
    const denied = await t.request("/v1/orgs", {
      method: "POST",
      headers: t.auth(otherOrgKey, { "content-type": "application/json" }),
      body,
    });
    expect(denied.status).toBe(403);
    const ok = await t.request("/v1/orgs", {
      method: "POST",
      headers: t.auth(t.adminKey, { "content-type": "application/json" }),
      body,
    });
    expect(ok.status).toBe(201);
    const created = (await ok.json()) as { key: { key: string } };
    expect(created.key.key).toMatch(/^dbf_/);
    expect((await t.request("/v1/me", { headers: t.auth(created.key.key) })).status).toBe(200);
  });

  it("keys: stored hashed, shown once, revocable, revocation takes effect at once", async () => {
    const created = await t.request("/v1/keys", {
      method: "POST",
      headers: t.auth(dana.key, { "content-type": "application/json" }),
      body: JSON.stringify({ name: "laptop" }),
    });
    expect(created.status).toBe(201);
    const { id, key } = (await created.json()) as { id: string; key: string };
    expect((await t.request("/v1/me", { headers: t.auth(key) })).status).toBe(200);

    const listed = (await (await t.request("/v1/keys", { headers: t.auth(dana.key) })).json()) as {
      items: Array<Record<string, unknown>>;
    };
    expect(JSON.stringify(listed)).not.toContain(key); // never shown again
    expect(listed.items.every((k) => !("hash" in k))).toBe(true);

    // A rep cannot revoke a colleague's key; the key looks nonexistent to them.
    expect((await t.request(`/v1/keys/${id}`, { method: "DELETE", headers: t.auth(sam.key) })).status).toBe(
      404,
    );
    const revoked = await t.request(`/v1/keys/${id}`, { method: "DELETE", headers: t.auth(dana.key) });
    expect(revoked.status).toBe(200);
    expect(((await revoked.json()) as { revokedAt: string | null }).revokedAt).not.toBeNull();
    const after = await t.request("/v1/me", { headers: t.auth(key) });
    expect(after.status).toBe(401);
    expect(((await after.json()) as { code: string }).code).toBe("auth.unauthorized");
  });
});
