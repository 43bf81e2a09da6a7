import { and, asc, eq, gt, sql } from "drizzle-orm";
import { newId } from "../auth/keys.js";
import type { Database } from "../db/database.js";
import { type DomainEvent, type EventType, events } from "../db/schema/index.js";

/**
 * The transactional outbox: a domain event is written in the same transaction as the change it
 * reports, so a subscriber sees an event if and only if the change committed.
 *
 * Ordering: `seq` comes from a sequence, and sequence values are taken at insert time, not at
 * commit — two concurrent transactions could commit out of `seq` order and a reader would skip the
 * late one. Writers therefore take a transaction-scoped advisory lock just before inserting (held
 * only until their commit, a few statements later), which makes `seq` order commit order: a reader
 * that has seen N will never later find an event below N.
 */

/** Arbitrary constant (distinct from the migration lock). */
const OUTBOX_LOCK = 72_635_412;

export interface NewEvent {
  orgId: string;
  type: EventType;
  subject: string;
  /** Small identifiers and states only: never transcripts or other user content. */
  payload: Record<string, unknown>;
}

/**
 * Write an event in the caller's transaction (`tx` must be a transaction: the lock it takes is
 * released at commit or rollback).
 *
 * @example
 * await db.transaction(async (tx) => {
 *   await tx.update(calls).set({ status: "failed" }).where(eq(calls.id, id));
 *   await recordEvent(tx, { orgId, type: "call.failed", subject: id, payload: { callId: id } });
 * });
 */
export async function recordEvent(tx: Database, event: NewEvent & { createdAt?: Date }): Promise<string> {
  const id = newId("evt");
  await tx.execute(sql`select pg_advisory_xact_lock(${OUTBOX_LOCK})`);
  await tx.insert(events).values({
    id,
    orgId: event.orgId,
    type: event.type,
    subject: event.subject,
    payload: event.payload,
    ...(event.createdAt ? { createdAt: event.createdAt } : {}),
  });
  return id;
}

/**
 * Events after `afterSeq` (0 = from the start), oldest first, at most `limit`; only `orgId`'s when
 * given. Read the next page with the last event's `seq`.
 *
 * @example
 * const page = await readEvents({ db, afterSeq: 0, limit: 100 });
 * const next = await readEvents({ db, afterSeq: page.at(-1)?.seq ?? 0, limit: 100 });
 */
export async function readEvents(input: {
  db: Database;
  afterSeq: number;
  limit: number;
  orgId?: string;
}): Promise<DomainEvent[]> {
  return input.db
    .select()
    .from(events)
    .where(and(gt(events.seq, input.afterSeq), input.orgId ? eq(events.orgId, input.orgId) : undefined))
    .orderBy(asc(events.seq))
    .limit(Math.max(1, Math.min(input.limit, 1000)));
}
