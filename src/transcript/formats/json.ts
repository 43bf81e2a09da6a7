import { TranscriptParseError } from "../../errors.js";

/**
 * JSON helpers shared by the JSON formats: parsing with line-accurate syntax errors and small
 * typed readers that report the JSON path of a bad field ("utterances[3].start: expected a number").
 * The vendor parsers read fields by hand instead of through zod: a one-hour call has ~10k words
 * and per-word schema parsing would dominate the parse time.
 */

/** Where we are: the file (for messages) and the format being parsed. */
export interface JsonContext {
  format: string;
  file: string | undefined;
}

export type JsonRecord = Record<string, unknown>;

/**
 * Narrows to a plain JSON object (not an array, not null).
 *
 * @example
 * isRecord({ a: 1 }); // true
 * isRecord([1]);      // false
 */
export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Describes a JSON value's type for error messages.
 *
 * @example
 * describeJson(null); // "null"
 * describeJson([]);   // "an array"
 */
export function describeJson(value: unknown): string {
  if (value === null) return "null";
  if (value === undefined) return "nothing";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object") return "an object";
  if (typeof value === "number" && !Number.isFinite(value)) return String(value);
  return `a ${typeof value}`;
}

/** Throws a parse error for a field: `path: detail`. */
export function fieldError(ctx: JsonContext, path: string, detail: string): never {
  throw new TranscriptParseError(ctx.format, `${path}: ${detail}`, { file: ctx.file });
}

/** A field that must be an object. */
export function readRecord(ctx: JsonContext, value: unknown, path: string): JsonRecord {
  if (!isRecord(value)) fieldError(ctx, path, `expected an object, got ${describeJson(value)}`);
  return value;
}

/** A field that must be an array. */
export function readArray(ctx: JsonContext, value: unknown, path: string): unknown[] {
  if (!Array.isArray(value)) fieldError(ctx, path, `expected an array, got ${describeJson(value)}`);
  return value;
}

/** A field that must be a string. */
export function readString(ctx: JsonContext, value: unknown, path: string): string {
  if (typeof value !== "string") fieldError(ctx, path, `expected a string, got ${describeJson(value)}`);
  return value;
}

/**
 * A time in the source's unit, converted to seconds by `scale` (1 for seconds, 1000 for ms).
 * Must be a finite number ≥ 0.
 */
export function readTime(ctx: JsonContext, value: unknown, path: string, scale = 1): number {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    fieldError(ctx, path, `expected a number, got ${describeJson(value)}`);
  }
  if (value < 0) fieldError(ctx, path, `expected a time ≥ 0, got ${value}`);
  return scale === 1 ? value : value / scale;
}

/**
 * True for a valid time in seconds (finite, ≥ 0). Hot loops test with this and only call
 * `readTime` (which builds the path string for the message) when it fails.
 *
 * @example
 * isTime(1.5); // true
 * isTime(-1);  // false
 */
export function isTime(value: unknown): value is number {
  return typeof value === "number" && value >= 0 && value !== Number.POSITIVE_INFINITY;
}

/** An optional 0–1 confidence; out-of-range or non-numeric values are dropped, not fatal. */
export function readConfidence(value: unknown): number | undefined {
  return typeof value === "number" && value >= 0 && value <= 1 ? value : undefined;
}

/**
 * Parses JSON, turning a syntax error into a TranscriptParseError with the 1-based line.
 * V8's messages do not always carry a position, so on failure a small scanner finds it.
 *
 * @example
 * parseJson('{"a": 1}', { format: "json", file: "x.json" }); // { a: 1 }
 * parseJson('{\n"a": }', { format: "json", file: "x.json" }); // throws "x.json:2: json: invalid JSON: …"
 */
export function parseJson(content: string, ctx: JsonContext): unknown {
  try {
    return JSON.parse(content);
  } catch (error) {
    const found = locateJsonError(content);
    if (found === null) {
      // JSON.parse failed for a reason the scanner does not model (e.g. nesting too deep).
      const reason = error instanceof Error ? error.message : String(error);
      throw new TranscriptParseError(ctx.format, `invalid JSON: ${reason}`, { file: ctx.file });
    }
    const { line, column } = lineAndColumn(content, found.offset);
    throw new TranscriptParseError(ctx.format, `invalid JSON: ${found.message} (column ${column})`, {
      file: ctx.file,
      line,
    });
  }
}

function lineAndColumn(content: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, content.length);
  for (let i = 0; i < end; i++) {
    if (content.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

const NUMBER_RE = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;

/**
 * Finds the offset and nature of the first JSON syntax error, or `null` when the text is valid
 * JSON. Iterative (no recursion) so deeply nested garbage cannot overflow the stack.
 *
 * @example
 * locateJsonError('{"a": }'); // { offset: 6, message: "unexpected character '}'" }
 */
export function locateJsonError(s: string): { offset: number; message: string } | null {
  const stack: number[] = []; // 123 = object, 91 = array
  const n = s.length;
  let i = 0;
  // 0: expect a value; 1: after a value; 2: expect a key (or "}" when the object is empty)
  let mode = 0;
  let allowClose = false;
  const at = (message: string) => ({ offset: i, message });
  const show = (ch: string) => (ch === "\n" ? "line break" : `'${ch}'`);
  const skipWs = () => {
    while (i < n) {
      const c = s.charCodeAt(i);
      if (c === 32 || c === 9 || c === 10 || c === 13) i++;
      else break;
    }
  };
  const scanString = (): { offset: number; message: string } | null => {
    i++; // opening quote
    while (i < n) {
      const c = s.charCodeAt(i);
      if (c === 34) {
        i++;
        return null;
      }
      if (c === 92) {
        const e = s[i + 1];
        if (e === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(s.slice(i + 2, i + 6))) return at("bad \\u escape in string");
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) {
          i += 2;
        } else {
          return at("bad escape in string");
        }
        continue;
      }
      if (c < 32) return at("unescaped control character (e.g. a line break) in string");
      i++;
    }
    return at("unterminated string");
  };
  for (;;) {
    skipWs();
    if (mode === 0) {
      if (i >= n) return at("unexpected end of input (the file looks truncated)");
      const ch = s[i] ?? "";
      if (ch === "{") {
        stack.push(123);
        i++;
        mode = 2;
        allowClose = true;
      } else if (ch === "[") {
        stack.push(91);
        i++;
        skipWs();
        if (s[i] === "]") {
          stack.pop();
          i++;
          mode = 1;
        }
      } else if (ch === '"') {
        const err = scanString();
        if (err) return err;
        mode = 1;
      } else if (s.startsWith("true", i) || s.startsWith("null", i)) {
        i += 4;
        mode = 1;
      } else if (s.startsWith("false", i)) {
        i += 5;
        mode = 1;
      } else {
        NUMBER_RE.lastIndex = i;
        if (!NUMBER_RE.test(s)) return at(`unexpected character ${show(ch)}`);
        i = NUMBER_RE.lastIndex;
        mode = 1;
      }
    } else if (mode === 2) {
      if (i >= n) return at("unexpected end of input (the file looks truncated)");
      if (s[i] === "}" && allowClose) {
        stack.pop();
        i++;
        mode = 1;
        continue;
      }
      if (s[i] !== '"') return at("expected a property name in double quotes");
      const err = scanString();
      if (err) return err;
      skipWs();
      if (s[i] !== ":") return at("expected ':' after property name");
      i++;
      mode = 0;
    } else {
      const top = stack[stack.length - 1];
      if (top === undefined) return i < n ? at("unexpected text after the end of the JSON value") : null;
      if (i >= n) return at("unexpected end of input (the file looks truncated)");
      const ch = s[i] ?? "";
      if (ch === ",") {
        i++;
        mode = top === 123 ? 2 : 0;
        allowClose = false;
      } else if ((top === 123 && ch === "}") || (top === 91 && ch === "]")) {
        stack.pop();
        i++;
      } else {
        return at(
          top === 123
            ? `expected ',' or '}' but found ${show(ch)}`
            : `expected ',' or ']' but found ${show(ch)}`,
        );
      }
    }
  }
}
