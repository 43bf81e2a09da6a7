import type { RateLimiter } from "../services.js";

/** Token buckets refilled continuously at `rate` per minute, capped at `rate`; bounded in memory. */
function buckets(now: () => number) {
  const map = new Map<string, { tokens: number; at: number }>();
  return {
    refill(key: string, rate: number) {
      const t = now();
      const b = map.get(key) ?? { tokens: rate, at: t };
      b.tokens = Math.min(rate, b.tokens + ((t - b.at) * rate) / 60_000);
      b.at = t;
      map.set(key, b);
      if (map.size > 100_000) map.clear(); // bound memory if keys churn
      return b;
    },
  };
}

/** Seconds until a bucket of `rate` per minute holding `tokens` has one token again. */
const waitSec = (tokens: number, rate: number) => ((1 - tokens) * 60) / rate;

/**
 * In-memory token buckets: `perMinute` tokens (or the rate given to `take`). Per process (Node)
 * or per isolate (Workers) — a best-effort guard against runaway clients, not a billing meter.
 *
 * @example
 * const limiter = memoryRateLimiter(600);
 * await limiter.take("key:key_123"); // { ok: true, retryAfterSec: 0 }
 * await limiter.take("org:org_1", 6000);
 */
export function memoryRateLimiter(perMinute: number, now: () => number = Date.now): RateLimiter {
  const store = buckets(now);
  return {
    async take(key, rate = perMinute) {
      const b = store.refill(key, rate);
      if (b.tokens >= 1) {
        b.tokens -= 1;
        return { ok: true, retryAfterSec: 0 };
      }
      return { ok: false, retryAfterSec: waitSec(b.tokens, rate) };
    },
  };
}

/**
 * Failed authentications per client address, in memory and synchronous: checking costs no
 * database lookup, so a flood of invalid keys is refused before it reaches the database.
 *
 * @example
 * const failures = failureLimiter(30);
 * failures.blocked("203.0.113.9"); // 0 (not blocked), else seconds to wait
 * failures.record("203.0.113.9");
 */
export type FailureLimiter = ReturnType<typeof failureLimiter>;

export function failureLimiter(perMinute: number, now: () => number = Date.now) {
  const store = buckets(now);
  return {
    /** 0 when `addr` may try again, else the seconds until it may. */
    blocked(addr: string): number {
      const b = store.refill(addr, perMinute);
      return b.tokens >= 1 ? 0 : waitSec(b.tokens, perMinute);
    },
    record(addr: string): void {
      const b = store.refill(addr, perMinute);
      b.tokens = Math.max(0, b.tokens - 1);
    },
  };
}
