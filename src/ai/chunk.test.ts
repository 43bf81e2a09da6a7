import { describe, expect, it } from "vitest";
import { chunkLines } from "./chunk.js";
import type { RenderedLine } from "./render.js";

const lines = (tokens: number[]): RenderedLine[] =>
  tokens.map((t, index) => ({ index, line: `L${index}`, tokens: t }));
const total = (c: RenderedLine[]) => c.reduce((s, l) => s + l.tokens, 0);

describe("chunkLines", () => {
  it("keeps a call within the budget in one chunk", () => {
    expect(chunkLines(lines([10, 10, 10]), { maxTokens: 30, overlap: 3 })).toHaveLength(1);
    expect(chunkLines([], { maxTokens: 30, overlap: 3 })).toEqual([]);
  });

  it("splits into balanced chunks within the budget, overlapping by `overlap` lines, covering every line in order", () => {
    const input = lines(Array.from({ length: 200 }, (_, i) => 20 + (i % 7) * 5));
    const chunks = chunkLines(input, { maxTokens: 1_000, overlap: 3 });
    expect(chunks.length).toBeGreaterThan(4);
    for (const c of chunks) expect(total(c)).toBeLessThanOrEqual(1_000);
    for (let k = 1; k < chunks.length; k++) {
      expect(chunks[k]!.slice(0, 3).map((l) => l.index)).toEqual(
        chunks[k - 1]!.slice(-3).map((l) => l.index),
      );
    }
    const covered = new Set(chunks.flat().map((l) => l.index));
    expect(covered.size).toBe(200);
    const sizes = chunks.map(total);
    // Balanced: the last chunk is not a sliver.
    expect(Math.min(...sizes)).toBeGreaterThan(Math.max(...sizes) * 0.5);
  });

  it("puts an utterance longer than the budget in a chunk of its own and still progresses", () => {
    const chunks = chunkLines(lines([10, 5_000, 10, 10]), { maxTokens: 100, overlap: 3 });
    expect(chunks.flat().some((l) => l.index === 3)).toBe(true);
    expect(chunks.length).toBeLessThan(10);
  });
});
