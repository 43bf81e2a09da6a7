import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { classifySentence, detectQuestions } from "./index.js";

// Sentences built from the words the es/de/fr/pt rules look at, with marks they split on.
const VOCAB = `qué cómo cuándo que como cuando usted ustedes tienen verdad no o sea este pues cuénteme
  me puede hay algún les parece wie was wann wer haben sie gibt es oder nicht wahr also dann halt wir
  erzählen ob est-ce que qu'est-ce avez-vous a-t-il n'est-ce pas hein ben genre du coup quand même
  rendez-vous qu'en o que quem vocês já né será tipo então é porque ou certo de com a`
  .trim()
  .split(/\s+/);
const MARKS = ["", "", "", ",", ".", "!", "?", "¿", "¡", "…", "...", " — ", ":"];

const sentence = fc
  .array(
    fc.record({ word: fc.constantFrom(...VOCAB), mark: fc.constantFrom(...MARKS), upper: fc.boolean() }),
    {
      minLength: 1,
      maxLength: 12,
    },
  )
  .map((parts) => parts.map((p) => (p.upper ? p.word.toUpperCase() : p.word) + p.mark).join(" "));

describe("es/de/fr/pt question rules (property)", () => {
  it.each(["es", "de", "fr", "pt"])("%s: never throw, and return a kind or null, on any text", (language) => {
    const anything = fc.oneof(sentence, fc.string({ unit: "grapheme", maxLength: 80 }));
    fc.assert(
      fc.property(anything, (text) => {
        const kind = classifySentence(text, { language });
        expect([null, "open", "closed"]).toContain(kind);
        for (const q of detectQuestions(text, { language })) {
          expect(text).toContain(q.text);
          expect(["open", "closed"]).toContain(q.kind);
        }
      }),
      { numRuns: 300 },
    );
  });
});
