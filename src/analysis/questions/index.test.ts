import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { classifySentence, detectQuestions } from "./index.js";

describe("detectQuestions", () => {
  it("returns the question sentences of a long utterance, in order, with their kinds", () => {
    const text =
      "Thanks for joining. We help sales teams coach reps. So what does your current process look like? " +
      "And do you have budget allocated for this, right? Great, I'll send the deck.";
    expect(detectQuestions(text, { language: "en" })).toEqual([
      { text: "So what does your current process look like?", kind: "open" },
      { text: "And do you have budget allocated for this, right?", kind: "closed" },
    ]);
  });
  it("handles trailing fillers and missing punctuation", () => {
    expect(detectQuestions("how do you qualify leads today um", { language: "en" })).toEqual([
      { text: "how do you qualify leads today um", kind: "open" },
    ]);
  });
  it("drops backchannels reacting to the other speaker", () => {
    expect(
      detectQuestions("Oh really? Wow. How did that happen?", {
        language: "en",
        previousText: "We lost the deal.",
      }),
    ).toEqual([{ text: "How did that happen?", kind: "open" }]);
  });
  it("uses previousText only for the first sentence", () => {
    expect(
      detectQuestions("We have fifty reps. Is that right?", { language: "en", previousText: "Fifty reps." }),
    ).toEqual([{ text: "We have fifty reps. Is that right?", kind: "closed" }]);
  });
  it("keeps a trailing 'You know?' with the statement before it, as a phatic ending", () => {
    expect(detectQuestions("We hit quota last year. You know?", { language: "en" })).toEqual([]);
    expect(detectQuestions("You know?", { language: "en" })).toEqual([{ text: "You know?", kind: "closed" }]);
  });
  it("returns [] for empty, whitespace and emoji-only input", () => {
    expect(detectQuestions("", { language: "en" })).toEqual([]);
    expect(detectQuestions("   ", { language: "ru" })).toEqual([]);
    expect(detectQuestions("🙂🙂", { language: "en" })).toEqual([]);
  });
  it("never throws and returns sentences taken from the input", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.constantFrom("en", "ru", "de", ""), (s, language) => {
        for (const q of detectQuestions(s, { language })) {
          expect(s.includes(q.text)).toBe(true);
          expect(["open", "closed"]).toContain(q.kind);
        }
        expect(() => classifySentence(s, { language, previousText: s })).not.toThrow();
      }),
      { numRuns: 500 },
    );
  });
  it("is fast: a one-hour call (~800 utterances, ~10k words) in well under 100 ms", () => {
    const utterances = Array.from({ length: 800 }, (_, i) =>
      i % 2 === 0
        ? "So um tell me a bit about how your team handles inbound leads today, and what happens when a lead goes cold?"
        : "yeah so we basically route everything through salesforce and then the sdrs pick it up within a day or so i think",
    );
    const long = "and so we ".repeat(2000); // a pathological run-on without punctuation
    const t0 = performance.now();
    for (const u of utterances) detectQuestions(u, { language: "en", previousText: u });
    detectQuestions(long, { language: "en" });
    expect(performance.now() - t0).toBeLessThan(500); // generous for slow CI; typically a few ms
  });
});
