import { describe, expect, it } from "vitest";
import { DebriefError } from "../errors.js";
import { addDays, canonicalTimeZone, epochDay, overlapDays, parsePeriod } from "./period.js";

describe("period math", () => {
  it("reads real calendar dates only", () => {
    expect(epochDay("1970-01-02")).toBe(1);
    expect(epochDay("2028-02-29")).not.toBeNull();
    expect(epochDay("2026-02-29")).toBeNull();
    expect(epochDay("2026-13-01")).toBeNull();
    expect(epochDay("26-01-01")).toBeNull();
    expect(addDays("2026-02-27", 2)).toBe("2026-03-01");
  });

  it("canonicalises time zones and refuses unknown ones", () => {
    expect(canonicalTimeZone("europe/berlin")).toBe("Europe/Berlin");
    expect(canonicalTimeZone("UTC")).toBe("UTC");
    expect(canonicalTimeZone("Mars/Olympus")).toBeNull();
    expect(canonicalTimeZone("'; drop table x; --")).toBeNull();
  });

  it("validates a period [from, to)", () => {
    expect(parsePeriod({ from: "2026-03-23", to: "2026-03-30", timeZone: "Europe/Berlin" })).toEqual({
      from: "2026-03-23",
      to: "2026-03-30",
      timeZone: "Europe/Berlin",
    });
    const bad = (from: string, to: string, timeZone = "UTC") => {
      try {
        parsePeriod({ from, to, timeZone });
      } catch (e) {
        return e instanceof DebriefError ? e.message : "other";
      }
      return "accepted";
    };
    expect(bad("2026-03-30", "2026-03-30")).toMatch(/^to: must be after/);
    expect(bad("2026-02-30", "2026-03-30")).toMatch(/^from:/);
    expect(bad("2026-01-01", "2040-01-01")).toMatch(/^to: a period is at most/);
    expect(bad("2026-01-01", "2026-02-01", "Nowhere/Land")).toMatch(/^timeZone:/);
  });

  it("counts the days of a cost span inside a period", () => {
    // 31-day span 2026-01-15..2026-02-14: 17 days in January, 14 in February.
    expect(overlapDays("2026-01-15", "2026-02-14", "2026-01-01", "2026-02-01")).toBe(17);
    expect(overlapDays("2026-01-15", "2026-02-14", "2026-02-01", "2026-03-01")).toBe(14);
    expect(overlapDays("2026-01-15", "2026-02-14", "2026-03-01", "2026-04-01")).toBe(0);
    expect(overlapDays("2026-01-15", "2026-01-15", "2026-01-15", "2026-01-16")).toBe(1);
  });
});
