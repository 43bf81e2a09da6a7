import type { ByteRange } from "../services.js";

/**
 * The one byte range of an HTTP `Range` header (RFC 9110 §14.1.2) that the audio route serves:
 * `bytes=START-` or `bytes=START-END`. Anything else — several ranges, suffix ranges (`bytes=-N`),
 * other units, nonsense — is null, and the whole recording is sent (a server may ignore Range).
 * Pure.
 *
 * @example
 * byteRange("bytes=100-"); // { start: 100 }
 * byteRange("bytes=0-1,5-9"); // null
 */
export function byteRange(header: string | undefined): ByteRange | null {
  const m = /^bytes=(\d{1,15})-(\d{0,15})$/.exec((header ?? "").trim());
  if (!m) return null;
  const start = Number(m[1]);
  if (m[2] === "") return { start };
  const end = Number(m[2]);
  return end >= start ? { start, end } : null;
}
