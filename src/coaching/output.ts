import type { z } from "zod";
import { CallMetricsSchema, FileAnalysisSchema } from "../analysis/result.js";
import { type Coaching, CoachingSchema, ObjectionMetricsSchema } from "./contract.js";
import { objectionMetrics } from "./objections.js";

/**
 * The analysis JSON with coaching (contract §4 "later issues add"): the metric analysis plus
 * `objections`, `playbook`, `summary`, `crm`, `engine`, `engineInfo`, and objection counts in
 * `metrics.objections`. What `debrief analyze --json` prints and `GET /v1/calls/{id}` returns.
 */
export const CoachedAnalysisSchema = FileAnalysisSchema.extend({
  metrics: CallMetricsSchema.extend({ objections: ObjectionMetricsSchema.optional() }),
  ...CoachingSchema.partial().shape,
});
export type CoachedAnalysis = z.infer<typeof CoachedAnalysisSchema>;

/** Merge a call's coaching into its analysis JSON. */
export function withCoaching<A extends z.infer<typeof FileAnalysisSchema>>(
  analysis: A,
  coaching: Coaching | null,
): CoachedAnalysis {
  if (!coaching) return analysis;
  return {
    ...analysis,
    metrics: { ...analysis.metrics, objections: objectionMetrics(coaching.objections) },
    engine: coaching.engine,
    engineInfo: coaching.engineInfo,
    objections: coaching.objections,
    playbook: coaching.playbook,
    summary: coaching.summary,
    crm: coaching.crm,
  };
}
