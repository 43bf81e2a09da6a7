import { describe, expect, it } from "vitest";
import {
  DELIVERY_SCHEDULE_MS,
  MAX_DELIVERY_ATTEMPTS,
  nextAttemptDelay,
  shouldDisableEndpoint,
} from "./retry-schedule.js";

describe("nextAttemptDelay", () => {
  it("follows Svix's schedule: now, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h, then stop", () => {
    const delays = Array.from({ length: 9 }, (_, i) => nextAttemptDelay(i));
    expect(delays).toEqual([
      0,
      5_000,
      300_000,
      1_800_000,
      7_200_000,
      18_000_000,
      36_000_000,
      36_000_000,
      null,
    ]);
    expect(MAX_DELIVERY_ATTEMPTS).toBe(8);
    expect(nextAttemptDelay(100)).toBeNull();
  });

  it("spans 27 h 35 min 5 s from the first to the last attempt", () => {
    const total = DELIVERY_SCHEDULE_MS.reduce((a, b) => a + b, 0);
    expect(total).toBe(((27 * 60 + 35) * 60 + 5) * 1000);
  });

  it("refuses a negative or fractional attempt count", () => {
    expect(() => nextAttemptDelay(-1)).toThrow(RangeError);
    expect(() => nextAttemptDelay(1.5)).toThrow(RangeError);
  });
});

describe("shouldDisableEndpoint", () => {
  const since = new Date("2026-03-01T12:00:00Z");
  it("disables after exactly 5 days of failing, not a millisecond before", () => {
    expect(shouldDisableEndpoint({ failingSince: since, now: new Date("2026-03-06T12:00:00Z") })).toBe(true);
    expect(shouldDisableEndpoint({ failingSince: since, now: new Date("2026-03-06T11:59:59.999Z") })).toBe(
      false,
    );
  });
  it("never disables an endpoint whose last delivery succeeded", () => {
    expect(shouldDisableEndpoint({ failingSince: null, now: new Date("2030-01-01T00:00:00Z") })).toBe(false);
  });
});
