import type { CallAnalysis } from "../analysis/result.js";
import type { Transcript } from "../transcript/model.js";
import type { Coaching, Playbook } from "./contract.js";

/**
 * What a coaching engine reads: the transcript, the metric analysis (roles are in
 * `analysis.speakers[].role`, questions in `analysis.questions`, language in `analysis.language`)
 * and the playbook for the call's stage (null: no playbook judgement).
 */
export interface CoachingInput {
  transcript: Transcript;
  analysis: CallAnalysis;
  playbook: Playbook | null;
}

/** The judgement itself, without the engine bookkeeping. */
export type CoachingContent = Pick<Coaching, "objections" | "playbook" | "summary" | "crm">;
