import type { Playbook } from "../coaching/contract.js";
import { spawnModuleWorker } from "../cpu/spawn.js";
import type { FileOptions, FileOutcome } from "./analyze.js";
import type { Helper } from "./in-order.js";

type Reply = { ready: true } | { id: number; outcome: FileOutcome } | { id: number; bug: string };

/**
 * `count` worker threads for a batch of `debrief analyze`, each a helper of `inOrder`: given a
 * file's name and text (read by the CLI's thread, so standard input and the tests' IO work the
 * same), it answers the file's outcome. A thread that fails to start leaves the work to the others.
 */
export function analyzeThreads(
  count: number,
  options: FileOptions,
  playbook: Playbook | null,
): Helper<{ name: string; content: string }, FileOutcome>[] {
  const file = new URL(
    import.meta.url.endsWith(".ts") ? "./analyze-worker.ts" : "./analyze-worker.js",
    import.meta.url,
  );
  return Array.from({ length: count }, () => {
    const worker = spawnModuleWorker(file, { workerData: { options, playbook } });
    const pending = new Map<number, { resolve: (o: FileOutcome) => void; reject: (e: Error) => void }>();
    let nextId = 1;
    let started = (_ok: boolean) => {};
    const ready = new Promise<boolean>((r) => {
      started = r;
    });
    let gone: Error | null = null;
    const fail = (err: Error) => {
      gone ??= err;
      started(false);
      for (const p of pending.values()) p.reject(err);
      pending.clear();
    };
    worker.on("message", (reply: Reply) => {
      if ("ready" in reply) return started(true);
      const p = pending.get(reply.id);
      if (!p) return;
      pending.delete(reply.id);
      if ("bug" in reply) p.reject(new Error(reply.bug));
      else p.resolve(reply.outcome);
    });
    worker.on("error", fail);
    worker.on("exit", () => fail(new Error("an analysis thread stopped")));
    return {
      ready,
      // Two files at a time: the next one waits in the thread while this one's reply waits for
      // the CLI's thread, busy with a file of its own.
      depth: 2,
      run: ({ name, content }) =>
        new Promise<FileOutcome>((resolve, reject) => {
          if (gone) return reject(gone);
          const id = nextId++;
          pending.set(id, { resolve, reject });
          worker.postMessage({ id, name, content });
        }),
      close: async () => {
        await worker.terminate();
      },
    };
  });
}
