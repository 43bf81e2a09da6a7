import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Transcript, TranscriptSchema } from "./model.js";
import { parseTranscript } from "./parse.js";
import { STORED_TRANSCRIPT_FORM, storedTranscriptText, transcriptOfStoredText } from "./stored-form.js";

/** Every transcript file under fixtures/ that parses (the malformed ones are refused by design). */
function fixtureTranscripts(): Array<{ file: string; transcript: Transcript }> {
  const out: Array<{ file: string; transcript: Transcript }> = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(json|vtt|srt|txt)$/.test(name))
        try {
          out.push({
            file: path,
            transcript: parseTranscript(readFileSync(path, "utf8"), { file: name }).transcript,
          });
        } catch {
          // Not a transcript (a playbook, a CRM export) or a malformed one.
        }
    }
  };
  for (const dir of ["fixtures/formats", "fixtures/calls", "fixtures/deepgram", "fixtures/demo"]) walk(dir);
  return out;
}

/** Read back exactly: the same objects, and the same canonical JSON (key order included). */
function expectRoundTrip(transcript: Transcript): string {
  const text = storedTranscriptText(transcript);
  const back = transcriptOfStoredText(text);
  expect(back).toStrictEqual(transcript);
  expect(JSON.stringify(back)).toBe(JSON.stringify(transcript));
  return text;
}

describe("storedTranscriptText", () => {
  it("matches its documented example", () => {
    const text = storedTranscriptText({
      utterances: [
        {
          speaker: "a",
          start: 0,
          end: 1,
          text: "hi there",
          words: [
            { text: "hi", start: 0, end: 0.4 },
            { text: "there", start: 0.5, end: 1 },
          ],
        },
      ],
    });
    expect(text).toBe(
      '{"form":1,"utterances":[{"speaker":"a","start":0,"end":1,"text":"hi there","words":{"startMs":[0,500],"endMs":[400,1000]}}]}',
    );
  });

  const fixtures = fixtureTranscripts();
  it("has fixtures with word timings to read", () => {
    expect(
      fixtures.filter((f) => f.transcript.utterances.some((u) => u.words?.length)).length,
    ).toBeGreaterThan(3);
  });

  it.each(fixtures.map((f) => [f.file, f.transcript] as const))(
    "reads %s back exactly",
    (_file, transcript) => {
      expectRoundTrip(transcript);
    },
  );

  it("is much smaller than the canonical JSON of a word-timed call", () => {
    const words = Array.from({ length: 400 }, (_, i) => ({
      text: `word${i % 7}`,
      start: (i * 310) / 1000,
      end: (i * 310 + 250) / 1000,
      confidence: 0.8 + (i % 19) / 100,
    }));
    const transcript: Transcript = {
      utterances: [{ speaker: "rep", start: 0, end: 125, text: words.map((w) => w.text).join(" "), words }],
    };
    const text = expectRoundTrip(transcript);
    expect(text.length).toBeLessThan(JSON.stringify(transcript).length * 0.6);
  });

  it("keeps times and confidences that are not whole thousandths as they are", () => {
    const transcript: Transcript = {
      utterances: [
        {
          speaker: "s",
          start: 0.08,
          end: 1.12,
          text: "so what",
          words: [
            { text: "so", start: 0.08, end: 0.32000002, confidence: 0.99853516 },
            { text: "what", start: 0.4, end: 1.12, confidence: 0.5 },
          ],
        },
      ],
    };
    const text = expectRoundTrip(transcript);
    expect(text).toContain('"start":[0.08,0.4],"end":[0.32000002,1.12]');
    expect(text).toContain('"confidence":[0.99853516,0.5]');
  });

  it("spells the words out when joining them would not give the utterance's text", () => {
    const cases: Array<[string, string[]]> = [
      ["Hello, world", ["hello", "world"]],
      ["a  b", ["a", "b"]],
      ["new york now", ["new york", "now"]],
      ["x", ["", "x"]],
      ["ab", ["a", "b"]],
      [" a", ["a"]],
      ["a b ", ["a", "b"]],
      ["", []],
    ];
    for (const [text, texts] of cases) {
      const words = texts.map((t, i) => ({ text: t, start: i, end: i + 0.5 }));
      const stored = expectRoundTrip({ utterances: [{ speaker: "s", start: 0, end: 9, text, words }] });
      if (texts.length > 0) expect(stored).toContain('"text":[');
    }
  });

  it("keeps which words have a confidence", () => {
    expectRoundTrip({
      utterances: [
        {
          speaker: "s",
          start: null,
          end: null,
          text: "one two three",
          words: [
            { text: "one", start: 0, end: 0.2 },
            { text: "two", start: 0.3, end: 0.5, confidence: 0.9 },
            { text: "three", start: 0.6, end: 0.9 },
          ],
        },
      ],
    });
  });

  it("reads the canonical JSON stored before form 1 as it is", () => {
    const transcript: Transcript = {
      language: "en",
      speakers: [{ id: "s", name: "Sam", role: "rep" }],
      utterances: [{ speaker: "s", start: 0, end: 1, text: "hi", words: [{ text: "hi", start: 0, end: 1 }] }],
    };
    expect(transcriptOfStoredText(JSON.stringify(transcript))).toStrictEqual(transcript);
  });

  it("refuses a form it does not know", () => {
    expect(() => transcriptOfStoredText(`{"form":${STORED_TRANSCRIPT_FORM + 1},"utterances":[]}`)).toThrow(
      "unknown form 2",
    );
  });

  it("reads back any valid transcript exactly (property)", () => {
    const time = fc.oneof(
      fc.integer({ min: 0, max: 36_000_000 }).map((ms) => ms / 1000),
      fc
        .double({ min: 0, max: 100_000, noNaN: true, noDefaultInfinity: true })
        .filter((x) => !Object.is(x, -0)),
    );
    const word = fc.record(
      {
        text: fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom("so", "what's", "Привет", "a b", "")),
        start: time,
        end: time,
        confidence: fc.oneof(
          fc.double({ min: 0, max: 1, noNaN: true }).filter((x) => !Object.is(x, -0)),
          fc.integer({ min: 0, max: 1000 }).map((k) => k / 1000),
        ),
      },
      { requiredKeys: ["text", "start", "end"] },
    );
    const utterance = fc
      .record({
        speaker: fc.string({ minLength: 1, maxLength: 6 }),
        start: fc.option(time, { nil: null }),
        end: fc.option(time, { nil: null }),
        words: fc.option(fc.array(word, { maxLength: 12 }), { nil: undefined }),
        joined: fc.boolean(),
        text: fc.string({ maxLength: 20 }),
      })
      .map(({ joined, words, text, ...u }) => ({
        ...u,
        // Half of them spoken exactly as their words (the usual case), the rest anything.
        text: joined && words ? words.map((w) => w.text).join(" ") : text,
        ...(words === undefined ? {} : { words }),
      }));
    const transcript = fc.record(
      {
        language: fc.constantFrom("en", "ru", "de"),
        speakers: fc.array(fc.record({ id: fc.string({ minLength: 1, maxLength: 4 }) }), { maxLength: 3 }),
        utterances: fc.array(utterance, { maxLength: 6 }),
      },
      { requiredKeys: ["utterances"] },
    );
    fc.assert(
      fc.property(transcript, (t) => {
        expect(TranscriptSchema.safeParse(t).success).toBe(true);
        // fast-check's records have no prototype; a parser's objects do.
        expectRoundTrip(JSON.parse(JSON.stringify(t)) as Transcript);
      }),
      { numRuns: 500 },
    );
  });
});
