import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatPath, TranscriptParseError } from "../../errors.js";
import { locateJsonError, parseJson } from "./json.js";

describe("locateJsonError", () => {
  it.each([
    ['{"a": }', 6, /unexpected character '\}'/],
    ['{"a": 1', 7, /truncated/],
    ['{"a" 1}', 5, /expected ':'/],
    ["[1,]", 3, /unexpected character '\]'/],
    ['{"a": 1}x', 8, /after the end/],
    ['{"a": "b\nc"}', 8, /control character/],
    ["{'a': 1}", 1, /property name in double quotes/],
    ['{"a": tru}', 6, /unexpected character 't'/],
  ])("%j", (text, offset, message) => {
    const found = locateJsonError(text);
    expect(found?.offset).toBe(offset);
    expect(found?.message).toMatch(message);
  });

  it("agrees with JSON.parse on validity", () => {
    const jsonish = fc.oneof(
      fc.json(),
      fc.string({
        unit: fc.constantFrom("{", "}", "[", "]", ",", ":", '"', "1", "a", " ", "\\", "e", "-", "."),
      }),
    );
    fc.assert(
      fc.property(jsonish, (text) => {
        let valid = true;
        try {
          JSON.parse(text);
        } catch {
          valid = false;
        }
        expect(locateJsonError(text) === null).toBe(valid);
      }),
      { numRuns: 1000 },
    );
  });

  it("handles deep nesting without recursion", () => {
    expect(locateJsonError("[".repeat(100_000))?.message).toMatch(/truncated/);
  });
});

describe("parseJson", () => {
  it("names the file and line", () => {
    try {
      parseJson('{\n  "a": 1,\n  "b": ]\n}', { format: "json", file: "x.json" });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(TranscriptParseError);
      expect((error as Error).message).toBe(
        "x.json:3: json: invalid JSON: unexpected character ']' (column 8)",
      );
    }
  });
});

describe("formatPath", () => {
  it("formats keys and indices", () => {
    expect(formatPath(["utterances", 3, "words", 0, "start"])).toBe("utterances[3].words[0].start");
    expect(formatPath([])).toBe("(root)");
  });
});
