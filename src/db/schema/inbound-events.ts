import { sql } from "drizzle-orm";
import { index, jsonb, pgTable, text, timestamp, unique } from "drizzle-orm/pg-core";
import { crmConnections } from "./crm-connections.js";
import { organizations } from "./organizations.js";

export const INBOUND_STATUSES = ["pending", "applied", "skipped", "rejected"] as const;
export type InboundStatus = (typeof INBOUND_STATUSES)[number];

/**
 * One normalised change received from a CRM webhook (src/crm/changes.ts), stored once per
 * (connection, vendor event id) — a vendor's redelivery finds its row and changes nothing — and
 * applied by the `crm.apply` job. `skipped`: older than what the record already holds.
 */
export const inboundEvents = pgTable(
  "inbound_events",
  {
    id: text("id").primaryKey(),
    orgId: text("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    connectionId: text("connection_id")
      .notNull()
      .references(() => crmConnections.id, { onDelete: "cascade" }),
    vendorEventId: text("vendor_event_id").notNull(),
    occurredAt: timestamp("occurred_at", { withTimezone: true, mode: "date" }).notNull(),
    change: jsonb("change").$type<Record<string, unknown>>().notNull(),
    status: text("status", { enum: INBOUND_STATUSES }).notNull().default("pending"),
    error: text("error"),
    receivedAt: timestamp("received_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    appliedAt: timestamp("applied_at", { withTimezone: true, mode: "date" }),
  },
  (t) => [
    unique("inbound_events_connection_event_uq").on(t.connectionId, t.vendorEventId),
    index("inbound_events_pending_idx").on(t.connectionId, t.status, t.occurredAt),
    // The sync sweep's look for connections with pending changes (src/webhooks/sweep.ts).
    index("inbound_events_sweep_idx").on(t.connectionId).where(sql`status = 'pending'`),
  ],
);
export type InboundEvent = typeof inboundEvents.$inferSelect;
