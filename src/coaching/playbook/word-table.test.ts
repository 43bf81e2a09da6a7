import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { matchKey } from "../../text/match.js";
import { splitSentences } from "../../text/sentences.js";
import { wordParts } from "../../text/words.js";
import { codeWordParts, WordTable } from "./word-table.js";

// Text built from the characters the rules turn on: letters of both cases, digits, joiners,
// sentence ends, spaces, a backtick and non-ASCII letters and apostrophes.
const CHARS = ["a", "b", "Z", "é", "1", "'", "’", "`", "-", "‐", ".", "?", "!", " ", " ", "\n", ",", '"'];
const text = fc.array(fc.constantFrom(...CHARS), { maxLength: 40 }).map((cs) => cs.join(""));
const asciiText = fc
  .array(fc.constantFrom(...CHARS.filter((c) => c.charCodeAt(0) < 128 && c !== "`")), { maxLength: 40 })
  .map((cs) => cs.join(""));
const NOT_ASCII = /[\u0080-\uffff`]/;

describe("WordTable", () => {
  it("codes exactly the word parts of a text, by the scan or by wordParts", () => {
    fc.assert(
      fc.property(fc.array(text, { maxLength: 6 }), (texts) => {
        const seen: string[] = [];
        const table = new WordTable((w) => {
          seen.push(w);
          return seen.length - 1;
        });
        for (const t of texts) {
          const codes: number[] = [];
          const forms: string[] = [];
          const scanned = table.scanAscii(t, codes, forms);
          expect(scanned).toBe(!NOT_ASCII.test(t));
          if (!scanned) {
            expect(codes).toEqual([]);
            codeWordParts(table, t, codes);
          }
          expect(codes.map((c) => seen[c])).toEqual(wordParts(t));
          if (scanned) expect(forms).toEqual(wordParts(t).map((w) => w.replace(/'/g, "")));
        }
      }),
    );
  });

  it("gives an ASCII utterance's match key through the words of its sentences", () => {
    fc.assert(
      fc.property(asciiText, (t) => {
        const table = new WordTable(() => 0);
        const forms: string[] = [];
        for (const s of splitSentences(t)) expect(table.scanAscii(s, [], forms)).toBe(true);
        expect(forms.join(" ")).toBe(matchKey(t));
      }),
      { numRuns: 500 },
    );
  });
});
