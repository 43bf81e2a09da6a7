import type { RateLimiter } from "../services.js";

/**
 * In-memory token bucket: `perMinute` tokens, refilled continuously. Per process (Node) or per
 * isolate (Workers) — a best-effort guard against runaway clients, not a billing meter.
 *
 * @example
 * const limiter = memoryRateLimiter(600);
 * await limiter.take("key_123"); // { ok: true, retryAfterSec: 0 }
 */
export function memoryRateLimiter(perMinute: number, now: () => number = Date.now): RateLimiter {
  const buckets = new Map<string, { tokens: number; at: number }>();
  const ratePerMs = perMinute / 60_000;
  return {
    async take(key) {
      const t = now();
      const b = buckets.get(key) ?? { tokens: perMinute, at: t };
      b.tokens = Math.min(perMinute, b.tokens + (t - b.at) * ratePerMs);
      b.at = t;
      buckets.set(key, b);
      if (buckets.size > 100_000) buckets.clear(); // bound memory if keys churn
      if (b.tokens >= 1) {
        b.tokens -= 1;
        return { ok: true, retryAfterSec: 0 };
      }
      return { ok: false, retryAfterSec: (1 - b.tokens) / ratePerMs / 1000 };
    },
  };
}
