/**
 * Retry delays for background jobs: exponential backoff with full jitter (AWS architecture blog,
 * "Exponential Backoff And Jitter") — spreads retries of many failed jobs so they don't stampede a
 * recovering upstream — unless the error says when to come back (Retry-After).
 */

export interface BackoffOptions {
  /** Delay scale of the first retry, in ms (default 2 s). */
  baseMs?: number;
  /** Upper bound of any computed delay, in ms (default 5 min). */
  capMs?: number;
  /** [0, 1) source; injectable so tests are deterministic. */
  random?: () => number;
}

export const BACKOFF_BASE_MS = 2_000;
export const BACKOFF_CAP_MS = 5 * 60_000;
/** A Retry-After beyond this is treated as this: a bogus header must not park a job for days. */
export const RETRY_AFTER_MAX_MS = 60 * 60_000;

/**
 * Delay before retry number `attempt` (1 = after the first failure): uniform in
 * [0, min(cap, base·2^(attempt-1))].
 *
 * @example
 * backoffMs(1); // somewhere in 0…2000
 * backoffMs(3, { random: () => 0.5 }); // 4000
 * backoffMs(20); // at most 300000 (the cap)
 */
export function backoffMs(attempt: number, options: BackoffOptions = {}): number {
  const base = options.baseMs ?? BACKOFF_BASE_MS;
  const cap = options.capMs ?? BACKOFF_CAP_MS;
  const random = options.random ?? Math.random;
  const exp = Math.max(0, Math.min(attempt - 1, 30)); // 2^30 already dwarfs any cap
  const ceiling = Math.min(cap, base * 2 ** exp);
  return Math.floor(random() * ceiling);
}

/**
 * The error's own Retry-After in ms, when it carries a finite, non-negative `retryAfterSec`
 * (e.g. a JobError built from a 429/503 response). Checked structurally so any error type may carry it.
 *
 * @example
 * retryAfterMs(Object.assign(new Error("429"), { retryAfterSec: 30 })); // 30000
 * retryAfterMs(new Error("boom")); // undefined
 */
export function retryAfterMs(err: unknown): number | undefined {
  if (typeof err !== "object" || err === null || !("retryAfterSec" in err)) return undefined;
  const sec = err.retryAfterSec;
  if (typeof sec !== "number" || !Number.isFinite(sec) || sec < 0) return undefined;
  return Math.min(Math.ceil(sec * 1000), RETRY_AFTER_MAX_MS);
}

/**
 * How long to wait before retrying after `err` on attempt `attempt`: the error's Retry-After when
 * it has one (the upstream knows best), else jittered exponential backoff.
 *
 * @example
 * retryDelayMs(new Error("timeout"), 2); // 0…4000
 */
export function retryDelayMs(err: unknown, attempt: number, options: BackoffOptions = {}): number {
  return retryAfterMs(err) ?? backoffMs(attempt, options);
}
