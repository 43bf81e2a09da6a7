import { readFileSync } from "node:fs";
import { eq } from "drizzle-orm";
import { HttpResponse, http } from "msw";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { crmWritebacks } from "../../src/db/schema/index.js";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { testDatabases } from "../helpers/db.js";
import { mswServer } from "../helpers/msw.js";
import { createConnection, TEST_SECRETS_KEY, testClock } from "./helpers.js";

const server = mswServer();
const T = { timeout: 300_000 };
const NOTES = "https://api.hubapi.com/crm/v3/objects/notes";
const reply = (name: string) => JSON.parse(readFileSync(`fixtures/crm/hubspot/writeback/${name}`, "utf8"));

describe.each(testDatabases)("CRM write-back failures on $name", (database) => {
  let handle: Awaited<ReturnType<typeof database.open>>;
  let t: TestApp;
  const clock = testClock("2026-03-02T09:00:00Z");
  let n = 0;

  beforeAll(async () => {
    handle = await database.open();
    t = await createTestApp(handle.db, { config: { DEBRIEF_SECRETS_KEY: TEST_SECRETS_KEY }, now: clock.now });
    await createConnection(t, {
      vendor: "hubspot",
      portalId: 62515,
      clientSecret: "cs",
      accessToken: "pat-na1-secret-token",
      writeBack: true,
    });
  }, 300_000);
  afterAll(async () => {
    await handle?.close();
  });

  async function coachedCall(dealId: string): Promise<string> {
    const res = await t.request("/v1/calls", {
      method: "POST",
      headers: t.auth(t.adminKey, { "content-type": "application/json" }),
      body: JSON.stringify({
        crmDealId: dealId,
        occurredAt: "2026-03-02T08:00:00.000Z",
        speakerRoles: { rep: ["A"], customer: ["B"] },
        transcript: {
          language: "en",
          utterances: [
            { speaker: "A", start: 0, end: 3, text: `What brings you here today? (${++n})` },
            { speaker: "B", start: 3.5, end: 8, text: "Our handoffs are slow and we lose deals." },
          ],
        },
      }),
    });
    expect(res.status).toBe(202);
    return ((await res.json()) as { id: string }).id;
  }
  const writeback = async (callId: string) =>
    (await handle.db.select().from(crmWritebacks).where(eq(crmWritebacks.callId, callId)))[0];

  it("429 is retried after the vendor's window, then succeeds once", T, async () => {
    let calls = 0;
    server.use(
      http.post(NOTES, () => {
        calls++;
        if (calls === 1)
          return HttpResponse.json(reply("429.json"), { status: 429, headers: { "retry-after": "10" } });
        return HttpResponse.json(reply("note-created.json"), { status: 201 });
      }),
    );
    const callId = await coachedCall("18225469034");
    await t.runJobs();
    expect(await writeback(callId)).toMatchObject({ status: "retrying" });
    clock.advance(10_000);
    await t.runJobs();
    expect(await writeback(callId)).toMatchObject({ status: "done", vendorObjectId: "51234567890" });
    expect(calls).toBe(2);
  });

  it("401 fails at once with crm.auth_failed, and the token never shows", T, async () => {
    let calls = 0;
    server.use(
      http.post(NOTES, () => {
        calls++;
        return HttpResponse.json(reply("401.json"), { status: 401 });
      }),
    );
    const callId = await coachedCall("18225469035");
    await t.runJobs();
    clock.advance(60 * 60_000);
    await t.runJobs();
    const wb = await writeback(callId);
    expect(wb?.status).toBe("failed");
    expect(wb?.error).toMatch(/^crm\.auth_failed/);
    expect(wb?.error).not.toContain("pat-na1-secret-token");
    expect(calls).toBe(1);
  });
});
