import { and, eq } from "drizzle-orm";
import type { Database } from "../../db/database.js";
import { type Call, calls, type Job } from "../../db/schema/index.js";
import type { JobHandler } from "../../jobs/registry.js";
import { setCallStatus } from "../status.js";

/** The call a job is about; null when it was deleted meanwhile (nothing to do then). */
export async function callOfJob(db: Database, job: Pick<Job, "orgId" | "subject">): Promise<Call | null> {
  if (!job.subject) return null;
  const [call] = await db
    .select()
    .from(calls)
    .where(and(eq(calls.id, job.subject), eq(calls.orgId, job.orgId)));
  return call ?? null;
}

/** The call of a job, as setCallStatus wants it. */
export function subjectCall(job: Pick<Job, "orgId" | "subject">): { id: string; orgId: string } {
  return { id: job.subject ?? "", orgId: job.orgId };
}

/**
 * Hooks of the jobs that produce a call's metrics (transcribe, analyze): while a retry waits the
 * call shows `queued` (not "transcribing" for minutes); a final failure fails the call with the
 * reason, keeping its upload so it can be retried.
 */
export const metricsJobHooks: Pick<JobHandler, "onRetry" | "onFinalFailure"> = {
  async onRetry({ tx, now }, job) {
    await setCallStatus(tx, {
      call: subjectCall(job),
      now,
      status: "queued",
      onlyFrom: ["transcribing", "analyzing"],
    });
  },
  async onFinalFailure({ tx, now }, job, failure) {
    await setCallStatus(tx, { call: subjectCall(job), now, status: "failed", failure });
  },
};
