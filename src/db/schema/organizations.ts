import { boolean, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/** A customer of Debrief: the tenant boundary. Nothing is ever read across organizations. */
export const organizations = pgTable("organizations", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  /** The organization created on first start: its admins operate the instance (create organizations). */
  isOperator: boolean("is_operator").notNull().default(false),
  createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
});
export type Organization = typeof organizations.$inferSelect;
