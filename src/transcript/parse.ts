import { DebriefError, TranscriptParseError, UnsupportedFormatError } from "../errors.js";
import { detectJsonFormat, detectTextFormat } from "./detect.js";
import { parseAssemblyAi } from "./formats/assemblyai.js";
import { parseCanonical } from "./formats/canonical.js";
import { parseDeepgram } from "./formats/deepgram.js";
import { parseJson } from "./formats/json.js";
import { parsePlainText } from "./formats/plain.js";
import { parseSrt } from "./formats/srt.js";
import { parseWebVtt } from "./formats/webvtt.js";
import { parseWhisper } from "./formats/whisper.js";
import { parseWhisperTimestamped } from "./formats/whisper-timestamped.js";
import {
  type ParsedTranscript,
  TRANSCRIPT_FORMATS,
  type Transcript,
  type TranscriptFormat,
} from "./model.js";

export interface ParseOptions {
  /** Skip detection and parse as this format. */
  format?: TranscriptFormat;
  /** Shown in error messages (usually the path the content was read from). */
  file?: string;
}

type JsonFormat = "canonical" | "deepgram" | "assemblyai" | "whisper" | "whisper-timestamped";
type TextFormat = "webvtt" | "srt" | "text";

const JSON_PARSERS: Record<JsonFormat, (value: unknown, file?: string) => Transcript> = {
  canonical: parseCanonical,
  deepgram: parseDeepgram,
  assemblyai: parseAssemblyAi,
  whisper: parseWhisper,
  "whisper-timestamped": parseWhisperTimestamped,
};

const TEXT_PARSERS: Record<TextFormat, (content: string, file?: string) => Transcript> = {
  webvtt: parseWebVtt,
  srt: parseSrt,
  text: parsePlainText,
};

function isJsonFormat(format: TranscriptFormat): format is JsonFormat {
  return Object.hasOwn(JSON_PARSERS, format);
}

const SUPPORTED = `supported formats: ${TRANSCRIPT_FORMATS.join(", ")}`;

/**
 * Detects the format (or uses `options.format`) and parses a transcript into the canonical model.
 * Throws only `TranscriptParseError` / `UnsupportedFormatError` (both `DebriefError`s): messages
 * name `options.file`, and the 1-based line for line-based formats and JSON syntax errors.
 *
 * @example
 * const { format, transcript } = parseTranscript(readFileSync("call.vtt", "utf8"), { file: "call.vtt" });
 * // format: "webvtt", transcript.utterances[0]: { speaker: "Dana", start: 1.2, end: 4.8, text: "…" }
 */
export function parseTranscript(content: string, options: ParseOptions = {}): ParsedTranscript {
  return guarded(options, () => parseUnguarded(content, options));
}

/**
 * `parseTranscript` of a JSON transcript that is already a value (a JSON API body's `transcript`
 * object): the same result, and the same errors, as `parseTranscript(JSON.stringify(value))`,
 * without parsing its JSON text again. A forced text format (WebVTT, SRT, plain text) reads the
 * JSON text, as it would from a file. (A -0 in the value stays -0, where the text would give 0:
 * every output writes both as 0.)
 *
 * @example
 * parseTranscriptValue({ utterances: [{ speaker: "A", text: "Hi" }] }).format // "canonical"
 */
export function parseTranscriptValue(value: unknown, options: ParseOptions = {}): ParsedTranscript {
  const forced = options.format;
  if (forced !== undefined && !(TRANSCRIPT_FORMATS as readonly string[]).includes(forced)) {
    throw new UnsupportedFormatError(`unknown format '${String(forced)}'; ${SUPPORTED}`, options.file);
  }
  // Only an object or an array is text that starts with "{" or "[" and parses as JSON.
  if ((forced !== undefined && !isJsonFormat(forced)) || typeof value !== "object" || value === null)
    return parseTranscript(JSON.stringify(value) ?? "", options);
  return guarded(options, () => fromJsonValue(value, forced, options.file));
}

/** Any error but a DebriefError becomes one naming the file. */
function guarded(options: ParseOptions, parse: () => ParsedTranscript): ParsedTranscript {
  try {
    return parse();
  } catch (error) {
    if (error instanceof DebriefError) throw error;
    // A bug in a parser must still surface as a DebriefError naming the file, never a TypeError.
    const reason = error instanceof Error ? error.message : String(error);
    throw new TranscriptParseError(
      options.format ?? "transcript",
      `internal error while parsing: ${reason}`,
      {
        file: options.file,
      },
    );
  }
}

function parseUnguarded(raw: string, options: ParseOptions): ParsedTranscript {
  const { file } = options;
  if (typeof raw !== "string") {
    throw new TranscriptParseError(options.format ?? "transcript", "content is not text", { file });
  }
  const content = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  if (content.trim() === "") {
    throw new TranscriptParseError(options.format ?? "transcript", "file is empty", { file });
  }
  const trimmed = content.trimStart();
  // "{" means JSON (syntax errors are reported as such); "[" may also start a timestamped text
  // line ("[00:00:05] Dana: …"), so it counts as JSON only when it parses.
  const looksJson = trimmed.startsWith("{") || (trimmed.startsWith("[") && parsesAsJson(trimmed));
  const forced = options.format;

  if (forced !== undefined) {
    // Callers outside TypeScript (CLI flags, API bodies) may pass anything.
    if (!(TRANSCRIPT_FORMATS as readonly string[]).includes(forced)) {
      throw new UnsupportedFormatError(`unknown format '${String(forced)}'; ${SUPPORTED}`, file);
    }
    if (isJsonFormat(forced)) {
      if (!looksJson && !trimmed.startsWith("[")) {
        throw new TranscriptParseError(forced, "not JSON (expected the file to start with '{')", {
          file,
          line: firstContentLine(content),
        });
      }
      return fromJsonValue(parseJson(content, { format: forced, file }), forced, file);
    }
    return { format: forced, transcript: TEXT_PARSERS[forced](content, file) };
  }

  if (looksJson) return fromJsonValue(parseJson(content, { format: "json", file }), undefined, file);
  const format = detectTextFormat(trimmed);
  if (format === null || isJsonFormat(format)) {
    throw new UnsupportedFormatError(
      `unrecognized content (binary or not a transcript); ${SUPPORTED}. Use --format to force one.`,
      file,
    );
  }
  return { format, transcript: TEXT_PARSERS[format](content, file) };
}

/** A parsed JSON transcript: in the forced JSON format, or the one its shape shows. */
function fromJsonValue(
  value: unknown,
  forced: JsonFormat | undefined,
  file: string | undefined,
): ParsedTranscript {
  if (forced !== undefined) return { format: forced, transcript: withHint(forced, value, file) };
  const format = detectJsonFormat(value);
  if (format === null || !isJsonFormat(format)) {
    throw new UnsupportedFormatError(
      `unrecognized JSON transcript: none of the known shapes (Deepgram results.channels, AssemblyAI transcript, Whisper segments, canonical utterances) matched; ${SUPPORTED}. Use --format to force one.`,
      file,
    );
  }
  return { format, transcript: JSON_PARSERS[format](value, file) };
}

/** Runs a forced JSON parser; when it rejects the content, says which format it looks like. */
function withHint(format: JsonFormat, value: unknown, file: string | undefined): Transcript {
  try {
    return JSON_PARSERS[format](value, file);
  } catch (error) {
    const detected = detectJsonFormat(value);
    if (error instanceof TranscriptParseError && detected !== null && detected !== format) {
      throw new TranscriptParseError(
        format,
        `${error.detail} (the content looks like ${detected}, not ${format})`,
        {
          file,
        },
      );
    }
    throw error;
  }
}

function firstContentLine(content: string): number {
  let line = 1;
  for (let i = 0; i < content.length; i++) {
    const c = content.charCodeAt(i);
    if (c === 10) line++;
    else if (c !== 13 && c !== 32 && c !== 9) return line;
  }
  return line;
}

function parsesAsJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
