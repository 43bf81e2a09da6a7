import { TranscriptParseError } from "../../errors.js";
import type { Transcript } from "../model.js";
import { type Cue, clip, cuesToUtterances, linesOf, parseTimingLine, toBlocks } from "./cues.js";

/**
 * SubRip (.srt): numbered blocks `1` / `00:00:01,000 --> 00:00:04,000` / text lines. `.` is
 * accepted as decimal separator, `<i>`-style tags and `{\an8}` overrides are stripped, and Zoom
 * style `Name: text` prefixes give the speaker as in WebVTT. A missing block number is tolerated.
 *
 * @example
 * parseSrt("1\n00:00:01,000 --> 00:00:02,500\nDana: Hi\n").utterances;
 * // [{ speaker: "Dana", start: 1, end: 2.5, text: "Hi" }]
 */
export function parseSrt(content: string, file?: string): Transcript {
  const { lines, first } = linesOf(content);
  const cues: Cue[] = [];
  for (const block of toBlocks(lines, first)) {
    const head = block.lines[0] ?? "";
    const timingIndex = head.includes("-->") ? 0 : 1;
    const timing = block.lines[timingIndex];
    const line = block.firstLine + (timing === undefined ? 0 : timingIndex);
    if (timing === undefined || !timing.includes("-->")) {
      throw new TranscriptParseError(
        "srt",
        `expected a timing line like '00:00:01,000 --> 00:00:04,000', got '${clip(timing ?? head)}'`,
        { file, line },
      );
    }
    const { start, end } = parseTimingLine(timing, "srt", { file, line });
    cues.push({ start, end, line, text: block.lines.slice(timingIndex + 1).join("\n") });
  }
  return { utterances: cuesToUtterances(cues) };
}
