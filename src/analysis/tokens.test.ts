import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { countFillers, countWordsAndFillers, fillerListFor, utteranceTokens } from "./tokens.js";

describe("utteranceTokens", () => {
  it("drops punctuation-only tokens and keeps words with punctuation", () => {
    expect(utteranceTokens({ text: "So — what's next? ... $5 (ok)" })).toEqual([
      "So",
      "what's",
      "next?",
      "$5",
      "(ok)",
    ]);
  });
  it("uses word texts when present, splitting a word that holds a space", () => {
    expect(
      utteranceTokens({
        text: "ignored",
        words: [
          { text: "New York", start: 0, end: 1 },
          { text: "-", start: 1, end: 1 },
          { text: "привет", start: 1, end: 2 },
        ],
      }),
    ).toEqual(["New", "York", "привет"]);
  });
  it("agrees with the contract's plain definition on any text (property)", () => {
    const reference = (text: string) =>
      text.split(/\s+/u).filter((t) => t.length > 0 && !/^\p{P}+$/u.test(t));
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 80 }), (text) => {
        expect(utteranceTokens({ text })).toEqual(reference(text));
      }),
    );
  });
});

describe("utteranceTokens with word timings", () => {
  it("agrees with the plain definition on any word texts (property)", () => {
    const reference = (ws: string[]) =>
      ws.flatMap((w) => w.split(/\s+/u)).filter((t) => t.length > 0 && !/^\p{P}+$/u.test(t));
    const word = fc.oneof(
      fc.constantFrom("ok", "-", "—", "New York", "$5", "привет", "...", " ", ""),
      fc.string({ maxLength: 6 }),
    );
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 12 }), (ws) => {
        const words = ws.map((text, i) => ({ text, start: i, end: i + 1 }));
        expect(utteranceTokens({ text: "", words })).toEqual(reference(ws));
      }),
    );
  });
});

describe("countFillers", () => {
  it("counts listed hesitations, case- and punctuation-insensitive", () => {
    expect(
      countFillers(["Um,", "so", "UH...", "u-h", "umbrella", "hmm?", "uh-huh"], fillerListFor("en")),
    ).toBe(4);
    expect(countFillers(["Э-э,", "ну", "ммм", "мама"], fillerListFor("ru-RU"))).toBe(2);
  });
  it("agrees with the plain definition (property)", () => {
    const list = fillerListFor("en");
    const reference = (ts: string[]) =>
      ts.filter((t) => list.has(t.toLowerCase().replace(/\p{P}/gu, ""))).length;
    const token = fc.oneof(
      fc.constantFrom("um", "Uh,", "hmm...", "er!", "ahh", "h.m"),
      fc.string({ maxLength: 8 }),
    );
    fc.assert(
      fc.property(fc.array(token, { maxLength: 20 }), (ts) => {
        expect(countFillers(ts, list)).toBe(reference(ts));
      }),
    );
  });
});

describe("countWordsAndFillers", () => {
  it("equals counting utteranceTokens and countFillers (property)", () => {
    const list = fillerListFor("en");
    const word = fc.oneof(
      fc.constantFrom("um", "Uh,", "hmm...", "-", "New York", "э-э", "ok", "$5", ""),
      // Near-fillers: case, punctuation, digits, symbols, a fifth letter, non-ASCII, whitespace.
      fc.constantFrom("UM", "uh-", "(hm)", "u1", "um$", "umm?", "uhmm", "erm~", "äh", "uh\t", "H.M.", "'ah'"),
      fc.string({ maxLength: 6 }),
    );
    fc.assert(
      fc.property(fc.array(word, { maxLength: 12 }), fc.boolean(), (ws, timed) => {
        const u = timed
          ? { text: ws.join(" "), words: ws.map((text, i) => ({ text, start: i, end: i + 1 })) }
          : { text: ws.join(" ") };
        const tokens = utteranceTokens(u);
        expect(countWordsAndFillers(u, list)).toEqual({
          words: tokens.length,
          fillers: countFillers(tokens, list),
        });
      }),
    );
  });
});
