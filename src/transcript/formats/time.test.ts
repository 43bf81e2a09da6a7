import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatTimestamp, parseTimestamp } from "./time.js";

describe("parseTimestamp", () => {
  it.each([
    ["00:00:05.320", 5.32],
    ["0:0:5.320", 5.32],
    ["0:0:5,5", 5.5],
    ["01:02:03.004", 3723.004],
    ["00:01:05", 65],
    ["1:05", 65],
    ["75:12", 4512],
    ["0:09.300", 9.3],
    ["00:00:01,000", 1],
    ["10:00:00.123456", 36000.123456],
  ])("%s → %d", (token, seconds) => {
    expect(parseTimestamp(token)).toBe(seconds);
  });

  it.each([
    "",
    "5",
    "5.2",
    "00:61:00.000",
    "00:00:60.000",
    "00:00:5.",
    "a:00:01",
    "00:00:01.2a",
    "1:2:3:4",
    "-1:00",
    "00: 01",
    "1234567890:00",
  ])("rejects %j", (token) => {
    expect(parseTimestamp(token)).toBeNull();
  });

  it("round-trips formatted times", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 * 3600 * 1000 - 1 }), (ms) => {
        expect(parseTimestamp(formatTimestamp(ms / 1000))).toBe(ms / 1000);
      }),
      { numRuns: 300 },
    );
  });

  it("never throws and returns finite non-negative numbers", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (s) => {
        const r = parseTimestamp(s);
        expect(r === null || (Number.isFinite(r) && r >= 0)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
