import { boolean, index, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { organizations } from "./organizations.js";

export const CRM_VENDORS = ["hubspot", "pipedrive", "salesforce", "generic"] as const;
export type CrmConnectionVendor = (typeof CRM_VENDORS)[number];

/**
 * A CRM an organization syncs with (docs/integrations.md). `config` holds what is not secret
 * (portal / company / org ids, stage and owner mappings, instance URL); `secrets` is one sealed
 * JSON object (src/security/secret-box.ts, context `crm_connection:<id>:secrets`), never shown
 * after creation.
 */
export const crmConnections = pgTable(
  "crm_connections",
  {
    id: text("id").primaryKey(),
    orgId: text("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    vendor: text("vendor", { enum: CRM_VENDORS }).notNull(),
    name: text("name"),
    config: jsonb("config").$type<Record<string, unknown>>().notNull().default({}),
    secrets: text("secrets").notNull(),
    writeBack: boolean("write_back").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [index("crm_connections_org_idx").on(t.orgId)],
);
export type CrmConnection = typeof crmConnections.$inferSelect;
