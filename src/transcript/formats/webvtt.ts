import { TranscriptParseError } from "../../errors.js";
import type { Transcript } from "../model.js";
import { type Cue, clip, cuesToUtterances, linesOf, parseTimingLine, toBlocks } from "./cues.js";

/**
 * WebVTT (Microsoft Teams with `<v Name>` voice tags, Zoom with `Name: text` cues).
 * Header text after "WEBVTT", NOTE / STYLE / REGION blocks and cue ids are skipped; the timing
 * line may carry cue settings; timestamps may be unpadded (`0:0:5.320`) or use `,`.
 *
 * @example
 * parseWebVtt("WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n<v Dana>Hi there</v>\n").utterances;
 * // [{ speaker: "Dana", start: 1, end: 3, text: "Hi there" }]
 */
export function parseWebVtt(content: string, file?: string): Transcript {
  const { lines, first } = linesOf(content);
  const header = lines[first] ?? "";
  if (!/^WEBVTT(?:$|[ \t])/.test(header)) {
    throw new TranscriptParseError(
      "webvtt",
      `not WebVTT: expected a 'WEBVTT' header, got '${clip(header)}'`,
      {
        file,
        line: first + 1,
      },
    );
  }
  const blocks = toBlocks(lines, first + 1);
  const cues: Cue[] = [];
  // The header block runs up to the first blank line (it may hold metadata such as "Kind:").
  let skipHeader = first + 1 < lines.length && (lines[first + 1] ?? "").trim() !== "";
  for (const block of blocks) {
    if (skipHeader) {
      skipHeader = false;
      if (block.firstLine === first + 2 && !block.lines.some((l) => l.includes("-->"))) continue;
    }
    const head = block.lines[0] ?? "";
    if (/^(?:NOTE|STYLE|REGION)(?:$|[ \t])/.test(head)) continue;
    // Optional cue identifier: the timing line is the first or the second line of the block.
    const timingIndex = head.includes("-->") ? 0 : 1;
    const timing = block.lines[timingIndex];
    const line = block.firstLine + (timing === undefined ? 0 : timingIndex);
    if (timing === undefined || !timing.includes("-->")) {
      throw new TranscriptParseError(
        "webvtt",
        `expected a cue timing line like '00:00:01.000 --> 00:00:04.000', got '${clip(timing ?? head)}'`,
        { file, line },
      );
    }
    const { start, end } = parseTimingLine(timing, "webvtt", { file, line });
    cues.push({ start, end, line, text: block.lines.slice(timingIndex + 1).join("\n") });
  }
  return { utterances: cuesToUtterances(cues) };
}
