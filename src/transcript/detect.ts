import { isRecord } from "./formats/json.js";
import { splitLines } from "./formats/text.js";
import { hasTimestampedWords } from "./formats/whisper.js";
import type { TranscriptFormat } from "./model.js";

/** Top-level keys only AssemblyAI's transcript object has (Deepgram/Whisper/canonical do not). */
const ASSEMBLYAI_KEYS = [
  "status",
  "audio_url",
  "audio_duration",
  "language_code",
  "speech_model",
  "acoustic_model",
];

const SRT_TIMING_RE = /^\s*\d{1,2}:\d{1,2}:\d{1,2}[,.]\d{1,3}\s*-->/;

/**
 * Guesses the format of already-parsed JSON content, or `null` when it is none we know.
 * Order matters: Deepgram and AssemblyAI also carry `words`/`utterances`, so their markers are
 * checked before the generic shapes.
 *
 * @example
 * detectJsonFormat({ utterances: [] }); // "canonical"
 * detectJsonFormat({ segments: [] });   // "whisper"
 */
export function detectJsonFormat(value: unknown): TranscriptFormat | null {
  if (!isRecord(value)) return null;
  if (isRecord(value.results) && Array.isArray(value.results.channels)) return "deepgram";
  // A Deepgram response without results (e.g. a failed request dump) still identifies itself.
  if (isRecord(value.metadata) && typeof value.metadata.request_id === "string") return "deepgram";
  const hasAaiKey = ASSEMBLYAI_KEYS.some((k) => k in value);
  if (hasAaiKey && ("utterances" in value || "words" in value || typeof value.status === "string")) {
    return "assemblyai";
  }
  if (Array.isArray(value.segments)) {
    return hasTimestampedWords(value.segments) ? "whisper-timestamped" : "whisper";
  }
  if (Array.isArray(value.utterances)) return "canonical";
  return null;
}

/**
 * True for content that is not text at all (NUL bytes, or mostly control characters in the
 * first kilobytes): such input is "unsupported", not a plain-text transcript with no speakers.
 */
function looksBinary(content: string): boolean {
  const sample = content.slice(0, 4096);
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0) return true;
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 0xfffd) control++;
  }
  return sample.length > 0 && control / sample.length > 0.1;
}

/**
 * Detects a transcript format from text content (BOM and leading whitespace are ignored), or
 * returns `null` when it matches none: invalid or unrecognized JSON, binary data, empty input.
 *
 * @example
 * detectFormat("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Dana>Hi</v>"); // "webvtt"
 * detectFormat("1\n00:00:01,000 --> 00:00:02,000\nHi");                  // "srt"
 * detectFormat("Dana: Hi\nMarc: Hello");                                 // "text"
 * detectFormat('{"results": {"channels": []}}');                         // "deepgram"
 */
export function detectFormat(content: string): TranscriptFormat | null {
  const text = content.replace(/^\uFEFF/, "").trimStart();
  if (text === "") return null;
  if (text.startsWith("{") || text.startsWith("[")) {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      // "[00:00:05] Dana: …" is a timestamped text line, not broken JSON.
      return text.startsWith("[") ? detectTextFormat(text) : null;
    }
    return detectJsonFormat(value);
  }
  return detectTextFormat(text);
}

/** Detection for non-JSON content (already BOM-stripped and left-trimmed). */
export function detectTextFormat(text: string): TranscriptFormat | null {
  if (/^WEBVTT(?:$|[ \t\r\n])/.test(text)) return "webvtt";
  if (looksBinary(text)) return null;
  // Only the first few lines matter; avoid splitting a huge file.
  const head = splitLines(text.slice(0, 512));
  const first = (head[0] ?? "").trim();
  if (SRT_TIMING_RE.test(first)) return "srt";
  if (/^\d+$/.test(first) && SRT_TIMING_RE.test(head[1] ?? "")) return "srt";
  return "text";
}
