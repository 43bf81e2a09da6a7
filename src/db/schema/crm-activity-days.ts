import { date, integer, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { organizations } from "./organizations.js";

/**
 * Derived, never written by the application: per organization, UTC day and rep, the delivered
 * outbound activities and how many of them have a human reply — `crm_activities` rolled up for the
 * response rate, so a long period reads one row per rep and day instead of every activity (the
 * period's partial first and last UTC days are read from the activities themselves, so any time
 * zone's midnight is exact). Kept by statement-level triggers on `crm_activities` (migration
 * 0013), which see every write: the CRM writes of src/crm/, the reply flags `refreshDerived`
 * updates, and a rep set to null when their user is deleted.
 */
export const crmActivityDays = pgTable(
  "crm_activity_days",
  {
    orgId: text("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    /** The UTC day of the activities' `at`. */
    day: date("day", { mode: "string" }).notNull(),
    /** The activities' rep, or '' for those without one (a key column cannot be null). */
    rep: text("rep").notNull(),
    sent: integer("sent").notNull(),
    replied: integer("replied").notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.day, t.rep] })],
);
