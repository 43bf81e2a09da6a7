import { index, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { organizations } from "./organizations.js";

/** A paying customer: from `startedAt` until `churnedAt` (null while active). */
export const crmCustomers = pgTable(
  "crm_customers",
  {
    orgId: text("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    id: text("id").notNull(),
    startedAt: timestamp("started_at", { withTimezone: true, mode: "date" }).notNull(),
    churnedAt: timestamp("churned_at", { withTimezone: true, mode: "date" }),
    dealId: text("deal_id"),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    index("crm_customers_org_started_idx").on(t.orgId, t.startedAt),
  ],
);
export type CrmCustomer = typeof crmCustomers.$inferSelect;
