import { and, eq, sql } from "drizzle-orm";
import { calls } from "../db/schema/index.js";
import { DebriefError } from "../errors.js";
import { enqueue, latestJob, type QueuedJob, requeueJob } from "../jobs/store.js";
import type { Services } from "../services.js";
import { METRICS_JOB_KINDS } from "./jobs/index.js";
import { type CallCtx, getCall } from "./operations.js";
import type { CallDetail } from "./schemas.js";
import { setCallStatus } from "./status.js";

/**
 * Run a failed call again: its latest job goes back to the queue with its attempts reset (a new
 * job is made if it has none), and the call to `queued` with its failure cleared. A call whose
 * metrics are done but whose coaching failed gets its coach job re-run instead (coaching back to
 * `pending`). Only calls of `orgId`; returns the job to hand to `services.queue.notify`.
 *
 * @example
 * const job = await retryCall(services, { orgId: actor.orgId, callId, now: services.now() });
 * await services.queue.notify(job);
 */
export async function retryCall(
  services: Pick<Services, "db" | "jobs">,
  input: { orgId: string; callId: string; now?: Date },
): Promise<QueuedJob> {
  const now = input.now ?? new Date();
  return services.db.transaction(async (tx) => {
    const [call] = await tx
      .select({
        id: calls.id,
        orgId: calls.orgId,
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
    const kinds = coachingOnly ? ["coach"] : METRICS_JOB_KINDS;
    const latest = await latestJob(tx, { orgId: call.orgId, subject: call.id, kinds });
    let job: QueuedJob;
    if (latest) {
      await requeueJob(tx, latest.id, { now });
      job = latest;
    } else {
      const kind = coachingOnly ? "coach" : call.hasTranscript ? "analyze" : "transcribe";
      job = await enqueue(tx, services.jobs, { kind, orgId: call.orgId, subject: call.id, runAt: now });
    }
    await setCallStatus(
      tx,
      coachingOnly
        ? { call, now, coachingStatus: "pending" }
        : { call, now, status: "queued", failure: null },
    );
    return job;
  });
}

/**
 * POST /v1/calls/{id}/retry: retry a call the actor can see (a rep only their own), then answer
 * with the call as it now is.
 *
 * @example
 * const call = await retryCallAs({ services, actor }, "call_…"); // call.status === "queued"
 */
export async function retryCallAs(ctx: CallCtx, id: string): Promise<CallDetail> {
  await getCall(ctx, id); // visibility: a rep retries only their own calls
  const job = await retryCall(ctx.services, { orgId: ctx.actor.orgId, callId: id, now: ctx.services.now() });
  await ctx.services.queue.notify(job);
  return getCall(ctx, id);
}
