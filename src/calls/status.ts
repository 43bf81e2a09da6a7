import { and, eq, inArray } from "drizzle-orm";
import type { Database } from "../db/database.js";
import {
  type Call,
  type CallFailure,
  type CallStatus,
  type CoachingStatus,
  calls,
} from "../db/schema/index.js";

/**
 * The one writer of a call's `status` and `coachingStatus`: every change in the code base goes
 * through `setCallStatus`, in the caller's transaction.
 */

export interface CallStatusChange {
  call: Pick<Call, "id" | "orgId">;
  now: Date;
  status?: CallStatus;
  coachingStatus?: CoachingStatus;
  /** Set with the status (null clears a previous failure). */
  failure?: CallFailure | null;
  /** Other columns written in the same statement (e.g. the analysis that made the call `done`). */
  fields?: Partial<Pick<Call, "transcript" | "analysis" | "coaching">>;
  /** Change only a call whose status is one of these (e.g. back to `queued` only from in-progress states). */
  onlyFrom?: readonly CallStatus[];
}

/**
 * Change a call's status (and/or coaching status). Returns the updated row's identity, or null
 * when no call matched (deleted, another organization's, or not in `onlyFrom`).
 *
 * @example
 * await db.transaction((tx) => setCallStatus(tx, { call, now, status: "failed", failure }));
 */
export async function setCallStatus(
  tx: Database,
  change: CallStatusChange,
): Promise<Pick<Call, "id" | "orgId" | "status" | "coachingStatus" | "repUserId" | "crmDealId" | "occurredAt"> | null> {
  const { call, now } = change;
  const [row] = await tx
    .update(calls)
    .set({
      ...change.fields,
      ...(change.status ? { status: change.status } : {}),
      ...(change.coachingStatus ? { coachingStatus: change.coachingStatus } : {}),
      ...(change.failure === undefined ? {} : { failure: change.failure }),
      updatedAt: now,
    })
    .where(
      and(
        eq(calls.id, call.id),
        eq(calls.orgId, call.orgId),
        change.onlyFrom ? inArray(calls.status, [...change.onlyFrom]) : undefined,
      ),
    )
    .returning({
      id: calls.id,
      orgId: calls.orgId,
      status: calls.status,
      coachingStatus: calls.coachingStatus,
      repUserId: calls.repUserId,
      crmDealId: calls.crmDealId,
      occurredAt: calls.occurredAt,
    });
  return row ?? null;
}
