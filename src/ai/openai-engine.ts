import OpenAI from "openai";
import type { ChatCompletionCreateParamsNonStreaming } from "openai/resources/chat/completions";
import { z } from "zod";
import type { CoachingContent, CoachingInput } from "../coaching/engine.js";
import { callLanguage, localizePlaybook } from "../coaching/lang/index.js";
import type { ChunkOptions } from "./chunk.js";
import { type LlmCoaching, LlmCoachingSchema } from "./llm-output.js";
import { estimateCost } from "./pricing.js";
import {
  buildCoachingRequests,
  type PortablePlan,
  type RequestOptions,
  withResponseFormat,
} from "./request.js";
import { type LlmVerifyInput, verifyLlmCoaching } from "./verify-llm.js";

export interface OpenAIEngineDeps {
  client: OpenAI;
  model: string;
  /** Exact prompt version; default the latest `coaching@n`. */
  promptVersion?: string | undefined;
  chunking?: Partial<ChunkOptions> | undefined;
  /** Chunks of one call in flight at once (default 3). */
  concurrency?: number | undefined;
  /**
   * Where the answers are verified against the transcript (the CPU-heavy part): the Node server's
   * CPU pool; default on this thread.
   */
  verify?: ((i: LlmVerifyInput) => Promise<ReturnType<typeof verifyLlmCoaching>>) | undefined;
  /** Where the request bodies are rendered (also CPU-heavy for a long call); default here. */
  plan?: ((i: { input: CoachingInput; options: RequestOptions }) => Promise<PortablePlan>) | undefined;
}

export interface EngineUsage {
  promptTokens: number;
  completionTokens: number;
  estimatedCostUsd: number;
  /** Set when the cost could not be priced (unknown model). */
  costNote: string | null;
  /** HTTP requests that got an answer (retries included). */
  requests: number;
}

export interface OpenAICoachingResult {
  content: CoachingContent;
  usage: EngineUsage;
  promptVersion: string;
  unverifiedEvidenceDropped: number;
  chunks: number;
}

/**
 * The OpenAI engine gave up: refusal, invalid output twice, auth, timeout, rate limit or server
 * errors after the SDK's retries. The orchestrator falls back to the rules engine with `reason`;
 * `usage` is what was spent before giving up.
 */
export class OpenAIFallbackError extends Error {
  override readonly name = "OpenAIFallbackError";
  constructor(
    readonly reason: string,
    readonly usage: EngineUsage,
    readonly promptVersion: string,
    options?: { cause?: unknown },
  ) {
    super(reason, options);
  }
}

/** The parts of a chat.completion we read — checked, since any OpenAI-compatible server may answer. */
const CompletionSchema = z.object({
  model: z.string().optional(),
  choices: z
    .array(
      z.object({
        finish_reason: z.string().nullable().optional(),
        message: z.object({
          content: z.string().nullable().optional(),
          refusal: z.string().nullable().optional(),
        }),
      }),
    )
    .min(1),
  usage: z
    .object({ prompt_tokens: z.number().int().min(0), completion_tokens: z.number().int().min(0) })
    .nullable()
    .optional(),
});

type Parsed =
  | { ok: true; value: LlmCoaching }
  | { ok: false; error: string }
  | { ok: "refusal"; reason: string };

const short = (s: string, n = 200) => (s.length > n ? `${s.slice(0, n)}…` : s);

function zodMessage(err: z.ZodError): string {
  return err.issues
    .slice(0, 3)
    .map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`)
    .join("; ");
}

/** Read one completion: a refusal, a valid answer or why it is invalid. */
export function parseCompletion(raw: unknown): Parsed & { usage: { prompt: number; completion: number } } {
  const c = CompletionSchema.safeParse(raw);
  if (!c.success)
    return {
      ok: false,
      error: `not a chat completion (${zodMessage(c.error)})`,
      usage: { prompt: 0, completion: 0 },
    };
  const usage = {
    prompt: c.data.usage?.prompt_tokens ?? 0,
    completion: c.data.usage?.completion_tokens ?? 0,
  };
  const choice = c.data.choices[0]!;
  if (choice.message.refusal)
    return { ok: "refusal", reason: `model refused: ${short(choice.message.refusal)}`, usage };
  if (choice.finish_reason === "content_filter")
    return { ok: "refusal", reason: "stopped by the content filter", usage };
  if (choice.finish_reason === "length")
    return { ok: false, error: "reply cut at max_completion_tokens", usage };
  const content = choice.message.content;
  if (!content) return { ok: false, error: "empty reply", usage };
  let json: unknown;
  try {
    json = JSON.parse(content);
  } catch {
    return { ok: false, error: "reply is not JSON", usage };
  }
  const v = LlmCoachingSchema.safeParse(json);
  if (!v.success)
    return { ok: false, error: `reply does not match the schema (${zodMessage(v.error)})`, usage };
  return { ok: true, value: v.data, usage };
}

/** Why an SDK error ends the OpenAI attempt, in words an operator can act on. */
export function describeOpenAIError(err: unknown, client: OpenAI, model: string): string | null {
  const retries = client.maxRetries > 0 ? ` after ${client.maxRetries} retries` : "";
  if (err instanceof OpenAI.APIConnectionTimeoutError)
    return `OpenAI request timed out (${client.timeout} ms${retries})`;
  if (err instanceof OpenAI.APIUserAbortError) return "OpenAI request aborted";
  if (err instanceof OpenAI.APIConnectionError)
    return `could not reach ${client.baseURL}: ${short(err.message)}`;
  if (err instanceof OpenAI.AuthenticationError) return "OPENAI_API_KEY rejected (401)";
  if (err instanceof OpenAI.PermissionDeniedError) return `OPENAI_API_KEY may not use model '${model}' (403)`;
  if (err instanceof OpenAI.NotFoundError) return `model '${model}' not found at ${client.baseURL} (404)`;
  if (err instanceof OpenAI.RateLimitError) {
    return err.code === "insufficient_quota"
      ? "OpenAI quota exhausted (429 insufficient_quota)"
      : `rate limited by OpenAI (429${retries})`;
  }
  if (err instanceof OpenAI.BadRequestError)
    return `OpenAI rejected the request (400): ${short(err.message)}`;
  if (err instanceof OpenAI.APIError)
    return `OpenAI error (${err.status ?? "no status"}${retries}): ${short(err.message)}`;
  return null;
}

/**
 * Coach a call with an OpenAI chat model (any OpenAI-compatible server via the client's baseURL):
 * structured outputs from the zod schema, the call in token-budgeted chunks, each reply validated
 * (an invalid one is asked again once), every quote verified against the transcript, the chunks
 * merged. Transport retries (429, 5xx, timeouts, with backoff) are the SDK's (`maxRetries`,
 * `timeout` on the client). Throws `OpenAIFallbackError` when the rules engine should take over.
 *
 * @example
 * const { content, usage } = await openaiCoaching(input, { client: createOpenAIClient(config), model: "gpt-4.1-mini" });
 */
export async function openaiCoaching(
  callInput: CoachingInput,
  deps: OpenAIEngineDeps,
): Promise<OpenAICoachingResult> {
  // A built-in playbook is judged (and named) in the call's language, as by the rules engine.
  const input = { ...callInput, playbook: localizePlaybook(callInput.playbook, callLanguage(callInput)) };
  const options: RequestOptions = {
    model: deps.model,
    promptVersion: deps.promptVersion,
    chunking: deps.chunking,
  };
  const plan = deps.plan
    ? withResponseFormat(await deps.plan({ input, options }))
    : buildCoachingRequests(input, options);
  const usage: EngineUsage = {
    promptTokens: 0,
    completionTokens: 0,
    estimatedCostUsd: 0,
    costNote: null,
    requests: 0,
  };
  const price = () => {
    const cost = estimateCost(deps.model, usage.promptTokens, usage.completionTokens);
    usage.estimatedCostUsd = cost.usd;
    usage.costNote = cost.note;
    return usage;
  };
  const fail = (reason: string, cause?: unknown) =>
    new OpenAIFallbackError(
      reason,
      { ...price() },
      plan.prompt.version,
      cause === undefined ? undefined : { cause },
    );

  const ask = async (body: ChatCompletionCreateParamsNonStreaming, part: string): Promise<LlmCoaching> => {
    let lastError = "";
    for (let attempt = 1; attempt <= 2; attempt++) {
      let raw: unknown;
      try {
        raw = await deps.client.chat.completions.create(body);
      } catch (err) {
        const reason = describeOpenAIError(err, deps.client, deps.model);
        if (reason === null) throw err;
        throw fail(`${reason}${part}`, err);
      }
      usage.requests++;
      const parsed = parseCompletion(raw);
      usage.promptTokens += parsed.usage.prompt;
      usage.completionTokens += parsed.usage.completion;
      if (parsed.ok === true) return parsed.value;
      if (parsed.ok === "refusal") throw fail(`${parsed.reason}${part}`);
      lastError = parsed.error;
    }
    throw fail(`invalid model output twice${part}: ${lastError}`);
  };

  const n = plan.bodies.length;
  if (n === 0) throw fail("the transcript has no text for the model to judge");
  const answers: LlmCoaching[] = new Array(n);
  let next = 0;
  let failure: unknown = null;
  const worker = async () => {
    while (failure === null && next < n) {
      const k = next++;
      try {
        answers[k] = await ask(plan.bodies[k]!, n > 1 ? ` (part ${k + 1} of ${n})` : "");
      } catch (err) {
        failure ??= err;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(n, Math.max(1, deps.concurrency ?? 3)) }, worker));
  if (failure !== null) throw failure;

  // Every answer is in: verify them all at once, off the event loop when the server has a pool.
  const check: LlmVerifyInput = { input, answers, labels: plan.labels, chunks: plan.chunks };
  const { content, dropped } = deps.verify ? await deps.verify(check) : verifyLlmCoaching(check);
  return {
    content,
    usage: { ...price() },
    promptVersion: plan.prompt.version,
    unverifiedEvidenceDropped: dropped,
    chunks: n,
  };
}
