import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { chunks, chunksOf, tokenize, words } from "../../text/words.js";
import { classifyEnglish, lastAnswerFirm } from "./english.js";

// Sentences built from the words the rules look at, with the punctuation and joiners they split
// on, so the early exits meet heads, tags, inversions and chunk boundaries in every arrangement.
const VOCAB = `what what's how how's why where when who which whose about in for to of with do does did
  don't didn't is isn't are was were am have has had can could will would should won't can't i i'm
  i'd we we're we'd you your y'all they he she it that this there the a any anything anyone so and
  but or well um uh okay yeah right correct though not no sure tell walk me through talk explain
  describe please curious wonder know mean ever guys like said think budget team salesforce renewal
  process use kind many long matter say again sense sound good isn't it fair agree`
  .trim()
  .split(/\s+/);
const MARKS = ["", "", "", "", ",", ".", "!", "?", ";", ":", " -", " --", "--", "...", "…", " — "];
const JOINERS = [" ", " ", " ", " ", "-", "'", ""];

const sentence = fc
  .array(
    fc.record({
      word: fc.constantFrom(...VOCAB),
      upper: fc.boolean(),
      mark: fc.constantFrom(...MARKS),
      joiner: fc.constantFrom(...JOINERS),
    }),
    { minLength: 1, maxLength: 12 },
  )
  .map((parts) =>
    parts
      .map((p, i) => `${i === 0 ? "" : p.joiner}${p.upper ? p.word.toUpperCase() : p.word}${p.mark}`)
      .join(""),
  );

describe("question detection shortcuts", () => {
  it("tokenize and chunksOf give exactly words() and chunks()", () => {
    fc.assert(
      fc.property(fc.oneof(sentence, fc.string(), fc.string({ unit: "grapheme" })), (text) => {
        const tokenized = tokenize(text);
        expect(tokenized.words).toEqual(words(text));
        expect(chunksOf(text, tokenized)).toEqual(chunks(text));
      }),
      { numRuns: 3000 },
    );
  });

  it("the early exits never change an answer, nor whether the model may revise it", () => {
    fc.assert(
      fc.property(sentence, fc.option(sentence, { nil: undefined }), (text, previous) => {
        const fast = classifyEnglish(text, previous);
        const fastFirm = lastAnswerFirm();
        expect(fast).toBe(classifyEnglish(text, previous, false));
        expect(fastFirm).toBe(lastAnswerFirm());
      }),
      { numRuns: 5000 },
    );
  });
});
