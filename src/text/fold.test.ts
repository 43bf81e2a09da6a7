import { describe, expect, it } from "vitest";
import { APOSTROPHES, dropApostrophes, foldApostrophes, foldText, foldYo } from "./fold.js";

describe("folding", () => {
  it("folds every apostrophe form to ' and can drop them all", () => {
    const all = [...APOSTROPHES].map((a) => `don${a}t`);
    expect(all.map(foldApostrophes)).toEqual(all.map(() => "don't"));
    expect(all.map(dropApostrophes)).toEqual(all.map(() => "dont"));
  });

  it("folds ё and leaves other text alone", () => {
    expect(foldYo("Ещё всё")).toBe("Еще все");
    expect(foldYo("plain")).toBe("plain");
  });

  it("foldText: lower case, apostrophes, ё, whitespace", () => {
    expect(foldText("  We DON’T\tneed  ЁЖИКА ")).toBe("we don't need ежика");
  });
});
