import type { Database } from "../db/database.js";
import type { JobQueue } from "../services.js";
import { pendingJobCount } from "./store.js";

/**
 * The Node job queue: the `jobs` row (written with the caller's data, in one transaction) is the
 * job; the workers poll it with FOR UPDATE SKIP LOCKED. `notify` only wakes the local workers early.
 */
export function pgJobQueue(db: Database, wake: () => void = () => {}): JobQueue {
  return {
    async notify() {
      wake();
    },
    depth: () => pendingJobCount(db),
  };
}
