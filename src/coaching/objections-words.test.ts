import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { stems, wordCount } from "./objections-words.js";

const WORD_RE = /[\p{L}\p{N}']+/gu;
const STOP = new Set(["that", "with", "have", "ünd"]);

/** The reference: the matches of the expression, read plainly. */
function plainStems(text: string, stop: ReadonlySet<string>): string[] {
  return [...text.matchAll(WORD_RE)]
    .map((m) => m[0])
    .filter((w) => w.length >= 4 && !stop.has(w))
    .map((w) => w.slice(0, 5));
}

const text = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        "that",
        "with",
        "have",
        "pricing",
        "don't",
        "it's",
        "a",
        "we",
        "'",
        "7",
        "1,200",
        "x9y",
      ),
      fc.constantFrom(" ", ", ", ". ", "?", "-", "\t"),
      fc.constantFrom("ünd", "цена", "naïve", "—", "😀", "\ud800", "٣", "ǅ"),
    ),
    { maxLength: 14 },
  )
  .map((parts) => parts.join(""));

describe("objection words", () => {
  it("count and stem as the expression", () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(wordCount(t)).toBe(t.match(WORD_RE)?.length ?? 0);
        expect([...stems(t, STOP)]).toEqual([...new Set(plainStems(t, STOP))]);
      }),
      { numRuns: 5_000 },
    );
  });
});
