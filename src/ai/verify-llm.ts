import type { CoachingContent, CoachingInput } from "../coaching/engine.js";
import { echoesInjection } from "../coaching/injection.js";
import { summarizeRules } from "../coaching/summary.js";
import { createVerifier, fillResponseDelays } from "../coaching/verify.js";
import type { LlmCoaching } from "./llm-output.js";
import { claimsFromLlm, mergeContents } from "./map.js";
import type { SpeakerLabel } from "./render.js";

/** The model's answers for one call, chunk by chunk, with what is needed to check them. */
export interface LlmVerifyInput {
  /** The call as the engine judged it (a built-in playbook localized to the call's language). */
  input: CoachingInput;
  /** One answer per chunk, in call order. */
  answers: LlmCoaching[];
  labels: SpeakerLabel[];
  /** Utterance indexes each chunk covers (`CoachingRequestPlan.chunks`). */
  chunks: number[][];
}

/**
 * The CPU half of the OpenAI engine: every chunk's claims verified against the whole transcript
 * (src/coaching/verify.ts; the evidence index is built once), the chunks merged, echoes of
 * injection-like sentences scrubbed, response delays filled. Pure and synchronous: the Node server
 * runs it on the CPU pool (`verifyLlm` in src/cpu/tasks.ts) while the engine only waits on the
 * network.
 */
export function verifyLlmCoaching({ input, answers, labels, chunks }: LlmVerifyInput): {
  content: CoachingContent;
  dropped: number;
} {
  const verifier = createVerifier(input);
  const n = answers.length;
  let dropped = 0;
  const results = answers.map((llm, k) => {
    const verified = verifier.verify(
      claimsFromLlm(llm, labels, input.playbook),
      n > 1 ? chunks[k] : undefined,
    );
    dropped += verified.dropped;
    return verified.content;
  });
  const merged = mergeContents(results, input.transcript);
  const content = verifier.guard.flagged > 0 ? scrubEchoes(merged, input) : merged;
  return {
    content: { ...content, objections: fillResponseDelays(content.objections, input.transcript) },
    dropped,
  };
}

/**
 * When the transcript holds an injection-like sentence, the model's free text is checked for
 * echoes of it ("10/10", "every item covered"): echoing list entries are dropped and an echoing
 * summary text is replaced by the rules engine's, computed from the verified objections and
 * playbook. (Quotes are already safe: verification refuses evidence from those sentences.)
 */
export function scrubEchoes(content: CoachingContent, input: CoachingInput): CoachingContent {
  const keep = (list: readonly string[]) => list.filter((s) => !echoesInjection(s));
  const keepNull = (s: string | null) => (s !== null && echoesInjection(s) ? null : s);
  const text = echoesInjection(content.summary.text)
    ? summarizeRules(input, content.objections, content.playbook).summary.text
    : content.summary.text;
  return {
    ...content,
    summary: {
      text,
      wentWell: keep(content.summary.wentWell),
      toChange: keep(content.summary.toChange),
      nextSteps: content.summary.nextSteps.filter((n) => !echoesInjection(n.text)),
    },
    crm: {
      nextStep: keepNull(content.crm.nextStep),
      painPoints: keep(content.crm.painPoints),
      decisionMakers: keep(content.crm.decisionMakers),
      competitors: keep(content.crm.competitors),
      budget: keepNull(content.crm.budget),
      timeline: keepNull(content.crm.timeline),
    },
  };
}
