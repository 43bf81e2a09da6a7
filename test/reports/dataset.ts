import { eq } from "drizzle-orm";
import type { Database } from "../../src/db/database.js";
import { callMetrics, calls, crmDeals, organizations } from "../../src/db/schema/index.js";
import { createTestApp, type TestApp } from "../helpers/app.js";

/**
 * The hand-built dataset of the report tests (docs/reports.md works the same figures): rows
 * inserted directly into calls, call_metrics and crm_deals, so every expected number is
 * computed by hand in the tests. Organization time zone Europe/Berlin; the period under test is
 * 2026-03-23 … 2026-04-06 (ISO weeks 13 and 14, with the switch to summer time on Sunday 29 March).
 */

export const NOW = new Date("2026-09-15T12:00:00Z");

interface M {
  talk: number | null;
  mono: number | null;
  open: number;
  closed: number;
  patience: number | null;
  playbook?: number | null;
}

let seq = 0;
/** A done call with its metrics row; analysis, transcript and coaching only when given. */
export async function insertCall(
  db: Database,
  orgId: string,
  input: {
    rep: string | null;
    at: string;
    m: M;
    deal?: string | null;
    title?: string;
    analysis?: unknown;
    transcript?: unknown;
    coaching?: unknown;
  },
): Promise<string> {
  const id = `call_t${++seq}_${Math.random().toString(36).slice(2, 8)}`;
  const at = new Date(input.at);
  await db.insert(calls).values({
    id,
    orgId,
    repUserId: input.rep,
    title: input.title ?? null,
    occurredAt: at,
    status: "done",
    source: "transcript",
    contentHash: id,
    crmDealId: input.deal ?? null,
    analysis: (input.analysis ?? { durationSec: 600, speakers: [], questions: [] }) as never,
    transcript: (input.transcript ?? null) as never,
    coaching: (input.coaching ?? null) as never,
    coachingStatus: input.coaching ? "done" : "pending",
  });
  await db.insert(callMetrics).values({
    callId: id,
    orgId,
    repUserId: input.rep,
    occurredAt: at,
    crmDealId: input.deal ?? null,
    language: "en",
    durationSec: 600,
    talkRatio: input.m.talk,
    longestMonologueSec: input.m.mono,
    patienceSec: input.m.patience,
    repQuestionsOpen: input.m.open,
    repQuestionsClosed: input.m.closed,
    customerQuestionsOpen: 0,
    customerQuestionsClosed: 0,
    playbookScore: input.m.playbook ?? null,
  });
  return id;
}

export interface Dataset {
  t: TestApp;
  repA: { id: string; key: string };
  repB: { id: string; key: string };
  repC: { id: string; key: string };
  manager: { id: string; key: string };
  postCallId: string;
  otherOrgCallId: string;
}

/** The whole dataset on a fresh database. */
export async function buildDataset(db: Database): Promise<Dataset> {
  const t = await createTestApp(db, { now: () => NOW });
  await db
    .update(organizations)
    .set({ timeZone: "Europe/Berlin", currency: "EUR" })
    .where(eq(organizations.id, t.orgId));
  const repA = await t.user("rep", "Alex Ames");
  const repB = await t.user("rep", "Blair Bose");
  const repC = await t.user("rep", "Casey Cho");
  const manager = await t.user("manager", "Morgan Manager");
  const o = t.orgId;

  const deal = (id: string, owner: string, status: "won" | "lost", closedAt: string) => ({
    orgId: o,
    id,
    createdAt: new Date("2026-03-01T09:00:00Z"),
    ownerUserId: owner,
    name: id,
    amount: 1000,
    currency: "EUR",
    status,
    closedAt: new Date(closedAt),
  });
  await db
    .insert(crmDeals)
    .values([
      deal("D1", repA.id, "won", "2026-03-31T10:00:00Z"),
      deal("D2", repA.id, "lost", "2026-03-27T10:00:00Z"),
      deal("D3", repB.id, "lost", "2026-03-30T10:00:00Z"),
      deal("D4", repB.id, "won", "2026-04-02T10:00:00Z"),
    ]);

  // Rep A. 23:30Z on 22 March is 00:30 on Monday 23 March in Berlin (CET, UTC+1): week 13.
  await insertCall(db, o, {
    rep: repA.id,
    at: "2026-03-22T23:30:00Z",
    deal: "D1",
    m: { talk: 0.4, mono: 100, open: 6, closed: 4, patience: 1.2 },
  });
  await insertCall(db, o, {
    rep: repA.id,
    at: "2026-03-25T10:00:00Z",
    deal: "D2",
    m: { talk: 0.6, mono: 200, open: 5, closed: 1, patience: 0.6 },
  });
  // 22:30Z on Sunday 29 March is 00:30 on Monday 30 March in Berlin (CEST, UTC+2): week 14.
  await insertCall(db, o, {
    rep: repA.id,
    at: "2026-03-29T22:30:00Z",
    deal: "D1",
    m: { talk: 0.5, mono: 150, open: 8, closed: 4, patience: 1.0 },
  });
  // The previous period (9–23 March): one call.
  await insertCall(db, o, {
    rep: repA.id,
    at: "2026-03-10T10:00:00Z",
    m: { talk: 0.8, mono: 300, open: 2, closed: 2, patience: 0.5 },
  });
  // 22:30Z on 5 April is 00:30 on 6 April in Berlin: after the period.
  await insertCall(db, o, {
    rep: repA.id,
    at: "2026-04-05T22:30:00Z",
    m: { talk: 0.1, mono: 10, open: 0, closed: 0, patience: 9 },
  });
  // Rep B.
  await insertCall(db, o, {
    rep: repB.id,
    at: "2026-03-24T09:00:00Z",
    deal: "D3",
    m: { talk: 0.7, mono: 320, open: 2, closed: 2, patience: 0.4 },
  });
  await insertCall(db, o, {
    rep: repB.id,
    at: "2026-04-01T09:00:00Z",
    deal: "D4",
    m: { talk: 0.3, mono: 60, open: 10, closed: 4, patience: 1.5 },
  });
  // Rep C: no deals.
  await insertCall(db, o, {
    rep: repC.id,
    at: "2026-03-26T09:00:00Z",
    m: { talk: 0.45, mono: 120, open: 7, closed: 4, patience: 1.1 },
  });

  // The post-call report's call (rep A, the day before NOW) with its team window.
  const postCallId = await insertCall(db, o, {
    rep: repA.id,
    at: "2026-09-14T10:00:00Z",
    title: "Discovery <Acme> & co",
    m: { talk: 0.7, mono: 320, open: 3, closed: 1, patience: 0.4, playbook: 0.5 },
    analysis: {
      durationSec: 30,
      speakers: [
        { id: "alex", role: "rep" },
        { id: "sam", role: "customer" },
      ],
      questions: [{ speaker: "alex", start: 5, text: "What happens today?", kind: "open" }],
    },
    transcript: {
      utterances: [
        { speaker: "alex", start: 0, end: 10, text: "…" },
        { speaker: "sam", start: 10, end: 25, text: "…" },
        { speaker: "alex", start: 25, end: 30, text: "…" },
      ],
    },
    coaching: {
      objections: [
        {
          speaker: "sam",
          start: 12,
          text: "It is too expensive for us | <b>now</b>",
          category: "price",
          handling: { acknowledged: true, clarified: false, responded: true, confirmed: false },
          responseDelaySec: 1,
          resolved: false,
          response: { speaker: "alex", start: 25, quote: "We can phase it." },
        },
      ],
      playbook: {
        id: "discovery",
        name: "Discovery",
        version: "1",
        stage: "discovery",
        score: 0.5,
        items: [
          { id: "pain", title: "Uncover the pain", status: "covered", coveredBy: "alex", evidence: [] },
          { id: "budget", title: "Ask about budget", status: "missed", coveredBy: null, evidence: [] },
          { id: "next", title: "Agree a next step", status: "partly", coveredBy: "alex", evidence: [] },
        ],
      },
      summary: {
        text: "…",
        wentWell: [],
        toChange: ["Confirm the budget owner before the demo"],
        nextSteps: [{ text: "Send the proposal", owner: "Alex", due: "Friday" }],
      },
    },
  });
  await insertCall(db, o, {
    rep: repB.id,
    at: "2026-09-13T10:00:00Z",
    m: { talk: 0.4, mono: 100, open: 10, closed: 2, patience: 1.2 },
  });
  // 106 days before NOW: outside the 90-day team window (and outside every period under test).
  await insertCall(db, o, {
    rep: repB.id,
    at: "2026-06-01T10:00:00Z",
    m: { talk: 0.9, mono: 900, open: 0, closed: 0, patience: 0 },
  });

  // Another organization's call.
  await db.insert(organizations).values({ id: "org_other", name: "Other" });
  const otherOrgCallId = await insertCall(db, "org_other", {
    rep: null,
    at: "2026-09-14T10:00:00Z",
    m: { talk: 0.5, mono: 1, open: 1, closed: 1, patience: 1 },
  });

  return { t, repA, repB, repC, manager, postCallId, otherOrgCallId };
}
