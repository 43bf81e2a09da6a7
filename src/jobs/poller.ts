import type { Job } from "../db/schema/index.js";
import { describeError } from "../errors.js";
import type { Services } from "../services.js";
import { DEFAULT_LEASE_MS, type ExecuteOptions, executeJob } from "./executor.js";
import { claimJob } from "./store.js";

/** The Node job workers: poll loops that claim due jobs from the table and execute them. */

export interface WorkerOptions extends ExecuteOptions {
  /** Parallel job loops (default 2). 0 starts none. */
  concurrency?: number;
  /** Sleep between polls when there is nothing to do (default 1 s); `wake()` cuts it short. */
  pollIntervalMs?: number;
}

export interface Workers {
  /** A job was enqueued: idle loops poll now instead of at their next interval. */
  wake(): void;
  /**
   * Stop claiming; resolves once running jobs have finished (each bounded by its job timeout), or
   * after `timeoutMs` (e.g. a container's shutdown grace) with `false`: the jobs still running keep
   * their leases, which lapse, and another worker retries them.
   */
  stop(options?: { timeoutMs?: number }): Promise<boolean>;
}

/**
 * Start `concurrency` loops that claim and run jobs from the `jobs` table until stopped.
 * Wire the Postgres queue's wake to them so uploads start at once rather than at the next poll.
 *
 * @example
 * const workers = startWorkers(services, { concurrency: config.DEBRIEF_WORKERS });
 * wake = () => workers.wake(); // what the services' pgJobQueue calls on notify
 * process.on("SIGTERM", () => void workers.stop({ timeoutMs: 20_000 }));
 */
export function startWorkers(services: Services, options: WorkerOptions = {}): Workers {
  const concurrency = options.concurrency ?? 2;
  const pollIntervalMs = options.pollIntervalMs ?? 1_000;
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const { logger } = services;
  const abandon = new AbortController();
  const executeOptions: ExecuteOptions = { ...options, signal: abandon.signal };
  let stopping = false;
  // Bumped by wake(): a loop that polled before a wake must not then sleep through it.
  let wakes = 0;
  const sleepers = new Set<() => void>();

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        sleepers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      sleepers.add(done);
    });
  const wakeAll = () => {
    wakes += 1;
    for (const done of [...sleepers]) done();
  };

  const loop = async (n: number): Promise<void> => {
    let errors = 0;
    while (!stopping) {
      const seen = wakes;
      let job: Job | null;
      try {
        job = await claimJob(services.db, { leaseMs, now: services.now() });
        errors = 0;
      } catch (err) {
        // The database is unreachable: back off (up to 30 s) rather than spin.
        errors += 1;
        logger.error("job claim failed", { worker: n, error: describeError(err).message });
        if (!stopping) await sleep(Math.min(30_000, pollIntervalMs * 2 ** Math.min(errors, 5)));
        continue;
      }
      if (job) {
        await executeJob(services, job, executeOptions);
        continue;
      }
      if (!stopping && seen === wakes) await sleep(pollIntervalMs);
    }
  };

  const loops = Array.from({ length: concurrency }, (_, n) => loop(n));
  return {
    wake: wakeAll,
    async stop(stopOptions = {}) {
      stopping = true;
      wakeAll();
      const all = Promise.all(loops).then(() => true);
      if (stopOptions.timeoutMs === undefined) {
        await all;
        return true;
      }
      let timer: ReturnType<typeof setTimeout> | undefined;
      const gaveUp = new Promise<false>((resolve) => {
        timer = setTimeout(() => resolve(false), stopOptions.timeoutMs);
      });
      const finished = await Promise.race([all, gaveUp]);
      clearTimeout(timer);
      if (!finished) {
        abandon.abort();
        logger.warn("workers stopped with jobs still running; their leases will lapse and they be retried");
        // Abandoned runs return at once; wait (briefly) for them to stop heartbeating.
        await Promise.race([all, new Promise((r) => setTimeout(r, 1_000))]);
      }
      return finished;
    },
  };
}
