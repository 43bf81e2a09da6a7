import { readdirSync, readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { afterAll, describe, expect, it } from "vitest";
import { POOL_NICENESS } from "../../src/cpu/priority.js";
import { inlineCpu } from "../../src/cpu/tasks.js";
import { workerPool } from "../../src/cpu/worker-pool.js";
import { DebriefError } from "../../src/errors.js";

const caps = { maxUtterances: 20_000, maxWords: 500_000 };

describe("the CPU worker pool", () => {
  const pool = workerPool(1);
  afterAll(async () => {
    await pool.close();
  });

  it("returns the same parse and analysis as running inline", async () => {
    const content = await readFile(
      new URL("../../fixtures/calls/discovery-acme.vtt", import.meta.url),
      "utf8",
    );
    const input = { content, fileName: "discovery-acme.vtt", roles: { rep: ["Dana"] }, caps };
    const [pooled, inline] = await Promise.all([
      pool.run("parseAnalyze", input),
      inlineCpu().run("parseAnalyze", input),
    ]);
    expect(pooled.format).toBe("webvtt");
    expect(JSON.parse(pooled.transcriptJson).utterances.length).toBeGreaterThan(0);
    expect(JSON.parse(pooled.analysisJson)).toEqual(pooled.analysis);
    expect(pooled).toEqual(inline);
  });

  it("brings a task's DebriefError back with its code and message", async () => {
    const input = {
      content: "A: one\nB: two\nA: three\n",
      fileName: "x.txt",
      roles: {},
      caps: { maxUtterances: 2, maxWords: 100 },
    };
    const inline = await inlineCpu()
      .run("parseAnalyze", input)
      .catch((e: unknown) => e);
    const pooled = await pool.run("parseAnalyze", input).catch((e: unknown) => e);
    expect(pooled).toBeInstanceOf(DebriefError);
    expect(inline).toBeInstanceOf(DebriefError);
    expect((pooled as DebriefError).code).toBe("validation_failed");
    expect((pooled as DebriefError).message).toBe((inline as DebriefError).message);
    expect((pooled as DebriefError).message).toBe(
      "transcripts are limited to 2 utterances (DEBRIEF_MAX_UTTERANCES); this one has 3",
    );
  });
});

/** This process' threads (Linux): id → nice value, from /proc/self/task/<tid>/stat (field 19). */
function threadNiceness(): Map<number, number> {
  const out = new Map<number, number>();
  for (const tid of readdirSync("/proc/self/task")) {
    try {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, "utf8");
      out.set(Number(tid), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[16]));
    } catch {
      // The thread ended between the listing and the read.
    }
  }
  return out;
}

describe.skipIf(process.platform !== "linux")("the CPU pool's priority", () => {
  const input = { content: "A: one\nB: two?\n", fileName: "x.txt", roles: {}, caps };
  const newThreads = async (pool: ReturnType<typeof workerPool>, before: Map<number, number>) => {
    // Two tasks at once: both threads are up and have run one.
    await Promise.all([pool.run("parseAnalyze", input), pool.run("parseAnalyze", input)]);
    return [...threadNiceness()].filter(([tid]) => !before.has(tid));
  };

  it("runs its threads below the event loop, which keeps its own priority", async () => {
    const before = threadNiceness();
    const pool = workerPool(2);
    try {
      const lowered = Math.min(19, before.get(process.pid)! + POOL_NICENESS);
      const niced = (await newThreads(pool, before)).filter(([, nice]) => nice === lowered);
      expect(niced).toHaveLength(2);
      expect(threadNiceness().get(process.pid)).toBe(before.get(process.pid));
    } finally {
      await pool.close();
    }
  });

  it("keeps the event loop's priority with lowPriority: false", async () => {
    const before = threadNiceness();
    const pool = workerPool(2, { lowPriority: false });
    try {
      const added = await newThreads(pool, before);
      expect(added.length).toBeGreaterThanOrEqual(2);
      expect(added.every(([, nice]) => nice === before.get(process.pid))).toBe(true);
    } finally {
      await pool.close();
    }
  });
});
