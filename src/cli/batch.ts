import type { Worker } from "node:worker_threads";
import type { FileOutcome } from "./analyze-file.js";

/** A batch of files for `runBatch`: how to read, analyse here, start a helper thread, and print. */
export interface BatchRun {
  /** Display names of the files, in the order their results are printed. */
  names: readonly string[];
  /** File k's content, or the outcome that replaces it (it could not be read). */
  load: (k: number) => Promise<{ content: string } | { outcome: FileOutcome }>;
  /** Analyse one file on this thread. */
  local: (name: string, content: string) => Promise<FileOutcome>;
  /** A thread running src/cli/analyze-worker.ts (it posts `{ ready: true }` once loaded). */
  spawn: () => Worker;
  /** Print file k's outcome: called once per file, in order. */
  emit: (k: number, outcome: FileOutcome) => void;
  /** Threads in all, this one included. */
  jobs: number;
  /**
   * Helper threads start only once this thread has worked this long with files left: a thread
   * costs about as much to start as a short call costs to analyse, so a short batch never pays it.
   */
  spawnAfterMs: number;
}

type Reply =
  | { ready: true }
  | { seq: number; ok: true; outcome: FileOutcome }
  | { seq: number; ok: false; message: string; stack: string };

/**
 * Analyse a batch of files on up to `jobs` threads: this one takes files in order from the start,
 * helper threads join when the batch proves long, and results are printed in the files' order as
 * soon as each one's predecessors are. A defect (not bad input) on any thread is rethrown here.
 *
 * @example
 * await runBatch({ names, load, local, spawn, emit: (k, o) => print(o), jobs: 2, spawnAfterMs: 50 });
 */
export async function runBatch(run: BatchRun): Promise<void> {
  const count = run.names.length;
  const results: Array<FileOutcome | undefined> = new Array(count);
  let printed = 0;
  let next = 0;
  let failure: Error | null = null;
  let settle: () => void = () => {};
  const finished = new Promise<void>((resolve) => {
    settle = resolve;
  });
  const fail = (err: Error) => {
    failure ??= err;
    settle();
  };
  const store = (k: number, outcome: FileOutcome) => {
    results[k] = outcome;
    while (printed < count && results[printed] !== undefined) {
      run.emit(printed, results[printed]!);
      results[printed] = undefined; // printed: let it go
      printed++;
    }
    if (printed === count) settle();
  };
  const take = () => (failure === null && next < count ? next++ : -1);

  const workers: Worker[] = [];
  const helper = (w: Worker) => {
    let current = -1;
    const step = async (): Promise<void> => {
      for (let k = take(); k >= 0; k = take()) {
        const loaded = await run.load(k);
        if ("outcome" in loaded) {
          store(k, loaded.outcome);
          continue;
        }
        current = k;
        w.postMessage({ seq: k, name: run.names[k], content: loaded.content });
        return;
      }
      current = -1;
      w.unref(); // idle for good: nothing left to take
    };
    w.on("message", (reply: Reply) => {
      if ("ready" in reply) {
        step().catch(fail);
        return;
      }
      if (!reply.ok) {
        const err = new Error(reply.message);
        err.stack = reply.stack;
        fail(err);
        return;
      }
      store(reply.seq, reply.outcome);
      step().catch(fail);
    });
    w.on("error", (err) => {
      if (current >= 0) fail(err); // a thread lost with a file: a defect
    });
    w.on("exit", (code) => {
      if (current >= 0 && results[current] === undefined && printed <= current)
        fail(new Error(`an analysis thread stopped (exit code ${code}) while reading ${run.names[current]}`));
    });
  };

  try {
    const started = performance.now();
    for (let k = take(); k >= 0; k = take()) {
      const loaded = await run.load(k);
      store(k, "outcome" in loaded ? loaded.outcome : await run.local(run.names[k]!, loaded.content));
      if (
        workers.length === 0 &&
        run.jobs > 1 &&
        next < count &&
        performance.now() - started >= run.spawnAfterMs
      ) {
        for (let i = 0; i < Math.min(run.jobs - 1, count - next); i++) {
          const w = run.spawn();
          workers.push(w);
          helper(w);
        }
      }
      // Let the helpers' replies in between files (this thread's work is synchronous).
      if (workers.length > 0) await new Promise<void>((resolve) => setImmediate(resolve));
    }
    if (printed < count && failure === null) await finished;
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  if (failure !== null) throw failure;
}
