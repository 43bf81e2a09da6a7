/**
 * Doubles packed by the database for selection in TypeScript: a group's values of one expression as
 * `float8send` bytes concatenated (`string_agg` skips nulls) and sent as base64 text. The reports'
 * quartiles (`src/reports/quartiles.ts`) and the outcome metrics' lead-response quantiles
 * (`src/outcomes/operations.ts`) select the few order statistics they need from them instead of
 * a database sort per group, to the bit the SQL aggregates' figures (docs/benchmarks.md#reports).
 * Base64 rather than the driver's hex `bytea` text: a third fewer bytes, and Node decodes it at
 * several times the speed. Pure.
 */

/**
 * The SQL of one group's packed values of `expr` (a constant SQL expression, never user input).
 *
 * @example
 * sql.raw(`select ${packedDoubles("cm.talk_ratio")} as v from call_metrics cm`)
 */
export function packedDoubles(expr: string): string {
  return `encode(string_agg(float8send((${expr})::float8), ''::bytea), 'base64')`;
}

/**
 * The doubles of concatenated `float8send` output (8 bytes each, big-endian): bytes, the base64
 * text of `packedDoubles` (line breaks ignored), or a `bytea`'s hex text form `\x…`. `null` (no
 * values) gives none.
 *
 * @example
 * decodeFloat8s(new Uint8Array([0x3f, 0xf0, 0, 0, 0, 0, 0, 0])); // Float64Array [1]
 * decodeFloat8s("P/AAAAAAAAA="); // Float64Array [1]
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
    g === null || g === undefined ? new Uint8Array(0) : typeof g === "string" ? textBytes(g) : g,
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

/** Node's Buffer where there is one (native decoding), else `atob`. */
const NodeBuffer = (globalThis as { Buffer?: { from(s: string, encoding: "hex" | "base64"): Uint8Array } })
  .Buffer;

/** The bytes of a `bytea`'s hex text (`\x…`) or of base64 text (whose alphabet has no `\`). */
function textBytes(s: string): Uint8Array {
  if (s.startsWith("\\x")) {
    if (NodeBuffer) return NodeBuffer.from(s.slice(2), "hex");
    const out = new Uint8Array((s.length - 2) / 2);
    for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(s.slice(2 + 2 * i, 4 + 2 * i), 16);
    return out;
  }
  if (NodeBuffer) return NodeBuffer.from(s, "base64");
  const binary = atob(s.replace(/\s+/g, ""));
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < out.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

/**
 * Moves the k-th smallest of `a[left..right]` to `a[k]`, smaller-or-equal values before it and
 * greater-or-equal after it (Hoare's selection; duplicates split evenly, so many equal counts stay
 * linear). No NaN in the range.
 */
export function selectKth(a: Float64Array, k: number, left: number, right: number): void {
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

/**
 * The values at 0-based sorted positions `ks` (ascending) of `values`, reordered in place: each
 * position is selected among the values after the previous one, so the selections share work.
 * NaN sorts above every number, as in PostgreSQL.
 *
 * @example
 * orderStatistics(Float64Array.of(3, 1, 2), [0, 2]); // [1, 3]
 */
export function orderStatistics(values: Float64Array, ks: readonly number[]): number[] {
  const n = values.length;
  let hasNaN = false;
  for (let i = 0; i < n; i++) if (Number.isNaN(values[i]!)) hasNaN = true;
  // A typed-array sort puts NaN last, as PostgreSQL orders it; the selection compares with <.
  if (hasNaN) values.sort();
  let done = -1; // every position ≤ done holds its sorted value, and all later values are ≥ it
  return ks.map((k) => {
    if (!hasNaN && k > done) {
      selectKth(values, k, done + 1, n - 1);
      done = k;
    }
    return values[k]!;
  });
}
