import { describe, expect, it } from "vitest";
import { DebriefError } from "../errors.js";
import { controlProblem } from "../input.js";
import { MAX_JSON_DEPTH, parseJsonBody } from "./json-body.js";

const enc = (s: string) => new TextEncoder().encode(s);
const refusal = (bytes: Uint8Array) => {
  try {
    parseJsonBody(bytes);
  } catch (err) {
    expect(err).toBeInstanceOf(DebriefError);
    return (err as DebriefError).message;
  }
  throw new Error("accepted");
};

describe("parseJsonBody", () => {
  it("returns the text and value of a sound body", () => {
    expect(parseJsonBody(enc('{"name":"Dana\\nLee","n":[1,2]}'))).toEqual({
      text: '{"name":"Dana\\nLee","n":[1,2]}',
      value: { name: "Dana\nLee", n: [1, 2] },
    });
  });

  it("refuses invalid UTF-8, deep nesting, bad JSON, control characters and 1e400, naming the place", () => {
    expect(refusal(new Uint8Array([0x7b, 0xff, 0x7d]))).toBe("(body): is not valid UTF-8");
    const deep = "[".repeat(MAX_JSON_DEPTH + 1) + "]".repeat(MAX_JSON_DEPTH + 1);
    expect(refusal(enc(deep))).toBe(`(body): nests arrays and objects deeper than ${MAX_JSON_DEPTH} levels`);
    expect(refusal(enc("{"))).toMatch(/^\(body\): is not valid JSON/);
    expect(refusal(enc('{"a":[{"b":"x\\u0000"}]}'))).toBe("a[0].b: must not contain NUL (\\u0000)");
    expect(refusal(enc('{"a":{"k\\u001b":1}}'))).toBe(
      "a: a key must not contain control characters (\\u001b)",
    );
    expect(refusal(enc('{"t":{"end":1e400}}'))).toBe("t.end: number out of range");
    expect(refusal(enc('"\\u0007"'))).toBe("(body): must not contain control characters (\\u0007)");
    // A lone surrogate escape parses, but PostgreSQL refuses it (was a 500) and UTF-8 cannot hold it.
    const unpaired = "must not contain an unpaired surrogate (\\ud800–\\udfff alone)";
    expect(refusal(enc('{"t":"Hi \\ud800 there"}'))).toBe(`t: ${unpaired}`);
    expect(refusal(enc('{"t":["\\udc00"]}'))).toBe(`t[0]: ${unpaired}`);
    expect(refusal(enc('{"a":{"k\\ud83d":1}}'))).toBe(`a: a key ${unpaired}`);
    expect(parseJsonBody(enc('{"t":"\\ud83d\\ude00"}')).value).toEqual({ t: "😀" });
  });

  it("counts array and object nesting, not brackets inside strings, and allows the limit itself", () => {
    const nest = (n: number) => "[".repeat(n) + "]".repeat(n);
    expect(parseJsonBody(enc(nest(MAX_JSON_DEPTH))).value).toBeInstanceOf(Array);
    expect(parseJsonBody(enc(`{"a":"${"[".repeat(200)}\\\\"}`)).value).toEqual({ a: `${"[".repeat(200)}\\` });
    expect(refusal(enc(`{"a":${nest(MAX_JSON_DEPTH)}}`))).toBe(
      `(body): nests arrays and objects deeper than ${MAX_JSON_DEPTH} levels`,
    );
    expect(refusal(enc(nest(100_000)))).toBe(
      `(body): nests arrays and objects deeper than ${MAX_JSON_DEPTH} levels`,
    );
  });
});

describe("controlProblem", () => {
  it("lets multi-line text keep tab, LF and CR, single-line values none", () => {
    expect(controlProblem("a\tb\r\nc", true)).toBeNull();
    expect(controlProblem("a\tb", false)).toBe("must not contain control characters (\\u0009)");
    expect(controlProblem("a\u007f", true)).toBe("must not contain control characters (\\u007f)");
    expect(controlProblem("héllo 🙂", false)).toBeNull();
  });
});
