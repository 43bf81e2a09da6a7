import { boolean, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/** A customer of Debrief: the tenant boundary. Nothing is ever read across organizations. */
export const organizations = pgTable("organizations", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  /** The organization created on first start: its admins operate the instance (create organizations). */
  isOperator: boolean("is_operator").notNull().default(false),
  /** IANA time zone in which report periods (dates) are read. */
  timeZone: text("time_zone").notNull().default("UTC"),
  /** ISO 4217 code of the organization's money (CRM amounts, costs). */
  currency: text("currency").notNull().default("USD"),
  createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
});
export type Organization = typeof organizations.$inferSelect;
