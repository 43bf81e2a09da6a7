import { type AnalyzeOptions, analyzeForCall, parseAndAnalyze } from "../calls/analyze-upload.js";
import type { CoachingInput } from "../coaching/engine.js";
import { coachWithRules, type RulesEngineInfo } from "../coaching/rules-coaching.js";
import { DebriefError, type ErrorCode } from "../errors.js";
import type { Transcript } from "../transcript/model.js";

/**
 * The CPU-heavy functions that may run off the request path, by name (a worker thread receives
 * the name and a structured-cloneable input). Pure: no I/O, no services.
 */
export const CPU_TASKS = {
  /** An upload: parse, check the cost caps, analyse. */
  parseAnalyze: parseAndAnalyze,
  /** A stored or transcribed transcript: its analysis (the `analyze` and `transcribe` jobs). */
  analyze: (i: { transcript: Transcript } & AnalyzeOptions) => analyzeForCall(i.transcript, i),
  /** The rules engine with its verification (the `coach` job without OpenAI, or its fallback). */
  coachRules: (i: { input: CoachingInput; info: RulesEngineInfo }) => coachWithRules(i.input, i.info),
} as const;
export type CpuTask = keyof typeof CPU_TASKS;
export type CpuInput<K extends CpuTask> = Parameters<(typeof CPU_TASKS)[K]>[0];
export type CpuOutput<K extends CpuTask> = ReturnType<(typeof CPU_TASKS)[K]>;

/** Runs CPU tasks: inline (Workers, tests, CLI) or on a pool of worker threads (the Node server). */
export interface CpuRunner {
  run<K extends CpuTask>(task: K, input: CpuInput<K>): Promise<CpuOutput<K>>;
  close(): Promise<void>;
}

/** An error as it crosses a thread: a DebriefError keeps its code, message and details. */
export interface SerializedError {
  code?: ErrorCode;
  message: string;
  details?: Record<string, unknown>;
}
export function serializeError(err: unknown): SerializedError {
  if (err instanceof DebriefError)
    return { code: err.code, message: err.message, ...(err.details ? { details: err.details } : {}) };
  return { message: err instanceof Error ? err.message : String(err) };
}
export function deserializeError(e: SerializedError): Error {
  return e.code
    ? new DebriefError(e.code, e.message, e.details ? { details: e.details } : {})
    : new Error(e.message);
}

/**
 * The tasks on the calling thread: Workers (where the queue consumer already isolates the work)
 * and tests.
 *
 * @example
 * const { analysis } = await inlineCpu().run("parseAnalyze", input);
 */
export function inlineCpu(): CpuRunner {
  return {
    async run(task, input) {
      return (CPU_TASKS[task] as (i: typeof input) => CpuOutput<typeof task>)(input);
    },
    async close() {},
  };
}
