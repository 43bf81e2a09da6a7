import { describe, expect, it } from "vitest";
import { DEFAULT_WEEKS, defaultPeriod, pagePeriod } from "./period.js";

describe("the report pages' period", () => {
  it("defaults to whole ISO weeks ending today", () => {
    const p = defaultPeriod("2026-12-02"); // a Wednesday
    expect(p).toEqual({ from: "2026-09-14", to: "2026-12-02", toExclusive: "2026-12-03" });
    expect((Date.parse(p.toExclusive) - Date.parse(p.from)) / 86_400_000).toBeLessThanOrEqual(
      DEFAULT_WEEKS * 7,
    );
  });

  it("takes both days as given, the last one inclusive", () => {
    expect(pagePeriod({ from: "2026-03-01", to: "2026-03-31" }, "2026-12-02")).toEqual({
      period: { from: "2026-03-01", to: "2026-03-31", toExclusive: "2026-04-01" },
      error: null,
    });
  });

  it("keeps the default length when only one end is given", () => {
    expect(pagePeriod({ from: "2026-01-05" }, "2026-12-02").period.to).toBe("2026-03-25");
    expect(pagePeriod({ to: "2026-03-25", from: "" }, "2026-12-02").period.from).toBe("2026-01-05");
  });

  it("falls back to the default with a message for a bad or reversed period", () => {
    const bad = pagePeriod({ from: "2026-02-30" }, "2026-12-02");
    expect(bad.period).toEqual(defaultPeriod("2026-12-02"));
    expect(bad.error).toMatch(/^from: is not a real calendar date/);
    expect(pagePeriod({ from: "2026-03-02", to: "2026-03-01" }, "2026-12-02").error).toMatch(
      /before the first/,
    );
    expect(pagePeriod({ to: ["a", "b"] }, "2026-12-02").error).toMatch(/^to:/);
  });
});
