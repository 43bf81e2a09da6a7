import type { Verdict } from "../analysis/benchmarks.js";
import type { Handling, ObjectionCategory } from "../coaching/contract.js";
import type { OrgMetrics, Reasons, RepMetrics } from "../outcomes/metrics.js";
import type { MetricStats, MetricStatsById, ReportMetricId } from "./metrics.js";

/**
 * The data of each report: what `src/reports/operations.ts` gathers and the pure renderers
 * (`src/reports/render/…`) turn into Markdown and HTML. The JSON format is these objects as is.
 */

export interface ReportPeriod {
  /** First day, `YYYY-MM-DD`, in `timeZone`. */
  from: string;
  /** The day after the last one. */
  to: string;
  timeZone: string;
}

export interface PostCallMetric {
  id: ReportMetricId;
  label: string;
  value: number | null;
  /** Median of the organization's calls of the team window (percentile_cont), and how many. */
  teamMedian: number | null;
  teamN: number;
  target: string | null;
  verdict: Verdict | null;
  /** Relative distance outside the target range (0 inside; null without a target or value). */
  gap: number | null;
}

export interface Habit {
  /** The metric it comes from, or null for one from coaching's "to change". */
  metric: ReportMetricId | null;
  title: string;
  why: string;
  suggestedLine: string | null;
}

export interface TimelineSegment {
  speaker: string;
  role: "rep" | "customer" | "other";
  start: number;
  end: number;
}

export interface Timeline {
  durationSec: number;
  speakers: Array<{ id: string; role: "rep" | "customer" | "other" }>;
  segments: TimelineSegment[];
  questions: Array<{ at: number; speaker: string; kind: "open" | "closed" }>;
  objections: Array<{ at: number; category: ObjectionCategory; resolved: boolean }>;
}

export interface PostCallReport {
  kind: "post-call";
  call: {
    id: string;
    title: string | null;
    occurredAt: string;
    rep: { userId: string; name: string } | null;
    durationSec: number | null;
    crmDealId: string | null;
    coachingStatus: string;
    /** The call's language (its analysis): the report's labels follow it. */
    language?: string;
  };
  /** The team medians' window: the organization's calls of the 90 days before the report. */
  team: { from: string; to: string; calls: number; quantile: "percentile_cont" };
  metrics: PostCallMetric[];
  playbook: {
    name: string;
    score: number;
    gaps: Array<{ id: string; title: string; status: "partly" | "missed" }>;
  } | null;
  objections: Array<{
    text: string;
    category: ObjectionCategory;
    at: number | null;
    handling: Handling;
    resolved: boolean;
    response: string | null;
  }>;
  habits: Habit[];
  nextSteps: Array<{ text: string; owner: string | null; due: string | null }>;
  timeline: Timeline | null;
}

export interface WeekPoint {
  /** ISO week, e.g. `2026-W13`. */
  week: string;
  /** Its Monday, `YYYY-MM-DD` (org time zone). */
  start: string;
  calls: number;
  medians: Record<ReportMetricId, number | null>;
}

export interface MetricMove {
  metric: ReportMetricId;
  previous: number;
  current: number;
  /** (current − previous) ÷ |previous|. */
  change: number;
}

export interface DealCounts {
  /** Deals owned by the rep closed in the period as won / lost. */
  won: number;
  lost: number;
}

export interface TopPerformers {
  /** A rep needs this many deals closed (won + lost) in the period to be ranked. */
  minClosedDeals: number;
  /** Reps that qualified, and the top quartile of them by win rate (⌈n/4⌉ reps). */
  eligibleReps: number;
  top: Array<{ userId: string; name: string; winRate: number; closed: number }>;
  /** Median of each metric over the top reps' calls vs all other calls of the period. */
  metrics: Array<{
    id: ReportMetricId;
    top: number | null;
    topN: number;
    rest: number | null;
    restN: number;
  }>;
  /** Why there is no comparison (too few qualifying reps), else null. */
  reason: string | null;
}

export interface RepReview {
  kind: "rep-review";
  period: ReportPeriod;
  previousPeriod: ReportPeriod;
  rep: { userId: string; name: string; email: string };
  calls: number;
  metrics: MetricStatsById;
  previousCalls: number;
  previousMetrics: MetricStatsById;
  movedMost: MetricMove | null;
  weeks: WeekPoint[];
  deals: DealCounts;
  outcomes: { metrics: RepMetrics; reasons: Reasons } | null;
  team: { calls: number; metrics: MetricStatsById };
  topPerformers: TopPerformers;
}

export interface OutlierFlag {
  metric: ReportMetricId;
  rule: "iqr" | "target";
  direction: "high" | "low";
  detail: string;
}

export interface TeamRep {
  userId: string;
  name: string;
  email: string;
  calls: number;
  metrics: MetricStatsById;
  deals: DealCounts;
  outcomes: RepMetrics | null;
  flags: OutlierFlag[];
}

export interface TalkBand {
  label: string;
  /** [low, high) of the talk ratio; the last band includes 1. */
  low: number;
  high: number;
  calls: number;
  wonCalls: number;
  deals: number;
  winRate: number | null;
}

export interface WonLost {
  won: MetricStats;
  lost: MetricStats;
}

export interface TeamReport {
  kind: "team";
  period: ReportPeriod;
  currency: string;
  calls: number;
  metrics: MetricStatsById;
  outcomes: { metrics: OrgMetrics; reasons: Reasons };
  reps: TeamRep[];
  /** A rep needs this many calls in the period before their medians are flagged. */
  minCallsForFlags: number;
  insights: {
    /** Calls of the period linked to a deal that is now won or lost. */
    closedDealCalls: number;
    talkBands: TalkBand[];
    repQuestions: WonLost;
    patienceSec: WonLost;
  };
}

export type Report = PostCallReport | RepReview | TeamReport;
