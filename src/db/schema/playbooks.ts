import { sql } from "drizzle-orm";
import { boolean, index, jsonb, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import type { Playbook } from "../../coaching/contract.js";
import { organizations } from "./organizations.js";

/** An organization's playbooks (validated definitions); at most one is the default. */
export const playbooks = pgTable(
  "playbooks",
  {
    id: text("id").primaryKey(),
    orgId: text("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    /** The definition's own id (e.g. "discovery"): unique per organization. */
    slug: text("slug").notNull(),
    definition: jsonb("definition").$type<Playbook>().notNull(),
    isDefault: boolean("is_default").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("playbooks_org_slug_uq").on(t.orgId, t.slug),
    uniqueIndex("playbooks_org_default_uq").on(t.orgId).where(sql`${t.isDefault}`),
    index("playbooks_org_idx").on(t.orgId),
  ],
);
export type PlaybookRow = typeof playbooks.$inferSelect;
