import { readFile } from "node:fs/promises";
import { afterAll, describe, expect, it } from "vitest";
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
