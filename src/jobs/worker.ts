import { and, asc, desc, eq, inArray, lt, lte, ne, or, type SQL, sql } from "drizzle-orm";
import { newId } from "../auth/keys.js";
import type { Database } from "../db/database.js";
import { type CallFailure, calls, type Job, type JobKind, jobs } from "../db/schema/index.js";
import { DebriefError, type ErrorCode, isRetryable, JobError } from "../errors.js";
import type { EnqueueJob, Services } from "../services.js";
import { type BackoffOptions, retryDelayMs } from "./backoff.js";
import { runJob } from "./run-job.js";

/**
 * The job lifecycle on the `jobs` table, shared by the Node workers (poll loop below) and the
 * Cloudflare Queue consumer (src/jobs/cf-queue.ts): claim with a lease, heartbeat, complete, or
 * fail with backoff / final failure. Every write after the claim is guarded by (id, running,
 * attempts) so a worker whose lease was taken over can no longer change the job.
 */

/** The fields of a claimed job the guarded writes need. */
export type ClaimedJob = Pick<Job, "id" | "attempts" | "maxAttempts" | "callId" | "kind">;

export const DEFAULT_LEASE_MS = 60_000;
export const DEFAULT_JOB_TIMEOUT_MS = 15 * 60_000;

function plus(now: Date, ms: number): Date {
  return new Date(now.getTime() + ms);
}

/** The claimed job is still ours: nobody took it over after our lease expired. */
function stillOurs(job: Pick<Job, "id" | "attempts">): SQL {
  return and(eq(jobs.id, job.id), eq(jobs.status, "running"), eq(jobs.attempts, job.attempts))!;
}

/**
 * Claim the next runnable job — queued and due, or running with an expired lease (its worker died:
 * taking it over counts an attempt) — in one statement with FOR UPDATE SKIP LOCKED, so concurrent
 * workers never get the same job. `jobId` restricts the claim to that job (queue consumers).
 *
 * @example
 * const job = await claimJob(db, { leaseMs: 60_000, now: new Date() });
 * if (job) console.log(job.id, job.attempts); // attempts already counts this run
 */
export async function claimJob(
  db: Database,
  options: { leaseMs: number; now: Date; jobId?: string },
): Promise<Job | null> {
  const { now, leaseMs } = options;
  const runnable = or(
    and(eq(jobs.status, "queued"), lte(jobs.runAt, now)),
    and(eq(jobs.status, "running"), lt(jobs.leaseUntil, now)),
  )!;
  const next = db
    .select({ id: jobs.id })
    .from(jobs)
    .where(options.jobId === undefined ? runnable : and(eq(jobs.id, options.jobId), runnable))
    .orderBy(asc(jobs.runAt), asc(jobs.id))
    .limit(1)
    .for("update", { skipLocked: true });
  const [job] = await db
    .update(jobs)
    .set({
      status: "running",
      attempts: sql`${jobs.attempts} + 1`,
      leaseUntil: plus(now, leaseMs),
      updatedAt: now,
    })
    .where(sql`${jobs.id} = (${next})`)
    .returning();
  return job ?? null;
}

/**
 * Push a running job's lease forward (heartbeat). false when the job is no longer ours.
 *
 * @example
 * if (!(await extendLease(db, job, { leaseMs: 60_000, now: new Date() }))) logger.warn("lease lost");
 */
export async function extendLease(
  db: Database,
  job: Pick<Job, "id" | "attempts">,
  options: { leaseMs: number; now: Date },
): Promise<boolean> {
  const rows = await db
    .update(jobs)
    .set({ leaseUntil: plus(options.now, options.leaseMs), updatedAt: options.now })
    .where(stillOurs(job))
    .returning({ id: jobs.id });
  return rows.length > 0;
}

/**
 * Mark a claimed job done. false when another worker took it over meanwhile (its result stands;
 * the job's work is idempotent, so ours was the same).
 *
 * @example
 * await runJob(services, job);
 * await completeJob(db, job, { now: new Date() });
 */
export async function completeJob(
  db: Database,
  job: Pick<Job, "id" | "attempts">,
  options: { now: Date },
): Promise<boolean> {
  const rows = await db
    .update(jobs)
    .set({ status: "done", leaseUntil: null, lastError: null, updatedAt: options.now })
    .where(stillOurs(job))
    .returning({ id: jobs.id });
  return rows.length > 0;
}

/** What became of a failed job. */
export type FailOutcome =
  | { kind: "retry"; delayMs: number; runAt: Date }
  | { kind: "failed"; failure: CallFailure }
  | { kind: "lost" };

/** A stable code and a human message for any thrown value. */
export function describeError(err: unknown): { code: ErrorCode; message: string } {
  if (err instanceof DebriefError) return { code: err.code, message: err.message };
  if (err instanceof Error) return { code: "internal", message: err.message || err.name };
  return { code: "internal", message: String(err) };
}

/**
 * Record a failed run. Retryable and attempts left → queued again at now + backoff (or the error's
 * Retry-After); otherwise the job fails and so does its call, with `failure: {code, message,
 * attempts}` — the call's upload is kept so `retryCall` can run it again.
 *
 * @example
 * const outcome = await failJob(db, job, err, { now: new Date() });
 * if (outcome.kind === "retry") console.log(`retrying in ${outcome.delayMs} ms`);
 */
export async function failJob(
  db: Database,
  job: ClaimedJob,
  err: unknown,
  options: { now: Date; backoff?: BackoffOptions },
): Promise<FailOutcome> {
  const { now } = options;
  const { code, message } = describeError(err);
  const lastError = `${code}: ${message}`.slice(0, 2000);
  if (isRetryable(err) && job.attempts < job.maxAttempts) {
    const delayMs = retryDelayMs(err, job.attempts, options.backoff);
    const runAt = plus(now, delayMs);
    return db.transaction(async (tx) => {
      const rows = await tx
        .update(jobs)
        .set({ status: "queued", runAt, leaseUntil: null, lastError, updatedAt: now })
        .where(stillOurs(job))
        .returning({ id: jobs.id });
      if (rows.length === 0) return { kind: "lost" } as const;
      // The call waits for its retry; don't leave it looking "transcribing" for minutes.
      await tx
        .update(calls)
        .set({ status: "queued", updatedAt: now })
        .where(and(eq(calls.id, job.callId), inArray(calls.status, ["transcribing", "analyzing"])));
      return { kind: "retry", delayMs, runAt } as const;
    });
  }
  const failure: CallFailure = { code, message, attempts: job.attempts };
  return db.transaction(async (tx) => {
    const rows = await tx
      .update(jobs)
      .set({ status: "failed", leaseUntil: null, lastError, updatedAt: now })
      .where(stillOurs(job))
      .returning({ id: jobs.id });
    if (rows.length === 0) return { kind: "lost" } as const;
    if (job.kind === "coach") {
      // The metrics are done and stay served; only the coaching is missing (reason in the job's last_error).
      await tx
        .update(calls)
        .set({ coachingStatus: "failed", updatedAt: now })
        .where(eq(calls.id, job.callId));
    } else {
      await tx
        .update(calls)
        .set({ status: "failed", failure, updatedAt: now })
        .where(eq(calls.id, job.callId));
    }
    return { kind: "failed", failure } as const;
  });
}

/**
 * Run a failed call again: its latest job goes back to the queue with its attempts reset (a new
 * job is made if it has none), and the call to `queued` with its failure cleared. A call whose
 * metrics are done but whose coaching failed gets its coach job re-run instead (coaching back to
 * `pending`). Only calls of `orgId`; returns the job to hand to `services.queue.enqueue`.
 *
 * @example
 * const job = await retryCall(services.db, { orgId: actor.orgId, callId, now: services.now() });
 * await services.queue.enqueue(job);
 */
export async function retryCall(
  db: Database,
  input: { orgId: string; callId: string; now?: Date },
): Promise<EnqueueJob> {
  const now = input.now ?? new Date();
  return db.transaction(async (tx) => {
    const [call] = await tx
      .select({
        id: calls.id,
        status: calls.status,
        coachingStatus: calls.coachingStatus,
        hasTranscript: sql<boolean>`${calls.transcript} is not null`,
      })
      .from(calls)
      .where(and(eq(calls.id, input.callId), eq(calls.orgId, input.orgId)))
      .for("update");
    if (!call) throw new DebriefError("not_found", `no call ${input.callId}`);
    const coachingOnly = call.status !== "failed" && call.coachingStatus === "failed";
    if (call.status !== "failed" && !coachingOnly) {
      throw new DebriefError(
        "conflict",
        `call ${input.callId} is ${call.status}; only failed calls (or failed coaching) can be retried`,
      );
    }
    const [latest] = await tx
      .select({ id: jobs.id, kind: jobs.kind })
      .from(jobs)
      .where(and(eq(jobs.callId, call.id), coachingOnly ? eq(jobs.kind, "coach") : ne(jobs.kind, "coach")))
      .orderBy(desc(jobs.createdAt), desc(jobs.id))
      .limit(1);
    let job: EnqueueJob;
    if (latest) {
      await tx
        .update(jobs)
        .set({ status: "queued", attempts: 0, runAt: now, leaseUntil: null, lastError: null, updatedAt: now })
        .where(eq(jobs.id, latest.id));
      job = { jobId: latest.id, orgId: input.orgId, callId: call.id, kind: latest.kind };
    } else {
      const kind: JobKind = coachingOnly ? "coach" : call.hasTranscript ? "analyze" : "transcribe";
      const jobId = newId("job");
      await tx.insert(jobs).values({ id: jobId, orgId: input.orgId, callId: call.id, kind, runAt: now });
      job = { jobId, orgId: input.orgId, callId: call.id, kind };
    }
    await tx
      .update(calls)
      .set(
        coachingOnly
          ? { coachingStatus: "pending", updatedAt: now }
          : { status: "queued", failure: null, updatedAt: now },
      )
      .where(eq(calls.id, call.id));
    return job;
  });
}

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
  | { kind: "failed"; failure: CallFailure }
  | { kind: "timeout" }
  | { kind: "abandoned" }
  | { kind: "lost" };

const TIMED_OUT = Symbol("timed out");
const ABANDONED = Symbol("abandoned");

/**
 * Run a claimed job to its outcome: `runJob` with a heartbeat and a timeout, then complete or
 * fail it. Never throws (database errors are logged; the lease then expires and the job is retried).
 * A job claimed more times than `maxAttempts` (its workers kept dying) fails without running again.
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
  const fields = { jobId: job.id, callId: job.callId, kind: job.kind, attempt: job.attempts };
  try {
    if (job.attempts > job.maxAttempts) {
      const gaveUp = new JobError(
        "internal",
        `gave up after ${job.attempts - 1} attempts: the worker running this job stopped each time (crash or timeout)`,
        false,
      );
      const outcome = await failJob(db, job, gaveUp, { now: services.now() });
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
    let result: typeof TIMED_OUT | typeof ABANDONED | { error: unknown } | undefined;
    let onAbort: (() => void) | undefined;
    const run = runJob(services, job).then(
      () => undefined,
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
      await db
        .update(jobs)
        .set({
          lastError: `internal: timed out after ${Math.round(timeoutMs / 1000)} s`,
          updatedAt: services.now(),
        })
        .where(stillOurs(job));
      logger.error("job timed out", { ...fields, timeoutMs });
      return { kind: "timeout" };
    }
    if (result === undefined) {
      const ours = await completeJob(db, job, { now: services.now() });
      logger.info(ours ? "job done" : "job done, but another worker had taken it over", fields);
      return ours ? { kind: "done" } : { kind: "lost" };
    }
    const outcome = await failJob(db, job, result.error, {
      now: services.now(),
      ...(options.backoff ? { backoff: options.backoff } : {}),
    });
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

export interface WorkerOptions extends ExecuteOptions {
  /** Parallel job loops (default 2). 0 starts none. */
  concurrency?: number;
  /** Sleep between polls when there is nothing to do (default 1 s); `wake()` cuts it short. */
  pollIntervalMs?: number;
}

export interface Workers {
  /** A job was enqueued: idle loops poll now instead of at their next interval. */
  wake(): void;
  /**
   * Stop claiming; resolves once running jobs have finished (each bounded by its job timeout), or
   * after `timeoutMs` (e.g. a container's shutdown grace) with `false`: the jobs still running keep
   * their leases, which lapse, and another worker retries them.
   */
  stop(options?: { timeoutMs?: number }): Promise<boolean>;
}

/**
 * Start `concurrency` loops that claim and run jobs from the `jobs` table until stopped.
 * Wire the Postgres queue's wake to them so uploads start at once rather than at the next poll.
 *
 * @example
 * let workers: Workers | undefined;
 * const services: Services = { ...rest, queue: pgJobQueue(db, () => workers?.wake()) };
 * workers = startWorkers(services, { concurrency: config.DEBRIEF_WORKERS });
 * process.on("SIGTERM", () => void workers?.stop({ timeoutMs: 20_000 }));
 */
export function startWorkers(services: Services, options: WorkerOptions = {}): Workers {
  const concurrency = options.concurrency ?? 2;
  const pollIntervalMs = options.pollIntervalMs ?? 1_000;
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const { logger } = services;
  const abandon = new AbortController();
  const executeOptions: ExecuteOptions = { ...options, signal: abandon.signal };
  let stopping = false;
  // Bumped by wake(): a loop that polled before a wake must not then sleep through it.
  let wakes = 0;
  const sleepers = new Set<() => void>();

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        sleepers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      sleepers.add(done);
    });
  const wakeAll = () => {
    wakes += 1;
    for (const done of [...sleepers]) done();
  };

  const loop = async (n: number): Promise<void> => {
    let errors = 0;
    while (!stopping) {
      const seen = wakes;
      let job: Job | null;
      try {
        job = await claimJob(services.db, { leaseMs, now: services.now() });
        errors = 0;
      } catch (err) {
        // The database is unreachable: back off (up to 30 s) rather than spin.
        errors += 1;
        logger.error("job claim failed", { worker: n, error: describeError(err).message });
        if (!stopping) await sleep(Math.min(30_000, pollIntervalMs * 2 ** Math.min(errors, 5)));
        continue;
      }
      if (job) {
        await executeJob(services, job, executeOptions);
        continue;
      }
      if (!stopping && seen === wakes) await sleep(pollIntervalMs);
    }
  };

  const loops = Array.from({ length: concurrency }, (_, n) => loop(n));
  return {
    wake: wakeAll,
    async stop(stopOptions = {}) {
      stopping = true;
      wakeAll();
      const all = Promise.all(loops).then(() => true);
      if (stopOptions.timeoutMs === undefined) {
        await all;
        return true;
      }
      let timer: ReturnType<typeof setTimeout> | undefined;
      const gaveUp = new Promise<false>((resolve) => {
        timer = setTimeout(() => resolve(false), stopOptions.timeoutMs);
      });
      const finished = await Promise.race([all, gaveUp]);
      clearTimeout(timer);
      if (!finished) {
        abandon.abort();
        logger.warn("workers stopped with jobs still running; their leases will lapse and they be retried");
        // Abandoned runs return at once; wait (briefly) for them to stop heartbeating.
        await Promise.race([all, new Promise((r) => setTimeout(r, 1_000))]);
      }
      return finished;
    },
  };
}
