import { index, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { apiKeys } from "./api-keys.js";
import { organizations } from "./organizations.js";
import { users } from "./users.js";

/**
 * Dashboard sign-ins. Only the SHA-256 of the session token (the cookie's value) is stored. A
 * session made from an API key lives only as long as that key: revoking the key (or deleting it)
 * ends it. Magic-link sessions (`apiKeyId` null) end on sign-out or expiry.
 */
export const webSessions = pgTable(
  "web_sessions",
  {
    id: text("id").primaryKey(),
    tokenHash: text("token_hash").notNull(),
    orgId: text("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    apiKeyId: text("api_key_id").references(() => apiKeys.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true, mode: "date" }).notNull(),
    revokedAt: timestamp("revoked_at", { withTimezone: true, mode: "date" }),
  },
  (t) => [
    uniqueIndex("web_sessions_token_uq").on(t.tokenHash),
    index("web_sessions_user_idx").on(t.userId),
    index("web_sessions_key_idx").on(t.apiKeyId),
  ],
);
export type WebSession = typeof webSessions.$inferSelect;
