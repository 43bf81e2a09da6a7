import { orderStatistics } from "../db/packed.js";
import type { MetricStats } from "./metrics.js";

/**
 * Exact quartiles of raw samples, the same numbers PostgreSQL's `percentile_cont` gives, computed
 * here rather than in SQL: the reports read each metric's values of a group once, packed
 * (`src/db/packed.ts`, see `./operations.ts`), and select the few order statistics they need,
 * which costs a fraction of one database sort per metric and group (docs/benchmarks.md#reports).
 * Pure.
 */

const QUARTILES = [0.25, 0.5, 0.75] as const;

/**
 * n, and `percentile_cont` 0.25 / 0.5 / 0.75 of `values` (reordered in place): for each p the
 * values at 0-based sorted positions ⌊p·(n−1)⌋ and ⌈p·(n−1)⌉, interpolated as PostgreSQL does
 * (`lo + (p·(n−1) − ⌊p·(n−1)⌋)·(hi − lo)`, `lo` alone when both positions are one), so every
 * figure is the SQL aggregate's to the bit. NaN sorts above every number, as in PostgreSQL.
 *
 * @example
 * statsOf(Float64Array.of(0.3, 0.4, 0.45, 0.5, 0.6, 0.7)); // { n: 6, p25: 0.4125, median: 0.475, p75: 0.575 }
 */
export function statsOf(values: Float64Array): MetricStats {
  const n = values.length;
  if (n === 0) return { n: 0, median: null, p25: null, p75: null };
  const positions = QUARTILES.flatMap((p) => [Math.floor(p * (n - 1)), Math.ceil(p * (n - 1))]);
  const at = orderStatistics(values, positions);
  const [p25, median, p75] = QUARTILES.map((p, i) => {
    const pos = p * (n - 1);
    const lo = Math.floor(pos);
    const [vLo, vHi] = [at[2 * i]!, at[2 * i + 1]!];
    return Math.ceil(pos) === lo ? vLo : vLo + (pos - lo) * (vHi - vLo);
  }) as [number, number, number];
  return { n, median, p25, p75 };
}
