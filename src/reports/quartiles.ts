import type { MetricStats } from "./metrics.js";

/**
 * Exact quartiles of raw samples, the same numbers PostgreSQL's `percentile_cont` gives, computed
 * here rather than in SQL: the reports read each metric's values of a group once as packed doubles
 * (`float8send`, see `./operations.ts`) and select the few order statistics they need, which costs a
 * fraction of one database sort per metric and group (docs/benchmarks.md#reports). Pure.
 */

/**
 * The doubles of concatenated `float8send` output (8 bytes each, big-endian), as PostgreSQL and
 * PGlite return a `bytea`: bytes, or the text form `\x…` (hex). `null` (no values) gives none.
 *
 * @example
 * decodeFloat8s(new Uint8Array([0x3f, 0xf0, 0, 0, 0, 0, 0, 0])); // Float64Array [1]
 */
export function decodeFloat8s(bytes: Uint8Array | string | null | undefined): Float64Array {
  return decodeFloat8sInto([bytes]).all;
}

/**
 * Several groups' packed doubles decoded into one array, `all`, each group a view of its part in
 * `parts` (so pooling the groups copies nothing: the team's values are its reps' side by side).
 * Reordering a part keeps `all` the same values; reordering `all` scrambles the parts.
 */
export function decodeFloat8sInto(groups: ReadonlyArray<Uint8Array | string | null | undefined>): {
  all: Float64Array;
  parts: Float64Array[];
} {
  const bytes = groups.map((g) =>
    g === null || g === undefined ? new Uint8Array(0) : typeof g === "string" ? hexBytes(g) : g,
  );
  let total = 0;
  for (const b of bytes) {
    if (b.byteLength % 8 !== 0)
      throw new Error(`packed doubles: ${b.byteLength} bytes is not a multiple of 8`);
    total += b.byteLength / 8;
  }
  const all = new Float64Array(total);
  const parts: Float64Array[] = [];
  let at = 0;
  for (const b of bytes) {
    const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
    const n = b.byteLength / 8;
    for (let i = 0; i < n; i++) all[at + i] = view.getFloat64(i * 8, false);
    parts.push(all.subarray(at, at + n));
    at += n;
  }
  return { all, parts };
}

function hexBytes(s: string): Uint8Array {
  const hex = s.startsWith("\\x") ? s.slice(2) : s;
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
}

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
  let hasNaN = false;
  for (let i = 0; i < n; i++) if (Number.isNaN(values[i]!)) hasNaN = true;
  // A typed-array sort puts NaN last, as PostgreSQL orders it; the selection below compares with <.
  if (hasNaN) values.sort();
  const at = (k: number) => values[k]!;
  let done = -1; // every position ≤ done holds its sorted value, and all later values are ≥ it
  const place = (k: number) => {
    if (hasNaN || k <= done) return;
    selectKth(values, k, done + 1, n - 1);
    done = k;
  };
  const [p25, median, p75] = QUARTILES.map((p) => {
    const pos = p * (n - 1);
    const lo = Math.floor(pos);
    const hi = Math.ceil(pos);
    place(lo);
    if (hi === lo) return at(lo);
    place(hi);
    return at(lo) + (pos - lo) * (at(hi) - at(lo));
  }) as [number, number, number];
  return { n, median, p25, p75 };
}

/**
 * Moves the k-th smallest of `a[left..right]` to `a[k]`, smaller-or-equal values before it and
 * greater-or-equal after it (Hoare's selection; duplicates split evenly, so many equal counts stay
 * linear). No NaN in the range.
 */
function selectKth(a: Float64Array, k: number, left: number, right: number): void {
  let l = left;
  let r = right;
  while (r > l) {
    const m = (l + r) >>> 1;
    // Median of three as the pivot.
    const x = a[l]!;
    const y = a[m]!;
    const z = a[r]!;
    const pivot = Math.max(Math.min(x, y), Math.min(Math.max(x, y), z));
    let i = l;
    let j = r;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i] = a[j]!;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) r = j;
    else if (k >= i) l = i;
    else return;
  }
}
