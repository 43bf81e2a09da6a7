import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { TranscriptParseError } from "../../errors.js";
import { CanonicalInputSchema } from "../model.js";
import { parseCanonical } from "./canonical.js";

/** Values near the schema's edges, so both accept and reject paths get exercised. */
const time = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.double({ min: -1, max: 1e6, noNaN: true }),
  fc.constant("1.5"),
);
const word = fc.record(
  {
    text: fc.oneof(fc.string({ maxLength: 5 }), fc.constant(3)),
    start: time,
    end: time,
    confidence: fc.oneof(
      fc.constant(undefined),
      fc.double({ min: -0.5, max: 1.5, noNaN: true }),
      fc.constant(null),
    ),
    extra: fc.string({ maxLength: 3 }),
  },
  { requiredKeys: [] },
);
const utterance = fc.record(
  {
    speaker: fc.oneof(fc.string({ maxLength: 3 }), fc.integer(), fc.double(), fc.constant(null)),
    start: time,
    end: time,
    text: fc.oneof(fc.string({ maxLength: 10 }), fc.constant(null)),
    words: fc.oneof(fc.constant(undefined), fc.array(word, { maxLength: 3 }), fc.constant("x")),
  },
  { requiredKeys: [] },
);
const speaker = fc.record(
  {
    id: fc.oneof(fc.string({ maxLength: 3 })),
    name: fc.oneof(fc.string({ maxLength: 3 }), fc.constant(1)),
    role: fc.constantFrom("rep", "customer", "other", "boss"),
  },
  { requiredKeys: [] },
);
const doc = fc.oneof(
  fc.record(
    {
      language: fc.oneof(fc.constantFrom("en", "e", "ru-RU"), fc.constant(7)),
      speakers: fc.oneof(fc.array(speaker, { maxLength: 2 }), fc.constant({})),
      utterances: fc.oneof(fc.array(utterance, { maxLength: 4 }), fc.constant({})),
    },
    { requiredKeys: [] },
  ),
  fc.anything(),
);

describe("parseCanonical", () => {
  it("accepts exactly what CanonicalInputSchema accepts, with the same result", () => {
    fc.assert(
      fc.property(doc, (value) => {
        // Through JSON, as real input arrives (drops undefined, NaN becomes null …).
        const json = JSON.stringify(value);
        const input: unknown = json === undefined ? undefined : JSON.parse(json);
        const schema = CanonicalInputSchema.safeParse(input);
        let ours: unknown;
        try {
          ours = parseCanonical(input, "c.json");
        } catch (error) {
          expect(error).toBeInstanceOf(TranscriptParseError);
          expect(schema.success).toBe(false);
          return;
        }
        expect(schema.success).toBe(true);
        if (!schema.success) return;
        const expected = {
          ...(schema.data.language === undefined ? {} : { language: schema.data.language }),
          ...(schema.data.speakers === undefined ? {} : { speakers: schema.data.speakers }),
          utterances: schema.data.utterances.map((u) => ({
            speaker: u.speaker,
            start: u.start ?? null,
            end: u.end ?? null,
            text: u.text,
            ...(u.words === undefined
              ? {}
              : {
                  words: u.words.map((w) => ({
                    text: w.text,
                    start: w.start,
                    end: w.end,
                    ...(w.confidence === undefined ? {} : { confidence: w.confidence }),
                  })),
                }),
          })),
        };
        expect(ours).toEqual(expected);
      }),
      { numRuns: 1500 },
    );
  });

  it("names the JSON path of a bad field", () => {
    expect(() =>
      parseCanonical(
        { utterances: [{ speaker: "A", text: "x", words: [{ text: "x", start: 1, end: -1 }] }] },
        "c.json",
      ),
    ).toThrow(/^c\.json: canonical: utterances\[0\]\.words\[0\]\.end: /);
    expect(() => parseCanonical({ utterances: [{ speaker: "", text: "x" }] }, "c.json")).toThrow(
      /utterances\[0\]\.speaker/,
    );
  });
});
