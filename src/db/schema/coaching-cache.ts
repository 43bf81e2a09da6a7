import { jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import type { Coaching } from "../../coaching/contract.js";

/**
 * LLM coaching results by (transcript hash, playbook version, prompt version, model): re-analysing
 * the same call costs nothing. Keys are content hashes, so rows hold no tenant data beyond the result.
 */
export const coachingCache = pgTable("coaching_cache", {
  key: text("key").primaryKey(),
  value: jsonb("value").$type<Coaching>().notNull(),
  createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
});
