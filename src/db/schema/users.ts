import { boolean, index, pgEnum, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { organizations } from "./organizations.js";

export const USER_ROLES = ["admin", "manager", "rep"] as const;
export const userRole = pgEnum("user_role", USER_ROLES);

/** A person in an organization. Reps see their own calls; managers and admins see the organization's. */
export const users = pgTable(
  "users",
  {
    id: text("id").primaryKey(),
    orgId: text("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    name: text("name").notNull(),
    role: userRole("role").notNull(),
    /** The instance's operator (the admin created at bootstrap): may create organizations. Never
     * implied by a role or by belonging to any organization. */
    isOperator: boolean("is_operator").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("users_org_email_uq").on(t.orgId, t.email), index("users_org_idx").on(t.orgId)],
);
export type User = typeof users.$inferSelect;
export type UserRole = (typeof USER_ROLES)[number];
