import { describe, expect, it } from "vitest";
import { stem, stems } from "./stem.js";

describe("stem", () => {
  it("maps inflected forms to one stem (English and Russian)", () => {
    expect(["budget", "budgets", "budgeting", "budgeted"].map(stem)).toEqual([
      "budget",
      "budget",
      "budget",
      "budget",
    ]);
    expect(["бюджет", "бюджета", "бюджетом"].map(stem)).toEqual(["бюдж", "бюдж", "бюдж"]);
  });

  it("ignores case, apostrophes and ё", () => {
    expect(stem("Don’t")).toBe(stem("dont"));
    expect(stem("ЕЩЁ")).toBe(stem("еще"));
  });

  it("stems every word part of a text", () => {
    expect(stems("Budgets, follow-up calls")).toEqual(["budget", "follow", "up", "call"]);
  });
});
