/**
 * When to (re)deliver an outbound webhook: Svix's published schedule — immediately, then 5 s, 5 min,
 * 30 min, 2 h, 5 h, 10 h and 10 h after the previous failure (8 attempts over about 27.5 hours) —
 * and when to give up on an endpoint altogether (failing without a single success for 5 days).
 */

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Delay before attempt i+1, counted from the previous attempt (index 0: the first attempt). */
export const DELIVERY_SCHEDULE_MS: readonly number[] = Object.freeze([
  0,
  5 * SECOND,
  5 * MINUTE,
  30 * MINUTE,
  2 * HOUR,
  5 * HOUR,
  10 * HOUR,
  10 * HOUR,
]);
export const MAX_DELIVERY_ATTEMPTS = DELIVERY_SCHEDULE_MS.length;
/** An endpoint that has failed every delivery for this long is disabled. */
export const DISABLE_AFTER_FAILING_MS = 5 * DAY;

/**
 * How long to wait before the next attempt after `attemptsMade` attempts (0 = none yet), or null
 * when the schedule is exhausted and the message is marked failed (it can still be replayed by hand).
 *
 * @example
 * nextAttemptDelay(0); // 0 (send at once)
 * nextAttemptDelay(1); // 5000 (5 s after the first failure)
 * nextAttemptDelay(7); // 36000000 (10 h)
 * nextAttemptDelay(8); // null (give up)
 */
export function nextAttemptDelay(attemptsMade: number): number | null {
  if (!Number.isInteger(attemptsMade) || attemptsMade < 0) {
    throw new RangeError(`attemptsMade must be a non-negative integer, got ${attemptsMade}`);
  }
  return DELIVERY_SCHEDULE_MS[attemptsMade] ?? null;
}

/**
 * Whether an endpoint should be disabled: it has failed since `failingSince` (the first failure after
 * its last success; null when its latest delivery succeeded) and that was 5 days ago or more.
 *
 * @example
 * shouldDisableEndpoint({ failingSince: new Date("2026-03-01T00:00:00Z"), now: new Date("2026-03-06T00:00:00Z") }); // true
 * shouldDisableEndpoint({ failingSince: null, now: new Date() }); // false
 */
export function shouldDisableEndpoint(input: { failingSince: Date | null; now: Date }): boolean {
  if (input.failingSince === null) return false;
  return input.now.getTime() - input.failingSince.getTime() >= DISABLE_AFTER_FAILING_MS;
}
