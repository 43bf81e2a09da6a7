import type { FileAnalysis } from "../analysis/result.js";
import type { Coaching } from "../coaching/contract.js";
import type { CallMetricsRow } from "../db/schema/index.js";

/**
 * The typed `call_metrics` columns of an analysis and of a coaching result. Pure: derived from the
 * stored JSON alone, so a backfill computes exactly what `saveAnalysis` writes.
 */

export type AnalysisMetrics = Omit<
  CallMetricsRow,
  | "callId"
  | "orgId"
  | "repUserId"
  | "occurredAt"
  | "crmDealId"
  | "objections"
  | "objectionsResolved"
  | "playbookScore"
  | "playbook"
  | "updatedAt"
>;

export type CoachingMetrics = Pick<
  CallMetricsRow,
  "objections" | "objectionsResolved" | "playbookScore" | "playbook"
>;

/** Per-minute rate over the reps' talk time, rounded like the analysis' ratios; null without timing. */
function perRepMinute(count: number, repTalkSec: number | null): number | null {
  if (repTalkSec === null || repTalkSec <= 0) return null;
  return Math.round((count / (repTalkSec / 60)) * 10_000) / 10_000;
}

/**
 * @example
 * metricsOfAnalysis(analysis).repWpm // rep words ÷ rep talk minutes, e.g. 152.3077
 */
export function metricsOfAnalysis(analysis: FileAnalysis): AnalysisMetrics {
  const { metrics } = analysis;
  const reps = analysis.speakers.filter((s) => s.role === "rep");
  let repTalkSec: number | null = reps.length > 0 ? 0 : null;
  for (const s of reps)
    repTalkSec = s.talkTimeSec === null || repTalkSec === null ? null : repTalkSec + s.talkTimeSec;
  const repWords = reps.reduce((n, s) => n + s.words, 0);
  const repFillers = reps.reduce((n, s) => n + s.fillerWords, 0);
  return {
    language: analysis.language,
    durationSec: analysis.durationSec,
    talkRatio: metrics.talkRatio,
    longestMonologueSec: metrics.longestMonologueSec,
    longestCustomerStorySec: metrics.longestCustomerStorySec,
    patienceSec: metrics.patienceSec,
    interactivity: metrics.interactivity,
    silenceSec: metrics.silenceSec,
    pauses: metrics.pauses,
    longestPauseSec: metrics.longestPauseSec,
    repQuestionsOpen: metrics.questions.rep.open,
    repQuestionsClosed: metrics.questions.rep.closed,
    customerQuestionsOpen: metrics.questions.customer.open,
    customerQuestionsClosed: metrics.questions.customer.closed,
    repFillersPerMin: perRepMinute(repFillers, repTalkSec),
    repWpm: perRepMinute(repWords, repTalkSec),
  };
}

/**
 * @example
 * metricsOfCoaching(coaching) // { objections: 3, objectionsResolved: 2, playbookScore: 0.75, playbook: "discovery" }
 */
export function metricsOfCoaching(coaching: Coaching): CoachingMetrics {
  return {
    objections: coaching.objections.length,
    objectionsResolved: coaching.objections.filter((o) => o.resolved).length,
    playbookScore: coaching.playbook?.score ?? null,
    playbook: coaching.playbook?.id ?? null,
  };
}
