import { type Coaching, CoachingSchema, type EngineInfo } from "./contract.js";
import type { CoachingContent, CoachingInput } from "./engine.js";
import { rulesCoaching } from "./rules.js";
import { createVerifier, fillResponseDelays } from "./verify.js";

/** The engine bookkeeping a rules result carries (a fallback names the model and why). */
export type RulesEngineInfo = Pick<
  EngineInfo,
  "model" | "promptVersion" | "fallback" | "promptTokens" | "completionTokens" | "estimatedCostUsd"
>;

/** A rules result that is the engine asked for, not a fallback: no model, no tokens. */
export const RULES_ENGINE_INFO: RulesEngineInfo = {
  model: null,
  promptVersion: null,
  fallback: null,
  promptTokens: 0,
  completionTokens: 0,
  estimatedCostUsd: 0,
};

/**
 * The rules engine's judgement, through the same verification as the model's, as a contract
 * result. Pure CPU (the costly part of coaching a long call): the Node server runs it on the CPU
 * pool (`coachRules` in src/cpu/tasks.ts).
 *
 * @example
 * const coaching = coachWithRules({ transcript, analysis, playbook }, RULES_ENGINE_INFO);
 */
export function coachWithRules(input: CoachingInput, info: RulesEngineInfo): Coaching {
  const content: CoachingContent = rulesCoaching(input);
  const { content: verified, dropped } = createVerifier(input).verify(content);
  return finishCoaching({
    engine: "rules",
    engineInfo: { engine: "rules", cached: false, unverifiedEvidenceDropped: dropped, ...info },
    ...verified,
    objections: fillResponseDelays(verified.objections, input.transcript),
  });
}

/** Every coaching result leaves through the contract. */
export function finishCoaching(coaching: Coaching): Coaching {
  return CoachingSchema.parse(coaching);
}
