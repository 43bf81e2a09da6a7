import type { CoachingContent, CoachingInput } from "./engine.js";
import { detectObjections } from "./objections.js";
import { evaluatePlaybookRules } from "./playbook/engine.js";
import { summarizeRules } from "./summary.js";

/**
 * The deterministic coaching engine: objections, playbook adherence, summary and CRM fields from
 * rules alone — offline, free, and the fallback whenever the OpenAI engine is unavailable or
 * returns something unusable. Same input, same output.
 *
 * @example
 * const coaching = rulesCoaching({ transcript, analysis, playbook: defaultPlaybookFor("discovery") });
 */
export function rulesCoaching(input: CoachingInput): CoachingContent {
  const objections = detectObjections(input);
  const playbook = evaluatePlaybookRules(input);
  const { summary, crm } = summarizeRules(input, objections, playbook);
  return { objections, playbook, summary, crm };
}
