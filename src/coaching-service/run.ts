import type OpenAI from "openai";
import type { ChunkOptions } from "../ai/chunk.js";
import { getPrompt } from "../ai/prompts.js";
import type { Coaching } from "../coaching/contract.js";
import type { CoachingInput } from "../coaching/engine.js";
import {
  finishCoaching as finish,
  RULES_ENGINE_INFO,
  type RulesEngineInfo,
} from "../coaching/rules-coaching.js";
import type { CpuRunner } from "../cpu/tasks.js";
import type { Logger } from "../services.js";
import { type CoachingCache, coachingCacheKey, parseCachedCoaching } from "./cache.js";
import { type CoachingWireInput, coachWireWithRules, storedFormOf, withTranscriptText } from "./stored.js";

export interface RunCoachingDeps {
  /** OpenAI (or a compatible server) and the model; null/absent: the rules engine only. */
  openai?: {
    client: OpenAI;
    model: string;
    promptVersion?: string | undefined;
    chunking?: Partial<ChunkOptions> | undefined;
  } | null;
  cache?: CoachingCache | undefined;
  logger?: Logger | undefined;
  /**
   * Where the rules engine and the verification of the model's answers run (the Node server: its
   * worker pool); absent: on this thread.
   */
  cpu?: CpuRunner | undefined;
}

const ZERO = { promptTokens: 0, completionTokens: 0, estimatedCostUsd: 0 } as const;

/**
 * Coach one call. Without OpenAI: the deterministic rules engine. With OpenAI: a cached result for
 * the same transcript, roles, playbook, prompt version and model if there is one (`cached: true`,
 * no tokens); else the OpenAI engine, whose result is stored. When the OpenAI engine gives up
 * (refusal, invalid output twice, auth, timeout, rate limit…) the rules engine answers and
 * `engineInfo.fallback` says why; fallbacks are not cached. Both engines' quotes go through the
 * same verification (see src/coaching/verify.ts).
 *
 * @example
 * // openaiFromConfig: src/ai/client.ts
 * const coaching = await runCoaching({ transcript, analysis, playbook }, { openai: openaiFromConfig(config), cache });
 */
export async function runCoaching(given: CoachingInput, deps: RunCoachingDeps = {}): Promise<Coaching> {
  const openai = deps.openai ?? null;
  const cpu = deps.cpu;
  let input = given;
  // The rules engine (alone, or as the fallback): CPU work, on the pool when there is one. An
  // input read from storage goes as its JSON text, parsed on the thread that coaches; a transcript
  // that thread no longer keeps is read from storage, and the engine asked again.
  const rules = async (info: RulesEngineInfo): Promise<Coaching> => {
    const coach = (of: CoachingInput) => {
      const stored = storedFormOf(of);
      const wire: CoachingWireInput = stored ? { stored } : of;
      return cpu ? cpu.run("coachRules", { input: wire, info }) : coachWireWithRules(wire, info);
    };
    const coaching = await coach(input);
    if (coaching) return coaching;
    input = await withTranscriptText(input);
    const again = await coach(input);
    if (!again) throw new Error("the rules engine found no transcript in a whole input");
    return again;
  };
  if (!openai) return rules(RULES_ENGINE_INFO);
  // The OpenAI engine reads the transcript here.
  input = await withTranscriptText(input);

  const promptVersion = getPrompt("coaching", openai.promptVersion).version;
  const key = await coachingCacheKey(input, { model: openai.model, promptVersion });
  if (deps.cache) {
    try {
      const stored = await deps.cache.get(key);
      const hit = stored === null ? null : parseCachedCoaching(stored);
      if (hit) return finish({ ...hit, engineInfo: { ...hit.engineInfo, cached: true, ...ZERO } });
      if (stored !== null)
        deps.logger?.warn("coaching cache entry does not match the contract; recomputing", { key });
    } catch (err) {
      deps.logger?.warn("coaching cache read failed", { error: String(err) });
    }
  }

  // Loaded on first use: the OpenAI SDK is large, and a rules-only run (the CLI without a key)
  // should not pay for it at startup.
  const { OpenAIFallbackError, openaiCoaching } = await import("../ai/openai-engine.js");
  try {
    const result = await openaiCoaching(input, {
      client: openai.client,
      model: openai.model,
      promptVersion,
      chunking: openai.chunking,
      ...(cpu ? { plan: (i) => cpu.run("planLlm", i), verify: (check) => cpu.run("verifyLlm", check) } : {}),
    });
    if (result.usage.costNote) deps.logger?.info("coaching cost not priced", { note: result.usage.costNote });
    const coaching = finish({
      engine: "openai",
      engineInfo: {
        engine: "openai",
        model: openai.model,
        promptVersion: result.promptVersion,
        fallback: null,
        cached: false,
        promptTokens: result.usage.promptTokens,
        completionTokens: result.usage.completionTokens,
        estimatedCostUsd: result.usage.estimatedCostUsd,
        unverifiedEvidenceDropped: result.unverifiedEvidenceDropped,
      },
      ...result.content,
    });
    if (deps.cache) {
      try {
        await deps.cache.set(key, coaching);
      } catch (err) {
        deps.logger?.warn("coaching cache write failed", { error: String(err) });
      }
    }
    return coaching;
  } catch (err) {
    if (!(err instanceof OpenAIFallbackError)) throw err;
    deps.logger?.warn("coaching fell back to the rules engine", { reason: err.reason, model: openai.model });
    return rules({
      model: openai.model,
      promptVersion: err.promptVersion,
      fallback: err.reason,
      promptTokens: err.usage.promptTokens,
      completionTokens: err.usage.completionTokens,
      estimatedCostUsd: err.usage.estimatedCostUsd,
    });
  }
}
