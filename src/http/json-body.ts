import { DebriefError } from "../errors.js";
import { controlProblem } from "../input.js";

/** Deepest nesting of arrays and objects a JSON body may have (a transcript needs 4). */
export const MAX_JSON_DEPTH = 64;

function refuse(path: string, message: string): never {
  throw new DebriefError("validation_failed", `${path}: ${message}`, {
    details: { errors: [{ path, message }] },
  });
}

/**
 * Whether `text` (JSON) nests arrays/objects deeper than `max`: one pass over the characters,
 * brackets inside strings skipped, so a hostile body is refused before any parser or validator
 * recurses into it.
 */
export function nestsDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

/** "a.b[2].c" for the problem's `errors[].path`. */
const join = (path: string, key: string | number) =>
  typeof key === "number" ? `${path}[${key}]` : path ? `${path}.${key}` : key;

/** The first string (key or value) with a refused control character, or a non-finite number. */
/**
 * Whether a string is well-formed UTF-16: a `\ud800` escape with no partner parses into a lone
 * surrogate, which PostgreSQL refuses in text and jsonb (a 500) and UTF-8 cannot encode.
 */
const wellFormed = (s: string) => (s as string & { isWellFormed(): boolean }).isWellFormed();
const UNPAIRED = "must not contain an unpaired surrogate (\\ud800–\\udfff alone)";

function check(value: unknown, path: string): void {
  if (typeof value === "string") {
    const message = controlProblem(value, true);
    if (message) refuse(path || "(body)", message);
    if (!wellFormed(value)) refuse(path || "(body)", UNPAIRED);
  } else if (typeof value === "number") {
    // 1e400 parses as Infinity, which would be stored as null: refused, not silently changed.
    if (!Number.isFinite(value)) refuse(path || "(body)", "number out of range");
  } else if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) check(value[i], join(path, i));
  } else if (value !== null && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      const keyProblem = controlProblem(k, false);
      if (keyProblem) refuse(path || "(body)", `a key ${keyProblem}`);
      if (!wellFormed(k)) refuse(path || "(body)", `a key ${UNPAIRED}`);
      check(v, join(path, k));
    }
  }
}

/**
 * The one way a JSON request body is read: strict UTF-8 (invalid bytes are a 422, never silently
 * replaced), at most MAX_JSON_DEPTH levels deep (422), valid JSON (422), no NUL or other
 * control characters and no unpaired surrogate in any string or key and no number out of range
 * (422 naming the field).
 *
 * @example
 * const { text, value } = parseJsonBody(new TextEncoder().encode('{"name":"Dana"}'));
 */
export function parseJsonBody(bytes: Uint8Array): { text: string; value: unknown } {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    refuse("(body)", "is not valid UTF-8");
  }
  if (nestsDeeperThan(text, MAX_JSON_DEPTH))
    refuse("(body)", `nests arrays and objects deeper than ${MAX_JSON_DEPTH} levels`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    refuse("(body)", `is not valid JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
  check(value, "");
  return { text, value };
}
