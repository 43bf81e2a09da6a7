import { sql } from "drizzle-orm";
import { index, pgTable, text, timestamp, unique } from "drizzle-orm/pg-core";
import { calls } from "./calls.js";
import { crmConnections } from "./crm-connections.js";
import { organizations } from "./organizations.js";

export const WRITEBACK_STATUSES = ["pending", "retrying", "done", "failed"] as const;
export type WritebackStatus = (typeof WRITEBACK_STATUSES)[number];

/** A call's result written back to a CRM deal (one per call and connection), for the dashboard. */
export const crmWritebacks = pgTable(
  "crm_writebacks",
  {
    id: text("id").primaryKey(),
    orgId: text("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    callId: text("call_id")
      .notNull()
      .references(() => calls.id, { onDelete: "cascade" }),
    connectionId: text("connection_id")
      .notNull()
      .references(() => crmConnections.id, { onDelete: "cascade" }),
    dealId: text("deal_id").notNull(),
    status: text("status", { enum: WRITEBACK_STATUSES }).notNull().default("pending"),
    /** The note or task created in the CRM. */
    vendorObjectId: text("vendor_object_id"),
    error: text("error"),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    unique("crm_writebacks_call_connection_uq").on(t.callId, t.connectionId),
    index("crm_writebacks_org_call_idx").on(t.orgId, t.callId),
    // The sync sweep's look for unfinished write-backs (src/webhooks/sweep.ts).
    index("crm_writebacks_open_idx").on(t.updatedAt).where(sql`status in ('pending', 'retrying')`),
  ],
);
export type CrmWriteback = typeof crmWritebacks.$inferSelect;
