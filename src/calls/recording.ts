import { and, eq } from "drizzle-orm";
import { calls } from "../db/schema/index.js";
import { DebriefError } from "../errors.js";
import type { ByteRange } from "../services.js";
import { type CallCtx, visibleTo } from "./operations.js";

/** Media types served as they are; anything else is sent as bytes to download, never rendered. */
const PLAYABLE = /^(audio|video)\/[a-z0-9.+-]+$/i;

export interface CallAudio {
  /** Null when the range asked for starts past the end (HTTP 416). */
  body: ReadableStream<Uint8Array> | null;
  /** The whole recording's size in bytes. */
  size: number;
  contentType: string;
  /** The bytes in `body` (inclusive), or null for the whole recording. */
  range: { start: number; end: number } | null;
}

/**
 * A call's stored recording, whole or a byte range of it, for whoever may see the call (a
 * colleague's call, another organization's, or a call without stored audio is a 404). A range
 * that starts past the end gives no body, only the size.
 *
 * @example
 * const audio = await callAudio(ctx, "call_…", { start: 0 });
 */
export async function callAudio(ctx: CallCtx, id: string, range?: ByteRange): Promise<CallAudio> {
  const [row] = await ctx.services.db
    .select({ blobKey: calls.blobKey, mediaType: calls.mediaType })
    .from(calls)
    .where(and(eq(calls.id, id), visibleTo(ctx.actor)));
  if (!row?.blobKey) throw new DebriefError("not_found", `no audio for call ${id}`);
  const blobs = ctx.services.blobs;
  const whole = () => blobs.get(row.blobKey!);
  let blob = range ? await blobs.get(row.blobKey, range).catch(() => null) : await whole();
  // A store may refuse a range past the end (R2 does): the whole blob tells the size for the 416.
  if (!blob && range) blob = await whole();
  if (!blob) throw new DebriefError("not_found", `no audio for call ${id}`);
  const type = row.mediaType ?? blob.contentType;
  const contentType = PLAYABLE.test(type) ? type : "application/octet-stream";
  if (!range) return { body: blob.body, size: blob.size, contentType, range: null };
  if (range.start >= blob.size) {
    await blob.body.cancel().catch(() => {});
    return { body: null, size: blob.size, contentType, range: null };
  }
  const end = Math.min(range.end ?? blob.size - 1, blob.size - 1);
  return { body: blob.body, size: blob.size, contentType, range: { start: range.start, end } };
}
