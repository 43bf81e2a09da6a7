import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildTurns, gaps, longestMonologues, union } from "./timing.js";

describe("union", () => {
  it("merges overlapping and touching intervals", () => {
    const r = union([
      { start: 5, end: 6 },
      { start: 0, end: 2 },
      { start: 1, end: 3 },
      { start: 3, end: 4 },
    ]);
    expect(r.parts).toEqual([
      { start: 0, end: 4 },
      { start: 5, end: 6 },
    ]);
    expect(r.length).toBe(5);
    expect(gaps(r.parts)).toEqual([1]);
  });

  it("never exceeds the span nor the sum of lengths (property)", () => {
    const iv = fc
      .tuple(fc.double({ min: 0, max: 1000, noNaN: true }), fc.double({ min: 0, max: 50, noNaN: true }))
      .map(([s, l]) => ({ start: s, end: s + l }));
    fc.assert(
      fc.property(fc.array(iv, { minLength: 1, maxLength: 50 }), (ivs) => {
        const r = union(ivs);
        const span = Math.max(...ivs.map((i) => i.end)) - Math.min(...ivs.map((i) => i.start));
        const sum = ivs.reduce((a, i) => a + i.end - i.start, 0);
        expect(r.length).toBeLessThanOrEqual(span + 1e-6);
        expect(r.length).toBeLessThanOrEqual(sum + 1e-6);
        for (let i = 1; i < r.parts.length; i++)
          expect(r.parts[i]!.start).toBeGreaterThan(r.parts[i - 1]!.end);
      }),
    );
  });
});

describe("longestMonologues", () => {
  it("runs over minor turns of others and stops at the first real turn", () => {
    const turns = buildTurns([
      { speaker: "A", start: 0, end: 10, words: 20 },
      { speaker: "B", start: 10.2, end: 10.8, words: 1 },
      { speaker: "A", start: 11, end: 30, words: 40 },
      { speaker: "B", start: 31, end: 40, words: 15 },
      { speaker: "A", start: 41, end: 45, words: 9 },
    ]);
    const m = longestMonologues(turns);
    expect(m.get("A")).toBe(30);
    expect(m.get("B")).toBe(9);
  });

  it("only counts X's own ends, not a backchannel that runs past them", () => {
    const turns = buildTurns([
      { speaker: "A", start: 0, end: 10, words: 20 },
      { speaker: "B", start: 10.5, end: 11.5, words: 2 },
    ]);
    expect(longestMonologues(turns).get("A")).toBe(10);
  });
});
