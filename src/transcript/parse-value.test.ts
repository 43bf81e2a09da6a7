import { readdirSync, readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
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
    const mutated = fc
      .tuple(
        fc.constantFrom(...jsonFixtures.map(([, v]) => v)),
        fc.array(fc.nat(), { minLength: 1, maxLength: 8 }),
        fc.jsonValue(),
      )
      .map(([doc, steps, replacement]) => {
        const copy: unknown = structuredClone(doc);
        let parent: unknown = copy;
        for (const [n, step] of steps.entries()) {
          if (typeof parent !== "object" || parent === null) break;
          const keys = Object.keys(parent);
          const key = keys[step % Math.max(keys.length, 1)];
          if (key === undefined) break;
          const record = parent as Record<string, unknown>;
          if (n === steps.length - 1 || typeof record[key] !== "object" || record[key] === null) {
            record[key] = replacement;
            break;
          }
          parent = record[key];
        }
        return copy;
      });
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), mutated), fc.constantFrom(...modes), (value, format) =>
        expectSame(value, format),
      ),
      { numRuns: 300 },
    );
  });
});
