import { and, eq, isNotNull, isNull, type SQLWrapper } from "drizzle-orm";
import type { FileAnalysis } from "../analysis/result.js";
import type { Coaching } from "../coaching/contract.js";
import type { Database } from "../db/database.js";
import { type Call, callMetrics, calls } from "../db/schema/index.js";
import type { Transcript } from "../transcript/model.js";
import { metricsOfAnalysis, metricsOfCoaching } from "./metrics.js";
import { type CallJsonText, insertCall, setCallStatus } from "./status.js";

/**
 * The one writer of a call's analysis (upload, transcription, re-analysis, demo seed) and of its
 * coaching: each is saved in the caller's transaction with its typed `call_metrics` columns.
 */

type MetricsKey = Pick<Call, "id" | "orgId" | "repUserId" | "occurredAt" | "crmDealId">;

/** The upsert of a call's `call_metrics` row, unsent (awaiting it sends it; or `writeTogether`). */
function analysisMetricsWrite(
  tx: Database,
  call: MetricsKey,
  analysis: FileAnalysis,
  coaching: Coaching | null,
  now: Date,
  onConflict: "update" | "keep" = "update",
) {
  const values = {
    ...metricsOfAnalysis(analysis),
    ...(coaching ? metricsOfCoaching(coaching) : {}),
    repUserId: call.repUserId,
    occurredAt: call.occurredAt,
    crmDealId: call.crmDealId,
    updatedAt: now,
  };
  const insert = tx.insert(callMetrics).values({ callId: call.id, orgId: call.orgId, ...values });
  return onConflict === "update"
    ? insert.onConflictDoUpdate({ target: callMetrics.callId, set: values })
    : insert.onConflictDoNothing();
}

/**
 * Save a call's analysis (and the transcript it came from, when new): the call becomes `done`
 * and its `call_metrics` row is written (in one statement with the event).
 *
 * @example
 * await db.transaction((tx) => saveAnalysis(tx, { call, analysis, now: new Date() }));
 */
export async function saveAnalysis(
  tx: Database,
  input: {
    call: Pick<Call, "id" | "orgId">;
    analysis: FileAnalysis;
    transcript?: Transcript;
    now: Date;
  },
): Promise<void> {
  const { call, analysis, now } = input;
  await setCallStatus(tx, {
    call,
    now,
    status: "done",
    failure: null,
    fields: { analysis, ...(input.transcript ? { transcript: input.transcript } : {}) },
    alongside: (row) => [analysisMetricsWrite(tx, row, analysis, null, now)],
  });
}

/**
 * Insert a new call that was analysed on arrival: `done` with its analysis, its event and its
 * `call_metrics` row, and the `alongside` writes (its first job) — two statements. A call whose
 * row carries its coaching (coached on arrival) gets the coaching's metrics and event as well. `json`: the
 * transcript and the analysis as the JSON text `parseAndAnalyze` made (the row's transcript is not
 * read then). False when an identical upload won the race (nothing written).
 *
 * @example
 * await db.transaction((tx) => insertAnalysedCall(tx, { call: row, analysis, now: row.createdAt }));
 */
export async function insertAnalysedCall(
  tx: Database,
  input: {
    call: Call;
    analysis: FileAnalysis;
    now: Date;
    alongside?: readonly SQLWrapper[];
    json?: CallJsonText;
  },
): Promise<boolean> {
  const { analysis, now } = input;
  const row: Call = { ...input.call, status: "done", analysis, failure: null, updatedAt: now };
  return insertCall(
    tx,
    row,
    [analysisMetricsWrite(tx, row, analysis, row.coaching, now), ...(input.alongside ?? [])],
    input.json,
  );
}

/**
 * Save a call's coaching: coaching status `done`, and the coaching columns of `call_metrics`
 * (objections, objections resolved, playbook score and playbook). False when no call matched
 * (deleted meanwhile): nothing was written, `alongside` included.
 *
 * @example
 * await db.transaction((tx) => saveCoaching(tx, { call, coaching, now: new Date() }));
 */
export async function saveCoaching(
  tx: Database,
  input: {
    call: Pick<Call, "id" | "orgId">;
    coaching: Coaching;
    now: Date;
    /** Other writes sent with the metrics and the event (the coach job's completion). */
    alongside?: readonly SQLWrapper[];
  },
): Promise<boolean> {
  const { call, coaching, now } = input;
  const row = await setCallStatus(tx, {
    call,
    now,
    coachingStatus: "done",
    fields: { coaching },
    alongside: (row) => [
      tx
        .update(callMetrics)
        .set({ ...metricsOfCoaching(coaching), updatedAt: now })
        .where(eq(callMetrics.callId, row.id)),
      ...(input.alongside ?? []),
    ],
  });
  return row !== null;
}

/**
 * Change who a call belongs to (rep) or which deal it is about, keeping its `call_metrics` row in
 * step. The only writer of those two columns after the upload.
 *
 * @example
 * await db.transaction((tx) => setCallLinks(tx, { call, crmDealId: "deal_42", now: new Date() }));
 */
export async function setCallLinks(
  tx: Database,
  input: {
    call: Pick<Call, "id" | "orgId">;
    repUserId?: string | null;
    crmDealId?: string | null;
    now: Date;
  },
): Promise<void> {
  const links = {
    ...(input.repUserId === undefined ? {} : { repUserId: input.repUserId }),
    ...(input.crmDealId === undefined ? {} : { crmDealId: input.crmDealId }),
  };
  if (Object.keys(links).length === 0) return;
  const where = (
    id: typeof calls.id | typeof callMetrics.callId,
    org: typeof calls.orgId | typeof callMetrics.orgId,
  ) => and(eq(id, input.call.id), eq(org, input.call.orgId));
  await tx
    .update(calls)
    .set({ ...links, updatedAt: input.now })
    .where(where(calls.id, calls.orgId));
  await tx
    .update(callMetrics)
    .set({ ...links, updatedAt: input.now })
    .where(where(callMetrics.callId, callMetrics.orgId));
}

/**
 * Give every analysed call without a `call_metrics` row one, from its stored analysis (and
 * coaching) JSON. Idempotent and cheap when there is nothing to do: run on every start and by
 * `debrief migrate`. Returns how many rows it wrote.
 *
 * @example
 * const filled = await backfillCallMetrics(db); // 0 once every call has its row
 */
export async function backfillCallMetrics(
  db: Database,
  options: { batch?: number; now?: Date } = {},
): Promise<number> {
  const batch = options.batch ?? 200;
  const now = options.now ?? new Date();
  let written = 0;
  for (;;) {
    const rows = await db
      .select({
        id: calls.id,
        orgId: calls.orgId,
        repUserId: calls.repUserId,
        occurredAt: calls.occurredAt,
        crmDealId: calls.crmDealId,
        analysis: calls.analysis,
        coaching: calls.coaching,
      })
      .from(calls)
      .leftJoin(callMetrics, eq(callMetrics.callId, calls.id))
      .where(and(isNotNull(calls.analysis), isNull(callMetrics.callId)))
      .limit(batch);
    for (const row of rows) {
      if (!row.analysis) continue;
      // A row written meanwhile by saveAnalysis is newer than what we read: keep it.
      await analysisMetricsWrite(db, row, row.analysis, row.coaching, now, "keep");
      written += 1;
    }
    if (rows.length < batch) return written;
  }
}
