import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../src/db/database.js";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { testDatabases } from "../helpers/db.js";

describe.each(testDatabases)("creating users on $name", (database) => {
  let handle: DatabaseHandle;
  let t: TestApp;
  beforeAll(async () => {
    handle = await database.open();
    t = await createTestApp(handle.db);
  });
  afterAll(async () => {
    await handle?.close();
  });

  const create = (email: string) =>
    t.request("/v1/users", {
      method: "POST",
      headers: t.auth(t.adminKey, { "content-type": "application/json" }),
      body: JSON.stringify({ email, name: "Robin", role: "rep" }),
    });

  it("answers 409, not 500, when two requests race to create the same e-mail", async () => {
    const results = await Promise.all([create("robin@example.test"), create("Robin@Example.test")]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    const loser = results.find((r) => r.status === 409)!;
    expect(loser.headers.get("content-type")).toMatch(/problem\+json/);
    expect(await loser.json()).toMatchObject({ code: "conflict" });
    expect((await create("robin@example.test")).status).toBe(409);
  });
});
