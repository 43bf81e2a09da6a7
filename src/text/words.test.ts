import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { endsInLetterOrDigit, endsWithStop, firstWords, hasQuestionMark, wordParts, words } from "./words.js";

describe("words() fast paths", () => {
  it("tokenise exactly like the plain Unicode definition", () => {
    // Any apostrophe form (' ’ ʼ ‘ ` ´) or hyphen (- ‐) between letters joins a word.
    const WORD_RE = /[\p{L}\p{N}]+(?:['’ʼ‘`´\-‐][\p{L}\p{N}]+)*/gu;
    const reference = (text: string) =>
      [...text.toLowerCase().matchAll(WORD_RE)].map((m) =>
        m[0]
          .replace(/[’ʼ‘`´]/g, "'")
          .replace(/[‐]/g, "-")
          .replace(/ё/g, "е"),
      );
    const piece = fc.constantFrom(
      "Don’t",
      "don`t",
      "donʼt",
      "rock‘n´roll",
      "follow‐up",
      "ЁЛКА",
      "кто-то",
      "it's",
      "A-1",
      "--",
      " ",
      "?",
      "Ünïcode",
      "x",
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(piece, fc.string({ maxLength: 6 })), { maxLength: 12 }), (parts) => {
        const text = parts.join("");
        expect(words(text)).toEqual(reference(text));
      }),
      { numRuns: 500 },
    );
  });

  it("fold every apostrophe form to one", () => {
    expect(words("Don’t DONʼT don`t don't")).toEqual(["don't", "don't", "don't", "don't"]);
  });
});

describe("wordParts", () => {
  it("splits hyphenated words and keeps the rest as words() gives them", () => {
    expect(wordParts("A follow-up, don’t — кто-то")).toEqual(["a", "follow", "up", "don't", "кто", "то"]);
    expect(wordParts("no hyphens here")).toEqual(["no", "hyphens", "here"]);
  });
});

describe("firstWords", () => {
  it("is the first words of words(), whatever the text (property)", () => {
    const piece = fc.constantFrom("Yeah", "okay.", "İstanbul", "ЁЖ", "don’t", " ", "--", "uh-huh", "A1");
    fc.assert(
      fc.property(
        fc.array(fc.oneof(piece, fc.string({ maxLength: 5 })), { maxLength: 10 }),
        fc.integer({ min: 0, max: 6 }),
        (parts, k) => {
          const text = parts.join(" ");
          expect(firstWords(text, k)).toEqual(words(text).slice(0, k));
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe("end-of-text tests read from the end", () => {
  // Characters around the boundaries the tests look at: closers, marks, every kind of \s,
  // letters and digits of other scripts, and surrogate pairs (letters and not).
  const piece = fc.constantFrom(
    ...`a Z 7 é ж ٣ ² 𝐀 😀 \ud835 \udc00 . ! ? ？ ؟ … , " ' ) ] ” »`.split(" "),
    ...[" ", "\t", "\n", "\u00a0", "\u2003", "\u2028", "\u3000", "\ufeff", "\u200b", "\u0085"],
  );
  const text = fc.oneof(
    fc.array(piece, { maxLength: 8 }).map((xs) => xs.join("")),
    fc.string({ unit: "grapheme", maxLength: 12 }),
    fc.string({ unit: "binary", maxLength: 12 }),
  );

  it("endsInLetterOrDigit is /[\\p{L}\\p{N}]\\s*$/u (property)", () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(endsInLetterOrDigit(t)).toBe(/[\p{L}\p{N}]\s*$/u.test(t));
      }),
      { numRuns: 5000 },
    );
  });

  it("endsWithStop is /[.!][\"')\\]]*\\s*$/ (property)", () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(endsWithStop(t)).toBe(/[.!]["')\]]*\s*$/.test(t));
      }),
      { numRuns: 5000 },
    );
  });

  it("hasQuestionMark is /[?？؟]/u (property)", () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(hasQuestionMark(t)).toBe(/[?？؟]/u.test(t));
      }),
      { numRuns: 2000 },
    );
  });
});
