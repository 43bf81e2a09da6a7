import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { nearestRank, nearestRanksOf } from "./quantile.js";

describe("nearestRank", () => {
  it("takes the value at rank ⌈p·n⌉ of the sorted values", () => {
    // n = 10: median is rank 5, p90 rank 9.
    const v = [70, 10, 100, 20, 90, 30, 80, 40, 60, 50];
    expect(nearestRank(v, 0.5)).toBe(50);
    expect(nearestRank(v, 0.9)).toBe(90);
    expect(nearestRank(v, 1)).toBe(100);
    expect(nearestRank(v, 0)).toBe(10);
    // n = 3: median rank ⌈1.5⌉ = 2, p90 rank ⌈2.7⌉ = 3.
    expect(nearestRank([300, 100, 200], 0.5)).toBe(200);
    expect(nearestRank([300, 100, 200], 0.9)).toBe(300);
    expect(nearestRank([7], 0.9)).toBe(7);
  });

  it("is null without values and refuses p outside [0, 1]", () => {
    expect(nearestRank([], 0.5)).toBeNull();
    expect(() => nearestRank([1], 1.5)).toThrow(RangeError);
    expect(() => nearestRank([1], Number.NaN)).toThrow(RangeError);
  });

  it("returns one of the values, with at least p of them at or below it", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 1, maxLength: 50 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (values, p) => {
          const q = nearestRank(values, p)!;
          expect(values).toContain(q);
          expect(values.filter((v) => v <= q).length).toBeGreaterThanOrEqual(p * values.length);
          // and it is the smallest such value
          const below = values.filter((v) => v < q).length;
          expect(below).toBeLessThan(Math.max(1, Math.ceil(p * values.length)));
        },
      ),
    );
  });
});

describe("nearestRanksOf", () => {
  it("selects what nearestRank sorts for, every quantile at once, NaN sorting last", () => {
    fc.assert(
      fc.property(
        // −0 and 0 compare equal (in PostgreSQL too), so which one is picked is arbitrary: no −0.
        fc.array(
          fc.oneof(
            fc.double({ noNaN: true }).map((x) => (x === 0 ? 0 : x)),
            fc.integer({ min: 0, max: 5 }),
          ),
          { maxLength: 80 },
        ),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 4 }),
        (values, ps) => {
          const sortedPs = [...ps].sort((a, b) => a - b);
          const got = nearestRanksOf(Float64Array.from(values), sortedPs);
          expect(got).toEqual(sortedPs.map((p) => nearestRank(values, p)));
        },
      ),
    );
    expect(nearestRanksOf(Float64Array.of(Number.NaN, 2, 1), [0.5, 0.9])).toEqual([2, Number.NaN]);
    expect(nearestRanksOf(new Float64Array(0), [0.5])).toEqual([null]);
  });
});
