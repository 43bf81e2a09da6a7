import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backfillCallMetrics, setCallLinks } from "../../src/calls/save.js";
import type { DatabaseHandle } from "../../src/db/database.js";
import { callMetrics, calls } from "../../src/db/schema/index.js";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { testDatabases } from "../helpers/db.js";

// A rep (A) and a customer (B), timed. Hand counts: rep talk 4 + 3.5 + 4 = 11.5 s over 26 words
// (12 + 7 + 7) with one filler ("Um"); customer talk 7.5 + 7.5 + 2.5 = 17.5 s.
const fixture = {
  utterances: [
    {
      speaker: "A",
      start: 0,
      end: 4,
      text: "Thanks for joining. What made you look at new tools this quarter?",
    },
    {
      speaker: "B",
      start: 4.5,
      end: 12,
      text: "Our reps spend hours on notes and we lose deals in handoffs.",
    },
    { speaker: "A", start: 12.5, end: 16, text: "Um, how do you handle handoffs today?" },
    { speaker: "B", start: 16.5, end: 24, text: "Honestly it is too expensive for us right now." },
    { speaker: "A", start: 26, end: 30, text: "I understand. Is budget the main blocker?" },
    { speaker: "B", start: 30.5, end: 33, text: "Yes, mostly budget." },
  ],
};

describe.each(testDatabases)("call_metrics on $name", (database) => {
  let handle: DatabaseHandle;
  let t: TestApp;
  let rep: Awaited<ReturnType<TestApp["user"]>>;
  beforeAll(async () => {
    handle = await database.open();
    t = await createTestApp(handle.db);
    rep = await t.user("rep", "dana");
  });
  afterAll(async () => {
    await handle?.close();
  });

  async function upload(crmDealId: string): Promise<string> {
    const res = await t.request("/v1/calls", {
      method: "POST",
      headers: t.auth(t.adminKey, { "content-type": "application/json" }),
      body: JSON.stringify({
        repUserId: rep.id,
        crmDealId,
        occurredAt: "2026-03-02T15:00:00.000Z",
        speakerRoles: { rep: ["A"], customer: ["B"] },
        transcript: { ...fixture, language: "en" },
      }),
    });
    expect(res.status).toBe(202);
    return ((await res.json()) as { id: string }).id;
  }

  async function metricsRow(callId: string) {
    const [row] = await handle.db.select().from(callMetrics).where(eq(callMetrics.callId, callId));
    return row;
  }

  it("saveAnalysis (upload) fills every analysis column; coaching fills the other four", async () => {
    const id = await upload("deal_1");
    const { updatedAt, ...row } = (await metricsRow(id))!;
    expect(updatedAt).toBeInstanceOf(Date);
    expect(row).toEqual({
      callId: id,
      orgId: t.orgId,
      repUserId: rep.id,
      occurredAt: new Date("2026-03-02T15:00:00.000Z"),
      crmDealId: "deal_1",
      language: "en",
      durationSec: 33,
      talkRatio: 0.3966, // 11.5 / (11.5 + 17.5)
      longestMonologueSec: 4,
      longestCustomerStorySec: 7.5,
      patienceSec: 1.25, // customer → rep gaps 0.5 and 2.0, averaged
      interactivity: 9.0909, // 5 speaker switches in 0.55 min
      silenceSec: 4, // gaps 0.5 + 0.5 + 0.5 + 2 + 0.5
      pauses: 1,
      longestPauseSec: 2,
      repQuestionsOpen: 2,
      repQuestionsClosed: 1,
      customerQuestionsOpen: 0,
      customerQuestionsClosed: 0,
      repFillersPerMin: 5.2174, // 1 ÷ (11.5 / 60)
      repWpm: 135.6522, // 26 ÷ (11.5 / 60)
      objections: null,
      objectionsResolved: null,
      playbookScore: null,
      playbook: null,
    });

    expect(await t.runJobs()).toBe(1); // the coach job
    const [call] = await handle.db.select({ coaching: calls.coaching }).from(calls).where(eq(calls.id, id));
    const coaching = call!.coaching!;
    const coached = (await metricsRow(id))!;
    expect(coached).toMatchObject({
      objections: coaching.objections.length,
      objectionsResolved: coaching.objections.filter((o) => o.resolved).length,
      playbookScore: coaching.playbook!.score,
      playbook: "discovery",
      repWpm: 135.6522,
    });
    expect(coached.objections).toBeGreaterThanOrEqual(1); // "too expensive"
  });

  it("keeps the row's rep and deal in step with the call's", async () => {
    const id = await upload("deal_2");
    const other = await t.user("rep", "lee");
    await handle.db.transaction((tx) =>
      setCallLinks(tx, {
        call: { id, orgId: t.orgId },
        repUserId: other.id,
        crmDealId: "deal_3",
        now: new Date(),
      }),
    );
    expect(await metricsRow(id)).toMatchObject({ repUserId: other.id, crmDealId: "deal_3" });
    const [call] = await handle.db.select().from(calls).where(eq(calls.id, id));
    expect(call).toMatchObject({ repUserId: other.id, crmDealId: "deal_3" });
  });

  it("backfills calls analysed before the table existed, once", async () => {
    const id = await upload("deal_4");
    await t.runJobs();
    const saved = (await metricsRow(id))!;
    // As if the call had been analysed and coached before call_metrics existed.
    await handle.db.delete(callMetrics).where(eq(callMetrics.callId, id));
    expect(await backfillCallMetrics(handle.db, { batch: 1 })).toBeGreaterThanOrEqual(1);
    const { updatedAt: _a, ...filled } = (await metricsRow(id))!;
    const { updatedAt: _b, ...expected } = saved;
    expect(filled).toEqual(expected);
    expect(await backfillCallMetrics(handle.db)).toBe(0);
  });
});
