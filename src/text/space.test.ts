import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isCollapsed, isSpace } from "./space.js";

const slow = (t: string) =>
  t
    .replace(/[\u200e\u200f]/g, "")
    .replace(/\s+/g, " ")
    .trim();

describe("isSpace", () => {
  it("matches /\\s/ on every UTF-16 code unit", () => {
    for (let c = 0; c <= 0xffff; c++)
      expect(isSpace(c), `U+${c.toString(16)}`).toBe(/\s/.test(String.fromCharCode(c)));
  });
});

describe("isCollapsed", () => {
  it("is true exactly when collapsing would change nothing", () => {
    const piece = fc.constantFrom(
      "a",
      "b",
      " ",
      "  ",
      "\n",
      "\t",
      "\u00a0",
      "\u200e",
      "\u200f",
      "\u3000",
      "é",
      "\u0001",
      "x y",
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (parts) => {
        const t = parts.join("");
        expect(isCollapsed(t)).toBe(slow(t) === t);
      }),
      { numRuns: 5000 },
    );
  });

  it("reads plain sentences as collapsed and padded ones as not", () => {
    expect(isCollapsed("so what now?")).toBe(true);
    expect(isCollapsed("")).toBe(true);
    expect(isCollapsed(" so")).toBe(false);
    expect(isCollapsed("so ")).toBe(false);
    expect(isCollapsed("so\u00a0what")).toBe(false);
  });
});
