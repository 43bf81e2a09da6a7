import type { Database } from "../db/database.js";
import type { Job } from "../db/schema/index.js";
import { describeError, JobError } from "../errors.js";
import type { Services } from "../services.js";
import type { BackoffOptions } from "./backoff.js";
import { JOB_COMPLETED, type JobFailure, type JobHandler } from "./registry.js";
import {
  completeJob,
  completeJobWrite,
  extendLease,
  type FailOutcome,
  failJob,
  noteJobError,
} from "./store.js";

/**
 * Run one claimed job: its handler (looked up by kind in `services.jobs`) under a heartbeat and a
 * timeout, then complete or fail it — the handler's hooks commit with the job's failure.
 */

export const DEFAULT_LEASE_MS = 60_000;
export const DEFAULT_JOB_TIMEOUT_MS = 15 * 60_000;

export interface ExecuteOptions {
  /** How long a claim (and each heartbeat) holds the job (default 60 s). */
  leaseMs?: number;
  /** How often the lease is extended while the job runs (default leaseMs / 3). */
  heartbeatMs?: number;
  /** A run taking longer is abandoned; the lease then expires and another worker retries it (default 15 min). */
  jobTimeoutMs?: number;
  backoff?: BackoffOptions;
  /** Abandon the run (stop heartbeating, return "abandoned"): shutting down with jobs still running. */
  signal?: AbortSignal;
}

/** What became of one claimed job. */
export type ExecuteOutcome =
  | { kind: "done" }
  | { kind: "retry"; delayMs: number }
  | { kind: "failed"; failure: JobFailure }
  | { kind: "timeout" }
  | { kind: "abandoned" }
  | { kind: "lost" };

const TIMED_OUT = Symbol("timed out");
const ABANDONED = Symbol("abandoned");
const COMPLETED = Symbol("completed");

/** failJob with the handler's hooks (none for a kind nobody handles). */
function fail(
  services: Services,
  handler: JobHandler | undefined,
  job: Job,
  err: unknown,
  backoff: BackoffOptions | undefined,
): Promise<FailOutcome> {
  const now = services.now();
  const { onRetry, onFinalFailure } = handler ?? {};
  return failJob(services.db, job, err, {
    now,
    ...(backoff ? { backoff } : {}),
    ...(onRetry ? { onRetry: (tx) => onRetry.call(handler, { services, tx, now }, job) } : {}),
    ...(onFinalFailure
      ? { onFinalFailure: (tx, failure) => onFinalFailure.call(handler, { services, tx, now }, job, failure) }
      : {}),
  });
}

/**
 * Run a claimed job to its outcome. Never throws (database errors are logged; the lease then
 * expires and the job is retried). A job claimed more times than `maxAttempts` (its workers kept
 * dying) fails without running again; a job of an unregistered kind fails at once.
 *
 * @example
 * const job = await claimJob(services.db, { leaseMs: 60_000, now: services.now() });
 * if (job) await executeJob(services, job, { leaseMs: 60_000 });
 */
export async function executeJob(
  services: Services,
  job: Job,
  options: ExecuteOptions = {},
): Promise<ExecuteOutcome> {
  const { db, logger } = services;
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const heartbeatMs = options.heartbeatMs ?? Math.max(10, Math.floor(leaseMs / 3));
  const timeoutMs = options.jobTimeoutMs ?? DEFAULT_JOB_TIMEOUT_MS;
  const fields = { jobId: job.id, subject: job.subject, kind: job.kind, attempt: job.attempts };
  try {
    if (!services.jobs.has(job.kind)) {
      const unknown = new JobError("internal", `no handler for job kind '${job.kind}'`, false);
      const outcome = await fail(services, undefined, job, unknown, undefined);
      logger.error("job of an unknown kind", fields);
      return outcome;
    }
    const handler = services.jobs.get(job.kind);
    if (job.attempts > job.maxAttempts) {
      const gaveUp = new JobError(
        "internal",
        `gave up after ${job.attempts - 1} attempts: the worker running this job stopped each time (crash or timeout)`,
        false,
      );
      const outcome = await fail(services, handler, job, gaveUp, undefined);
      logger.error("job abandoned too often", { ...fields });
      return outcome;
    }
    // The last heartbeat query is kept so it can be awaited: none may land after the job is let go.
    let beat: Promise<unknown> = Promise.resolve();
    const heartbeat = setInterval(() => {
      beat = extendLease(db, job, { leaseMs, now: services.now() }).then(
        (ok) => {
          if (!ok) logger.warn("job lease lost to another worker", fields);
        },
        (err: unknown) =>
          logger.warn("job heartbeat failed", { ...fields, error: describeError(err).message }),
      );
    }, heartbeatMs);
    let timer: ReturnType<typeof setTimeout> | undefined;
    let result: typeof TIMED_OUT | typeof ABANDONED | typeof COMPLETED | { error: unknown } | undefined;
    let onAbort: (() => void) | undefined;
    const completion = (tx: Database) => completeJobWrite(tx, job, { now: services.now() });
    const run = handler.run({ services, completion }, job).then(
      (r) => (r === JOB_COMPLETED ? COMPLETED : undefined),
      (error: unknown) => ({ error }),
    );
    try {
      result = await Promise.race([
        run,
        new Promise<typeof TIMED_OUT>((resolve) => {
          timer = setTimeout(() => resolve(TIMED_OUT), timeoutMs);
        }),
        new Promise<typeof ABANDONED>((resolve) => {
          onAbort = () => resolve(ABANDONED);
          if (options.signal?.aborted) onAbort();
          else options.signal?.addEventListener("abort", onAbort, { once: true });
        }),
      ]);
    } finally {
      clearInterval(heartbeat);
      clearTimeout(timer);
      if (onAbort) options.signal?.removeEventListener("abort", onAbort);
    }
    await beat;
    if (result === ABANDONED) {
      // Shutting down: the lease lapses and another worker takes the job over.
      logger.warn("job abandoned at shutdown", fields);
      return { kind: "abandoned" };
    }
    if (result === TIMED_OUT) {
      // The run may still be stuck in I/O we cannot cancel; we stop heartbeating so the lease lapses
      // and another worker takes the job over (counting an attempt), and note why.
      await noteJobError(db, job, {
        lastError: `internal: timed out after ${Math.round(timeoutMs / 1000)} s`,
        now: services.now(),
      });
      logger.error("job timed out", { ...fields, timeoutMs });
      return { kind: "timeout" };
    }
    if (result === COMPLETED) {
      // Completed in the handler's own transaction (guarded: a job taken over meanwhile was left alone).
      logger.info("job done", fields);
      return { kind: "done" };
    }
    if (result === undefined) {
      const ours = await completeJob(db, job, { now: services.now() });
      logger.info(ours ? "job done" : "job done, but another worker had taken it over", fields);
      return ours ? { kind: "done" } : { kind: "lost" };
    }
    const outcome = await fail(services, handler, job, result.error, options.backoff);
    const error = describeError(result.error);
    if (outcome.kind === "retry")
      logger.warn("job failed, will retry", { ...fields, ...error, delayMs: outcome.delayMs });
    else if (outcome.kind === "failed") logger.error("job failed", { ...fields, ...error });
    return outcome;
  } catch (err) {
    logger.error("job bookkeeping failed; the lease will expire and the job be retried", {
      ...fields,
      error: describeError(err).message,
    });
    return { kind: "lost" };
  }
}
