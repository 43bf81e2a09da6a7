import { index, integer, pgEnum, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { calls } from "./calls.js";
import { organizations } from "./organizations.js";

export const JOB_KINDS = ["transcribe", "analyze", "coach"] as const;
export const jobKind = pgEnum("job_kind", JOB_KINDS);
export const JOB_STATUSES = ["queued", "running", "done", "failed"] as const;
export const jobStatus = pgEnum("job_status", JOB_STATUSES);

/**
 * The Postgres-backed queue (Node). A worker claims a job with FOR UPDATE SKIP LOCKED and holds a
 * lease; if it dies, the lease expires and another worker takes the job over — nothing is lost.
 */
export const jobs = pgTable(
  "jobs",
  {
    id: text("id").primaryKey(),
    orgId: text("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    callId: text("call_id")
      .notNull()
      .references(() => calls.id, { onDelete: "cascade" }),
    kind: jobKind("kind").notNull(),
    status: jobStatus("status").notNull().default("queued"),
    attempts: integer("attempts").notNull().default(0),
    maxAttempts: integer("max_attempts").notNull().default(5),
    runAt: timestamp("run_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    leaseUntil: timestamp("lease_until", { withTimezone: true, mode: "date" }),
    lastError: text("last_error"),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [index("jobs_ready_idx").on(t.status, t.runAt), index("jobs_call_idx").on(t.callId)],
);
export type Job = typeof jobs.$inferSelect;
export type JobKind = (typeof JOB_KINDS)[number];
