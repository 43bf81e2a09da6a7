import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { eachMatch } from "./regex.js";

const all = (re: RegExp, text: string): string[][] => {
  const out: string[][] = [];
  eachMatch(re, text, (m) => out.push([...m, String(m.index)]));
  return out;
};

describe("eachMatch", () => {
  it("yields what matchAll yields, empty matches and surrogate pairs included, and leaves lastIndex at 0", () => {
    const expressions = [/\b(CFO|CEO)\b/g, /(a)?/g, /x*/gu, /(?:)/gu, /\p{L}+/gu, /[😀b]?/gu, /\d+/g];
    fc.assert(
      fc.property(
        fc.constantFrom(...expressions),
        fc.array(fc.constantFrom("a", "b", "x", " ", "1", "😀", "é", "CFO", "CEO"), { maxLength: 10 }),
        (re, parts) => {
          const text = parts.join("");
          expect(all(re, text)).toEqual([...text.matchAll(re)].map((m) => [...m, String(m.index)]));
          expect(re.lastIndex).toBe(0);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("refuses an expression that is not global", () => {
    expect(() => eachMatch(/a/, "a", () => {})).toThrow(TypeError);
  });
});
