import type { Queue } from "@cloudflare/workers-types/index.js";
import { and, eq, lt, or } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "../db/database.js";
import { jobs } from "../db/schema/index.js";
import type { JobQueue, Services } from "../services.js";
import { DEFAULT_LEASE_MS, type ExecuteOptions, executeJob } from "./executor.js";
import { claimJob, pendingJobCount } from "./store.js";

/**
 * The Workers job queue: the `jobs` row (written with the call) stays the source of truth, and a
 * Cloudflare Queue message `{jobId}` only says "run it". The consumer claims the row with the same
 * lease semantics as the Node workers, so duplicate or early deliveries are harmless.
 */

export const JobMessageSchema = z.object({ jobId: z.string().min(1).max(200) });
export type JobMessage = z.infer<typeof JobMessageSchema>;

/** Cloudflare caps a message's delay at 12 hours. */
const MAX_DELAY_SECONDS = 43_200;

/** Only `send` is used, so tests can pass a stub. */
export type JobMessageSender = Pick<Queue<JobMessage>, "send">;

/**
 * A JobQueue over a Cloudflare Queue binding; depth is counted from the jobs table (the queue's own
 * backlog misses jobs waiting for a retry).
 *
 * @example
 * const queue = cfJobQueue(env.JOBS, db);
 * await queue.notify(job); // sends { jobId: job.id }
 */
export function cfJobQueue(queue: JobMessageSender, db: Database): JobQueue {
  return {
    async notify(job) {
      await queue.send({ jobId: job.id }, { contentType: "json" });
    },
    depth: () => pendingJobCount(db),
  };
}

/** What to do with a queue message: acknowledge it, or have it redelivered after a delay. */
export type MessageAction = { action: "ack" } | { action: "retry"; delaySeconds: number };

function delaySeconds(ms: number): number {
  return Math.min(MAX_DELAY_SECONDS, Math.max(1, Math.ceil(ms / 1000)));
}

/**
 * Handle one queue message (runtime-neutral; the Worker maps the result to `ack()`/`retry()`):
 * claim the job, run it, and say whether the message should come back. A job that is not due yet
 * or is leased by another consumer comes back when it would be claimable; a finished or deleted
 * job, or a malformed message, is acknowledged.
 *
 * @example
 * const r = await handleJobMessage(services, message.body, { leaseMs: 60_000 });
 * if (r.action === "ack") message.ack(); else message.retry({ delaySeconds: r.delaySeconds });
 */
export async function handleJobMessage(
  services: Services,
  body: unknown,
  options: ExecuteOptions = {},
): Promise<MessageAction> {
  const parsed = JobMessageSchema.safeParse(body);
  if (!parsed.success) {
    services.logger.error("dropping malformed job message", { error: parsed.error.message });
    return { action: "ack" };
  }
  const { jobId } = parsed.data;
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const now = services.now();
  const job = await claimJob(services.db, { leaseMs, now, jobId });
  if (!job) {
    const [row] = await services.db
      .select({ status: jobs.status, runAt: jobs.runAt, leaseUntil: jobs.leaseUntil })
      .from(jobs)
      .where(eq(jobs.id, jobId));
    if (!row || row.status === "done" || row.status === "failed") return { action: "ack" };
    const until = row.status === "queued" ? row.runAt : (row.leaseUntil ?? now);
    return { action: "retry", delaySeconds: delaySeconds(until.getTime() - now.getTime()) };
  }
  const outcome = await executeJob(services, job, options);
  switch (outcome.kind) {
    case "retry":
      return { action: "retry", delaySeconds: delaySeconds(outcome.delayMs) };
    case "timeout":
      // Comes back once the abandoned run's lease has lapsed, to take the job over.
      return { action: "retry", delaySeconds: delaySeconds(leaseMs) };
    case "lost":
    case "abandoned":
      // Bookkeeping failed or another consumer holds it now: look again after a lease.
      return { action: "retry", delaySeconds: delaySeconds(leaseMs) };
    default:
      return { action: "ack" };
  }
}

/**
 * Safety net for the Workers queue (cron): re-send jobs that are overdue by `graceMs` — queued past
 * their run time or running past their lease — e.g. because the send after the upload failed or a
 * message ran out of deliveries. Duplicates are harmless (the consumer claims the row).
 *
 * @example
 * const resent = await sweepStaleJobs(db, env.JOBS, { now: new Date() });
 */
export async function sweepStaleJobs(
  db: Database,
  queue: JobMessageSender,
  options: { now: Date; graceMs?: number; limit?: number },
): Promise<number> {
  const cutoff = new Date(options.now.getTime() - (options.graceMs ?? 5 * 60_000));
  const stale = await db
    .select({ id: jobs.id })
    .from(jobs)
    .where(
      or(
        and(eq(jobs.status, "queued"), lt(jobs.runAt, cutoff)),
        and(eq(jobs.status, "running"), lt(jobs.leaseUntil, cutoff)),
      ),
    )
    .limit(options.limit ?? 500);
  // A send that throws ends this sweep; the next one picks up whatever was not sent.
  for (const { id } of stale) await queue.send({ jobId: id }, { contentType: "json" });
  return stale.length;
}
