import { and, eq, inArray, type SQLWrapper } from "drizzle-orm";
import { type Database, jsonText, writeTogether } from "../db/database.js";
import type { EventType } from "../db/schema/index.js";
import {
  type Call,
  type CallFailure,
  type CallStatus,
  type CoachingStatus,
  calls,
} from "../db/schema/index.js";
import { eventInsert } from "../events/outbox.js";
import { scheduleDispatch } from "../webhooks/jobs.js";

/**
 * The one writer of a call's `status` and `coachingStatus`: every change in the code base goes
 * through `setCallStatus` (a new call's first status through `insertCall`), in the caller's
 * transaction, and the changes subscribers care about
 * write their domain event (outbox, src/events/outbox.ts) in that same transaction:
 * status `done` → `call.analyzed`, `failed` → `call.failed`, coaching `done` → `call.coached`.
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
  /**
   * Other writes that belong to the change (e.g. the call's `call_metrics` row), from the updated
   * row: sent in one statement with the change's event (`writeTogether`), or on their own when the
   * change announces nothing. Not sent when no call matched.
   */
  alongside?: (row: ChangedCall) => SQLWrapper[];
}

/** What `setCallStatus` returns of the updated call. */
export type ChangedCall = Pick<
  Call,
  "id" | "orgId" | "status" | "coachingStatus" | "repUserId" | "crmDealId" | "occurredAt"
>;

/**
 * Change a call's status (and/or coaching status), with its event. `tx` must be a transaction when
 * the change writes an event. Returns the updated row's identity, or null when no call matched
 * (deleted, another organization's, or not in `onlyFrom`).
 *
 * @example
 * await db.transaction((tx) => setCallStatus(tx, { call, now, status: "failed", failure }));
 */
export async function setCallStatus(tx: Database, change: CallStatusChange): Promise<ChangedCall | null> {
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
  if (!row) return null;
  await announce(tx, row, eventOf(change), now, change.alongside?.(row) ?? []);
  return row;
}

/**
 * A new call's JSON columns as text already made (`parseAndAnalyze` on the CPU pool): written in
 * place of the row's values for them.
 */
export type CallJsonText = Partial<Record<"transcript" | "analysis", string>>;

/**
 * Insert a new call with its first status and, when that status announces something (an upload
 * analysed on arrival is `done`), its event — one insert where an insert and an update used to be.
 * `alongside`: the call's other first writes (its metrics, its first job), sent in one statement
 * with the event. `json`: the transcript and/or analysis as JSON text, written instead of the
 * row's objects. False when the insert conflicted (an identical upload won a race): nothing was
 * written.
 *
 * @example
 * await db.transaction((tx) => insertCall(tx, { ...row, status: "done", analysis }));
 */
export async function insertCall(
  tx: Database,
  row: Call,
  alongside: readonly SQLWrapper[] = [],
  json: CallJsonText = {},
): Promise<boolean> {
  const values = {
    ...row,
    ...(json.transcript === undefined ? {} : { transcript: jsonText(calls.transcript, json.transcript) }),
    ...(json.analysis === undefined ? {} : { analysis: jsonText(calls.analysis, json.analysis) }),
  };
  const ins = await tx.insert(calls).values(values).onConflictDoNothing().returning({ id: calls.id });
  if (ins.length === 0) return false;
  const type = eventOf({ call: row, now: row.updatedAt, status: row.status });
  // A call coached on arrival (`coachOnUpload`) announces that too, after `call.analyzed`.
  const coached =
    type !== null && row.coachingStatus === "done" ? [coachedEventInsert(tx, row, row.updatedAt)] : [];
  await announce(tx, row, type, row.updatedAt, [...coached, ...alongside]);
  return true;
}

/**
 * A status change's event and a kick of the organization's webhook dispatcher, with the change's
 * other writes, in `tx` as one statement; only the other writes when the change announces nothing.
 */
async function announce(
  tx: Database,
  row: Pick<Call, "id" | "orgId" | "status" | "coachingStatus" | "repUserId" | "crmDealId">,
  type: EventType | null,
  now: Date,
  alongside: readonly SQLWrapper[],
): Promise<void> {
  if (!type) return writeTogether(tx, alongside);
  const { insert } = eventInsert(tx, {
    orgId: row.orgId,
    type,
    subject: row.id,
    payload: callEventPayload(row),
    createdAt: now,
  });
  await scheduleDispatch(tx, row.orgId, now, [insert, ...alongside]);
}

/**
 * `call.coached` of a call inserted with its coaching, one millisecond after its `call.analyzed`:
 * readers number an organization's events by creation time, then id (random), so both orders
 * would otherwise be possible.
 */
function coachedEventInsert(tx: Database, row: Call, now: Date): SQLWrapper {
  return eventInsert(tx, {
    orgId: row.orgId,
    type: "call.coached",
    subject: row.id,
    payload: callEventPayload(row),
    createdAt: new Date(now.getTime() + 1),
  }).insert;
}

function eventOf(change: CallStatusChange): EventType | null {
  if (change.status === "done") return "call.analyzed";
  if (change.status === "failed") return "call.failed";
  if (change.coachingStatus === "done") return "call.coached";
  return null;
}

/** What a call event says: identifiers and states, never content. */
export function callEventPayload(
  row: Pick<Call, "id" | "status" | "coachingStatus" | "repUserId" | "crmDealId">,
): Record<string, unknown> {
  return {
    callId: row.id,
    status: row.status,
    coachingStatus: row.coachingStatus,
    repUserId: row.repUserId,
    crmDealId: row.crmDealId,
  };
}
