import { describe, expect, it } from "vitest";
import { ASCII_WORD, asciiWordKind, isWord, NOT_A_WORD, OTHER, pushWhitespaceTokens } from "./tokens.js";

describe("whitespace tokens", () => {
  it("split on whitespace and drop punctuation-only tokens", () => {
    const out: string[] = [];
    pushWhitespaceTokens("So — what's next? ... Да, конечно", out);
    expect(out).toEqual(["So", "what's", "next?", "Да,", "конечно"]);
  });

  it("isWord: a letter or digit of any script makes a word", () => {
    expect([isWord(""), isWord("..."), isWord("—"), isWord("a."), isWord("да"), isWord("42")]).toEqual([
      false,
      false,
      false,
      true,
      true,
      true,
    ]);
  });

  it("asciiWordKind sends everything but plain ASCII words to the regexes", () => {
    expect([asciiWordKind("okay,"), asciiWordKind(""), asciiWordKind("—"), asciiWordKind("a b")]).toEqual([
      ASCII_WORD,
      NOT_A_WORD,
      OTHER,
      OTHER,
    ]);
  });
});
