import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FEATURE_COUNT, fnv1a, mix, slot } from "./hash.js";

describe("fnv1a", () => {
  it("matches the published FNV-1a 32-bit values", () => {
    // Reference values of the FNV-1a specification (offset basis for "", 0xe40c292c for "a").
    expect(fnv1a("")).toBe(0x811c9dc5);
    expect(fnv1a("a")).toBe(0xe40c292c);
    expect(fnv1a("foobar")).toBe(0xbf9cf968);
  });

  it("lower-cases and folds the typographic apostrophe", () => {
    expect(fnv1a("Don’t")).toBe(fnv1a("don't"));
    expect(fnv1a("YEAH")).toBe(fnv1a("yeah"));
  });

  it("hashes a span exactly like the substring", () => {
    fc.assert(
      fc.property(fc.string(), fc.nat(), fc.nat(), (s, a, b) => {
        const from = Math.min(a, b) % (s.length + 1);
        const to = Math.max(from, Math.max(a, b) % (s.length + 1));
        expect(fnv1a(s, from, to)).toBe(fnv1a(s.slice(from, to)));
      }),
    );
  });
});

describe("mix and slot", () => {
  it("is order-sensitive and stays in the feature space", () => {
    expect(mix(1, 2)).not.toBe(mix(2, 1));
    fc.assert(
      fc.property(fc.integer(), fc.integer(), (a, b) => {
        const h = mix(a, b);
        expect(h).toBeGreaterThanOrEqual(0);
        expect(h).toBeLessThan(2 ** 32);
        const s = slot(h);
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThan(FEATURE_COUNT);
      }),
    );
  });

  it("spreads consecutive inputs over the table", () => {
    const seen = new Set<number>();
    for (let i = 0; i < 1000; i++) seen.add(slot(mix(7, i)));
    // 1000 keys into 2^18 slots: a few collisions at most (expected ≈ 1.9).
    expect(seen.size).toBeGreaterThan(990);
  });
});
