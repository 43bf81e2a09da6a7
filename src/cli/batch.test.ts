import { EventEmitter } from "node:events";
import { readFileSync } from "node:fs";
import type { Worker } from "node:worker_threads";
import { describe, expect, it } from "vitest";
import { BUILTIN_DEFAULT_PLAYBOOK, loadDefaultPlaybook } from "../coaching/playbook/builtins.js";
import { memoryCoachingCache } from "../coaching-service/cache.js";
import { startThread } from "../cpu/thread.js";
import { type AnalyzeFileOptions, analyzeFileContent, type FileOutcome } from "./analyze-file.js";
import { type BatchRun, runBatch } from "./batch.js";

const ok = (output: string): FileOutcome => ({ output, warnings: [], error: "" });

/** A stand-in thread: answers each file after `delay(name)` ms, as analyze-worker.ts would. */
class FakeThread extends EventEmitter {
  terminated = false;
  constructor(
    private readonly answer: (
      name: string,
    ) => { ok: true; outcome: FileOutcome } | { ok: false; message: string },
    private readonly delay: (name: string) => number,
  ) {
    super();
    setTimeout(() => this.emit("message", { ready: true }), 1);
  }
  postMessage(msg: { seq: number; name: string }) {
    setTimeout(() => {
      const a = this.answer(msg.name);
      this.emit(
        "message",
        a.ok ? { seq: msg.seq, ...a } : { seq: msg.seq, ok: false, message: a.message, stack: "" },
      );
    }, this.delay(msg.name));
  }
  unref() {}
  async terminate() {
    this.terminated = true;
    return 0;
  }
}

function batch(names: string[], over: Partial<BatchRun> & { threads?: FakeThread[] } = {}) {
  const printed: Array<[number, string]> = [];
  const threads = over.threads ?? [];
  const run: BatchRun = {
    names,
    load: async (k) => ({ content: names[k]! }),
    local: async (name) => {
      const until = Date.now() + 3; // a file's worth of work on this thread
      while (Date.now() < until);
      return ok(`local ${name}`);
    },
    spawn: () => {
      const t = new FakeThread(
        (name) => ({ ok: true, outcome: ok(`thread ${name}`) }),
        (name) => (name.endsWith("1") ? 30 : 1),
      );
      threads.push(t);
      return t as unknown as Worker;
    },
    emit: (k, o) => printed.push([k, o.output || o.error]),
    jobs: 3,
    spawnAfterMs: 0,
    ...over,
  };
  return { run, printed, threads };
}

describe("runBatch", () => {
  it("prints every file once, in the files' order, whichever thread finishes first", async () => {
    const names = Array.from({ length: 12 }, (_, i) => `f${i}`);
    const { run, printed, threads } = batch(names);
    await runBatch(run);
    expect(printed.map(([k]) => k)).toEqual(names.map((_, k) => k));
    expect(printed.some(([, o]) => o.startsWith("thread"))).toBe(true); // the helpers did take files
    expect(printed.some(([, o]) => o.startsWith("local"))).toBe(true);
    expect(threads).toHaveLength(2); // jobs 3: this thread and two helpers
    expect(threads.every((t) => t.terminated)).toBe(true);
  });

  it("starts no helper thread for a batch shorter than spawnAfterMs, or with one job", async () => {
    for (const over of [{ spawnAfterMs: 60_000 }, { jobs: 1 }]) {
      const { run, printed, threads } = batch(["a", "b", "c"], over);
      await runBatch(run);
      expect(printed).toEqual([
        [0, "local a"],
        [1, "local b"],
        [2, "local c"],
      ]);
      expect(threads).toHaveLength(0);
    }
  });

  it("keeps a file that cannot be read in its place and goes on", async () => {
    const names = ["a", "gone", "c", "d", "e"];
    const { run, printed } = batch(names, {
      load: async (k) =>
        names[k] === "gone"
          ? { outcome: { output: "", warnings: [], error: "gone: cannot read" } }
          : { content: names[k]! },
    });
    await runBatch(run);
    expect(printed.map(([k, o]) => [k, o.endsWith(names[k]!) || o === "gone: cannot read"])).toEqual(
      names.map((_, k) => [k, true]),
    );
  });

  it("rethrows a defect met on a helper thread, and stops every thread", async () => {
    const threads: FakeThread[] = [];
    const { run } = batch(
      Array.from({ length: 8 }, (_, i) => `f${i}`),
      {
        threads,
        spawn: () => {
          const t = new FakeThread(
            () => ({ ok: false, message: "boom in a thread" }),
            () => 1,
          );
          threads.push(t);
          return t as unknown as Worker;
        },
      },
    );
    await expect(runBatch(run)).rejects.toThrow("boom in a thread");
    expect(threads.every((t) => t.terminated)).toBe(true);
  });

  it("fails, rather than waiting for ever, when a helper thread exits with a file", async () => {
    const { run } = batch(
      Array.from({ length: 6 }, (_, i) => `f${i}`),
      {
        spawn: () => {
          const t = new FakeThread(
            () => ({ ok: true, outcome: ok("never") }),
            () => 1,
          );
          t.postMessage = () => setTimeout(() => t.emit("exit", 1), 1);
          return t as unknown as Worker;
        },
      },
    );
    await expect(runBatch(run)).rejects.toThrow(/stopped \(exit code 1\) while reading f\d/);
  });

  it("gives, on real analysis threads, exactly what one thread gives", async () => {
    const files = [
      "fixtures/bench/call-60min.json",
      "fixtures/formats/teams.vtt",
      "fixtures/formats/malformed/truncated.json",
      "fixtures/calls/discovery-acme.vtt",
      "fixtures/formats/russian.txt",
      "fixtures/bench/call-60min.json",
    ];
    const options: AnalyzeFileOptions = {
      rep: [],
      customer: [],
      playbook: loadDefaultPlaybook(BUILTIN_DEFAULT_PLAYBOOK),
      json: true,
      color: false,
    };
    const deps = { openai: null, cache: memoryCoachingCache() };
    const expected: FileOutcome[] = [];
    for (const f of files) expected.push(await analyzeFileContent(f, readFileSync(f, "utf8"), options, deps));
    const got: FileOutcome[] = [];
    let spawned = 0;
    let answered = 0;
    let localCalls = 0;
    await runBatch({
      names: files,
      load: async (k) => ({ content: readFileSync(files[k]!, "utf8") }),
      // The helpers start after this thread's first file; on its second it waits for them to
      // analyse all the others.
      local: async (name, content) => {
        const outcome = await analyzeFileContent(name, content, options, deps);
        if (++localCalls === 2)
          for (let i = 0; i < 1500 && answered < files.length - 2; i++)
            await new Promise((r) => setTimeout(r, 20));
        return outcome;
      },
      spawn: () => {
        spawned++;
        const w = startThread(new URL("./analyze-worker.ts", import.meta.url), { options });
        w.on("message", (m: object) => {
          if ("seq" in m) answered++;
        });
        return w;
      },
      emit: (_k, o) => got.push(o),
      jobs: 3,
      spawnAfterMs: 0,
    });
    expect(spawned).toBe(2);
    expect([localCalls, answered]).toEqual([2, files.length - 2]);
    expect(got).toEqual(expected);
    expect(got[2]!.error).toMatch(/truncated\.json/);
  }, 60_000);
});
