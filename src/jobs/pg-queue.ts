import { inArray, sql } from "drizzle-orm";
import type { Database } from "../db/database.js";
import { jobs } from "../db/schema/index.js";
import type { JobQueue } from "../services.js";

/**
 * The Node job queue: the `jobs` row (written with the call, in one transaction) is the job; the
 * workers poll it with FOR UPDATE SKIP LOCKED. `enqueue` only wakes the local workers early.
 */
export function pgJobQueue(db: Database, wake: () => void = () => {}): JobQueue {
  return {
    async enqueue() {
      wake();
    },
    async depth() {
      const [row] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(jobs)
        .where(inArray(jobs.status, ["queued", "running"]));
      return Number(row?.n ?? 0);
    },
  };
}
