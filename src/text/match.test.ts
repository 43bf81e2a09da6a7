import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { matchForm, matchKey, matchTokenCount, matchTokens, unicodeMatchTokens } from "./match.js";

describe("match keys", () => {
  it("fold case, apostrophes, ё, punctuation; hyphens separate words", () => {
    expect(matchKey("  We’re  STILL — changing\n“routes”!")).toBe("were still changing routes");
    expect(matchKey("Всё ИДЁТ по плану.")).toBe("все идет по плану");
    expect(matchKey("forty-five minutes")).toBe("forty five minutes");
    expect(matchForm("Don`t")).toBe("dont");
  });

  it("keep each word's offsets in the original text", () => {
    const text = "So, don't wait!";
    expect(matchTokens(text).map((t) => [t.norm, text.slice(t.from, t.to)])).toEqual([
      ["so", "So"],
      ["dont", "don't"],
      ["wait", "wait"],
    ]);
  });

  it("the ASCII scan gives exactly the general rule (property)", () => {
    const piece = fc.constantFrom(
      "Don't",
      "don`t",
      "it's",
      "A-1",
      "'quoted'",
      "x'",
      "`",
      " ",
      ".",
      "--",
      "42",
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(piece, fc.string({ maxLength: 6 })), { maxLength: 12 }), (parts) => {
        const text = parts.join("");
        expect(matchTokens(text)).toEqual(unicodeMatchTokens(text));
        expect(matchTokenCount(text)).toBe(unicodeMatchTokens(text).length);
        expect(matchKey(text)).toBe(
          unicodeMatchTokens(text)
            .map((t) => t.norm)
            .join(" "),
        );
      }),
      { numRuns: 2000 },
    );
  });
});
