import { date, numeric, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { organizations } from "./organizations.js";

export const COST_CATEGORIES = ["sales", "marketing"] as const;

/**
 * Sales or marketing spend over a span of days (both ends inclusive). Keyed by what it is, so
 * re-importing a cost sheet replaces amounts instead of adding rows.
 */
export const crmCosts = pgTable(
  "crm_costs",
  {
    orgId: text("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    periodStart: date("period_start", { mode: "string" }).notNull(),
    periodEnd: date("period_end", { mode: "string" }).notNull(),
    category: text("category", { enum: COST_CATEGORIES }).notNull(),
    amount: numeric("amount", { precision: 18, scale: 4, mode: "number" }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.periodStart, t.periodEnd, t.category] })],
);
export type CrmCost = typeof crmCosts.$inferSelect;
