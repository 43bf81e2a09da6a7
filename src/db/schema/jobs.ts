import { index, integer, jsonb, pgEnum, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { organizations } from "./organizations.js";

export const JOB_STATUSES = ["queued", "running", "done", "failed"] as const;
export const jobStatus = pgEnum("job_status", JOB_STATUSES);

/**
 * Background jobs of any kind (transcription, analysis, coaching; later webhook deliveries, CRM
 * imports…). `kind` names a registered handler (src/jobs/registry.ts); `subject` is what the job is
 * about (e.g. a call id) and `payload` its kind-specific input, validated by the handler.
 * A worker claims a job with FOR UPDATE SKIP LOCKED and holds a lease; if it dies, the lease expires
 * and another worker takes the job over — nothing is lost.
 */
export const jobs = pgTable(
  "jobs",
  {
    id: text("id").primaryKey(),
    orgId: text("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    subject: text("subject"),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull().default({}),
    status: jobStatus("status").notNull().default("queued"),
    attempts: integer("attempts").notNull().default(0),
    maxAttempts: integer("max_attempts").notNull().default(5),
    runAt: timestamp("run_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    leaseUntil: timestamp("lease_until", { withTimezone: true, mode: "date" }),
    lastError: text("last_error"),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [index("jobs_ready_idx").on(t.status, t.runAt), index("jobs_subject_idx").on(t.subject)],
);

export type Job = typeof jobs.$inferSelect;
