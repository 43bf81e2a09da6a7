import { DebriefError } from "../errors.js";

/**
 * A byte count as people read it in an error message.
 * @example mb(25e6) // "25 MB"
 * @example mb(2e5) // "0.2 MB"
 */
export function mb(bytes: number): string {
  const v = bytes / 1e6;
  return `${v >= 1 ? Math.round(v) : Number(v.toPrecision(2))} MB`;
}

/**
 * Read a whole stream into memory, refusing it (413, and cancelling the rest) past `maxBytes`.
 * Only for bodies that must be whole anyway (JSON, transcript text) and are capped small.
 */
export async function readLimited(
  stream: ReadableStream<Uint8Array>,
  maxBytes: number,
  what: string,
): Promise<Uint8Array> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      throw new DebriefError("payload_too_large", `${what} are limited to ${mb(maxBytes)}`);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let off = 0;
  for (const c of chunks) {
    out.set(c, off);
    off += c.length;
  }
  return out;
}
