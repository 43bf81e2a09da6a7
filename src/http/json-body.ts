import { DebriefError } from "../errors.js";
import { controlProblem } from "../input.js";

/** Deepest nesting of arrays and objects a JSON body may have (a transcript needs 4). */
export const MAX_JSON_DEPTH = 64;

function refuse(path: string, message: string): never {
  throw new DebriefError("validation_failed", `${path}: ${message}`, {
    details: { errors: [{ path, message }] },
  });
}

/** "a.b[2].c" for the problem's `errors[].path`; built only when something is refused. */
const pathOf = (trail: readonly (string | number)[]) =>
  trail.reduce<string>(
    (path, key) => (typeof key === "number" ? `${path}[${key}]` : path ? `${path}.${key}` : key),
    "",
  ) || "(body)";

/**
 * Whether a string is well-formed UTF-16: a `\ud800` escape with no partner parses into a lone
 * surrogate, which PostgreSQL refuses in text and jsonb (a 500) and UTF-8 cannot encode.
 */
const wellFormed = (s: string) => (s as string & { isWellFormed(): boolean }).isWellFormed();
const UNPAIRED = "must not contain an unpaired surrogate (\\ud800–\\udfff alone)";

/**
 * The first string (key or value) with a refused control character or an unpaired surrogate, a
 * non-finite number, or
 * nesting deeper than MAX_JSON_DEPTH. JSON.parse itself is iterative (V8), so depth is checked
 * here, while walking, before this recursion could go deep. `trail` is the path so far.
 */
function check(value: unknown, trail: (string | number)[]): void {
  if (typeof value === "string") {
    const message = controlProblem(value, true);
    if (message) refuse(pathOf(trail), message);
    if (!wellFormed(value)) refuse(pathOf(trail), UNPAIRED);
  } else if (typeof value === "number") {
    // 1e400 parses as Infinity, which would be stored as null: refused, not silently changed.
    if (!Number.isFinite(value)) refuse(pathOf(trail), "number out of range");
  } else if (value !== null && typeof value === "object") {
    if (trail.length >= MAX_JSON_DEPTH)
      refuse("(body)", `nests arrays and objects deeper than ${MAX_JSON_DEPTH} levels`);
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        trail.push(i);
        check(value[i], trail);
        trail.pop();
      }
    } else {
      for (const k in value) {
        const keyProblem = controlProblem(k, false);
        if (keyProblem) refuse(pathOf(trail), `a key ${keyProblem}`);
        if (!wellFormed(k)) refuse(pathOf(trail), `a key ${UNPAIRED}`);
        trail.push(k);
        check((value as Record<string, unknown>)[k], trail);
        trail.pop();
      }
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
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    refuse("(body)", `is not valid JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
  check(value, []);
  return { text, value };
}
