import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildTurns, gaps, IntervalBuffer, longestMonologues, union, unionOf } from "./timing.js";

describe("union", () => {
  it("merges overlapping and touching intervals", () => {
    const r = union([
      { start: 5, end: 6 },
      { start: 0, end: 2 },
      { start: 1, end: 3 },
      { start: 3, end: 4 },
    ]);
    expect([...r.starts]).toEqual([0, 5]);
    expect([...r.ends]).toEqual([4, 6]);
    expect(r.length).toBe(5);
    expect(gaps(r)).toEqual([1]);
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
        for (let i = 1; i < r.count; i++) expect(r.starts[i]!).toBeGreaterThan(r.ends[i - 1]!);
      }),
    );
  });
});

describe("union agrees with a plain sort-and-merge", () => {
  const reference = (ivs: Array<{ start: number; end: number }>) => {
    const sorted = [...ivs].sort((a, b) => a.start - b.start);
    const parts: Array<{ start: number; end: number }> = [];
    for (const iv of sorted) {
      const last = parts[parts.length - 1];
      if (last && iv.start <= last.end) last.end = Math.max(last.end, iv.end);
      else parts.push({ ...iv });
    }
    return parts;
  };
  const iv = fc
    .tuple(fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 0, max: 300 }))
    .map(([s, l]) => ({ start: s / 10, end: (s + l) / 10 }));

  it("on random input (the full-sort path)", () => {
    fc.assert(
      fc.property(fc.array(iv, { maxLength: 400 }), (ivs) => {
        const r = union(ivs);
        const ref = reference(ivs);
        expect([...r.starts]).toEqual(ref.map((p) => p.start));
        expect([...r.ends]).toEqual(ref.map((p) => p.end));
      }),
    );
  });

  it("on nearly sorted input (the insertion path)", () => {
    fc.assert(
      fc.property(
        fc.array(iv, { maxLength: 400 }),
        fc.array(fc.nat(399), { maxLength: 10 }),
        (ivs, swaps) => {
          const near = [...ivs].sort((a, b) => a.start - b.start);
          for (const i of swaps) if (i + 1 < near.length) [near[i], near[i + 1]] = [near[i + 1]!, near[i]!];
          const r = union(near);
          const ref = reference(near);
          expect([...r.starts]).toEqual(ref.map((p) => p.start));
          expect([...r.ends]).toEqual(ref.map((p) => p.end));
        },
      ),
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

describe("unionOf (an IntervalBuffer)", () => {
  it("is union of the intervals pushed, in any order and past the buffer's growth (property)", () => {
    const iv = fc
      .tuple(fc.double({ min: 0, max: 1000, noNaN: true }), fc.double({ min: 0, max: 5, noNaN: true }))
      .map(([start, l]) => ({ start, end: start + l }));
    fc.assert(
      fc.property(fc.array(iv, { maxLength: 300 }), fc.boolean(), (ivs, sorted) => {
        const input = sorted ? [...ivs].sort((a, b) => a.start - b.start) : ivs;
        const buffer = new IntervalBuffer();
        for (const x of input) buffer.push(x.start, x.end);
        const got = unionOf(buffer);
        const want = union(input);
        expect(got.length).toBe(want.length);
        expect(got.count).toBe(want.count);
        expect([...got.starts]).toEqual([...want.starts]);
        expect([...got.ends]).toEqual([...want.ends]);
      }),
    );
  });
});
