import { readdirSync, readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { withOneValueReplaced } from "../../test/helpers/json-arbitraries.js";
import { TRANSCRIPT_FORMATS, type TranscriptFormat } from "./model.js";
import { type ParseOptions, parseTranscript, parseTranscriptValue } from "./parse.js";

/**
 * `parseTranscriptValue(value)` must answer exactly what `parseTranscript(JSON.stringify(value))`
 * does — the result, or the error's class and message — for every format, forced or detected: a
 * JSON body's transcript object is parsed from the value since session 15, and its JSON text is
 * what the call's content hash and the CLI read.
 */

const FIXTURES = new URL("../../fixtures/formats/", import.meta.url);
const jsonFixtures = readdirSync(FIXTURES)
  .filter((name) => name.endsWith(".json"))
  .map((name) => [name, JSON.parse(readFileSync(new URL(name, FIXTURES), "utf8")) as unknown] as const);

const modes: Array<TranscriptFormat | undefined> = [undefined, ...TRANSCRIPT_FORMATS];

/** What a parse gave: its result as JSON text (how every output stores it), or its error. */
function outcome(parse: () => unknown): string {
  try {
    return `ok ${JSON.stringify(parse())}`;
  } catch (error) {
    return `${error instanceof Error ? error.constructor.name : typeof error} ${String(error)}`;
  }
}

function expectSame(value: unknown, format: TranscriptFormat | undefined): void {
  const options: ParseOptions = { file: "body.json", ...(format ? { format } : {}) };
  expect(outcome(() => parseTranscriptValue(value, options))).toBe(
    outcome(() => parseTranscript(JSON.stringify(value) ?? "", options)),
  );
}

describe("parseTranscriptValue", () => {
  it.each(jsonFixtures)("parses %s as its JSON text parses, in every format", (_name, value) => {
    expect(outcome(() => parseTranscriptValue(value))).toMatch(/^ok /);
    for (const format of modes) expectSame(value, format);
  });

  it("refuses an unknown format, an unknown shape, bad fields and non-objects as the text path does", () => {
    const cases: unknown[] = [
      {},
      [],
      [{ speaker: "A", text: "hi" }],
      { utterances: "nope" },
      { utterances: [{ speaker: "A", start: -1, text: "hi" }] },
      { utterances: [{ speaker: 3, text: "hi" }] },
      { results: { channels: [] } },
      { segments: [{ text: 1 }] },
      "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nhi",
      42,
      null,
    ];
    for (const value of cases) for (const format of modes) expectSame(value, format);
    expect(() => parseTranscriptValue({}, { format: "docx" as TranscriptFormat })).toThrow(
      /unknown format 'docx'/,
    );
  });

  it("agrees with the text path on any JSON value and on fixtures with one value replaced", () => {
    const mutated = withOneValueReplaced(jsonFixtures.map(([, v]) => v));
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), mutated), fc.constantFrom(...modes), (value, format) =>
        expectSame(value, format),
      ),
      { numRuns: 300 },
    );
  });
});
