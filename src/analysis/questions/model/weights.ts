/**
 * Compact storage of a hashed linear model's weights: int8-quantised, sparse (zero weights
 * dropped), as base64 of varint index gaps each followed by one signed byte. Decodes with `atob`
 * only, so Node and Workers load the embedded model the same way, with no file or download.
 */
import { z } from "zod";
import { FEATURE_COUNT } from "./hash.js";

export const PackedWeightsSchema = z.object({
  /** Weight = byte × scale. */
  scale: z.number().positive(),
  /** Nonzero weights in this many entries (checked on decode). */
  count: z.number().int().nonnegative(),
  data: z.string(),
});
export type PackedWeights = z.infer<typeof PackedWeightsSchema>;

export const PackedModelSchema = z.object({
  version: z.literal(1),
  bits: z.number().int().positive(),
  /** Decision thresholds on the question probability: [text without punctuation, punctuated text]. */
  thresholds: z.tuple([z.number().gt(0).lt(1), z.number().gt(0).lt(1)]),
  /** Question vs not a question. */
  question: PackedWeightsSchema,
  /** Open vs closed, for questions the rules did not classify. */
  kind: PackedWeightsSchema,
});
export type PackedModel = z.infer<typeof PackedModelSchema>;

/**
 * Quantise and pack `weights` (length FEATURE_COUNT); weights under half a step become zero.
 * @example decodeWeights(encodeWeights(w)) // ≈ w, within scale/2 per weight
 */
export function encodeWeights(weights: Float32Array): PackedWeights {
  let max = 0;
  for (const w of weights) max = Math.max(max, Math.abs(w));
  const scale = max === 0 ? 1 : max / 127;
  const bytes: number[] = [];
  let last = -1;
  let count = 0;
  for (let i = 0; i < weights.length; i++) {
    const q = Math.round(weights[i]! / scale);
    if (q === 0) continue;
    let gap = i - last;
    last = i;
    while (gap >= 0x80) {
      bytes.push((gap & 0x7f) | 0x80);
      gap >>>= 7;
    }
    bytes.push(gap);
    bytes.push(q & 0xff);
    count++;
  }
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.slice(i, i + 0x8000));
  return { scale, count, data: btoa(binary) };
}

/**
 * Unpack weights into a dense table of FEATURE_COUNT floats. Throws on a corrupt table.
 */
export function decodeWeights(packed: PackedWeights): Float32Array {
  const out = new Float32Array(FEATURE_COUNT);
  const binary = atob(packed.data);
  let i = 0;
  let index = -1;
  let count = 0;
  while (i < binary.length) {
    let gap = 0;
    let shift = 0;
    for (;;) {
      if (i >= binary.length) throw new Error("question model: truncated weight table");
      const b = binary.charCodeAt(i++);
      gap |= (b & 0x7f) << shift;
      if (b < 0x80) break;
      shift += 7;
    }
    index += gap;
    if (i >= binary.length || index >= FEATURE_COUNT) throw new Error("question model: corrupt weight table");
    const q = binary.charCodeAt(i++);
    out[index] = (q > 127 ? q - 256 : q) * packed.scale;
    count++;
  }
  if (count !== packed.count) throw new Error("question model: weight count mismatch");
  return out;
}
