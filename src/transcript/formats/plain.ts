import { TranscriptParseError } from "../../errors.js";
import type { Transcript, Utterance } from "../model.js";
import { collapseWhitespace, liberalSpeakers, speakerPrefixIn, splitLines } from "./text.js";
import { parseTimestamp } from "./time.js";

/**
 * Reads an optional leading timestamp: `[hh:mm:ss]`, `[mm:ss]`, `(00:01:05)` or a bare
 * `hh:mm:ss` / `mm:ss` followed by whitespace (or alone on the line). Returns the seconds and
 * the rest of the line, or `null` when the line does not start with a timestamp.
 *
 * @example
 * leadingTimestamp("[00:01:05] Dana: Hi"); // { seconds: 65, rest: "Dana: Hi" }
 * leadingTimestamp("Dana: Hi");            // null
 */
export function leadingTimestamp(line: string): { seconds: number; rest: string } | null {
  const open = line[0];
  let token: string;
  let restAt: number;
  if (open === "[" || open === "(") {
    const close = line.indexOf(open === "[" ? "]" : ")");
    if (close === -1 || close > 24) return null;
    token = line.slice(1, close).trim();
    restAt = close + 1;
  } else {
    const m = /^\S{1,20}(?=\s|$)/.exec(line);
    if (m === null) return null;
    token = m[0];
    restAt = token.length;
  }
  const seconds = parseTimestamp(token);
  if (seconds === null) return null;
  // Tolerate a separator after the time: "00:01:05 - Dana: …", "[00:01:05] | Dana: …".
  const rest = line
    .slice(restAt)
    .trim()
    .replace(/^[-–—|]\s+/, "");
  return { seconds, rest };
}

/**
 * Plain text transcripts: `Name: text` lines with an optional leading timestamp. A line with no
 * speaker label continues the previous utterance (a timestamped one starts a new utterance of the
 * same speaker); lines before the first speaker label (titles, headers) are ignored. Timed
 * utterances end where the next timed utterance starts; the last ends at `null`. Without
 * timestamps start and end are `null`.
 *
 * @example
 * parsePlainText("[00:00:02] Dana: Hi\n[00:00:05] Marc: Hello\n").utterances;
 * // [{ speaker: "Dana", start: 2, end: 5, text: "Hi" }, { speaker: "Marc", start: 5, end: null, text: "Hello" }]
 */
export function parsePlainText(content: string, file?: string): Transcript {
  const lines = splitLines(content);
  // Each non-blank line without its leading timestamp; lower-case and id-like speaker names are
  // accepted only when these lines show that `name: text` is the file's pattern.
  const bodies = lines.map((raw) => {
    const line = collapseWhitespace(raw);
    const stamped = line === "" ? null : leadingTimestamp(line);
    return { line, stamped, body: stamped === null ? line : stamped.rest };
  });
  const liberal = liberalSpeakers(bodies.filter((b) => b.body !== "").map((b) => b.body));
  const utterances: Utterance[] = [];
  let current: Utterance | undefined;
  let pendingTime: number | null = null;
  let firstContentLine = 0;
  for (let i = 0; i < bodies.length; i++) {
    const { line, stamped, body } = bodies[i] ?? { line: "", stamped: null, body: "" };
    if (line === "") continue;
    if (firstContentLine === 0) firstContentLine = i + 1;
    const time = stamped === null ? null : stamped.seconds;
    if (body === "") {
      // A timestamp alone on its line applies to the next utterance.
      pendingTime = time;
      continue;
    }
    const named = speakerPrefixIn(body, liberal);
    if (named !== null) {
      current = { speaker: named.speaker, start: time ?? pendingTime, end: null, text: named.text };
      utterances.push(current);
      pendingTime = null;
    } else if (current !== undefined && time !== null) {
      current = { speaker: current.speaker, start: time, end: null, text: body };
      utterances.push(current);
      pendingTime = null;
    } else if (current !== undefined) {
      current.text = current.text === "" ? body : `${current.text} ${body}`;
    }
  }
  if (utterances.length === 0) {
    throw new TranscriptParseError(
      "text",
      firstContentLine === 0
        ? "file is empty"
        : "no 'Name: text' line found (expected lines like 'Dana: Hello')",
      { file, line: firstContentLine === 0 ? undefined : firstContentLine },
    );
  }
  // end = the next timed utterance's start (one backwards pass keeps this linear).
  let nextStart: number | null = null;
  for (let i = utterances.length - 1; i >= 0; i--) {
    const u = utterances[i];
    if (u === undefined || u.start === null) continue;
    u.end = nextStart;
    nextStart = u.start;
  }
  return { utterances: utterances.filter((u) => u.text !== "") };
}
