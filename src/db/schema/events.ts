import { bigserial, index, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { organizations } from "./organizations.js";

export const EVENT_TYPES = ["call.analyzed", "call.coached", "call.failed", "call.deleted"] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/**
 * The outbox of domain events: written in the same transaction as the change it reports (see
 * src/events/outbox.ts), read in `seq` order by subscribers (webhooks, reports) as "events after N".
 * Payloads are small identifiers and states — never transcripts or other user content.
 */
export const events = pgTable(
  "events",
  {
    id: text("id").primaryKey(),
    /** Commit order: a subscriber that has read up to N never later finds an event below N. */
    seq: bigserial("seq", { mode: "number" }).notNull().unique(),
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
    index("events_org_seq_idx").on(t.orgId, t.seq),
    // A call's events (the dashboard's webhook deliveries of one call).
    index("events_org_subject_idx").on(t.orgId, t.subject),
  ],
);

export type DomainEvent = typeof events.$inferSelect;
