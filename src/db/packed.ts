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
 * Reordering a part keeps `all` the same values; reordering `all` scrambles the parts. The text
 * forms are decoded straight into `all`'s memory and the doubles turned in place (no buffer per
 * group: a year's report has hundreds).
 */
export function decodeFloat8sInto(groups: ReadonlyArray<Uint8Array | string | null | undefined>): {
  all: Float64Array;
  parts: Float64Array[];
} {
  let capacity = 0;
  for (const g of groups) {
    if (g == null) continue;
    // Bytes at most: hex text has two characters a byte, base64 four for three.
    if (typeof g !== "string") capacity += g.byteLength;
    else capacity += g.startsWith("\\x") ? (g.length - 2) >>> 1 : Math.ceil((g.length * 3) / 4);
  }
  const memory = new ArrayBuffer(Math.ceil(capacity / 8) * 8);
  const bytes = new Uint8Array(memory);
  const node = NodeBuffer?.from(memory);
  const sizes: number[] = [];
  let at = 0;
  for (const g of groups) {
    let size = 0;
    if (g == null) size = 0;
    else if (typeof g !== "string") {
      bytes.set(g, at);
      size = g.byteLength;
    } else if (node)
      size = g.startsWith("\\x") ? node.write(g.slice(2), at, "hex") : node.write(g, at, "base64");
    else {
      const decoded = textBytes(g);
      bytes.set(decoded, at);
      size = decoded.byteLength;
    }
    if (size % 8 !== 0) throw new Error(`packed doubles: ${size} bytes is not a multiple of 8`);
    sizes.push(size / 8);
    at += size;
  }
  const all = new Float64Array(memory, 0, at / 8);
  // Big-endian to native, each double read before its own 8 bytes are written.
  const view = new DataView(memory);
  for (let i = 0; i < all.length; i++) all[i] = view.getFloat64(i * 8, false);
  const parts: Float64Array[] = [];
  let from = 0;
  for (const n of sizes) {
    parts.push(all.subarray(from, from + n));
    from += n;
  }
  return { all, parts };
}

/** Node's Buffer where there is one (native decoding, straight into given memory), else `atob`. */
const NodeBuffer = (
  globalThis as {
    Buffer?: {
      from(memory: ArrayBuffer): { write(s: string, offset: number, encoding: "hex" | "base64"): number };
    };
  }
).Buffer;

/** The bytes of a `bytea`'s hex text (`\x…`) or of base64 text (whose alphabet has no `\`). */
function textBytes(s: string): Uint8Array {
  if (s.startsWith("\\x")) {
    const out = new Uint8Array((s.length - 2) / 2);
    for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(s.slice(2 + 2 * i, 4 + 2 * i), 16);
    return out;
  }
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
 * The values at 0-based sorted positions `ks` (ascending, repeats allowed) of `values`, reordered in
 * place. The middle position is selected first over the whole array, then the positions below it
 * among the values below it and those above among those above (so the quartiles select over the
 * whole, then two halves); a position at the start of its range — the upper neighbour of an
 * interpolated quantile — is the range's minimum, found in one pass. NaN sorts above every
 * number, as in PostgreSQL.
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
  else {
    const distinct = ks.filter((k, i) => i === 0 || k !== ks[i - 1]);
    placeAll(values, distinct, 0, distinct.length - 1, 0, n - 1);
  }
  return ks.map((k) => values[k]!);
}

/** Places `ks[kl..kr]` (strictly ascending, all within `[l, r]`) at their sorted positions. */
function placeAll(
  a: Float64Array,
  ks: readonly number[],
  kl: number,
  kr: number,
  l: number,
  r: number,
): void {
  if (kl > kr) return;
  const mid = (kl + kr) >>> 1;
  const k = ks[mid]!;
  if (k === l) {
    // The minimum of the range to its front.
    let m = l;
    for (let i = l + 1; i <= r; i++) if (a[i]! < a[m]!) m = i;
    const t = a[l]!;
    a[l] = a[m]!;
    a[m] = t;
  } else selectKth(a, k, l, r);
  placeAll(a, ks, kl, mid - 1, l, k - 1);
  placeAll(a, ks, mid + 1, kr, k + 1, r);
}
