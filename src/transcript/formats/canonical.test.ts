import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { TranscriptParseError } from "../../errors.js";
import { CanonicalInputSchema } from "../model.js";
import { parseTranscript } from "../parse.js";
import { MAX_TIME_SECONDS, parseCanonical, parseCanonicalBySchema } from "./canonical.js";

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
  /** The rules on top of the schema: utterances present, times ≤ MAX_TIME_SECONDS, end ≥ start. */
  const timesOk = (t: {
    utterances: Array<{
      start?: number | null | undefined;
      end?: number | null | undefined;
      words?: Array<{ start: number; end: number }> | undefined;
    }>;
  }) => {
    const ok = (s: number | null | undefined, e: number | null | undefined) =>
      (s == null || s <= MAX_TIME_SECONDS) &&
      (e == null || e <= MAX_TIME_SECONDS) &&
      (s == null || e == null || e >= s);
    return (
      t.utterances.length > 0 &&
      t.utterances.every((u) => ok(u.start, u.end) && (u.words ?? []).every((w) => ok(w.start, w.end)))
    );
  };

  it("accepts exactly what CanonicalInputSchema accepts (with the time rules), with the same result", () => {
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
          expect(schema.success && timesOk(schema.data)).toBe(false);
          return;
        }
        expect(schema.success && timesOk(schema.data)).toBe(true);
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

  it("refuses an empty transcript, times that run backwards and times beyond any call", () => {
    expect(() => parseCanonical({ utterances: [] }, "c.json")).toThrow(
      /^c\.json: canonical: utterances: no utterances/,
    );
    expect(() => parseCanonical({ utterances: [{ speaker: "A", start: 5, end: 2, text: "x" }] })).toThrow(
      /utterances\[0\]\.end: ends \(2 s\) before it starts \(5 s\)/,
    );
    expect(() =>
      parseCanonical({
        utterances: [
          { speaker: "A", start: 0, end: 1, text: "x", words: [{ text: "x", start: 1, end: 0.5 }] },
        ],
      }),
    ).toThrow(/utterances\[0\]\.words\[0\]\.end: ends/);
    expect(() => parseCanonical({ utterances: [{ speaker: "A", start: 0, end: 1e308, text: "x" }] })).toThrow(
      /utterances\[0\]\.end: 1e\+308 s is beyond/,
    );
    // The limit itself is accepted, and so is a zero-length utterance.
    expect(
      parseCanonical({
        utterances: [{ speaker: "A", start: MAX_TIME_SECONDS, end: MAX_TIME_SECONDS, text: "x" }],
      }).utterances[0]?.end,
    ).toBe(MAX_TIME_SECONDS);
  });

  it("refuses a number too large for a double (1e400) instead of reading it as null", () => {
    expect(() =>
      parseTranscript('{"utterances": [{"speaker": "A", "start": 0, "end": 1e400, "text": "x"}]}', {
        file: "c.json",
      }),
    ).toThrow(/utterances\[0\]\.end/);
  });
});

describe("parseCanonical's fast path", () => {
  /** Mostly valid, so that whole documents pass; times at the time rules' edges too. */
  const often = <T, U>(valid: fc.Arbitrary<T>, invalid: fc.Arbitrary<U>) =>
    fc.oneof({ arbitrary: valid, weight: 12 }, { arbitrary: invalid, weight: 1 });
  const edgeTime = often(
    fc.oneof(
      fc.double({ min: 0, max: 100, noNaN: true }),
      fc.integer({ min: 0, max: 100 }),
      fc.constantFrom(0, MAX_TIME_SECONDS),
    ),
    fc.constantFrom(-1, MAX_TIME_SECONDS + 0.5, 1e308, "1.5", null, undefined),
  );
  const edgeWord = fc.record(
    {
      text: often(fc.string({ maxLength: 3 }), fc.constant(3)),
      start: edgeTime,
      end: edgeTime,
      confidence: often(
        fc.oneof(fc.constant(undefined), fc.double({ min: 0, max: 1, noNaN: true })),
        fc.constant(1.5),
      ),
      extra: fc.oneof(fc.constant(undefined), fc.string({ maxLength: 3 })),
    },
    { requiredKeys: ["text", "start", "end"] },
  );
  const edgeDoc = fc.record(
    {
      language: often(fc.constant("en"), fc.constant("e")),
      speakers: often(fc.constant([{ id: "A", role: "rep" }]), fc.array(speaker, { maxLength: 2 })),
      utterances: fc.array(
        fc.record(
          {
            speaker: often(fc.constantFrom("A", "B", 2), fc.constantFrom("", -3, 0.5, null)),
            start: fc.oneof(edgeTime, fc.constant(null)),
            end: fc.oneof(edgeTime, fc.constant(null)),
            text: often(fc.string({ maxLength: 5 }), fc.constant(null)),
            words: often(
              fc.oneof(fc.constant(undefined), fc.array(edgeWord, { maxLength: 4 })),
              fc.constant("x"),
            ),
          },
          { requiredKeys: ["speaker", "text"] },
        ),
        { maxLength: 4 },
      ),
    },
    { requiredKeys: ["utterances"] },
  );
  const outcome = (parse: () => unknown): string => {
    try {
      return `ok ${JSON.stringify(parse())}`;
    } catch (error) {
      return `error ${(error as Error).message}`;
    }
  };

  it("returns what the schema and the time rules return, and refuses with the same message", () => {
    fc.assert(
      fc.property(fc.oneof(edgeDoc, doc), (value) => {
        // Through JSON, as real input arrives.
        const json = JSON.stringify(value);
        const input: unknown = json === undefined ? undefined : JSON.parse(json);
        expect(outcome(() => parseCanonical(input, "c.json"))).toBe(
          outcome(() => parseCanonicalBySchema(input, "c.json")),
        );
      }),
      { numRuns: 3000 },
    );
  });

  it("keeps words that have no vendor fields and drops the fields of those that have", () => {
    const words = [
      { text: "a", start: 0, end: 1 },
      { text: "b", start: 1, end: 2, confidence: 0.5, vendor: "x" },
      { text: "c", start: 2, end: 3, confidence: 0.9 },
    ];
    const { utterances } = parseCanonical({ utterances: [{ speaker: "A", text: "a b c", words }] });
    expect(utterances[0]?.words).toStrictEqual([
      { text: "a", start: 0, end: 1 },
      { text: "b", start: 1, end: 2, confidence: 0.5 },
      { text: "c", start: 2, end: 3, confidence: 0.9 },
    ]);
  });
});
