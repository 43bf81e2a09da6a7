import { sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  applyCrmChange,
  deleteCrmRecord,
  importCrm,
  putCrmRecord,
  saveCrmRecords,
} from "../../src/crm/operations.js";
import { resultRows } from "../../src/db/database.js";
import { outcomeReport } from "../../src/outcomes/operations.js";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { testDatabases } from "../helpers/db.js";

/**
 * The stored first response of a lead and reply flag of an activity (src/crm/derived.ts) stay what
 * the base rows say, whatever sequence of CSV imports, JSON writes, webhook changes and deletes
 * made them, in whatever order the records arrived — checked against the definitions recomputed
 * from scratch, and the outcome report against the pre-derived queries that searched the
 * activities for every lead and every reply.
 */

const LEADS = ["L0", "L1", "L2"];
const ACTIVITIES = ["A0", "A1", "A2", "A3", "A4", "A5"];
// 2026-03-01 21:00 to 2026-03-02 03:00 UTC: across a UTC midnight, so that the response rate's
// daily rollup and the partial days read from the activities both count.
const hour = (h: number) => new Date(Date.UTC(2026, 2, 2, h - 3)).toISOString();
/** The two reps activities may name (their e-mails are known once the users exist). */
const REPS = ["rep0", "rep1"] as const;

const activity = fc.record({
  id: fc.constantFrom(...ACTIVITIES),
  at: fc.integer({ min: 0, max: 6 }).map(hour),
  direction: fc.constantFrom("outbound" as const, "inbound" as const),
  leadId: fc.option(fc.constantFrom(...LEADS), { nil: undefined }),
  replyTo: fc.option(fc.constantFrom(...ACTIVITIES), { nil: undefined }),
  autoReply: fc.boolean(),
  delivered: fc.boolean(),
  rep: fc.option(fc.constantFrom(...REPS), { nil: undefined }),
});
type Activity = typeof activity extends fc.Arbitrary<infer T> ? T : never;
const lead = fc.record({
  id: fc.constantFrom(...LEADS),
  createdAt: fc.integer({ min: 0, max: 6 }).map(hour),
});
const distinct = <T extends { id: string }>(a: fc.Arbitrary<T>) =>
  fc.uniqueArray(a, { minLength: 1, maxLength: 4, selector: (r) => r.id });

const step = fc.oneof(
  fc.record({ op: fc.constant("leads" as const), rows: distinct(lead) }),
  fc.record({ op: fc.constant("activities" as const), rows: distinct(activity) }),
  fc.record({ op: fc.constant("csv" as const), rows: distinct(activity) }),
  fc.record({ op: fc.constant("put" as const), row: activity }),
  fc.record({
    op: fc.constant("webhook" as const),
    id: fc.constantFrom(...ACTIVITIES),
    cells: fc.record(
      {
        lead_id: fc.option(fc.constantFrom(...LEADS), { nil: null }),
        reply_to: fc.option(fc.constantFrom(...ACTIVITIES), { nil: null }),
        direction: fc.constantFrom("outbound", "inbound"),
        auto_reply: fc.constantFrom("true", "false"),
        rep_email: fc.option(fc.constantFrom(...REPS), { nil: null }),
        at: fc.integer({ min: 0, max: 6 }).map(hour),
      },
      { requiredKeys: [] },
    ),
  }),
  fc.record({ op: fc.constant("webhookDelete" as const), id: fc.constantFrom(...ACTIVITIES) }),
  fc.record({
    op: fc.constant("delete" as const),
    kind: fc.constantFrom("leads" as const, "activities" as const),
    id: fc.constantFrom(...LEADS, ...ACTIVITIES),
  }),
);
type Step = typeof step extends fc.Arbitrary<infer T> ? T : never;

const csvOf = (rows: Activity[], emailOf: (rep: string) => string) =>
  [
    "id,at,direction,lead_id,delivered,reply_to,auto_reply,rep_email",
    ...rows.map((r) =>
      [
        r.id,
        r.at,
        r.direction,
        r.leadId ?? "",
        r.delivered,
        r.replyTo ?? "",
        r.autoReply,
        r.rep ? emailOf(r.rep) : "",
      ].join(","),
    ),
  ].join("\n");

describe.each(testDatabases)("derived CRM columns on $name", (database) => {
  let handle: Awaited<ReturnType<typeof database.open>>;
  let t: TestApp;
  let ctx: { services: TestApp["services"]; actor: Parameters<typeof outcomeReport>[0]["actor"] };
  const emails = new Map<string, string>();
  const emailOf = (rep: string) => emails.get(rep)!;
  /** An activity as the CRM writes take it: the rep by e-mail. */
  const input = ({ rep, ...row }: Activity) => ({ ...row, ...(rep ? { repEmail: emailOf(rep) } : {}) });

  beforeAll(async () => {
    handle = await database.open();
    t = await createTestApp(handle.db);
    ctx = {
      services: t.services,
      actor: { orgId: t.orgId, userId: t.adminUserId, role: "admin", keyId: "test", operator: false },
    };
    for (const rep of REPS) {
      const { id } = await t.user("rep", rep);
      const [u] = resultRows<{ email: string }>(
        await t.services.db.execute(sql`select email from users where id = ${id}`),
      );
      emails.set(rep, u!.email);
    }
  });
  afterAll(async () => {
    await handle?.close();
  });

  async function apply(s: Step): Promise<void> {
    const db = t.services.db;
    switch (s.op) {
      case "leads":
        await saveCrmRecords(ctx, "leads", s.rows);
        return;
      case "activities":
        await saveCrmRecords(ctx, "activities", s.rows.map(input));
        return;
      case "csv": {
        const bytes = new TextEncoder().encode(csvOf(s.rows, emailOf));
        const report = await importCrm(
          ctx,
          "activities",
          (async function* () {
            yield bytes;
          })(),
        );
        expect(report.errors).toEqual([]);
        return;
      }
      case "put": {
        // Derived columns are never shown: the record is what was written.
        const { record } = await putCrmRecord(ctx, "activities", s.row.id, input(s.row));
        expect(record).not.toHaveProperty("humanReply");
        expect(record).not.toHaveProperty("firstResponseAt");
        return;
      }
      case "webhook": {
        const { rep_email, ...cells } = s.cells;
        const repCell: Record<string, string | null> =
          rep_email === undefined ? {} : { rep_email: rep_email === null ? null : emailOf(rep_email) };
        await applyCrmChange(
          db,
          t.orgId,
          { kind: "activities", op: "upsert", cells: { id: s.id, ...cells, ...repCell } },
          new Date(hour(3)),
        );
        return;
      }
      case "webhookDelete":
        await applyCrmChange(
          db,
          t.orgId,
          { kind: "activities", op: "delete", cells: { id: s.id } },
          new Date(),
        );
        return;
      case "delete":
        await deleteCrmRecord(ctx, s.kind, s.id).catch((e: { code?: string }) => {
          if (e.code !== "not_found") throw e;
        });
    }
  }

  const rows = async <T>(q: ReturnType<typeof sql>) => resultRows<T>(await t.services.db.execute(q));

  it("reads a response time under a day in doubles as the numeric epoch converts it, to the bit", async () => {
    // The outcome leads query's shortcut (src/outcomes/operations.ts, responseSeconds).
    const [r] = await rows<{ differ: unknown; n: unknown }>(sql`
      select count(*) filter (where date_part('epoch', d) is distinct from extract(epoch from d)::float8) as differ,
        count(*) as n
      from (select (timestamptz '2026-03-01 00:00Z' + (g::bigint * 4294967 % 86400000000) * interval '1 microsecond')
                   - timestamptz '2026-03-01 00:00Z' as d
            from generate_series(1, 20000) g) s
      where d < interval '1 day'`);
    expect(Number(r!.n)).toBe(20000);
    expect(Number(r!.differ)).toBe(0);
  });

  it("equal their definitions after any sequence of writes, and the report equals the searching queries", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 10 }), async (steps) => {
        const org = t.orgId;
        await t.services.db.execute(sql`delete from crm_activities where org_id = ${org}`);
        await t.services.db.execute(sql`delete from crm_leads where org_id = ${org}`);
        for (const s of steps) await apply(s);

        const leads = await rows<{ id: string; stored: string | null; defined: string | null }>(sql`
          select l.id, l.first_response_at::text as stored,
            (select min(a.at) from crm_activities a where a.org_id = l.org_id and a.lead_id = l.id
               and a.direction = 'outbound' and a.at >= l.created_at)::text as defined
          from crm_leads l where l.org_id = ${org} order by l.id`);
        for (const l of leads) expect(l.stored, `lead ${l.id}`).toBe(l.defined);
        const acts = await rows<{ id: string; stored: unknown; defined: unknown }>(sql`
          select a.id, a.human_reply::text as stored,
            exists (select 1 from crm_activities r where r.org_id = a.org_id and r.reply_to = a.id
                      and r.direction = 'inbound' and not r.auto_reply)::text as defined
          from crm_activities a where a.org_id = ${org} order by a.id`);
        for (const a of acts) expect(a.stored, `activity ${a.id}`).toBe(a.defined);
        // The response rate's daily rollup (kept by triggers, migration 0013), zero rows aside.
        const rollup = await rows<Record<string, unknown>>(sql`
          select day::text as day, rep, sent::int as sent, replied::int as replied from crm_activity_days
          where org_id = ${org} and (sent <> 0 or replied <> 0) order by 1, 2`);
        const defined = await rows<Record<string, unknown>>(sql`
          select (at at time zone 'UTC')::date::text as day, coalesce(rep_user_id, '') as rep,
            count(*)::int as sent, (count(*) filter (where human_reply))::int as replied
          from crm_activities where org_id = ${org} and direction = 'outbound' and delivered
          group by 1, 2 order by 1, 2`);
        expect(rollup).toEqual(defined);

        // The report against the queries that searched instead of reading the stored columns.
        // Every record lies in both periods: whole UTC days only, and (+05:30) a partial first day.
        const r = await outcomeReport(ctx, { from: "2026-03-01", to: "2026-03-03", timeZone: "UTC" });
        const kolkata = await outcomeReport(ctx, {
          from: "2026-03-02",
          to: "2026-03-04",
          timeZone: "Asia/Kolkata",
        });
        const [searched] = await rows<Record<string, unknown>>(sql`
          select
            (select count(*) from crm_activities a where a.org_id = ${org} and a.direction = 'outbound' and a.delivered) as sent,
            (select count(*) from crm_activities a where a.org_id = ${org} and a.direction = 'outbound' and a.delivered
               and a.id in (select reply_to from crm_activities where org_id = ${org} and direction = 'inbound' and not auto_reply)) as replied,
            (select percentile_disc(0.5) within group (order by d) from (
               select extract(epoch from ((select min(a.at) from crm_activities a where a.org_id = l.org_id and a.lead_id = l.id
                 and a.direction = 'outbound' and a.at >= l.created_at) - l.created_at))::float8 as d
               from crm_leads l where l.org_id = ${org}) s) as median,
            (select count(*) from crm_leads where org_id = ${org}) as leads`);
        const sent = Number(searched!.sent);
        expect(r.metrics.responseRate).toBe(sent > 0 ? Number(searched!.replied) / sent : null);
        expect(kolkata.metrics).toEqual(r.metrics);
        const repRate = await rows<{ rep: string; rate: number }>(sql`
          select rep_user_id as rep, (count(*) filter (where human_reply))::float8 / count(*) as rate
          from crm_activities where org_id = ${org} and direction = 'outbound' and delivered
            and rep_user_id is not null group by 1`);
        for (const x of [r, kolkata])
          for (const { rep, rate } of repRate)
            expect(x.reps.find((u) => u.userId === rep)?.metrics.responseRate, `rep ${rep}`).toBe(rate);
        if (Number(searched!.leads) > 0)
          expect(r.metrics.leadResponse?.medianSec ?? null).toBe(
            searched!.median === null ? null : Number(searched!.median),
          );
        else expect(r.metrics.leadResponse).toBeNull();
      }),
      { numRuns: 30 },
    );
  }, 240_000);
});
