import { readdirSync, readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { withOneValueReplaced } from "../../test/helpers/json-arbitraries.js";
import { DebriefError } from "../errors.js";
import { TRANSCRIPT_FORMATS, type TranscriptFormat, TranscriptSchema } from "./model.js";
import { parseTranscript } from "./parse.js";

/**
 * Robustness: whatever the input, parseTranscript either returns a valid canonical transcript or
 * throws a DebriefError naming the file — never a TypeError, never the internal-error safety net.
 */

const FIXTURES = new URL("../../fixtures/formats/", import.meta.url);
const fixtures = readdirSync(FIXTURES)
  .filter((name) => name !== "malformed")
  .map((name) => readFileSync(new URL(name, FIXTURES), "utf8"));
const jsonFixtures = fixtures.filter((f) => f.trimStart().startsWith("{")).map((f): unknown => JSON.parse(f));

const FILE = "input.txt";
const modes: (TranscriptFormat | undefined)[] = [undefined, ...TRANSCRIPT_FORMATS];

function checkAllModes(content: string): void {
  for (const format of modes) {
    try {
      const parsed = parseTranscript(content, format === undefined ? { file: FILE } : { format, file: FILE });
      const valid = TranscriptSchema.safeParse(parsed.transcript);
      if (!valid.success) throw new Error(`invalid transcript: ${valid.error.message}`);
    } catch (error) {
      if (!(error instanceof DebriefError)) throw error;
      expect(error.message).not.toMatch(/internal error/);
      expect(error.message.startsWith(`${FILE}`)).toBe(true);
    }
  }
}

/** Random edits of a fixture: cut, insert, duplicate or truncate. */
const mutatedFixture = fc
  .tuple(
    fc.constantFrom(...fixtures),
    fc.array(
      fc.tuple(
        fc.constantFrom("cut", "insert", "dup", "truncate"),
        fc.nat(),
        fc.nat({ max: 40 }),
        fc.string({
          maxLength: 6,
          unit: fc.constantFrom("<", ">", ":", "\n", "-->", "{", "}", '"', ",", "&", "0", " ", "v"),
        }),
      ),
      { minLength: 1, maxLength: 4 },
    ),
  )
  .map(([text, edits]) => {
    let out = text;
    for (const [kind, at, len, insert] of edits) {
      const i = out.length === 0 ? 0 : at % out.length;
      if (kind === "cut") out = out.slice(0, i) + out.slice(i + len);
      else if (kind === "insert") out = out.slice(0, i) + insert + out.slice(i);
      else if (kind === "dup") out = out.slice(0, i + len) + out.slice(i, i + len) + out.slice(i + len);
      else out = out.slice(0, i);
    }
    return out;
  });

/** A JSON fixture with one value somewhere in its tree replaced by arbitrary JSON. */
const mutatedJson = withOneValueReplaced(jsonFixtures).map((doc) => JSON.stringify(doc));

const RUNS = { numRuns: 120 };

describe("parseTranscript never throws anything but a DebriefError", () => {
  it("on arbitrary strings", () => {
    fc.assert(fc.property(fc.string({ maxLength: 200, unit: "binary" }), checkAllModes), RUNS);
  });

  it("on line-ish strings built from format tokens", () => {
    const token = fc.constantFrom(
      "WEBVTT",
      "\n",
      "\r\n",
      "\n\n",
      "1",
      "00:00:01.000 --> 00:00:02.000",
      "0:0:1,5 --> 0:0:2",
      "-->",
      "<v Dana>",
      "</v>",
      "<v.x",
      "NOTE",
      "Dana: ",
      "[00:01] ",
      "(00:00:05)",
      "&amp;",
      "&#99999999;",
      "{\\an8}",
      "<00:00:01.000>",
      "hi",
      " ",
      ":",
      "[",
      "{",
      "\uFEFF",
    );
    fc.assert(
      fc.property(
        fc.array(token, { maxLength: 40 }).map((t) => t.join("")),
        checkAllModes,
      ),
      RUNS,
    );
  });

  it("on arbitrary JSON values", () => {
    fc.assert(fc.property(fc.json({ maxDepth: 4 }), checkAllModes), RUNS);
  });

  it("on mutated fixtures", () => {
    fc.assert(fc.property(mutatedFixture, checkAllModes), RUNS);
  });

  it("on JSON fixtures with a field replaced by arbitrary JSON", () => {
    fc.assert(fc.property(mutatedJson, checkAllModes), { numRuns: 250 });
  });

  it("on adversarial long inputs, in linear time", () => {
    const evil = [
      `WEBVTT\n\n00:00:00.000 --> 00:00:01.000\n${"<".repeat(50_000)}${"&#".repeat(50_000)}`,
      `${"A".repeat(100_000)}: x\n`.repeat(3),
      `${"[".repeat(100_000)}`,
      `${"{".repeat(100_000)}`,
      `1\n00:00:01,000 --> 00:00:02,000\n${"{\\".repeat(100_000)}`,
      `${"Dana: ".repeat(50_000)}\n${"00:".repeat(50_000)}`,
      `${"\n".repeat(200_000)}Dana: hi`,
    ];
    for (const content of evil) {
      const t = performance.now();
      checkAllModes(content);
      expect(performance.now() - t).toBeLessThan(3000);
    }
  });
});
