import { BENCHMARKS, type Verdict } from "../analysis/benchmarks.js";

/**
 * The call metrics every report shows, read from `call_metrics` (never from re-analysed
 * transcripts). Pure: definitions, targets and the quantile rule the SQL uses. See docs/reports.md.
 */

export const REPORT_METRIC_IDS = [
  "talkRatio",
  "longestMonologueSec",
  "repQuestions",
  "patienceSec",
  "interactivity",
  "repFillersPerMin",
  "playbookScore",
] as const;
export type ReportMetricId = (typeof REPORT_METRIC_IDS)[number];

export interface ReportMetric {
  id: ReportMetricId;
  label: string;
  /** SQL expression over `call_metrics` aliased `cm` (a constant of this file, never user input). */
  sql: string;
  /** The published target range (docs/metrics.md), when there is one: inside it is on target. */
  target: { low: number | null; high: number | null; text: string } | null;
  /** Which way is better when there is no range: "higher", "lower" or null (neither). */
  better: "higher" | "lower" | null;
  unit: "share" | "seconds" | "count" | "perMinute" | "perMinuteSwitches" | "score";
  /** A line the rep can say next call to move this metric (habits). */
  suggestedLine: string | null;
}

const bench = (id: string) => BENCHMARKS.find((b) => b.id === id)!;

export const REPORT_METRICS: Readonly<Record<ReportMetricId, ReportMetric>> = {
  talkRatio: {
    id: "talkRatio",
    label: "Rep talk ratio",
    sql: "cm.talk_ratio",
    target: { low: 0.35, high: 0.5, text: bench("talkRatio").target },
    better: null,
    unit: "share",
    suggestedLine: "“Before I go on — how does that compare with the way you handle it today?”",
  },
  longestMonologueSec: {
    id: "longestMonologueSec",
    label: "Longest rep monologue",
    sql: "cm.longest_monologue_sec",
    target: { low: null, high: 150, text: bench("longestMonologueSec").target },
    better: "lower",
    unit: "seconds",
    suggestedLine: "“Let me pause there — which part of that matters most for your team?”",
  },
  repQuestions: {
    id: "repQuestions",
    label: "Rep questions",
    sql: "(cm.rep_questions_open + cm.rep_questions_closed)",
    target: { low: 11, high: 14, text: bench("repQuestions").target },
    better: null,
    unit: "count",
    suggestedLine: "“Walk me through what happens today when a new request comes in?”",
  },
  patienceSec: {
    id: "patienceSec",
    label: "Patience",
    sql: "cm.patience_sec",
    target: { low: 1, high: null, text: bench("patienceSec").target },
    better: "higher",
    unit: "seconds",
    suggestedLine: "Count one breath after the customer stops, then: “Tell me more about that.”",
  },
  interactivity: {
    id: "interactivity",
    label: "Interactivity (switches/min)",
    sql: "cm.interactivity",
    target: null,
    better: "higher",
    unit: "perMinuteSwitches",
    suggestedLine: null,
  },
  repFillersPerMin: {
    id: "repFillersPerMin",
    label: "Rep fillers per minute",
    sql: "cm.rep_fillers_per_min",
    target: null,
    better: "lower",
    unit: "perMinute",
    suggestedLine: null,
  },
  playbookScore: {
    id: "playbookScore",
    label: "Playbook adherence",
    sql: "cm.playbook_score",
    target: null,
    better: "higher",
    unit: "score",
    suggestedLine: null,
  },
};

export const REPORT_METRIC_LIST: readonly ReportMetric[] = REPORT_METRIC_IDS.map((id) => REPORT_METRICS[id]);

/** Distance outside the target range relative to the nearest bound (0 inside, null without a target). */
export function targetGap(metric: ReportMetric, value: number | null): number | null {
  if (value === null || metric.target === null) return null;
  const { low, high } = metric.target;
  if (low !== null && value < low) return (low - value) / low;
  if (high !== null && value > high) return (value - high) / high;
  return 0;
}

/** The published benchmark's verdict for a value (null without a benchmark). */
export function verdictOf(metric: ReportMetric, value: number | null): Verdict | null {
  if (value === null) return null;
  const b = BENCHMARKS.find((x) => x.id === metric.id);
  return b ? b.verdict(value) : null;
}

/** The benchmark's one-line advice for a value off target (null without a benchmark). */
export function adviceOf(metric: ReportMetric, value: number): string | null {
  const b = BENCHMARKS.find((x) => x.id === metric.id);
  return b ? b.advice(value) : null;
}

/**
 * PostgreSQL's `percentile_cont(p)`: linear interpolation between the values at 0-based positions
 * ⌊p·(n−1)⌋ and ⌈p·(n−1)⌉ of the sorted values; null for none. The reports' SQL uses
 * percentile_cont for every median and quartile; this twin serves the figures computed from
 * already-aggregated numbers (the IQR of the reps' medians).
 *
 * @example
 * percentileCont([1, 2, 3, 4], 0.5); // 2.5
 * percentileCont([1, 2, 3, 4], 0.25); // 1.75
 */
export function percentileCont(values: readonly number[], p: number): number | null {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`quantile ${p} is outside [0, 1]`);
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const pos = p * (s.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return s[lo]! + (s[hi]! - s[lo]!) * (pos - lo);
}

/** Spread of one metric over a set of calls: median and quartiles (percentile_cont), and n. */
export interface MetricStats {
  /** Calls with a value for this metric (timing metrics need timestamps, coaching ones coaching). */
  n: number;
  median: number | null;
  p25: number | null;
  p75: number | null;
}

export type MetricStatsById = Record<ReportMetricId, MetricStats>;

/** Formats a metric value for people (no unit ambiguity: %, m:ss, counts). */
export function formatMetric(id: ReportMetricId, v: number | null): string {
  if (v === null || !Number.isFinite(v)) return "—";
  switch (REPORT_METRICS[id].unit) {
    case "share":
    case "score":
      return `${(v * 100).toFixed(0)}%`;
    case "seconds":
      return v >= 60
        ? `${Math.floor(v / 60)}:${String(Math.round(v % 60)).padStart(2, "0")}`
        : `${v.toFixed(1)} s`;
    case "count":
      return Number.isInteger(v) ? String(v) : v.toFixed(1);
    default:
      return v.toFixed(1);
  }
}
