import { z } from "zod";
import { DebriefError } from "./errors.js";

/**
 * The one rule for untrusted text (JSON bodies, multipart fields, YAML playbooks, query values):
 * C0 control characters are refused where they make no sense. PostgreSQL text and jsonb cannot
 * hold NUL at all (a NUL that got through would be a database error, a 500), and the other
 * controls are never part of a name, an id or prose.
 *
 * - multi-line text (transcripts, playbooks, notes) may hold tab, line feed and carriage return;
 * - a single-line value (names, ids, e-mails, titles, keys) may hold none of U+0000–U+001F, U+007F.
 */

// Refused controls: all C0 and DEL; multi-line text keeps tab, LF and CR. A regular expression
// scans a long transcript in native code, faster than a charCodeAt loop.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const SINGLE_LINE_CONTROL = /[\u0000-\u001f\u007f]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const MULTI_LINE_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** The first refused control character of `s` (multi-line text keeps tab, LF, CR), or -1. */
export function controlCharAt(s: string, multiline: boolean): number {
  return s.search(multiline ? MULTI_LINE_CONTROL : SINGLE_LINE_CONTROL);
}

/** The message for a string with a refused control character (null when it has none). */
export function controlProblem(s: string, multiline: boolean): string | null {
  const at = controlCharAt(s, multiline);
  if (at < 0) return null;
  const code = s.charCodeAt(at);
  return code === 0
    ? "must not contain NUL (\\u0000)"
    : `must not contain control characters (\\u${code.toString(16).padStart(4, "0")})`;
}

const ruled = (multiline: boolean) =>
  z.string().check((ctx) => {
    const message = controlProblem(ctx.value, multiline);
    if (message) ctx.issues.push({ code: "custom", message, input: ctx.value });
  });

/**
 * A single-line string of untrusted input: no control characters at all.
 *
 * @example
 * z.object({ name: line().trim().min(1).max(200) })
 */
export const line = () => ruled(false);

/**
 * A multi-line string of untrusted input (tab, LF and CR allowed; NUL and other controls not).
 *
 * @example
 * z.object({ transcript: text().min(1) })
 */
export const text = () => ruled(true);

/**
 * Refuse (422 naming `path`) a raw text input with a refused control character: for text that is
 * parsed by something other than zod (YAML playbooks, CSV imports) before its fields are known.
 */
export function assertText(s: string, path: string): void {
  const message = controlProblem(s, true);
  if (message)
    throw new DebriefError("validation_failed", `${path}: ${message}`, {
      details: { errors: [{ path, message }] },
    });
}
