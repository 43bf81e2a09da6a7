/**
 * Hashing for the question model's feature space: FNV-1a over a text span (lower-cased on the
 * fly, no substring allocated) and a 32-bit mixer that combines hashes into a feature index.
 */

/** Bits of the hashed feature space: 2^18 weights per model. */
export const FEATURE_BITS = 18;
export const FEATURE_COUNT = 1 << FEATURE_BITS;
const FEATURE_MASK = FEATURE_COUNT - 1;

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** Code unit lower-cased the way `String.prototype.toLowerCase` does for one BMP character. */
function lowerCode(c: number): number {
  if (c >= 65 && c <= 90) return c + 32;
  if (c < 128) return c;
  if (c === 0x2019) return 39; // typographic apostrophe → '
  return String.fromCharCode(c).toLowerCase().charCodeAt(0);
}

/**
 * FNV-1a (32-bit) of `text[from, to)`, lower-cased, typographic apostrophes folded to "'".
 * @example fnv1a("Don’t") === fnv1a("don't") // true
 */
export function fnv1a(text: string, from = 0, to = text.length): number {
  let h = FNV_OFFSET;
  for (let i = from; i < to; i++) {
    h ^= lowerCode(text.charCodeAt(i));
    h = Math.imul(h, FNV_PRIME);
  }
  return h >>> 0;
}

/**
 * Combine two 32-bit values into a well-spread 32-bit hash (murmur3's finaliser over a ⊕ b·φ).
 * Order matters: mix(a, b) ≠ mix(b, a).
 */
export function mix(a: number, b: number): number {
  let h = (a ^ Math.imul(b, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Feature index of a hash: its low FEATURE_BITS bits. */
export function slot(h: number): number {
  return h & FEATURE_MASK;
}
