import { readFileSync } from "node:fs";
import { eq } from "drizzle-orm";
import { HttpResponse, http } from "msw";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { crmWritebacks } from "../../src/db/schema/index.js";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { testDatabases } from "../helpers/db.js";
import { mswServer } from "../helpers/msw.js";
import { createConnection, HUBSPOT_WRITEBACK, TEST_SECRETS_KEY, testClock, uploadCall } from "./helpers.js";

const server = mswServer();
const T = { timeout: 300_000 };
const DEAL = "18225469034";
const reply = (name: string) => JSON.parse(readFileSync(`fixtures/crm/hubspot/writeback/${name}`, "utf8"));

describe.each(testDatabases)("HubSpot write-back settings on $name", (database) => {
  let handle: Awaited<ReturnType<typeof database.open>>;
  let t: TestApp;
  const clock = testClock("2026-03-02T09:00:00Z");

  beforeAll(async () => {
    handle = await database.open();
    t = await createTestApp(handle.db, {
      config: { DEBRIEF_SECRETS_KEY: TEST_SECRETS_KEY, DEBRIEF_PUBLIC_URL: "https://debrief.example.com" },
      now: clock.now,
    });
  }, 300_000);
  afterAll(async () => {
    await handle?.close();
  });

  it(
    "the connection's chosen deal properties get the call's metrics; the note links to the call",
    T,
    async () => {
      await createConnection(t, {
        ...HUBSPOT_WRITEBACK,
        dealProperties: { debrief_talk_ratio: "talkRatio", debrief_questions: "questions" },
      });
      let note: { properties: { hs_note_body: string } } | undefined;
      let patch: { properties: Record<string, string> } | undefined;
      server.use(
        http.post("https://api.hubapi.com/crm/v3/objects/notes", async ({ request }) => {
          note = (await request.json()) as typeof note;
          return HttpResponse.json(reply("note-created.json"), { status: 201 });
        }),
        http.patch(`https://api.hubapi.com/crm/v3/objects/deals/${DEAL}`, async ({ request }) => {
          patch = (await request.json()) as typeof patch;
          return HttpResponse.json(reply("deal-updated.json"));
        }),
      );
      const callId = await uploadCall(t, "props", DEAL);
      await t.runJobs();
      const [wb] = await handle.db.select().from(crmWritebacks).where(eq(crmWritebacks.callId, callId));
      expect(wb).toMatchObject({ status: "done", vendorObjectId: "51234567890" });
      expect(Object.keys(patch!.properties).sort()).toEqual(["debrief_questions", "debrief_talk_ratio"]);
      expect(Number(patch!.properties.debrief_talk_ratio)).toBeGreaterThan(0);
      expect(Number(patch!.properties.debrief_questions)).toBeGreaterThanOrEqual(1);
      expect(note!.properties.hs_note_body).toContain(`https://debrief.example.com/calls/${callId}`);
    },
  );

  it("an unknown metric or a malformed property name is refused (422)", T, async () => {
    for (const dealProperties of [{ debrief_x: "revenue" }, { "Bad Name": "talkRatio" }]) {
      const res = await t.request("/v1/crm/connections", {
        method: "POST",
        headers: t.auth(t.adminKey, { "content-type": "application/json" }),
        body: JSON.stringify({ ...HUBSPOT_WRITEBACK, dealProperties }),
      });
      expect(res.status).toBe(422);
    }
  });
});
