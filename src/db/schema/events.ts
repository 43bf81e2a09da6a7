import { bigint, index, jsonb, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { organizations } from "./organizations.js";

export const EVENT_TYPES = ["call.analyzed", "call.coached", "call.failed", "call.deleted"] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/**
 * The outbox of domain events: written in the same transaction as the change it reports (see
 * src/events/outbox.ts), read per organization in `seq` order by subscribers (webhooks) as "events
 * after N". Payloads are small identifiers and states — never transcripts or other user content.
 */
export const events = pgTable(
  "events",
  {
    id: text("id").primaryKey(),
    /**
     * Position in the organization's stream, given by the first reader after the event committed
     * (null until then): a subscriber that has read up to N never later finds an event at or below N.
     */
    seq: bigint("seq", { mode: "number" }),
    orgId: text("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    type: text("type").$type<EventType>().notNull(),
    /** What the event is about (a call id). */
    subject: text("subject").notNull(),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("events_org_seq_idx").on(t.orgId, t.seq),
    // A call's events (the dashboard's webhook deliveries of one call).
    index("events_org_subject_idx").on(t.orgId, t.subject),
  ],
);

export type DomainEvent = typeof events.$inferSelect;
/** An event as subscribers read it: sequenced. */
export type SequencedEvent = DomainEvent & { seq: number };
