import { and, asc, desc, eq, inArray, lt, lte, or, type SQL, sql } from "drizzle-orm";
import { newId } from "../auth/keys.js";
import type { Database } from "../db/database.js";
import { type Job, jobs } from "../db/schema/index.js";
import { DebriefError, describeError, isRetryable } from "../errors.js";
import { type BackoffOptions, retryDelayMs } from "./backoff.js";
import type { JobFailure, JobRegistry } from "./registry.js";

/**
 * The job lifecycle on the `jobs` table, shared by the Node workers (src/jobs/poller.ts) and the
 * Cloudflare Queue consumer (src/jobs/cf-queue.ts): enqueue, claim with a lease, heartbeat,
 * complete, or fail with backoff / final failure. Every write after the claim is guarded by
 * (id, running, attempts) so a worker whose lease was taken over can no longer change the job.
 * Nothing here knows what a job does: kinds are checked against a registry.
 */

/** The fields of a claimed job the guarded writes need. */
export type ClaimedJob = Pick<Job, "id" | "attempts" | "maxAttempts">;

/** A job written by `enqueue`: hand it to `services.queue.notify` once the transaction committed. */
export type QueuedJob = Pick<Job, "id" | "orgId" | "kind" | "subject">;

export interface NewJob {
  kind: string;
  orgId: string;
  /** What the job is about (e.g. a call id); jobs are found again by it. */
  subject?: string | null;
  /** Kind-specific input, validated by the handler's `payload` schema. */
  payload?: Record<string, unknown>;
  /** Not before (default: now). */
  runAt?: Date;
  maxAttempts?: number;
}

function plus(now: Date, ms: number): Date {
  return new Date(now.getTime() + ms);
}

/**
 * Write a job of a registered kind, in the caller's transaction (so it commits, or not, with the
 * caller's data). Refuses an unknown kind or a payload its handler does not accept.
 *
 * @example
 * const job = await db.transaction((tx) =>
 *   enqueue(tx, services.jobs, { kind: "coach", orgId, subject: callId }),
 * );
 * await services.queue.notify(job);
 */
export async function enqueue(tx: Database, registry: JobRegistry, input: NewJob): Promise<QueuedJob> {
  const { job, insert } = jobInsert(tx, registry, input);
  await insert;
  return job;
}

/**
 * `enqueue`'s insert, checked but unsent: for a caller that sends it with other writes in one
 * statement (`writeTogether`; a new call's first job goes with the call's event).
 *
 * @example
 * const { job, insert } = jobInsert(tx, services.jobs, { kind: "coach", orgId, subject: callId });
 * await insertCall(tx, row, [insert]);
 */
export function jobInsert(tx: Database, registry: JobRegistry, input: NewJob) {
  if (!registry.has(input.kind)) throw new DebriefError("internal", `unknown job kind '${input.kind}'`);
  const schema = registry.get(input.kind).payload;
  let payload: Record<string, unknown> = input.payload ?? {};
  if (schema) {
    const parsed = schema.safeParse(payload);
    if (!parsed.success)
      throw new DebriefError(
        "internal",
        `job kind '${input.kind}': invalid payload: ${parsed.error.message}`,
      );
    payload = parsed.data as Record<string, unknown>;
  }
  const job: QueuedJob = {
    id: newId("job"),
    orgId: input.orgId,
    kind: input.kind,
    subject: input.subject ?? null,
  };
  const insert = tx.insert(jobs).values({
    ...job,
    payload,
    ...(input.runAt ? { runAt: input.runAt } : {}),
    ...(input.maxAttempts === undefined ? {} : { maxAttempts: input.maxAttempts }),
  });
  return { job, insert };
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

/** Note why a running job is being let go (e.g. it timed out) without changing its state. */
export async function noteJobError(
  db: Database,
  job: Pick<Job, "id" | "attempts">,
  options: { lastError: string; now: Date },
): Promise<void> {
  await db.update(jobs).set({ lastError: options.lastError, updatedAt: options.now }).where(stillOurs(job));
}

/**
 * Mark a claimed job done. false when another worker took it over meanwhile (its result stands;
 * the job's work is idempotent, so ours was the same).
 *
 * @example
 * await completeJob(db, job, { now: new Date() });
 */
export async function completeJob(
  db: Database,
  job: Pick<Job, "id" | "attempts">,
  options: { now: Date },
): Promise<boolean> {
  const rows = await completeJobWrite(db, job, options).returning({ id: jobs.id });
  return rows.length > 0;
}

/**
 * `completeJob`'s update, unsent: for a handler that commits its job's completion with its result
 * in one statement (`writeTogether`); it changes nothing when the job is no longer ours.
 *
 * @example
 * await writeTogether(tx, [resultWrite, completeJobWrite(tx, job, { now })]);
 */
export function completeJobWrite(db: Database, job: Pick<Job, "id" | "attempts">, options: { now: Date }) {
  return db
    .update(jobs)
    .set({ status: "done", leaseUntil: null, lastError: null, updatedAt: options.now })
    .where(stillOurs(job));
}

/** What became of a failed job. */
export type FailOutcome =
  | { kind: "retry"; delayMs: number; runAt: Date }
  | { kind: "failed"; failure: JobFailure }
  | { kind: "lost" };

export interface FailOptions {
  now: Date;
  backoff?: BackoffOptions;
  /** Runs in the same transaction when the job is queued again. */
  onRetry?: (tx: Database) => Promise<void>;
  /** Runs in the same transaction when the job fails for good (once: later writes are not ours). */
  onFinalFailure?: (tx: Database, failure: JobFailure) => Promise<void>;
}

/**
 * Record a failed run. Retryable and attempts left → queued again at now + backoff (or the error's
 * Retry-After); otherwise the job fails with `lastError`. The hooks (the handler's side effects,
 * e.g. failing a call) commit with the job's own change, or not at all.
 *
 * @example
 * const outcome = await failJob(db, job, err, { now: new Date() });
 * if (outcome.kind === "retry") console.log(`retrying in ${outcome.delayMs} ms`);
 */
export async function failJob(
  db: Database,
  job: ClaimedJob,
  err: unknown,
  options: FailOptions,
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
      await options.onRetry?.(tx);
      return { kind: "retry", delayMs, runAt } as const;
    });
  }
  const failure: JobFailure = { code, message, attempts: job.attempts };
  return db.transaction(async (tx) => {
    const rows = await tx
      .update(jobs)
      .set({ status: "failed", leaseUntil: null, lastError, updatedAt: now })
      .where(stillOurs(job))
      .returning({ id: jobs.id });
    if (rows.length === 0) return { kind: "lost" } as const;
    await options.onFinalFailure?.(tx, failure);
    return { kind: "failed", failure } as const;
  });
}

/**
 * The newest job about `subject` among `kinds` (of `orgId`), if any.
 *
 * @example
 * const latest = await latestJob(tx, { orgId, subject: callId, kinds: ["transcribe", "analyze"] });
 */
export async function latestJob(
  db: Database,
  input: { orgId: string; subject: string; kinds: readonly string[] },
): Promise<QueuedJob | null> {
  const [row] = await db
    .select({ id: jobs.id, orgId: jobs.orgId, kind: jobs.kind, subject: jobs.subject })
    .from(jobs)
    .where(
      and(eq(jobs.orgId, input.orgId), eq(jobs.subject, input.subject), inArray(jobs.kind, [...input.kinds])),
    )
    .orderBy(desc(jobs.createdAt), desc(jobs.id))
    .limit(1);
  return row ?? null;
}

/** Put a job back in the queue from scratch: attempts reset, due now. */
export async function requeueJob(db: Database, jobId: string, options: { now: Date }): Promise<void> {
  const { now } = options;
  await db
    .update(jobs)
    .set({ status: "queued", attempts: 0, runAt: now, leaseUntil: null, lastError: null, updatedAt: now })
    .where(eq(jobs.id, jobId));
}

/** Delete the jobs about `subject` (its subject is gone). A running one's final writes then find nothing. */
export async function deleteJobs(db: Database, input: { orgId: string; subject: string }): Promise<void> {
  await db.delete(jobs).where(and(eq(jobs.orgId, input.orgId), eq(jobs.subject, input.subject)));
}

/** Jobs waiting or running (for /health). */
export async function pendingJobCount(db: Database): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(jobs)
    .where(inArray(jobs.status, ["queued", "running"]));
  return Number(row?.n ?? 0);
}
