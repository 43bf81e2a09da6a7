import { orderStatistics } from "../db/packed.js";

/**
 * Nearest-rank quantile: the smallest value such that at least `p` of the values are at or below
 * it — the value at rank ⌈p·n⌉ (1-based) of the sorted values, the first for p = 0. `null` for no
 * values. PostgreSQL's `percentile_disc(p)` is the same definition, which the outcome SQL uses.
 *
 * @example
 * nearestRank([10, 20, 30, 40], 0.5); // 20 (rank ⌈0.5·4⌉ = 2)
 * nearestRank([10, 20, 30, 40], 0.9); // 40 (rank ⌈3.6⌉ = 4)
 */
export function nearestRank(values: readonly number[], p: number): number | null {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`quantile ${p} is outside [0, 1]`);
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil(p * sorted.length));
  return sorted[rank - 1]!;
}

/**
 * `nearestRank` of `values` for each of `ps` (ascending), by selection instead of a sort (the
 * values are reordered in place): what `percentile_disc` gives, to the bit — the rank
 * ⌈p·n⌉ computed in doubles as PostgreSQL computes it, the first value for p = 0.
 *
 * @example
 * nearestRanksOf(Float64Array.of(40, 10, 30, 20), [0.5, 0.9]); // [20, 40]
 */
export function nearestRanksOf(values: Float64Array, ps: readonly number[]): Array<number | null> {
  const n = values.length;
  if (n === 0) return ps.map(() => null);
  for (const p of ps) if (!(p >= 0 && p <= 1)) throw new RangeError(`quantile ${p} is outside [0, 1]`);
  return orderStatistics(
    values,
    ps.map((p) => Math.max(1, Math.ceil(p * n)) - 1),
  );
}
