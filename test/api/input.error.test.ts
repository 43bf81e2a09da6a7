import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { testDatabases } from "../helpers/db.js";

/** Input the database cannot hold (NUL, year 0000) is a 422 naming the field, never a 500. */
describe.each(testDatabases)("inputs the database cannot hold on $name", (database) => {
  let handle: Awaited<ReturnType<typeof database.open>>;
  let t: TestApp;

  beforeAll(async () => {
    handle = await database.open();
    t = await createTestApp(handle.db);
  });
  afterAll(async () => {
    await handle?.close();
  });

  const expect422 = async (res: Response, path: string) => {
    expect(res.status).toBe(422);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    const body = (await res.json()) as { errors?: Array<{ path: string }> };
    expect(body.errors?.map((e) => e.path)).toContain(path);
  };
  const upload = (body: Record<string, unknown>) =>
    t.request("/v1/calls", {
      method: "POST",
      headers: t.auth(t.adminKey, { "content-type": "application/json" }),
      body: JSON.stringify(body),
    });
  const text = "Dana: What brought you here today?\nLee: Routing.";

  it("a NUL in a text field, a path id or a query", async () => {
    await expect422(await upload({ transcript: text, title: "a\u0000b" }), "title");
    await expect422(await upload({ transcript: text, crmDealId: "d\u0000" }), "crmDealId");
    await expect422(await t.request("/v1/calls/call_%00x", { headers: t.auth(t.adminKey) }), "path");
    await expect422(
      await t.request("/v1/calls?repUserId=u%00", { headers: t.auth(t.adminKey) }),
      "repUserId",
    );
  });

  it("year 0000 in occurredAt, from or a cursor", async () => {
    await expect422(await upload({ transcript: text, occurredAt: "0000-01-01T00:00:00Z" }), "occurredAt");
    await expect422(
      await t.request("/v1/calls?from=0000-06-01T00:00:00Z", { headers: t.auth(t.adminKey) }),
      "from",
    );
    const cursor = btoa(JSON.stringify(["0000-01-01T00:00:00.000Z", "call_x"])).replace(/=+$/, "");
    await expect422(await t.request(`/v1/calls?cursor=${cursor}`, { headers: t.auth(t.adminKey) }), "cursor");
  });
});
