import { planCoachingRequests } from "../ai/request.js";
import { verifyLlmCoaching } from "../ai/verify-llm.js";
import { readJsonUploadBytes } from "../api/upload-json.js";
import {
  type AnalyzeOptions,
  analyzeForCall,
  analyzeForCoaching,
  parseAndAnalyze,
} from "../calls/analyze-upload.js";
import type { RulesEngineInfo } from "../coaching/rules-coaching.js";
import { type CoachingWireInput, coachWireWithRules } from "../coaching-service/stored.js";
import type { Transcript } from "../transcript/model.js";

/**
 * The CPU-heavy functions that may run off the request path, by name (a worker thread receives
 * the name and a structured-cloneable input). Pure: no I/O, no services (a task may be async
 * for Web Crypto's digest).
 */
export const CPU_TASKS = {
  /**
   * A large JSON upload's bytes: the JSON rule, the upload's schema, the transcript's hash, its
   * parse and analysis.
   */
  jsonUpload: readJsonUploadBytes,
  /** An upload: parse, check the cost caps, analyse. */
  parseAnalyze: parseAndAnalyze,
  /** A stored or transcribed transcript: its analysis (the `analyze` and `transcribe` jobs). */
  analyze: (i: { transcript: Transcript } & AnalyzeOptions) => analyzeForCall(i.transcript, i),
  /** `analyze` with the question readings for the call's coach job (the `transcribe` job). */
  analyzeForCoaching: (i: { transcript: Transcript } & AnalyzeOptions) => analyzeForCoaching(i.transcript, i),
  /**
   * The rules engine with its verification (the `coach` job without OpenAI, or its fallback); a
   * stored call's transcript and analysis come as their JSON text, parsed here.
   */
  coachRules: (i: { input: CoachingWireInput; info: RulesEngineInfo }) => coachWireWithRules(i.input, i.info),
  /** The OpenAI engine's request bodies for a call (rendered, chunked, token-counted). */
  planLlm: planCoachingRequests,
  /** The OpenAI engine's answers verified against the transcript, merged and scrubbed. */
  verifyLlm: verifyLlmCoaching,
} as const;
export type CpuTask = keyof typeof CPU_TASKS;
export type CpuInput<K extends CpuTask> = Parameters<(typeof CPU_TASKS)[K]>[0];
export type CpuOutput<K extends CpuTask> = Awaited<ReturnType<(typeof CPU_TASKS)[K]>>;

/** Runs CPU tasks: inline (Workers, tests, CLI) or on a pool of worker threads (the Node server). */
export interface CpuRunner {
  /**
   * `transfer`: buffers of `input` to move to the thread instead of copying them (they are
   * unusable here afterwards; ignored inline).
   */
  run<K extends CpuTask>(task: K, input: CpuInput<K>, transfer?: ArrayBuffer[]): Promise<CpuOutput<K>>;
  close(): Promise<void>;
  /**
   * True when every task runs on one and the same thread (inline, or a pool of one thread): what
   * a task leaves in that thread's memory, a later task finds (src/cpu/retained.ts).
   */
  readonly oneThread?: boolean;
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
    oneThread: true,
    async run<K extends CpuTask>(task: K, input: CpuInput<K>): Promise<CpuOutput<K>> {
      const fn = CPU_TASKS[task] as unknown as (i: CpuInput<K>) => CpuOutput<K> | Promise<CpuOutput<K>>;
      return await fn(input);
    },
    async close() {},
  };
}
