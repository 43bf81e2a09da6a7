import { and, asc, eq, gt, sql } from "drizzle-orm";
import { newId } from "../auth/keys.js";
import type { Database } from "../db/database.js";
import { type EventType, events, type SequencedEvent } from "../db/schema/index.js";

/**
 * The transactional outbox: a domain event is written in the same transaction as the change it
 * reports, so a subscriber sees an event if and only if the change committed.
 *
 * Ordering without slowing writers: an event is inserted without a position (`seq` null), so
 * writers take no lock and PostgreSQL commits them together. A reader first numbers the
 * organization's committed, unnumbered events (after the highest number given so far, in creation
 * order) under a per-organization lock that only readers take, then reads by number. An event
 * whose transaction commits later is numbered by a later read, above everything read before: a
 * reader that has seen N never later finds an event at or below N. (Numbering at insert from a
 * sequence would need every writer to hold a lock until commit, which serialised all uploads
 * behind one disk flush each.)
 */

/** Arbitrary constant (distinct from the migration and CRM locks); the second key is the org. */
const OUTBOX_READ_LOCK = 72_635_412;

export interface NewEvent {
  orgId: string;
  type: EventType;
  subject: string;
  /** Small identifiers and states only: never transcripts or other user content. */
  payload: Record<string, unknown>;
}

/**
 * Write an event in the caller's transaction (so it exists if and only if the change commits).
 *
 * @example
 * await db.transaction(async (tx) => {
 *   await tx.update(calls).set({ status: "failed" }).where(eq(calls.id, id));
 *   await recordEvent(tx, { orgId, type: "call.failed", subject: id, payload: { callId: id } });
 * });
 */
export async function recordEvent(tx: Database, event: NewEvent & { createdAt?: Date }): Promise<string> {
  const { id, insert } = eventInsert(tx, event);
  await insert;
  return id;
}

/**
 * `recordEvent`'s insert, unsent: for a caller that sends it as part of a larger statement (a
 * status change sends it with the dispatcher kick, `scheduleDispatch`: one round trip, not two).
 *
 * @example
 * const { insert } = eventInsert(tx, { orgId, type: "call.analyzed", subject: id, payload });
 * await scheduleDispatch(tx, orgId, now, insert);
 */
export function eventInsert(tx: Database, event: NewEvent & { createdAt?: Date }) {
  const id = newId("evt");
  const insert = tx.insert(events).values({
    id,
    orgId: event.orgId,
    type: event.type,
    subject: event.subject,
    payload: event.payload,
    ...(event.createdAt ? { createdAt: event.createdAt } : {}),
  });
  return { id, insert };
}

/**
 * `orgId`'s events after `afterSeq` (0 = from the start), oldest first, at most `limit`, after
 * numbering the ones committed since the last read. Read the next page with the last event's `seq`.
 *
 * @example
 * const page = await readEvents({ db, orgId, afterSeq: 0, limit: 100 });
 * const next = await readEvents({ db, orgId, afterSeq: page.at(-1)?.seq ?? 0, limit: 100 });
 */
export async function readEvents(input: {
  db: Database;
  orgId: string;
  afterSeq: number;
  limit: number;
}): Promise<SequencedEvent[]> {
  const { orgId } = input;
  return input.db.transaction(async (tx) => {
    // Readers of one organization number its events one at a time (held until this commits).
    await tx.execute(sql`select pg_advisory_xact_lock(${OUTBOX_READ_LOCK}, hashtext(${orgId}))`);
    await tx.execute(sql`update events e set seq = p.base + p.rn
      from (select id,
              (select coalesce(max(seq), 0) from events where org_id = ${orgId}) as base,
              row_number() over (order by created_at, id) as rn
            from events where org_id = ${orgId} and seq is null) p
      where e.id = p.id`);
    const rows = await tx
      .select()
      .from(events)
      .where(and(eq(events.orgId, orgId), gt(events.seq, input.afterSeq)))
      .orderBy(asc(events.seq))
      .limit(Math.max(1, Math.min(input.limit, 1000)));
    return rows as SequencedEvent[];
  });
}
