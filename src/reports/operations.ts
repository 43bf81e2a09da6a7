import { and, eq, type SQL, sql } from "drizzle-orm";
import type { Actor } from "../auth/actor.js";
import { requireRole } from "../auth/actor.js";
import { coachingLanguage } from "../coaching/lang/index.js";
import type { OperationCtx } from "../context.js";
import { type Database, resultRows } from "../db/database.js";
import { decodeFloat8sInto, packedDoubles } from "../db/packed.js";
import { callMetrics, calls, organizations, users } from "../db/schema/index.js";
import { DebriefError } from "../errors.js";
import { outcomesOver, periodInstants } from "../outcomes/operations.js";
import { addDays, epochDay, parsePeriod } from "../outcomes/period.js";
import {
  compareCall,
  isoWeek,
  MIN_CALLS_FOR_FLAGS,
  MIN_CLOSED_DEALS,
  movedMost,
  outlierFlags,
  pickHabits,
  topQuartile,
  weeksOf,
} from "./compute.js";
import {
  type MetricStatsById,
  REPORT_METRIC_IDS,
  REPORT_METRIC_LIST,
  type ReportMetricId,
} from "./metrics.js";
import { statsOf } from "./quartiles.js";
import type {
  PostCallReport,
  ReportPeriod,
  RepReview,
  TalkBand,
  TeamReport,
  Timeline,
  WeekPoint,
  WonLost,
} from "./types.js";

/**
 * Data gathering for the reports: SQL over `call_metrics` (and calls, crm_deals, the outcome
 * metrics), never a re-analysis. Every median and quartile is PostgreSQL's `percentile_cont`
 * (interpolated), selected in TypeScript from each group's values (`samplesColumns`). The renderers in `./render/` turn the results into Markdown and HTML.
 */

type Row = Record<string, unknown>;
const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));

/** The team window of the post-call report. */
export const TEAM_WINDOW_DAYS = 90;

/**
 * Every report metric's values of a group, packed (`packedDoubles`: the non-null values as
 * `float8send` bytes, base64), as columns `<id>_v`. The quartiles are then selected in TypeScript
 * (`./quartiles.ts`), exactly `percentile_cont`'s — one scan instead of a database sort per metric
 * and group, and the team's figures come from its reps' samples without a query of their own.
 */
function samplesColumns(): SQL {
  return sql.raw(REPORT_METRIC_LIST.map((m) => `${packedDoubles(m.sql)} as "${m.id}_v"`).join(",\n"));
}

type Samples = Record<ReportMetricId, Float64Array>;

/**
 * Each row's samples, decoded once, and all rows' pooled: each metric's rows are views of the
 * pooled array, so pooling copies nothing — but take the rows' figures before the pooled ones
 * (selecting in the pooled array reorders across the rows' views).
 */
function readSamples(rows: ReadonlyArray<Row | undefined>): { each: Samples[]; pooled: Samples } {
  const each = rows.map(() => ({}) as Samples);
  const pooled = {} as Samples;
  for (const id of REPORT_METRIC_IDS) {
    const { all, parts } = decodeFloat8sInto(rows.map((r) => r?.[`${id}_v`] as Uint8Array | string | null));
    for (const [i, part] of parts.entries()) each[i]![id] = part;
    pooled[id] = all;
  }
  return { each, pooled };
}

/** n, median and quartiles of every metric over the rows' pooled samples (none: n 0, nulls). */
function readStats(...rows: Array<Row | undefined>): MetricStatsById {
  return statsBy(readSamples(rows).pooled);
}

/** n, median and quartiles of every metric of the samples (reordered in place). */
function statsBy(samples: Samples): MetricStatsById {
  const out = {} as MetricStatsById;
  for (const id of REPORT_METRIC_IDS) out[id] = statsOf(samples[id]);
  return out;
}

const inPeriod = (b: { f: string; t: string }) =>
  sql`cm.occurred_at >= ${b.f}::timestamptz and cm.occurred_at < ${b.t}::timestamptz`;

async function orgOf(db: Database, orgId: string) {
  const [org] = await db
    .select({ timeZone: organizations.timeZone, currency: organizations.currency })
    .from(organizations)
    .where(eq(organizations.id, orgId));
  if (!org) throw new DebriefError("not_found", "no such organization");
  return org;
}

async function periodOf(db: Database, orgId: string, input: { from: string; to: string }) {
  const org = await orgOf(db, orgId);
  const period: ReportPeriod = parsePeriod({ ...input, timeZone: org.timeZone });
  return { org, period, bounds: await periodInstants(db, period) };
}

/**
 * The team-report queries, given the period's instants. Exported for the benchmark's plans. The
 * per-rep query's groups (the calls without a rep included) pool into the team's figures; the
 * calls of closed deals, grouped by the deal's status and the call's talk-ratio band, give both
 * the won-vs-lost figures (pooled over the bands) and the bands (summed over the two statuses: a
 * deal has one status, so its distinct deals add up). The two run at once on two connections.
 */
export function teamQueries(orgId: string, b: { f: string; t: string }): Record<"byRep" | "closed", SQL> {
  return {
    byRep: sql`
      select cm.rep_user_id as rep, count(*) as calls, ${samplesColumns()}
      from call_metrics cm
      where cm.org_id = ${orgId} and ${inPeriod(b)}
      group by cm.rep_user_id`,
    closed: sql`
      select d.status,
        case when cm.talk_ratio < 0.35 then 0 when cm.talk_ratio < 0.5 then 1
             when cm.talk_ratio < 0.65 then 2 when cm.talk_ratio is not null then 3 end as band,
        count(*) as calls, count(distinct d.id) as deals, ${samplesColumns()}
      from call_metrics cm
      join crm_deals d on d.org_id = cm.org_id and d.id = cm.crm_deal_id
      where cm.org_id = ${orgId} and ${inPeriod(b)} and d.status in ('won', 'lost')
      group by 1, 2`,
  };
}

/**
 * Week by week (ISO weeks, organization's time zone) over `[from, to)`: calls and each metric's
 * median, for the call_metrics rows matching `where` (aliased `cm`). Weeks without calls are kept.
 */
async function weeklyMedians(
  db: Database,
  where: SQL,
  period: ReportPeriod,
  bounds: { f: string; t: string },
): Promise<WeekPoint[]> {
  const rows = resultRows<Row>(
    await db.execute(sql`
      select to_char(date_trunc('week', cm.occurred_at at time zone ${period.timeZone}), 'YYYY-MM-DD') as week,
        count(*) as calls, ${samplesColumns()}
      from call_metrics cm
      where ${where} and ${inPeriod(bounds)}
      group by 1`),
  );
  return weeksOf(period.from, period.to).map((start) => {
    const r = rows.find((x) => x.week === start);
    const s = readStats(r);
    const medians = Object.fromEntries(REPORT_METRIC_IDS.map((id) => [id, s[id].median])) as Record<
      ReportMetricId,
      number | null
    >;
    return { week: isoWeek(start), start, calls: num(r?.calls), medians };
  });
}

/**
 * The whole team's calls week by week over `[from, to)` (the dashboard's team trend charts).
 * Managers and admins only.
 *
 * @example
 * const weeks = await teamWeeks(ctx, { from: "2026-03-02", to: "2026-03-30" });
 */
export async function teamWeeks(
  ctx: OperationCtx,
  input: { from: string; to: string },
): Promise<WeekPoint[]> {
  requireRole(ctx.actor, "admin", "manager");
  const { db } = ctx.services;
  const { period, bounds } = await periodOf(db, ctx.actor.orgId, input);
  return weeklyMedians(db, sql`cm.org_id = ${ctx.actor.orgId}`, period, bounds);
}

export const TALK_BANDS: ReadonlyArray<{ label: string; low: number; high: number }> = [
  { label: "under 35%", low: 0, high: 0.35 },
  { label: "35–50%", low: 0.35, high: 0.5 },
  { label: "50–65%", low: 0.5, high: 0.65 },
  { label: "65% and over", low: 0.65, high: 1 },
];

/**
 * Every rep side by side for `[from, to)` (organization's time zone): call metrics, outcome
 * metrics, outlier flags and behaviour ↔ outcome insights. Managers and admins only.
 *
 * @example
 * const r = await teamReport(ctx, { from: "2026-03-01", to: "2026-04-01" });
 */
export async function teamReport(
  ctx: OperationCtx,
  input: { from: string; to: string },
): Promise<TeamReport> {
  requireRole(ctx.actor, "admin", "manager");
  const { db } = ctx.services;
  const orgId = ctx.actor.orgId;
  const { org, period, bounds } = await periodOf(db, orgId, input);
  const q = teamQueries(orgId, bounds);
  const rows = (query: SQL) => db.execute(query).then((r) => resultRows<Row>(r));
  const [byRepRows, closedRows, o] = await Promise.all([
    rows(q.byRep),
    rows(q.closed),
    outcomesOver(db, ctx.actor, { currency: org.currency, period, bounds }),
  ]);
  const { report: outcomes, people, closedByRep: deals } = o;

  // Each group's values decoded once: for its rep, then pooled for the team.
  const samples = readSamples(byRepRows);
  const groups = byRepRows.map((r, i) => ({ rep: r.rep, calls: num(r.calls), samples: samples.each[i]! }));
  const byRep = new Map(groups.filter((g) => typeof g.rep === "string").map((g) => [g.rep as string, g]));
  const outcomeOf = new Map(outcomes.reps.map((r) => [r.userId, r.metrics]));
  const reps = [...people]
    .filter((u) => u.role === "rep" || byRep.has(u.id) || deals.has(u.id))
    .sort((a, b) => a.name.localeCompare(b.name) || a.email.localeCompare(b.email))
    .map((u) => ({
      userId: u.id,
      name: u.name,
      email: u.email,
      calls: num(byRep.get(u.id)?.calls),
      metrics: byRep.has(u.id) ? statsBy(byRep.get(u.id)!.samples) : readStats(),
      deals: deals.get(u.id) ?? { won: 0, lost: 0 },
      outcomes: outcomeOf.get(u.id) ?? null,
      flags: [],
    }));
  // After the reps' figures: this reorders the pooled values across the reps' views.
  const teamMetrics = statsBy(samples.pooled);
  const flags = outlierFlags(reps);
  for (const r of reps) r.flags = flags.get(r.userId) as never;

  const inBand = (i: number) => closedRows.filter((r) => r.band !== null && Number(r.band) === i);
  const talkBands: TalkBand[] = TALK_BANDS.map((b, i) => {
    const rs = inBand(i);
    const callsN = rs.reduce((n, r) => n + num(r.calls), 0);
    const won = rs.reduce((n, r) => n + (r.status === "won" ? num(r.calls) : 0), 0);
    return {
      ...b,
      calls: callsN,
      wonCalls: won,
      deals: rs.reduce((n, r) => n + num(r.deals), 0),
      winRate: callsN > 0 ? won / callsN : null,
    };
  });
  const side = (status: "won" | "lost") => readStats(...closedRows.filter((r) => r.status === status));
  const won = side("won");
  const lost = side("lost");
  const wl = (id: ReportMetricId): WonLost => ({ won: won[id], lost: lost[id] });

  return {
    kind: "team",
    period,
    currency: org.currency,
    calls: groups.reduce((n, g) => n + g.calls, 0),
    metrics: teamMetrics,
    outcomes: { metrics: outcomes.metrics, reasons: outcomes.reasons },
    reps,
    minCallsForFlags: MIN_CALLS_FOR_FLAGS,
    insights: {
      closedDealCalls: closedRows.reduce((n, r) => n + num(r.calls), 0),
      talkBands,
      repQuestions: wl("repQuestions"),
      patienceSec: wl("patienceSec"),
    },
  };
}

/** The user a review is about, as the actor may see them: a rep only themselves (else 404). */
async function reviewedUser(db: Database, actor: Actor, userId: string) {
  if (actor.role === "rep" && userId !== actor.userId)
    throw new DebriefError("not_found", `no user ${userId}`);
  const [u] = await db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(and(eq(users.orgId, actor.orgId), eq(users.id, userId)));
  if (!u) throw new DebriefError("not_found", `no user ${userId}`);
  return u;
}

/**
 * One rep's review of `[from, to)`: their calls aggregated, week by week, against the previous
 * period of equal length, their outcome metrics and what the team's top performers do.
 * Reps read their own; managers and admins anyone's of the organization.
 *
 * @example
 * const r = await repReview(ctx, { userId: "usr_…", from: "2026-03-01", to: "2026-04-01" });
 */
export async function repReview(
  ctx: OperationCtx,
  input: { userId: string; from: string; to: string },
): Promise<RepReview> {
  const { db } = ctx.services;
  const orgId = ctx.actor.orgId;
  const user = await reviewedUser(db, ctx.actor, input.userId);
  const { org, period, bounds } = await periodOf(db, orgId, input);
  const days = epochDay(period.to)! - epochDay(period.from)!;
  const previousPeriod: ReportPeriod = { ...period, from: addDays(period.from, -days), to: period.from };
  const prev = await periodInstants(db, previousPeriod);
  const samples = samplesColumns();
  const rep = sql`cm.org_id = ${orgId} and cm.rep_user_id = ${user.id}`;

  const [periodRows, weekRows, teamRows, o] = await Promise.all([
    db
      .execute(sql`
        select (cm.occurred_at >= ${bounds.f}::timestamptz) as current, count(*) as calls, ${samples}
        from call_metrics cm
        where ${rep} and cm.occurred_at >= ${prev.f}::timestamptz and cm.occurred_at < ${bounds.t}::timestamptz
        group by 1`)
      .then((r) => resultRows<Row>(r)),
    weeklyMedians(db, rep, period, bounds),
    db
      .execute(
        sql`select count(*) as calls, ${samples} from call_metrics cm where cm.org_id = ${orgId} and ${inPeriod(bounds)}`,
      )
      .then((r) => resultRows<Row>(r)),
    outcomesOver(db, ctx.actor, { currency: org.currency, period, bounds }),
  ]);
  const { report: outcomes, closedByRep: deals } = o;
  const isCurrent = (r: Row) => r.current === true || r.current === "t" || r.current === "true";
  const cur = periodRows.find(isCurrent);
  const before = periodRows.find((r) => !isCurrent(r));
  const metrics = readStats(cur);
  const previousMetrics = readStats(before);

  const weeks = weekRows;

  // Top performers: the top quartile by win rate, their pooled calls against everyone else's.
  const names = new Map(o.people.map((u) => [u.id, u.name]));
  const ranked = topQuartile([...deals].map(([userId, d]) => ({ userId, ...d })));
  let topMetrics: RepReview["topPerformers"]["metrics"] = [];
  if (ranked.top.length > 0) {
    const ids = sql.join(
      ranked.top.map((r) => sql`${r.userId}`),
      sql`, `,
    );
    const rows = resultRows<Row>(
      await db.execute(sql`
        select coalesce(cm.rep_user_id in (${ids}), false) as top, count(*) as calls, ${samples}
        from call_metrics cm where cm.org_id = ${orgId} and ${inPeriod(bounds)} group by 1`),
    );
    const topRow = readStats(rows.find(isTopRow));
    const restRow = readStats(rows.find((r) => !isTopRow(r)));
    topMetrics = REPORT_METRIC_IDS.map((id) => ({
      id,
      top: topRow[id].median,
      topN: topRow[id].n,
      rest: restRow[id].median,
      restN: restRow[id].n,
    }));
  }

  return {
    kind: "rep-review",
    period,
    previousPeriod,
    rep: { userId: user.id, name: user.name, email: user.email },
    calls: num(cur?.calls),
    metrics,
    previousCalls: num(before?.calls),
    previousMetrics,
    movedMost: movedMost(metrics, previousMetrics),
    weeks,
    deals: deals.get(user.id) ?? { won: 0, lost: 0 },
    outcomes: (() => {
      const o = outcomes.reps.find((r) => r.userId === user.id);
      return o ? { metrics: o.metrics, reasons: o.reasons } : null;
    })(),
    team: { calls: num(teamRows[0]?.calls), metrics: readStats(teamRows[0]) },
    topPerformers: {
      minClosedDeals: MIN_CLOSED_DEALS,
      eligibleReps: ranked.eligible,
      top: ranked.top.map((r) => ({
        userId: r.userId,
        name: names.get(r.userId) ?? r.userId,
        winRate: r.winRate,
        closed: r.closed,
      })),
      metrics: topMetrics,
      reason:
        ranked.top.length > 0
          ? null
          : `only ${ranked.eligible} rep(s) closed at least ${MIN_CLOSED_DEALS} deals in the period; a top quartile needs 4`,
    },
  };
}

const isTopRow = (r: Row) => r.top === true || r.top === "t" || r.top === "true";

/**
 * The post-call report of one call for its rep: metrics against the team's medians (the
 * organization's calls of the last 90 days) and the targets, playbook gaps, objections, habits,
 * next steps and a timeline. A colleague's (for reps) or another organization's call is a 404.
 *
 * @example
 * const r = await postCallReport(ctx, "call_…");
 */
export async function postCallReport(ctx: OperationCtx, callId: string): Promise<PostCallReport> {
  const { db } = ctx.services;
  const { actor } = ctx;
  const visible = and(
    eq(calls.id, callId),
    eq(calls.orgId, actor.orgId),
    actor.role === "rep" ? eq(calls.repUserId, actor.userId) : undefined,
  );
  const [row] = await db
    .select({
      id: calls.id,
      title: calls.title,
      occurredAt: calls.occurredAt,
      repUserId: calls.repUserId,
      repName: users.name,
      crmDealId: calls.crmDealId,
      analysis: calls.analysis,
      coaching: calls.coaching,
      coachingStatus: calls.coachingStatus,
      transcript: calls.transcript,
    })
    .from(calls)
    .leftJoin(users, eq(users.id, calls.repUserId))
    .where(visible);
  if (!row) throw new DebriefError("not_found", `no call ${callId}`);
  const [m] = await db.select().from(callMetrics).where(eq(callMetrics.callId, row.id));
  if (!m || !row.analysis) throw new DebriefError("conflict", `call ${callId} has not been analysed yet`);

  const to = ctx.services.now();
  const from = new Date(to.getTime() - TEAM_WINDOW_DAYS * 86_400_000);
  const [teamRow] = resultRows<Row>(
    await db.execute(sql`
      select count(*) as calls, ${samplesColumns()} from call_metrics cm
      where cm.org_id = ${actor.orgId}
        and cm.occurred_at >= ${from.toISOString()}::timestamptz and cm.occurred_at < ${to.toISOString()}::timestamptz`),
  );
  const values: Record<ReportMetricId, number | null> = {
    talkRatio: m.talkRatio,
    longestMonologueSec: m.longestMonologueSec,
    repQuestions: m.repQuestionsOpen + m.repQuestionsClosed,
    patienceSec: m.patienceSec,
    interactivity: m.interactivity,
    repFillersPerMin: m.repFillersPerMin,
    playbookScore: m.playbookScore,
  };
  const metrics = compareCall(values, readStats(teamRow));
  const coaching = row.coaching;
  const playbook = coaching?.playbook ?? null;

  return {
    kind: "post-call",
    call: {
      id: row.id,
      title: row.title,
      occurredAt: row.occurredAt.toISOString(),
      rep: row.repUserId ? { userId: row.repUserId, name: row.repName ?? row.repUserId } : null,
      durationSec: row.analysis.durationSec,
      crmDealId: row.crmDealId,
      coachingStatus: row.coachingStatus,
      language: row.analysis.language,
    },
    team: {
      from: from.toISOString(),
      to: to.toISOString(),
      calls: num(teamRow?.calls),
      quantile: "percentile_cont",
    },
    metrics,
    playbook: playbook
      ? {
          name: playbook.name,
          score: playbook.score,
          gaps: playbook.items.flatMap((i) =>
            i.status === "covered" ? [] : [{ id: i.id, title: i.title, status: i.status }],
          ),
        }
      : null,
    objections: (coaching?.objections ?? []).map((o) => ({
      text: o.text,
      category: o.category,
      at: o.start,
      handling: o.handling,
      resolved: o.resolved,
      response: o.response?.quote ?? null,
    })),
    habits: pickHabits(metrics, coaching?.summary.toChange ?? [], coachingLanguage(row.analysis.language)),
    nextSteps: coaching?.summary.nextSteps ?? [],
    timeline: timelineOf(row.transcript, row.analysis, coaching),
  };
}

/** Who spoke when, from the stored transcript, with the analysis' questions and coaching's objections. */
export function timelineOf(
  transcript: { utterances: Array<{ speaker: string; start: number | null; end: number | null }> } | null,
  analysis: {
    durationSec: number | null;
    speakers: Array<{ id: string; role: string }>;
    questions: Array<{ speaker: string; start: number | null; kind: "open" | "closed" }>;
  },
  coaching: {
    objections: Array<{
      start: number | null;
      category: Timeline["objections"][number]["category"];
      resolved: boolean;
    }>;
  } | null,
): Timeline | null {
  if (!transcript) return null;
  const roleOf = new Map(
    analysis.speakers.map(
      (s) => [s.id, s.role === "rep" || s.role === "customer" ? s.role : "other"] as const,
    ),
  );
  const segments = transcript.utterances.flatMap((u) =>
    u.start === null || u.end === null || u.end < u.start
      ? []
      : [
          {
            speaker: u.speaker,
            role: roleOf.get(u.speaker) ?? ("other" as const),
            start: u.start,
            end: u.end,
          },
        ],
  );
  if (segments.length === 0) return null;
  const durationSec = analysis.durationSec ?? Math.max(...segments.map((s) => s.end));
  return {
    durationSec,
    speakers: analysis.speakers.map((s) => ({ id: s.id, role: roleOf.get(s.id)! })),
    segments,
    questions: analysis.questions.flatMap((q) =>
      q.start === null ? [] : [{ at: q.start, speaker: q.speaker, kind: q.kind }],
    ),
    objections: (coaching?.objections ?? []).flatMap((o) =>
      o.start === null ? [] : [{ at: o.start, category: o.category, resolved: o.resolved }],
    ),
  };
}
