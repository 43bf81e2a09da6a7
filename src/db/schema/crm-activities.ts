import { sql } from "drizzle-orm";
import { boolean, index, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { organizations } from "./organizations.js";
import { users } from "./users.js";

export const ACTIVITY_DIRECTIONS = ["outbound", "inbound"] as const;
export const ACTIVITY_CHANNELS = ["email", "call", "message", "meeting"] as const;

/** A touch between the organization and a lead or deal: an e-mail, call, message or meeting. */
export const crmActivities = pgTable(
  "crm_activities",
  {
    orgId: text("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    id: text("id").notNull(),
    at: timestamp("at", { withTimezone: true, mode: "date" }).notNull(),
    direction: text("direction", { enum: ACTIVITY_DIRECTIONS }).notNull(),
    repUserId: text("rep_user_id").references(() => users.id, { onDelete: "set null" }),
    leadId: text("lead_id"),
    dealId: text("deal_id"),
    channel: text("channel", { enum: ACTIVITY_CHANNELS }),
    delivered: boolean("delivered").notNull().default(true),
    /** The id of the activity this one answers (an inbound reply to an outbound e-mail). */
    replyTo: text("reply_to"),
    autoReply: boolean("auto_reply").notNull().default(false),
    /**
     * Derived, never imported: some inbound, not automatic activity replies to this one. Kept true
     * by every CRM write (src/crm/derived.ts) so the response rate reads one row per activity.
     */
    humanReply: boolean("human_reply").notNull().default(false),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    // responseRate: each rep's delivered outbound activities of a period, one range of the index
    // per rep, counted from the index alone (no hashing of every row by rep).
    index("crm_activities_org_rep_out_at_idx")
      .on(t.orgId, t.repUserId, t.at, t.humanReply)
      .where(sql`${t.direction} = 'outbound' and ${t.delivered}`),
    // leadResponse: the first outbound activity of a lead.
    index("crm_activities_org_lead_out_idx")
      .on(t.orgId, t.leadId, t.at)
      .where(sql`${t.direction} = 'outbound'`),
    // human_reply upkeep: is there a human reply to this activity?
    index("crm_activities_org_reply_idx")
      .on(t.orgId, t.replyTo)
      .where(sql`${t.direction} = 'inbound' and not ${t.autoReply}`),
    index("crm_activities_org_rep_idx").on(t.orgId, t.repUserId, t.id),
  ],
);
export type CrmActivity = typeof crmActivities.$inferSelect;
