import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { firstWords, wordParts, words } from "./words.js";

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
