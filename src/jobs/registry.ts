import type { SQLWrapper } from "drizzle-orm";
import type { z } from "zod";
import type { Database } from "../db/database.js";
import type { Job } from "../db/schema/index.js";
import { DebriefError } from "../errors.js";
import type { Services } from "../services.js";

/**
 * The kinds of background job and who runs them. The queue (store, executor, poller, Cloudflare
 * adapter) knows nothing of calls or webhooks: it asks the registry for the handler of a job's
 * `kind`. Each feature contributes its handlers (calls: src/calls/jobs/), and the composition root
 * (src/compose.ts) puts them together.
 */

/** Why a job failed for good: its last error and how many runs it had. */
export interface JobFailure {
  code: string;
  message: string;
  attempts: number;
}

/** What a handler runs with. */
export interface JobContext {
  services: Services;
  /**
   * The job's completion as an unsent write (guarded like every write after the claim), for a
   * handler that commits it in its own transaction with its result — one statement fewer per job.
   * A handler that sent it resolves `run` with `JOB_COMPLETED`; the executor then does not
   * complete the job again. Absent: the executor completes the job after `run`.
   */
  completion?: (tx: Database) => SQLWrapper;
}

/** What `run` resolves to when the handler committed the job's completion itself (`completion`). */
export const JOB_COMPLETED = "completed";

/** A hook that runs inside the queue's own transaction (the job's state change and the hook's writes commit together). */
export interface JobHookContext extends JobContext {
  tx: Database;
  now: Date;
}

export interface JobHandler<P = unknown> {
  /** Stored in `jobs.kind`; unique in a registry. */
  kind: string;
  /** Validates `jobs.payload` at enqueue time (and types it for `run`). Default: anything JSON. */
  payload?: z.ZodType<P>;
  /**
   * Do the work. Must be idempotent: after a crash the job runs again. Throw a JobError (retryable
   * or not) to fail; unknown errors are retried.
   */
  // biome-ignore lint/suspicious/noConfusingVoidType: handlers that complete nothing return nothing.
  run(ctx: JobContext, job: Job): Promise<void | typeof JOB_COMPLETED>;
  /** A run failed and the job will be retried (e.g. put the subject back to "waiting"). */
  onRetry?(ctx: JobHookContext, job: Job): Promise<void>;
  /** The job failed for good (attempts exhausted or a final error): called once. */
  onFinalFailure?(ctx: JobHookContext, job: Job, failure: JobFailure): Promise<void>;
}

export interface JobRegistry {
  /** The handler of `kind`; throws DebriefError("internal") for an unknown kind. */
  get(kind: string): JobHandler;
  has(kind: string): boolean;
  readonly kinds: readonly string[];
}

/**
 * A registry over `handlers` (kinds must be unique).
 *
 * @example
 * const registry = jobRegistry([transcribeJob, analyzeJob, coachJob]);
 * registry.get("coach").run({ services }, job);
 */
export function jobRegistry(handlers: readonly JobHandler[]): JobRegistry {
  const byKind = new Map<string, JobHandler>();
  for (const h of handlers) {
    if (!/^[a-z][a-z0-9_.-]{0,63}$/.test(h.kind))
      throw new Error(`job kind '${h.kind}': not a valid kind name`);
    if (byKind.has(h.kind)) throw new Error(`job kind '${h.kind}' registered twice`);
    byKind.set(h.kind, h);
  }
  return {
    get(kind) {
      const h = byKind.get(kind);
      if (!h) throw new DebriefError("internal", `no handler for job kind '${kind}'`);
      return h;
    },
    has: (kind) => byKind.has(kind),
    kinds: [...byKind.keys()],
  };
}
