import { doublePrecision, index, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { calls } from "./calls.js";
import { organizations } from "./organizations.js";
import { users } from "./users.js";

/**
 * One typed row of numbers per analysed call, for reports and trends (the analysis JSON stays the
 * source of truth). Written only by `saveAnalysis` / `saveCoaching` (src/calls/save.ts), in the
 * same transaction as the call; `repUserId` and `crmDealId` follow the call's.
 * Timing-based columns are null when the transcript has no timestamps.
 */
export const callMetrics = pgTable(
  "call_metrics",
  {
    callId: text("call_id")
      .primaryKey()
      .references(() => calls.id, { onDelete: "cascade" }),
    orgId: text("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    repUserId: text("rep_user_id").references(() => users.id, { onDelete: "set null" }),
    occurredAt: timestamp("occurred_at", { withTimezone: true, mode: "date" }).notNull(),
    crmDealId: text("crm_deal_id"),
    language: text("language").notNull(),
    durationSec: doublePrecision("duration_sec"),
    /** Rep talk time ÷ (rep + customer talk time), 0–1. */
    talkRatio: doublePrecision("talk_ratio"),
    /** The rep's longest monologue (analysis metrics). */
    longestMonologueSec: doublePrecision("longest_monologue_sec"),
    longestCustomerStorySec: doublePrecision("longest_customer_story_sec"),
    patienceSec: doublePrecision("patience_sec"),
    interactivity: doublePrecision("interactivity"),
    silenceSec: doublePrecision("silence_sec"),
    pauses: integer("pauses"),
    longestPauseSec: doublePrecision("longest_pause_sec"),
    repQuestionsOpen: integer("rep_questions_open").notNull(),
    repQuestionsClosed: integer("rep_questions_closed").notNull(),
    customerQuestionsOpen: integer("customer_questions_open").notNull(),
    customerQuestionsClosed: integer("customer_questions_closed").notNull(),
    /** Rep filler words ÷ rep talk minutes. */
    repFillersPerMin: doublePrecision("rep_fillers_per_min"),
    repWpm: doublePrecision("rep_wpm"),
    /** Filled when coaching completes. */
    objections: integer("objections"),
    objectionsResolved: integer("objections_resolved"),
    /** Playbook adherence score, 0–1. */
    playbookScore: doublePrecision("playbook_score"),
    /** The playbook's id (slug) the call was judged against. */
    playbook: text("playbook"),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    index("call_metrics_org_occurred_idx").on(t.orgId, t.occurredAt),
    index("call_metrics_org_rep_occurred_idx").on(t.orgId, t.repUserId, t.occurredAt),
    index("call_metrics_org_deal_idx").on(t.orgId, t.crmDealId),
  ],
);

export type CallMetricsRow = typeof callMetrics.$inferSelect;
