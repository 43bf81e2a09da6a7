import { index, numeric, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { organizations } from "./organizations.js";
import { users } from "./users.js";

export const DEAL_STATUSES = ["open", "won", "lost"] as const;
export type DealStatus = (typeof DEAL_STATUSES)[number];

/** A CRM deal (opportunity). `closedAt` dates a won or lost deal; amounts are in `currency`. */
export const crmDeals = pgTable(
  "crm_deals",
  {
    orgId: text("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    id: text("id").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull(),
    ownerUserId: text("owner_user_id").references(() => users.id, { onDelete: "set null" }),
    name: text("name"),
    amount: numeric("amount", { precision: 18, scale: 4, mode: "number" }),
    currency: text("currency"),
    status: text("status", { enum: DEAL_STATUSES }).notNull().default("open"),
    closedAt: timestamp("closed_at", { withTimezone: true, mode: "date" }),
    leadId: text("lead_id"),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    index("crm_deals_org_created_idx").on(t.orgId, t.createdAt),
    index("crm_deals_org_closed_idx").on(t.orgId, t.closedAt),
    index("crm_deals_org_owner_idx").on(t.orgId, t.ownerUserId, t.id),
  ],
);
export type CrmDeal = typeof crmDeals.$inferSelect;
