import { type ErrorCode, JobError } from "../errors.js";

/**
 * A transcription failure: a JobError (so the queue retries it or fails the call) that also carries
 * what the vendor said — HTTP status, its request id for support, and `retryAfterSec` from a
 * Retry-After header, which the queue's backoff (`retryAfterMs`) honours structurally.
 *
 * @example
 * throw new TranscriptionError("upstream.unavailable", "Deepgram is rate limiting (429)", true, {
 *   status: 429,
 *   retryAfterSec: 30,
 * });
 */
export class TranscriptionError extends JobError {
  readonly status: number | undefined;
  readonly retryAfterSec: number | undefined;
  readonly vendorRequestId: string | undefined;
  constructor(
    code: ErrorCode,
    message: string,
    retryable: boolean,
    info: { status?: number; retryAfterSec?: number; vendorRequestId?: string; cause?: unknown } = {},
  ) {
    super(code, message, retryable, info.cause === undefined ? undefined : { cause: info.cause });
    this.status = info.status;
    this.retryAfterSec = info.retryAfterSec;
    this.vendorRequestId = info.vendorRequestId;
  }
}

/**
 * Seconds to wait from a Retry-After header value (delta-seconds or an HTTP date), or undefined.
 *
 * @example
 * parseRetryAfter("30"); // 30
 * parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT", Date.parse("Wed, 21 Oct 2015 07:27:00 GMT")); // 60
 */
export function parseRetryAfter(
  value: string | null | undefined,
  nowMs: number = Date.now(),
): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, Math.ceil((at - nowMs) / 1000));
}
