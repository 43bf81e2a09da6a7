import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LIMIT, WordIndex } from "./cue-word-index.js";

/** Letters: a–d and two Cyrillic ones; anything else separates words. */
const LETTERS = "abcdжя";
const letter = new Uint8Array(LIMIT);
for (const c of LETTERS) letter[c.charCodeAt(0)] = 1;

interface Req {
  exact: string[];
  prefixes: string[];
  starts: number[];
}

/** The reference: split the text into words, then ask each requirement plainly. */
function meets(text: string, r: Req): boolean {
  const words = text.split(/[^abcdжя]+/).filter((w) => w !== "");
  return words.some(
    (w) =>
      r.exact.includes(w) || r.prefixes.some((p) => w.startsWith(p)) || r.starts.includes(w.charCodeAt(0)),
  );
}

const word = fc.stringMatching(/^[abcdжя]{1,4}$/);
const requirement = fc.record({
  exact: fc.uniqueArray(word, { maxLength: 3 }),
  prefixes: fc.uniqueArray(word, { maxLength: 3 }),
  starts: fc.uniqueArray(fc.constantFrom(...[...LETTERS].map((c) => c.charCodeAt(0))), { maxLength: 2 }),
});
const text = fc
  .array(fc.oneof(word, fc.constantFrom(" ", ", ", "x", "'", "ab-", "я.")), { maxLength: 12 })
  .map((parts) => parts.join(""));

describe("WordIndex", () => {
  it("answers as splitting the text into words", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ r: requirement, indexed: fc.boolean() }), { minLength: 1, maxLength: 12 }),
        fc.array(text, { minLength: 1, maxLength: 6 }),
        (reqs, texts) => {
          const index = new WordIndex(letter);
          const ids = reqs.map(({ r, indexed }) => index.add(r, indexed));
          for (const t of texts) {
            index.read(t);
            const met = new Set(index.metIds.subarray(0, index.metCount));
            // Each indexed requirement met is listed once.
            expect(met.size).toBe(index.metCount);
            reqs.forEach(({ r, indexed }, i) => {
              const want = meets(t, r);
              if (indexed) expect([t, i, met.has(ids[i]!)]).toEqual([t, i, want]);
              expect([t, i, index.holds(ids[i]!)]).toEqual([t, i, want]);
            });
          }
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it("keeps its answers as the trie and tables grow", () => {
    const index = new WordIndex(letter);
    const words: string[] = [];
    const all = (n: number, prefix: string): void => {
      if (n === 0) return;
      for (const c of LETTERS) {
        words.push(prefix + c);
        all(n - 1, prefix + c);
      }
    };
    all(5, "");
    // Thousands of trie nodes and requirements: every table grows several times.
    const ids = words.map((w, i) => index.add({ exact: [w], prefixes: [], starts: [] }, i % 2 === 0));
    const text = "ab, жяd cccc я";
    index.read(text);
    words.forEach((w, i) => {
      expect([w, index.holds(ids[i]!)]).toEqual([w, ["ab", "жяd", "cccc", "я"].includes(w)]);
    });
  });
});
