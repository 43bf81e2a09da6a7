import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backfillOperatorUser } from "../../src/admin/operations.js";
import { users } from "../../src/db/schema/index.js";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { testDatabases } from "../helpers/db.js";

/** Operator rights belong to the user created at bootstrap, not to every admin of its organization. */
describe.each(testDatabases)("operator rights on $name", (database) => {
  let handle: Awaited<ReturnType<typeof database.open>>;
  let t: TestApp;

  beforeAll(async () => {
    handle = await database.open();
    t = await createTestApp(handle.db);
  });
  afterAll(async () => {
    await handle?.close();
  });

  const createOrg = (key: string, name: string) =>
    t.request("/v1/orgs", {
      method: "POST",
      headers: t.auth(key, { "content-type": "application/json" }),
      body: JSON.stringify({ name, adminEmail: `boss@${name.toLowerCase()}.test` }),
    });

  it("another admin added to the bootstrap (demo) organization cannot create organizations", async () => {
    const colleague = await t.user("admin", "second-admin");
    const denied = await createOrg(colleague.key, "Denied");
    expect(denied.status).toBe(403);
    expect(denied.headers.get("content-type")).toContain("application/problem+json");
    // The bootstrap operator still can.
    expect((await createOrg(t.adminKey, "Allowed")).status).toBe(201);
  });

  it("the admin of a created organization is no operator", async () => {
    const res = await createOrg(t.adminKey, "Tenant");
    const { key } = (await res.json()) as { key: { key: string } };
    expect((await createOrg(key.key, "Nested")).status).toBe(403);
  });

  it("the start-up backfill names the bootstrap user once, and nobody else", async () => {
    expect(await backfillOperatorUser(handle.db)).toBe(0); // already has an operator
    await handle.db.update(users).set({ isOperator: false });
    expect(await backfillOperatorUser(handle.db)).toBe(1);
    const operators = await handle.db.select({ id: users.id }).from(users).where(eq(users.isOperator, true));
    expect(operators.map((u) => u.id)).toEqual([t.adminUserId]);
  });
});
