import { describe, expect, it } from "vitest";
import { decodeFloat8s, decodeFloat8sInto } from "../db/packed.js";
import { percentileCont } from "./metrics.js";
import { statsOf } from "./quartiles.js";

/** Big-endian doubles, as `float8send` packs them. */
function pack(values: number[]): Uint8Array {
  const out = new Uint8Array(values.length * 8);
  const view = new DataView(out.buffer);
  for (const [i, v] of values.entries()) view.setFloat64(i * 8, v, false);
  return out;
}

/** A seeded generator, so a failure names its case. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe("statsOf", () => {
  it("gives the documented talk-ratio example", () => {
    expect(statsOf(Float64Array.of(0.7, 0.3, 0.6, 0.45, 0.5, 0.4))).toEqual({
      n: 6,
      p25: 0.4 + 0.25 * (0.45 - 0.4),
      median: 0.45 + 0.5 * (0.5 - 0.45),
      p75: 0.5 + 0.75 * (0.6 - 0.5),
    });
  });

  it("gives nulls for no values and the value itself for one", () => {
    expect(statsOf(new Float64Array(0))).toEqual({ n: 0, median: null, p25: null, p75: null });
    expect(statsOf(Float64Array.of(3))).toEqual({ n: 1, median: 3, p25: 3, p75: 3 });
  });

  it("equals the sorting percentile_cont twin bit for bit on random samples, duplicates included", () => {
    for (let seed = 1; seed <= 300; seed++) {
      const r = rng(seed);
      const n = 1 + Math.floor(r() * (seed % 3 === 0 ? 5000 : 40));
      // Every third case draws from a few integers (question counts): long runs of equal values.
      const xs = Array.from({ length: n }, () => (seed % 2 === 0 ? Math.floor(r() * 6) : r() * 1000 - 200));
      const got = statsOf(Float64Array.from(xs));
      expect(got, `seed ${seed}`).toEqual({
        n,
        p25: percentileCont(xs, 0.25),
        median: percentileCont(xs, 0.5),
        p75: percentileCont(xs, 0.75),
      });
    }
  });

  it("orders NaN above every number and keeps infinities, as PostgreSQL does", () => {
    expect(statsOf(Float64Array.of(Number.NaN, 1, 2, 3, 4))).toEqual({ n: 5, p25: 2, median: 3, p75: 4 });
    expect(statsOf(Float64Array.of(Number.POSITIVE_INFINITY, 1, 1)).median).toBe(1);
    // PostgreSQL interpolates ∞ + 0.5·(∞ − ∞) too: NaN.
    expect(statsOf(Float64Array.of(Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY)).median).toBeNaN();
  });
});

describe("decodeFloat8s", () => {
  it("reads float8send's big-endian doubles from bytes, from base64 text and from the hex text form", () => {
    const xs = [0.1, -2.5, 1e-300, 123456.789];
    expect([...decodeFloat8s(pack(xs))]).toEqual(xs);
    const hex = `\\x${Buffer.from(pack(xs)).toString("hex")}`;
    expect([...decodeFloat8s(hex)]).toEqual(xs);
    // PostgreSQL's encode(…, 'base64') breaks lines every 76 characters.
    const many = Array.from({ length: 40 }, (_, i) => i / 7 - 3);
    const base64 = Buffer.from(pack(many)).toString("base64").replace(/.{76}/g, "$&\n");
    expect(base64).toContain("\n");
    expect([...decodeFloat8s(base64)]).toEqual(many);
    // A view into a larger buffer at an odd offset, as a driver may hand it over.
    const shifted = new Uint8Array(8 * xs.length + 3);
    shifted.set(pack(xs), 3);
    expect([...decodeFloat8s(shifted.subarray(3))]).toEqual(xs);
  });

  it("reads no values from null and refuses a truncated double", () => {
    expect(decodeFloat8s(null).length).toBe(0);
    expect(() => decodeFloat8s(new Uint8Array(7))).toThrow(/multiple of 8/);
  });
});

describe("decodeFloat8sInto", () => {
  it("decodes groups side by side into one array, each group a view of its part", () => {
    const { all, parts } = decodeFloat8sInto([pack([1, 2]), null, pack([3])]);
    expect([...all]).toEqual([1, 2, 3]);
    expect(parts.map((p) => [...p])).toEqual([[1, 2], [], [3]]);
    parts[0]!.reverse();
    expect([...all]).toEqual([2, 1, 3]);
  });
});
