import { asc, eq, type SQL, sql } from "drizzle-orm";
import type { OperationCtx } from "../context.js";
import { type Database, resultRows } from "../db/database.js";
import { decodeFloat8sInto, packedDoubles } from "../db/packed.js";
import { organizations, users } from "../db/schema/index.js";
import { DebriefError } from "../errors.js";
import {
  type ActivityCounts,
  type CustomerCounts,
  type DealCounts,
  EMPTY_ACTIVITIES,
  EMPTY_DEALS,
  EMPTY_LEADS,
  type LeadCounts,
  type OrgMetrics,
  orgMetrics,
  type Reasons,
  type RepMetrics,
  repMetrics,
} from "./metrics.js";
import { addDays, type Period, parsePeriod } from "./period.js";
import { nearestRanksOf } from "./quantile.js";

/**
 * Outcome metrics of a period, computed in SQL that runs on PostgreSQL and PGlite alike: a few
 * aggregate queries (grouped by rep, with the organization's total as a grouping set) whose counts
 * `metrics.ts` divides. See docs/outcomes.md for the definitions.
 */

export type OutcomesCtx = OperationCtx;

export interface RepOutcome {
  userId: string;
  email: string;
  name: string;
  metrics: RepMetrics;
  reasons: Reasons;
}

export interface OutcomesReport {
  from: string;
  to: string;
  timeZone: string;
  currency: string;
  metrics: OrgMetrics;
  reasons: Reasons;
  reps: RepOutcome[];
}

const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));
const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
/** `grouping()` comes back as a number or a string depending on the driver. */
const isTotal = (v: unknown) => Number(v) === 1;

interface Grouped<T> {
  total: T;
  byRep: Map<string, T>;
}

function group<T>(
  rows: Array<Record<string, unknown>>,
  empty: T,
  read: (r: Record<string, unknown>) => T,
): Grouped<T> {
  const out: Grouped<T> = { total: empty, byRep: new Map() };
  for (const r of rows) {
    if (isTotal(r.total)) out.total = read(r);
    else if (typeof r.rep === "string") out.byRep.set(r.rep, read(r));
  }
  return out;
}

/** The lead-response quantiles (`percentile_disc`, nearest rank) of the outcome metrics. */
const LEAD_QUANTILES = [0.5, 0.9] as const;

/**
 * Lead counts by owner (the null owner included), which add up to the organization's, with the
 * nearest-rank quantiles of each owner's packed response times and of all of them pooled.
 */
function leadCounts(rows: Array<Record<string, unknown>>): Grouped<LeadCounts> {
  const { all, parts } = decodeFloat8sInto(rows.map((r) => r.delays as string | Uint8Array | null));
  const quantiles = (delays: Float64Array) => {
    const [medianSec, p90Sec] = nearestRanksOf(delays, LEAD_QUANTILES);
    return { medianSec: medianSec ?? null, p90Sec: p90Sec ?? null };
  };
  const out: Grouped<LeadCounts> = { total: EMPTY_LEADS, byRep: new Map() };
  const sum = { ...EMPTY_LEADS };
  for (const [i, r] of rows.entries()) {
    const c: LeadCounts = {
      leads: num(r.leads),
      converted: num(r.converted),
      answered: num(r.answered),
      within5Min: num(r.within5),
      within1Hour: num(r.within60),
      ...quantiles(parts[i]!),
    };
    sum.leads += c.leads;
    sum.converted += c.converted;
    sum.answered += c.answered;
    sum.within5Min += c.within5Min;
    sum.within1Hour += c.within1Hour;
    if (typeof r.rep === "string") out.byRep.set(r.rep, c);
  }
  // After the owners' figures: selecting in the pooled values reorders across their parts.
  out.total = { ...sum, ...quantiles(all) };
  return out;
}

/** Activity counts by rep (the null rep included), which add up to the organization's. */
function activityCounts(rows: Array<Record<string, unknown>>): Grouped<ActivityCounts> {
  const out: Grouped<ActivityCounts> = { total: EMPTY_ACTIVITIES, byRep: new Map() };
  for (const r of rows) {
    const c = { sent: num(r.sent), replied: num(r.replied) };
    out.total = { sent: out.total.sent + c.sent, replied: out.total.replied + c.replied };
    if (typeof r.rep === "string") out.byRep.set(r.rep, c);
  }
  return out;
}

/**
 * The outcome metrics of `[from, to)` (dates in `timeZone`, else the organization's), for the
 * organization and per rep. A rep's key gets the organization's figures and only their own row.
 *
 * @example
 * const r = await outcomeReport(ctx, { from: "2026-01-01", to: "2026-04-01" });
 * r.metrics.winRate; // 0.33…
 */
export async function outcomeReport(
  ctx: OutcomesCtx,
  input: { from: string; to: string; timeZone?: string | undefined },
): Promise<OutcomesReport> {
  const db = ctx.services.db;
  const [org] = await db
    .select({ timeZone: organizations.timeZone, currency: organizations.currency })
    .from(organizations)
    .where(eq(organizations.id, ctx.actor.orgId));
  if (!org) throw new DebriefError("not_found", "no such organization");
  const period = parsePeriod({ from: input.from, to: input.to, timeZone: input.timeZone ?? org.timeZone });
  const bounds = await periodInstants(db, period);
  return (await outcomesOver(db, ctx.actor, { currency: org.currency, period, bounds })).report;
}

export interface Person {
  id: string;
  email: string;
  name: string;
  role: string;
}

export interface OutcomesData {
  report: OutcomesReport;
  /** Every user of the organization, by e-mail (what the reports name people from). */
  people: Person[];
  /** Deals closed in the period as won / lost, by owner; owners who closed none are absent. */
  closedByRep: Map<string, { won: number; lost: number }>;
}

/**
 * The outcome report of a period whose organization and instants the caller has already read
 * (the reports share them), with what the reports also need from the same queries: the users and
 * the closed deals per rep. Six queries, sent at once.
 */
export async function outcomesOver(
  db: Database,
  actor: OutcomesCtx["actor"],
  at: { currency: string; period: Period; bounds: { f: string; t: string } },
): Promise<OutcomesData> {
  const orgId = actor.orgId;
  const { period } = at;
  const q = outcomeQueries(orgId, at.bounds, period);
  const [leadRows, dealRows, activityRows, customerRows, costRows, people] = await Promise.all([
    db.execute(q.leads),
    db.execute(q.deals),
    db.execute(q.activities),
    db.execute(q.customers),
    db.execute(q.costs),
    db
      .select({ id: users.id, email: users.email, name: users.name, role: users.role })
      .from(users)
      .where(eq(users.orgId, orgId))
      .orderBy(asc(users.email)),
  ]);

  const leads = leadCounts(resultRows(leadRows));
  const deals = group<DealCounts>(resultRows(dealRows), EMPTY_DEALS, (r) => ({
    created: num(r.created),
    won: num(r.won),
    lost: num(r.lost),
    meanWonAmount: numOrNull(r.mean_amount),
    meanWonDays: numOrNull(r.mean_days),
  }));
  const activities = activityCounts(resultRows(activityRows));
  const [c] = resultRows<Record<string, unknown>>(customerRows);
  const customers: CustomerCounts = {
    active: num(c?.active),
    churned: num(c?.churned),
    started: num(c?.started),
  };
  const [cost] = resultRows<{ cost: unknown }>(costRows);

  const org_ = orgMetrics(leads.total, deals.total, activities.total, customers, num(cost?.cost));

  // Reps: every user with the rep role, and anyone else who owns records of the period; a rep's
  // key sees only their own row.
  const involved = new Set([...leads.byRep.keys(), ...deals.byRep.keys(), ...activities.byRep.keys()]);
  const reps = people
    .filter((u) => actor.role !== "rep" || u.id === actor.userId)
    .filter((u) => u.role === "rep" || involved.has(u.id))
    .map((u) => {
      const m = repMetrics(
        leads.byRep.get(u.id) ?? EMPTY_LEADS,
        deals.byRep.get(u.id) ?? EMPTY_DEALS,
        activities.byRep.get(u.id) ?? EMPTY_ACTIVITIES,
      );
      return { userId: u.id, email: u.email, name: u.name, metrics: m.metrics, reasons: m.reasons };
    });

  const closedByRep = new Map<string, { won: number; lost: number }>();
  for (const [rep, d] of deals.byRep)
    if (d.won + d.lost > 0) closedByRep.set(rep, { won: d.won, lost: d.lost });

  return {
    report: { ...period, currency: at.currency, metrics: org_.metrics, reasons: org_.reasons, reps },
    people,
    closedByRep,
  };
}

/**
 * The instants (ISO UTC) of a period's bounds: local midnight of each date in its zone (DST-aware),
 * as PostgreSQL reads it. Throws `validation_failed` when the database does not know the zone.
 *
 * @example
 * await periodInstants(db, { from: "2026-03-23", to: "2026-03-30", timeZone: "Europe/Berlin" });
 * // { f: "2026-03-22T23:00:00Z", t: "2026-03-29T22:00:00Z" }
 */
export async function periodInstants(db: Database, period: Period): Promise<{ f: string; t: string }> {
  try {
    const [bounds] = resultRows<{ f: string; t: string }>(
      await db.execute(sql`select
        to_char((${period.from}::date::timestamp at time zone ${period.timeZone}) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as f,
        to_char((${period.to}::date::timestamp at time zone ${period.timeZone}) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as t`),
    );
    return bounds!;
  } catch {
    throw new DebriefError("validation_failed", `timeZone: the database does not know ${period.timeZone}`, {
      details: { errors: [{ path: "timeZone", message: "unknown time zone" }] },
    });
  }
}

/**
 * A lead's response time in seconds, `extract(epoch from (first_response_at − created_at))::float8`
 * — the numeric, exactly converted — computed in doubles when the delay is under a day: the
 * difference is then microseconds alone (no days, no months), and `date_part`'s division by 10⁶
 * rounds once, as the numeric's conversion does, to the same double. (The numeric costs most of
 * the leads query over a year, evaluated once per aggregate that reads the delay.)
 */
const responseSeconds = sql.raw(`case when l.first_response_at - l.created_at < interval '1 day'
            then date_part('epoch', l.first_response_at - l.created_at)
            else extract(epoch from (l.first_response_at - l.created_at))::float8 end`);

/**
 * The whole UTC days `[from, to)` inside the instants `[f, t)`, and where they begin and end
 * (`fromAt`, `toAt`); when there are none, no days and both instants `t`, so that `[f, fromAt)`
 * and `[toAt, t)` always split the rest of the period exactly.
 *
 * @example
 * wholeUtcDays({ f: "2025-12-31T23:00:00Z", t: "2026-12-31T23:00:00Z" });
 * // { from: "2026-01-01", to: "2026-12-31", fromAt: "2026-01-01T00:00:00Z", toAt: "2026-12-31T00:00:00Z" }
 */
export function wholeUtcDays(bounds: { f: string; t: string }): {
  from: string;
  to: string;
  fromAt: string;
  toAt: string;
} {
  const first = bounds.f.endsWith("T00:00:00Z") ? bounds.f.slice(0, 10) : addDays(bounds.f.slice(0, 10), 1);
  const end = bounds.t.slice(0, 10);
  if (first >= end) return { from: end, to: end, fromAt: bounds.t, toAt: bounds.t };
  return { from: first, to: end, fromAt: `${first}T00:00:00Z`, toAt: `${end}T00:00:00Z` };
}

/**
 * The five aggregate queries of a report, given the period's instants (`f`, `t`, ISO UTC) and
 * dates. Exported for the benchmark, which prints their plans.
 */
export function outcomeQueries(
  orgId: string,
  bounds: { f: string; t: string },
  period: Period,
): Record<"leads" | "deals" | "activities" | "customers" | "costs", SQL> {
  const f = sql`${bounds.f}::timestamptz`;
  const t = sql`${bounds.t}::timestamptz`;
  const days = wholeUtcDays(bounds);

  return {
    // One pass over the period's leads: the first response is stored on the lead, and its
    // converted deal (if won) comes from a hash join on the deals' key (plans: docs/benchmarks.md).
    // Counts per owner (the organization's are their sums) and each owner's response times,
    // packed for the nearest-rank quantiles selected in TypeScript (no database sort).
    leads: sql`
      select owner as rep,
        count(*) as leads,
        count(*) filter (where won) as converted,
        count(delay) as answered,
        count(*) filter (where delay <= 300) as within5,
        count(*) filter (where delay <= 3600) as within60,
        ${sql.raw(packedDoubles("delay"))} as delays
      from (
        select l.owner_user_id as owner, d.id is not null as won,
          ${responseSeconds} as delay
        from crm_leads l
        left join crm_deals d
          on d.org_id = l.org_id and d.id = l.converted_deal_id and d.status = 'won'
        where l.org_id = ${orgId} and l.created_at >= ${f} and l.created_at < ${t}
      ) s
      group by owner`,
    deals: sql`
      select grouping(owner_user_id) as total, owner_user_id as rep,
        count(*) filter (where created_at >= ${f} and created_at < ${t}) as created,
        count(*) filter (where status = 'won' and closed_at >= ${f} and closed_at < ${t}) as won,
        count(*) filter (where status = 'lost' and closed_at >= ${f} and closed_at < ${t}) as lost,
        avg(amount) filter (where status = 'won' and closed_at >= ${f} and closed_at < ${t})::float8 as mean_amount,
        avg(extract(epoch from (closed_at - created_at)) / 86400.0)
          filter (where status = 'won' and closed_at >= ${f} and closed_at < ${t})::float8 as mean_days
      from crm_deals
      where org_id = ${orgId}
        and ((created_at >= ${f} and created_at < ${t}) or (closed_at >= ${f} and closed_at < ${t}))
      group by grouping sets ((owner_user_id), ())`,
    // Per rep (the activities without one included; the caller adds up the organization's total):
    // the whole UTC days of the period from the daily rollup crm_activity_days (kept by triggers,
    // migration 0013), and the period's partial first and last UTC days — any time zone's midnight
    // — from the activities, one range of crm_activities_org_rep_out_at_idx per rep and edge,
    // counted from the index alone (whether an activity has a human reply is stored on it). Reps
    // are the organization's users, as the CRM writes resolve them (src/crm/operations.ts).
    activities: sql`
      with edges(lo, hi) as (values (${f}, ${days.fromAt}::timestamptz), (${days.toAt}::timestamptz, ${t}))
      select rep, sum(sent) as sent, sum(replied) as replied
      from (
        select nullif(rep, '') as rep, sent, replied
        from crm_activity_days
        where org_id = ${orgId} and day >= ${days.from}::date and day < ${days.to}::date
        union all
        select u.id, a.sent, a.replied
        from users u
        cross join edges edge
        cross join lateral (
          select count(*) as sent, count(*) filter (where human_reply) as replied
          from crm_activities
          where org_id = ${orgId} and rep_user_id = u.id and direction = 'outbound' and delivered
            and at >= edge.lo and at < edge.hi
        ) a
        where u.org_id = ${orgId}
        union all
        select null, a.sent, a.replied
        from edges edge
        cross join lateral (
          select count(*) as sent, count(*) filter (where human_reply) as replied
          from crm_activities
          where org_id = ${orgId} and rep_user_id is null and direction = 'outbound' and delivered
            and at >= edge.lo and at < edge.hi
        ) a
      ) x
      group by rep
      having sum(sent) > 0`,
    customers: sql`
      select
        count(*) filter (where started_at < ${f} and (churned_at is null or churned_at >= ${f})) as active,
        count(*) filter (where started_at < ${f} and churned_at >= ${f} and churned_at < ${t}) as churned,
        count(*) filter (where started_at >= ${f}) as started
      from crm_customers
      where org_id = ${orgId} and started_at < ${t}`,
    // Each cost row spread evenly over its days (both ends inclusive); the period's share by day.
    costs: sql`
      select coalesce(sum(amount
          * ((least(period_end, ${period.to}::date - 1) - greatest(period_start, ${period.from}::date) + 1)::numeric
          / (period_end - period_start + 1))), 0)::float8 as cost
      from crm_costs
      where org_id = ${orgId} and period_start < ${period.to}::date and period_end >= ${period.from}::date`,
  };
}
