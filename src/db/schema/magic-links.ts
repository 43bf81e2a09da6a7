import { index, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { organizations } from "./organizations.js";
import { users } from "./users.js";

/**
 * E-mailed sign-in links: single-use (`usedAt`), short-lived, and only the SHA-256 of the token is
 * stored. `email` (lower-case) is kept to rate-limit requests per address.
 */
export const magicLinks = pgTable(
  "magic_links",
  {
    id: text("id").primaryKey(),
    tokenHash: text("token_hash").notNull(),
    orgId: text("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true, mode: "date" }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true, mode: "date" }),
  },
  (t) => [
    uniqueIndex("magic_links_token_uq").on(t.tokenHash),
    index("magic_links_email_idx").on(t.email, t.createdAt),
  ],
);
export type MagicLink = typeof magicLinks.$inferSelect;
