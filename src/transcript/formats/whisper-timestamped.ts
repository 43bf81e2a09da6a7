import type { Transcript, Utterance, Word } from "../model.js";
import {
  isRecord,
  isTime,
  type JsonContext,
  readArray,
  readConfidence,
  readRecord,
  readString,
  readTime,
} from "./json.js";
import { readSegment, whisperLanguage } from "./whisper.js";

/**
 * whisper-timestamped output (`whisper_timestamped --output_format json`, or `transcribe()`
 * dumped as JSON): one utterance per segment, speaker "0", each segment's `words`
 * (`{text, start, end, confidence}`) kept. Segments with empty text are skipped.
 *
 * @example
 * parseWhisperTimestamped({ language: "en", segments: [{ start: 0.5, end: 1.2, text: " Hello.",
 *   words: [{ text: "Hello.", start: 0.5, end: 1.2, confidence: 0.98 }] }] });
 * // { language: "en", utterances: [{ speaker: "0", start: 0.5, end: 1.2, text: "Hello.", words: [...] }] }
 */
export function parseWhisperTimestamped(value: unknown, file?: string): Transcript {
  const ctx: JsonContext = { format: "whisper-timestamped", file };
  const root = readRecord(ctx, value, "(root)");
  const segments = readArray(ctx, root.segments, "segments");
  const utterances: Utterance[] = [];
  segments.forEach((s, i) => {
    const path = `segments[${i}]`;
    const { seg, utterance } = readSegment(ctx, s, path);
    if (seg.words !== undefined && seg.words !== null) {
      const list = readArray(ctx, seg.words, `${path}.words`);
      utterance.words = list.map((item, k) => {
        // Paths are only built on failure (hot loop).
        const w = isRecord(item) ? item : readRecord(ctx, item, `${path}.words[${k}]`);
        const word: Word = {
          text:
            typeof w.text === "string" ? w.text.trim() : readString(ctx, w.text, `${path}.words[${k}].text`),
          start: isTime(w.start) ? w.start : readTime(ctx, w.start, `${path}.words[${k}].start`),
          end: isTime(w.end) ? w.end : readTime(ctx, w.end, `${path}.words[${k}].end`),
        };
        const confidence = readConfidence(w.confidence);
        if (confidence !== undefined) word.confidence = confidence;
        return word;
      });
    }
    if (utterance.text !== "") utterances.push(utterance);
  });
  const transcript: Transcript = { utterances };
  const language = whisperLanguage(root.language);
  if (language !== undefined) transcript.language = language;
  return transcript;
}
