import { describe, expect, it } from "vitest";
import { JobError } from "../errors.js";
import { BACKOFF_CAP_MS, backoffMs, RETRY_AFTER_MAX_MS, retryAfterMs, retryDelayMs } from "./backoff.js";

describe("backoff", () => {
  it("doubles the ceiling per attempt from a 2 s base, with full jitter", () => {
    const top = { random: () => 0.999_999 };
    expect(backoffMs(1, top)).toBe(1_999);
    expect(backoffMs(2, top)).toBe(3_999);
    expect(backoffMs(5, top)).toBe(31_999);
    expect(backoffMs(3, { random: () => 0 })).toBe(0);
    expect(backoffMs(3, { random: () => 0.5 })).toBe(4_000);
  });

  it("never exceeds the 5 minute cap, even for absurd attempt counts", () => {
    for (const attempt of [9, 10, 50, 1_000, Number.MAX_SAFE_INTEGER]) {
      expect(backoffMs(attempt, { random: () => 0.999_999 })).toBeLessThan(BACKOFF_CAP_MS);
    }
    for (let i = 0; i < 200; i++) {
      const d = backoffMs(1 + (i % 12));
      expect(d).toBeGreaterThanOrEqual(0);
      expect(d).toBeLessThanOrEqual(BACKOFF_CAP_MS);
    }
  });

  it("reads a Retry-After carried by the error, ignoring nonsense", () => {
    const err = (v: unknown) =>
      Object.assign(new JobError("rate_limited", "429", true), { retryAfterSec: v });
    expect(retryAfterMs(err(7))).toBe(7_000);
    expect(retryAfterMs(err(0.2))).toBe(200);
    expect(retryAfterMs(err(10 * 86_400))).toBe(RETRY_AFTER_MAX_MS);
    expect(retryAfterMs(err(-1))).toBeUndefined();
    expect(retryAfterMs(err("30"))).toBeUndefined();
    expect(retryAfterMs(err(Number.NaN))).toBeUndefined();
    expect(retryAfterMs(new Error("plain"))).toBeUndefined();
    expect(retryAfterMs(null)).toBeUndefined();
    expect(retryAfterMs("429")).toBeUndefined();
  });

  it("prefers Retry-After over the computed backoff", () => {
    const limited = Object.assign(new Error("429"), { retryAfterSec: 90 });
    expect(retryDelayMs(limited, 1, { random: () => 0.5 })).toBe(90_000);
    expect(retryDelayMs(new Error("503"), 1, { random: () => 0.5 })).toBe(1_000);
  });
});
