import { availableParallelism } from "node:os";
import type { Worker } from "node:worker_threads";
import { deserializeError, type SerializedError } from "./errors.js";
import { canLowerThreadPriority, POOL_NICENESS } from "./priority.js";
import { spawnModuleWorker } from "./spawn.js";
import type { CpuRunner } from "./tasks.js";

type Reply = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: SerializedError };
interface Pending {
  id: number;
  task: string;
  input: unknown;
  transfer: ArrayBuffer[];
  resolve: (v: unknown) => void;
  reject: (e: Error) => void;
}

/**
 * Threads for a pool on this machine: one per core where they can run below the event loop
 * (Linux), so uploads are also analysed in the cycles the event loop and the database leave idle
 * (on 2 cores 7–45% more coached uploads/s than one thread, docs/benchmarks.md); elsewhere one
 * core stays free for the event loop.
 */
export const defaultPoolSize = () =>
  Math.max(1, canLowerThreadPriority() ? availableParallelism() : availableParallelism() - 1);

export interface PoolOptions {
  /**
   * Run the threads below the event loop's CPU priority (POOL_NICENESS; Linux only, elsewhere
   * ignored). Default true: while the pool is saturated, reads wait about half as long as at
   * equal priority.
   */
  lowPriority?: boolean;
}

/**
 * A small pool of worker threads for the CPU tasks (node:worker_threads, no dependency): the
 * event loop keeps answering other tenants while an upload is parsed and analysed. Node only.
 * Runs the built worker (dist/…/worker.js) or, from TypeScript sources (vitest, tsx), worker.ts
 * through tsx.
 *
 * @example
 * const cpu = workerPool(2);
 * const { analysis } = await cpu.run("parseAnalyze", input);
 * await cpu.close();
 */
export function workerPool(size: number = defaultPoolSize(), options: PoolOptions = {}): CpuRunner {
  const workerData = { niceness: options.lowPriority === false ? 0 : POOL_NICENESS };
  const fromSources = import.meta.url.endsWith(".ts");
  const file = new URL(fromSources ? "./worker.ts" : "./worker.js", import.meta.url);
  const queue: Pending[] = [];
  const idle: Worker[] = [];
  const busy = new Map<Worker, Pending>();
  let all: Worker[] = [];
  let nextId = 1;
  let closed = false;

  const spawn = () => {
    const w = spawnModuleWorker(file, { workerData });
    w.unref();
    w.on("message", (reply: Reply) => {
      const job = busy.get(w);
      busy.delete(w);
      if (job && job.id === reply.id) {
        if (reply.ok) job.resolve(reply.result);
        else job.reject(deserializeError(reply.error));
      }
      idle.push(w);
      pump();
    });
    w.on("error", (err) => {
      // A crashed thread fails its task only; a fresh one takes its place.
      busy.get(w)?.reject(err);
      busy.delete(w);
      all = all.filter((x) => x !== w);
      if (!closed) {
        spawn();
        pump();
      }
    });
    all.push(w);
    idle.push(w);
  };
  const pump = () => {
    while (idle.length > 0 && queue.length > 0) {
      const w = idle.pop()!;
      const job = queue.shift()!;
      busy.set(w, job);
      w.ref(); // keep the process alive while a task runs
      w.postMessage({ id: job.id, task: job.task, input: job.input }, job.transfer);
    }
    for (const w of idle) w.unref();
  };
  const threads = Math.max(1, size);
  for (let i = 0; i < threads; i++) spawn();

  return {
    oneThread: threads === 1,
    run(task, input, transfer = []) {
      if (closed) return Promise.reject(new Error("the CPU pool is closed"));
      return new Promise((resolve, reject) => {
        queue.push({ id: nextId++, task, input, transfer, resolve: resolve as (v: unknown) => void, reject });
        pump();
      });
    },
    async close() {
      closed = true;
      for (const job of queue.splice(0)) job.reject(new Error("the CPU pool is closed"));
      await Promise.all(all.map((w) => w.terminate()));
    },
  };
}
