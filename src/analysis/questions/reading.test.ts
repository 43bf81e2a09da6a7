import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { detectQuestions, questionsOf, readUtterance } from "./index.js";

// Utterances of one to four sentences over words the English rules and model read, with the marks
// that end sentences, ask or leave a sentence unpunctuated.
const VOCAB = `what how why do does did is are was can could will would you your we they it that this
  so and but or well um okay yeah right correct not no sure tell walk me through think budget team
  process use many long sense good fair really oh mean`
  .trim()
  .split(/\s+/);
const sentence = fc
  .tuple(
    fc.array(fc.constantFrom(...VOCAB), { minLength: 1, maxLength: 9 }),
    fc.constantFrom("", ".", "?", "!", ", right?", "…"),
  )
  .map(([ws, mark]) => `${ws.join(" ")}${mark}`);
const utterance = fc.array(sentence, { minLength: 1, maxLength: 4 }).map((s) => s.join(" "));
const neighbour = fc.constantFrom(
  undefined,
  "yeah",
  "no we don't",
  "Mm-hmm.",
  "We have fifty reps.",
  "What do you mean?",
);

const ctx = (language: string, previousText: string | undefined, nextText: string | undefined) => ({
  language,
  ...(previousText !== undefined ? { previousText } : {}),
  ...(nextText !== undefined ? { nextText } : {}),
});

describe("an earlier reading reused", () => {
  it("gives the answers of a fresh detection, whatever context the earlier reading had", () => {
    fc.assert(
      fc.property(
        utterance,
        fc.constantFrom("en", "es", "ru"),
        neighbour,
        neighbour,
        neighbour,
        neighbour,
        (text, language, prev, next, priorPrev, priorNext) => {
          const fresh = detectQuestions(text, ctx(language, prev, next));
          const prior = readUtterance(text, ctx(language, priorPrev, priorNext));
          expect(detectQuestions(text, ctx(language, prev, next), prior)).toEqual(fresh);
          expect(questionsOf(readUtterance(text, ctx(language, prev, next)))).toEqual(fresh);
        },
      ),
      { numRuns: 1500 },
    );
  });

  it("gives the answers of a fresh detection on every utterance of the generated hour", () => {
    const file = join(import.meta.dirname, "..", "..", "..", "fixtures", "bench", "call-60min.json");
    const call = JSON.parse(readFileSync(file, "utf8")) as { utterances: Array<{ text: string }> };
    const texts = call.utterances.map((u) => u.text);
    for (let i = 1; i < texts.length - 1; i++) {
      const prior = readUtterance(texts[i]!, ctx("en", texts[i - 1], texts[i + 1]));
      expect(detectQuestions(texts[i]!, ctx("en", texts[i - 1], undefined), prior)).toEqual(
        detectQuestions(texts[i]!, ctx("en", texts[i - 1], undefined)),
      );
    }
  });

  it("is not taken for another text or language", () => {
    const prior = readUtterance("Okay. So what's your budget?", { language: "en" });
    expect(detectQuestions("Walk me through it?", { language: "en" }, prior)).toEqual([
      { text: "Walk me through it?", kind: "open" },
    ]);
    expect(
      detectQuestions("Okay. So what's your budget?", { language: "en", previousText: "x" }, prior),
    ).toEqual(detectQuestions("Okay. So what's your budget?", { language: "en", previousText: "x" }));
  });
});
