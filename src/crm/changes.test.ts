import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cell, shouldApply } from "./changes.js";

describe("shouldApply", () => {
  const t = (iso: string) => new Date(iso);
  it("applies when nothing is stored, or the event is as new or newer", () => {
    expect(shouldApply(null, t("2026-03-02T09:00:00Z"))).toBe(true);
    expect(shouldApply(t("2026-03-02T09:00:00Z"), t("2026-03-02T09:00:00Z"))).toBe(true);
    expect(shouldApply(t("2026-03-02T09:00:00Z"), t("2026-03-02T09:00:00.001Z"))).toBe(true);
  });
  it("never lets an older event undo a newer one", () => {
    expect(shouldApply(t("2026-03-02T10:00:00Z"), t("2026-03-02T09:59:59.999Z"))).toBe(false);
  });
  it("applying events in any order ends with the newest one's value (property)", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.nat({ max: 1e12 }), { minLength: 1, maxLength: 20 }), (times) => {
        let stored: { at: Date; value: number } | null = null;
        for (const ms of times) {
          if (shouldApply(stored?.at ?? null, new Date(ms))) stored = { at: new Date(ms), value: ms };
        }
        expect(stored?.value).toBe(Math.max(...times));
      }),
    );
  });
});

describe("cell", () => {
  it("turns vendor values into import cells", () => {
    expect(cell(12000)).toBe("12000");
    expect(cell(0.5)).toBe("0.5");
    expect(cell(Number.NaN)).toBeNull();
    expect(cell(true)).toBe("true");
    expect(cell("")).toBeNull();
    expect(cell("  ")).toBeNull();
    expect(cell("x")).toBe("x");
    expect(cell(undefined)).toBeNull();
    expect(cell({})).toBeNull();
  });
});
