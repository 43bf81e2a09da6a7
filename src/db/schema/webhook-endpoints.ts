import { boolean, index, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { organizations } from "./organizations.js";

/**
 * A receiver of Debrief's signed webhooks (Standard Webhooks). `secret` and `previousSecret` are
 * sealed (src/security/secret-box.ts); during a rotation the previous secret keeps signing until
 * `previousSecretExpiresAt`. `failingSince`: first failed attempt after the last success.
 */
export const webhookEndpoints = pgTable(
  "webhook_endpoints",
  {
    id: text("id").primaryKey(),
    orgId: text("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    url: text("url").notNull(),
    /** Event types delivered; null = all. */
    events: jsonb("events").$type<string[] | null>(),
    enabled: boolean("enabled").notNull().default(true),
    disabledReason: text("disabled_reason"),
    secret: text("secret").notNull(),
    previousSecret: text("previous_secret"),
    previousSecretExpiresAt: timestamp("previous_secret_expires_at", { withTimezone: true, mode: "date" }),
    failingSince: timestamp("failing_since", { withTimezone: true, mode: "date" }),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [index("webhook_endpoints_org_idx").on(t.orgId)],
);
export type WebhookEndpoint = typeof webhookEndpoints.$inferSelect;
