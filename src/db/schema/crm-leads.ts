import { index, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { organizations } from "./organizations.js";
import { users } from "./users.js";

/** A CRM lead, imported (CSV or API) and keyed by the CRM's own id within the organization. */
export const crmLeads = pgTable(
  "crm_leads",
  {
    orgId: text("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    id: text("id").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull(),
    /** The rep who owns the lead (matched by e-mail at import); null when the CRM gave none. */
    ownerUserId: text("owner_user_id").references(() => users.id, { onDelete: "set null" }),
    source: text("source"),
    convertedDealId: text("converted_deal_id"),
    /**
     * Derived, never imported: the time of the lead's first outbound activity at or after its
     * creation (null while none). Kept true by every CRM write (src/crm/derived.ts) so the lead
     * response time reads one row per lead.
     */
    firstResponseAt: timestamp("first_response_at", { withTimezone: true, mode: "date" }),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    // The period's leads with all the outcome metrics read of them: an index-only range scan.
    index("crm_leads_org_created_idx").on(
      t.orgId,
      t.createdAt,
      t.ownerUserId,
      t.firstResponseAt,
      t.convertedDealId,
    ),
    index("crm_leads_org_owner_idx").on(t.orgId, t.ownerUserId, t.id),
  ],
);
export type CrmLead = typeof crmLeads.$inferSelect;
