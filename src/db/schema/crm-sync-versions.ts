import { pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { organizations } from "./organizations.js";

/**
 * The vendor time of the change that last wrote (or deleted) each synced CRM record, so an older
 * event arriving late never undoes a newer one (`shouldApply`, src/crm/changes.ts). Kept after a
 * delete as a tombstone: a late upsert older than the deletion does not bring the record back.
 */
export const crmSyncVersions = pgTable(
  "crm_sync_versions",
  {
    orgId: text("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    recordId: text("record_id").notNull(),
    sourceUpdatedAt: timestamp("source_updated_at", { withTimezone: true, mode: "date" }).notNull(),
    deleted: text("deleted"),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.kind, t.recordId] })],
);
