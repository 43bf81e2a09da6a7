import { type CoachingLanguage, coachingLanguage } from "../coaching/lang/index.js";
import { addDays, epochDay } from "../outcomes/period.js";
import {
  adviceOf,
  formatMetric,
  type MetricStatsById,
  percentileCont,
  REPORT_METRIC_IDS,
  REPORT_METRICS,
  type ReportMetricId,
  targetGap,
  verdictOf,
} from "./metrics.js";
import type { Habit, MetricMove, OutlierFlag, PostCallMetric } from "./types.js";

/** The report figures computed from already-gathered numbers. Pure; see docs/reports.md. */

/** A rep needs this many calls in a period before their medians are flagged as outliers. */
export const MIN_CALLS_FOR_FLAGS = 3;
/** …and the IQR rule needs this many such reps (quartiles of fewer say nothing). */
export const MIN_REPS_FOR_IQR = 4;
/** A rep needs this many deals closed in the period to be ranked by win rate. */
export const MIN_CLOSED_DEALS = 3;

/**
 * The Monday (`YYYY-MM-DD`) of the ISO week holding a date.
 *
 * @example
 * mondayOf("2026-03-29"); // "2026-03-23" (a Sunday belongs to the week before)
 */
export function mondayOf(date: string): string {
  const day = epochDay(date);
  if (day === null) throw new RangeError(`not a date: ${date}`);
  // 1970-01-01 was a Thursday: (day + 3) mod 7 is 0 on Mondays.
  return addDays(date, -(((day + 3) % 7) + 7) % 7);
}

/**
 * ISO 8601 week name of a Monday: the week belongs to the year of its Thursday.
 *
 * @example
 * isoWeek("2026-03-23"); // "2026-W13"
 * isoWeek("2024-12-30"); // "2025-W01"
 */
export function isoWeek(monday: string): string {
  const thursday = addDays(monday, 3);
  const year = thursday.slice(0, 4);
  const jan1 = epochDay(`${year}-01-01`)!;
  const week = Math.floor((epochDay(thursday)! - jan1) / 7) + 1;
  return `${year}-W${String(week).padStart(2, "0")}`;
}

/** The Mondays of every ISO week that overlaps `[from, to)`. */
export function weeksOf(from: string, to: string): string[] {
  const out: string[] = [];
  const last = addDays(to, -1);
  for (let m = mondayOf(from); m <= last; m = addDays(m, 7)) out.push(m);
  return out;
}

/**
 * The metric whose median moved most between two periods, relatively: (current − previous) ÷
 * |previous|, over metrics with both medians and a non-zero previous one.
 */
export function movedMost(current: MetricStatsById, previous: MetricStatsById): MetricMove | null {
  let best: MetricMove | null = null;
  for (const id of REPORT_METRIC_IDS) {
    const c = current[id].median;
    const p = previous[id].median;
    if (c === null || p === null || p === 0) continue;
    const change = (c - p) / Math.abs(p);
    if (best === null || Math.abs(change) > Math.abs(best.change))
      best = { metric: id, previous: p, current: c, change };
  }
  return best;
}

/**
 * Outlier flags of each rep: a median beyond 1.5 × IQR of the reps' medians (Tukey's fences,
 * quartiles by percentile_cont, with at least MIN_REPS_FOR_IQR reps), or a median the published
 * benchmark calls "bad". Reps with fewer than MIN_CALLS_FOR_FLAGS calls are never flagged.
 */
export function outlierFlags(
  reps: ReadonlyArray<{ userId: string; calls: number; metrics: MetricStatsById }>,
): Map<string, OutlierFlag[]> {
  const flags = new Map<string, OutlierFlag[]>(reps.map((r) => [r.userId, []]));
  const eligible = reps.filter((r) => r.calls >= MIN_CALLS_FOR_FLAGS);
  for (const id of REPORT_METRIC_IDS) {
    const metric = REPORT_METRICS[id];
    const medians = eligible.flatMap((r) => (r.metrics[id].median === null ? [] : [r.metrics[id].median!]));
    let fences: { low: number; high: number } | null = null;
    if (medians.length >= MIN_REPS_FOR_IQR) {
      const q1 = percentileCont(medians, 0.25)!;
      const q3 = percentileCont(medians, 0.75)!;
      fences = { low: q1 - 1.5 * (q3 - q1), high: q3 + 1.5 * (q3 - q1) };
    }
    for (const r of eligible) {
      const v = r.metrics[id].median;
      if (v === null) continue;
      const list = flags.get(r.userId)!;
      if (fences && (v < fences.low || v > fences.high)) {
        const high = v > fences.high;
        list.push({
          metric: id,
          rule: "iqr",
          direction: high ? "high" : "low",
          detail: `${formatMetric(id, v)} is ${high ? "above" : "below"} the team's ${high ? "upper" : "lower"} fence ${formatMetric(id, high ? fences.high : fences.low)}`,
        });
      }
      if (verdictOf(metric, v) === "bad" && metric.target) {
        const high = metric.target.high !== null && v > metric.target.high;
        list.push({
          metric: id,
          rule: "target",
          direction: high ? "high" : "low",
          detail: `${formatMetric(id, v)} is far from the target ${metric.target.text}`,
        });
      }
    }
  }
  return flags;
}

/**
 * The top quartile by win rate: reps with at least MIN_CLOSED_DEALS closed deals, best first
 * (ties: more closed deals, then id), ⌈n/4⌉ of them; none when fewer than MIN_REPS_FOR_IQR qualify.
 */
export function topQuartile<T extends { userId: string; won: number; lost: number }>(
  reps: readonly T[],
): { eligible: number; top: Array<T & { winRate: number; closed: number }> } {
  const ranked = reps
    .map((r) => ({
      ...r,
      closed: r.won + r.lost,
      winRate: r.won + r.lost > 0 ? r.won / (r.won + r.lost) : 0,
    }))
    .filter((r) => r.closed >= MIN_CLOSED_DEALS)
    .sort((a, b) => b.winRate - a.winRate || b.closed - a.closed || a.userId.localeCompare(b.userId));
  if (ranked.length < MIN_REPS_FOR_IQR) return { eligible: ranked.length, top: [] };
  return { eligible: ranked.length, top: ranked.slice(0, Math.ceil(ranked.length / 4)) };
}

/**
 * The call's metrics against the team and the targets, in report order.
 */
export function compareCall(
  values: Record<ReportMetricId, number | null>,
  team: MetricStatsById,
): PostCallMetric[] {
  return REPORT_METRIC_IDS.map((id) => {
    const m = REPORT_METRICS[id];
    const value = values[id];
    return {
      id,
      label: m.label,
      value,
      teamMedian: team[id].median,
      teamN: team[id].n,
      target: m.target?.text ?? null,
      verdict: verdictOf(m, value),
      gap: targetGap(m, value),
    };
  });
}

/**
 * One or two habits to work on: the metric furthest from its target (largest relative gap), then
 * coaching's first "to change" when there is one, else the next-furthest metric. Written in
 * `language` (the call's; English by default): titles, advice and the line to try.
 */
export function pickHabits(
  metrics: readonly PostCallMetric[],
  toChange: readonly string[],
  language: CoachingLanguage = coachingLanguage("en"),
): Habit[] {
  const R = language.report;
  const off = metrics
    .filter((m) => m.gap !== null && m.gap > 0 && m.value !== null)
    .sort((a, b) => b.gap! - a.gap! || a.id.localeCompare(b.id))
    .map(
      (m): Habit => ({
        metric: m.id,
        title: R.habitTitle(
          R.metrics[m.id] ?? m.label,
          formatMetric(m.id, m.value),
          R.targets[m.id] ?? m.target ?? "—",
        ),
        why:
          language.text.benchmarks?.[m.id]?.advice(m.value!) ??
          adviceOf(REPORT_METRICS[m.id], m.value!) ??
          "",
        suggestedLine: R.suggestedLines[m.id] ?? REPORT_METRICS[m.id].suggestedLine,
      }),
    );
  const habits: Habit[] = off.slice(0, 1);
  const coached = toChange[0];
  if (coached) habits.push({ metric: null, title: coached, why: R.fromCoaching, suggestedLine: null });
  for (const h of off.slice(1)) if (habits.length < 2) habits.push(h);
  return habits.slice(0, 2);
}
