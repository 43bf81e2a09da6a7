import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createKey } from "../../src/admin/operations.js";
import { createApp } from "../../src/app.js";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { testDatabases } from "../helpers/db.js";

describe.each(testDatabases)("rate limits per key, user and organization on $name", (database) => {
  let handle: Awaited<ReturnType<typeof database.open>>;
  let t: TestApp;

  beforeAll(async () => {
    handle = await database.open();
    t = await createTestApp(handle.db, {
      config: {
        DEBRIEF_RATE_LIMIT_PER_MINUTE: 100,
        DEBRIEF_RATE_LIMIT_USER_PER_MINUTE: 4,
        DEBRIEF_RATE_LIMIT_ORG_PER_MINUTE: 8,
      },
    });
  });
  afterAll(async () => {
    await handle?.close();
  });

  const me = (key: string) => t.request("/v1/me", { headers: t.auth(key) });

  it("a second key does not buy a user more requests; the org limit caps the users together", async () => {
    const ann = await t.user("rep", "ann");
    const second = await t.user("rep", "bob"); // another user, used below for the org limit
    // Ann's second key, made directly (not through the API, which would count a request).
    const annKey2 = await createKey(
      {
        services: t.services,
        actor: { orgId: t.orgId, userId: ann.id, role: "rep", keyId: ann.keyId, operator: false },
      },
      { name: "second" },
    );
    for (let i = 0; i < 4; i++) expect((await me(i % 2 ? annKey2.key : ann.key)).status).toBe(200);
    const refused = await me(annKey2.key);
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(((await refused.json()) as { detail: string }).detail).toBe(
      "rate limit of 4 requests per minute for this user exceeded",
    );
    // The org has used 4 of 8 (the refused request stopped at the user's bucket).
    for (let i = 0; i < 4; i++) expect((await me(second.key)).status).toBe(200);
    const carol = await t.user("rep", "carol");
    const orgRefused = await me(carol.key);
    expect(orgRefused.status).toBe(429);
    expect(((await orgRefused.json()) as { detail: string }).detail).toBe(
      "rate limit of 8 requests per minute for this organization exceeded",
    );
  });
});

describe.each(testDatabases)("a cap on active keys per user on $name", (database) => {
  let handle: Awaited<ReturnType<typeof database.open>>;
  let t: TestApp;

  beforeAll(async () => {
    handle = await database.open();
    t = await createTestApp(handle.db, { config: { DEBRIEF_MAX_KEYS_PER_USER: 3 } });
  });
  afterAll(async () => {
    await handle?.close();
  });

  it("a rep holding 3 active keys gets a 409 naming the cap, and may mint again after revoking one", async () => {
    const rep = await t.user("rep", "rex"); // key 1
    const mint = () =>
      t.request("/v1/keys", {
        method: "POST",
        headers: t.auth(rep.key, { "content-type": "application/json" }),
        body: JSON.stringify({ name: "more" }),
      });
    expect((await mint()).status).toBe(201);
    const third = (await (await mint()).json()) as { id: string };
    const refused = await mint();
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { detail: string }).detail).toContain("at most 3 active API keys");
    const revoke = await t.request(`/v1/keys/${third.id}`, { method: "DELETE", headers: t.auth(rep.key) });
    expect(revoke.status).toBe(200);
    expect((await mint()).status).toBe(201);
  });
});

describe.each(testDatabases)("failed authentication per client address on $name", (database) => {
  let handle: Awaited<ReturnType<typeof database.open>>;
  let t: TestApp;

  beforeAll(async () => {
    handle = await database.open();
    t = await createTestApp(handle.db, { config: { DEBRIEF_AUTH_FAILURES_PER_MINUTE: 3 } });
  });
  afterAll(async () => {
    await handle?.close();
  });

  it("after 3 failures an address is refused (429) before any key lookup; others are not", async () => {
    // The runtime's address (as the socket or cf-connecting-ip would give it), here a test header.
    const app = createApp({
      services: () => t.services,
      clientAddress: (c) => c.req.header("x-test-client"),
    });
    const from = (addr: string, key: string, extra: Record<string, string> = {}) =>
      app.request("/v1/me", { headers: { authorization: `Bearer ${key}`, "x-test-client": addr, ...extra } });
    for (let i = 0; i < 3; i++) expect((await from("203.0.113.9", `dbf_wrong${i}`)).status).toBe(401);
    // A spoofed X-Forwarded-For changes nothing: it is not trusted unless configured.
    const blocked = await from("203.0.113.9", "dbf_wrong", { "x-forwarded-for": "198.51.100.1" });
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get("retry-after")).toMatch(/^\d+$/);
    // Refused before the lookup: even a valid key from that address is not checked.
    expect((await from("203.0.113.9", t.adminKey)).status).toBe(429);
    // Other addresses are unaffected.
    expect((await from("198.51.100.7", t.adminKey)).status).toBe(200);
  });
});
