import { TranscriptParseError } from "../../errors.js";
import type { Utterance } from "../model.js";
import { liberalSpeakers, speakerPrefixIn, splitCueSpans, splitLines } from "./text.js";
import { parseTimestamp } from "./time.js";

/**
 * Shared machinery of the two caption formats (WebVTT and SRT): blank-line separated blocks,
 * "start --> end" timing lines and the speaker rules of the contract (Teams `<v Name>` voice
 * spans, Zoom `Name: text` cue prefixes, unnamed cues continuing the previous speaker).
 */

/** A block of consecutive non-blank lines; `firstLine` is 1-based. */
export interface Block {
  firstLine: number;
  lines: string[];
}

/**
 * Groups lines into blank-line separated blocks (whitespace-only lines count as blank).
 *
 * @example
 * toBlocks(["a", "b", "", "c"], 0); // [{ firstLine: 1, lines: ["a", "b"] }, { firstLine: 4, lines: ["c"] }]
 */
export function toBlocks(lines: readonly string[], from: number): Block[] {
  const blocks: Block[] = [];
  let cur: Block | null = null;
  for (let i = from; i < lines.length; i++) {
    const line = lines[i] ?? "";
    if (line.trim() === "") {
      cur = null;
      continue;
    }
    if (cur === null) {
      cur = { firstLine: i + 1, lines: [] };
      blocks.push(cur);
    }
    cur.lines.push(line);
  }
  return blocks;
}

/** A cue: its timing and raw text lines. */
export interface Cue {
  start: number;
  end: number;
  text: string;
  /** 1-based line of the timing line, for messages. */
  line: number;
}

/**
 * Parses a timing line `start --> end [settings]` (WebVTT cue settings or SRT coordinates after
 * the end time are ignored). Throws a TranscriptParseError naming the line on a bad timestamp.
 *
 * @example
 * parseTimingLine("00:00:01.000 --> 00:00:04.500 align:start", "webvtt", { line: 3 });
 * // { start: 1, end: 4.5 }
 */
export function parseTimingLine(
  text: string,
  format: string,
  where: { file?: string | undefined; line: number },
): { start: number; end: number } {
  const arrow = text.indexOf("-->");
  if (arrow === -1)
    throw new TranscriptParseError(format, `expected a timing line, got '${clip(text)}'`, where);
  const left = text.slice(0, arrow).trim();
  const right = text.slice(arrow + 3).trim();
  const endToken = right.split(/\s/, 1)[0] ?? "";
  const start = parseTimestamp(left);
  if (start === null) throw new TranscriptParseError(format, `bad start timestamp '${clip(left)}'`, where);
  const end = parseTimestamp(endToken);
  if (end === null) throw new TranscriptParseError(format, `bad end timestamp '${clip(endToken)}'`, where);
  return { start, end };
}

/** Shortens user text quoted in messages. */
export function clip(text: string, max = 40): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/**
 * Turns cues into utterances following the contract's caption speaker rules. Each `<v>` span
 * of a cue becomes its own utterance with the cue's times; a cue without voice spans takes the
 * speaker from a leading `Name: ` or else continues the previous speaker ("unknown" before
 * any speaker is known). Cues whose text is empty after markup removal produce nothing.
 */
export function cuesToUtterances(cues: readonly Cue[]): Utterance[] {
  const spans = cues.map((cue) => splitCueSpans(cue.text));
  // Lower-case and id-like names (Zoom display names, "agent:") only where prefixes are the pattern.
  const liberal = liberalSpeakers(
    spans.flatMap((cueSpans) => cueSpans.filter((s) => s.voice === undefined).map((s) => s.text)),
  );
  const out: Utterance[] = [];
  let last: string | undefined;
  for (const [i, cue] of cues.entries()) {
    for (const span of spans[i] ?? []) {
      let speaker = span.voice;
      let text = span.text;
      if (speaker === undefined) {
        const named = speakerPrefixIn(text, liberal);
        if (named !== null) {
          speaker = named.speaker;
          text = named.text;
        }
      }
      speaker ??= last ?? "unknown";
      last = speaker;
      if (text !== "") out.push({ speaker, start: cue.start, end: cue.end, text });
    }
  }
  return out;
}

/** Splits content into lines, returning the index of the first non-blank line too. */
export function linesOf(content: string): { lines: string[]; first: number } {
  const lines = splitLines(content);
  let first = 0;
  while (first < lines.length && (lines[first] ?? "").trim() === "") first++;
  return { lines, first };
}
