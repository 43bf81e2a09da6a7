import OpenAI from "openai";
import type { Config } from "../config/env.js";

export interface OpenAIClientOptions {
  /** SDK retries of 429, 5xx, connection errors and timeouts, with exponential backoff (default 2). */
  maxRetries?: number | undefined;
  /** Per-request timeout in ms (default 120 s: a long call's chunk takes ~10–60 s to answer). */
  timeoutMs?: number | undefined;
  /** A fetch to use instead of the global one (tests, instrumentation). */
  fetch?: typeof fetch | undefined;
}

export const OPENAI_DEFAULT_TIMEOUT_MS = 120_000;
export const OPENAI_DEFAULT_MAX_RETRIES = 2;

/**
 * The OpenAI client from the configuration: OPENAI_API_KEY, and OPENAI_BASE_URL for any
 * OpenAI-compatible server (Azure OpenAI's v1 endpoint, a gateway, vLLM, Ollama…). Null without a
 * key: coaching then uses the rules engine.
 *
 * @example
 * const client = createOpenAIClient(loadConfig(process.env)); // OpenAI | null
 */
export function createOpenAIClient(
  config: Pick<Config, "OPENAI_API_KEY" | "OPENAI_BASE_URL">,
  options: OpenAIClientOptions = {},
): OpenAI | null {
  if (!config.OPENAI_API_KEY) return null;
  return new OpenAI({
    apiKey: config.OPENAI_API_KEY,
    baseURL: config.OPENAI_BASE_URL ?? null,
    maxRetries: options.maxRetries ?? OPENAI_DEFAULT_MAX_RETRIES,
    timeout: options.timeoutMs ?? OPENAI_DEFAULT_TIMEOUT_MS,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
}

/** `{ client, model }` for `runCoaching`, or null when OpenAI is not configured. */
export function openaiFromConfig(
  config: Pick<Config, "OPENAI_API_KEY" | "OPENAI_BASE_URL" | "OPENAI_MODEL">,
  options: OpenAIClientOptions = {},
): { client: OpenAI; model: string } | null {
  const client = createOpenAIClient(config, options);
  return client ? { client, model: config.OPENAI_MODEL } : null;
}
