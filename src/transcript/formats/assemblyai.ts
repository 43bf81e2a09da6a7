import { TranscriptParseError } from "../../errors.js";
import type { Transcript, Utterance, Word } from "../model.js";
import {
  describeJson,
  fieldError,
  isRecord,
  isTime,
  type JsonContext,
  readArray,
  readConfidence,
  readRecord,
  readString,
  readTime,
} from "./json.js";

/** AssemblyAI counts milliseconds; the canonical model counts seconds. */
const MS = 1000;

/**
 * AssemblyAI transcript object (`GET /v2/transcript/:id`). Times are converted from ms to
 * seconds; speakers are its labels ("A", "B" …). Without `utterances` (speaker_labels off),
 * runs of consecutive words with the same speaker form utterances (a null speaker is "A").
 * `status: "error"` and unfinished transcripts (queued / processing) are parse errors.
 *
 * @example
 * parseAssemblyAi({ status: "completed", language_code: "en_us", utterances: [
 *   { speaker: "A", start: 1200, end: 2500, text: "Hi.", confidence: 0.9, words: [] }] });
 * // { language: "en-US", utterances: [{ speaker: "A", start: 1.2, end: 2.5, text: "Hi.", words: [] }] }
 */
export function parseAssemblyAi(value: unknown, file?: string): Transcript {
  const ctx: JsonContext = { format: "assemblyai", file };
  const root = readRecord(ctx, value, "(root)");
  if (root.status === "error") {
    const reason = typeof root.error === "string" ? root.error : "no reason given";
    throw new TranscriptParseError("assemblyai", `transcription failed: ${reason}`, { file });
  }
  if (root.status !== undefined && root.status !== "completed") {
    throw new TranscriptParseError(
      "assemblyai",
      `transcript is not ready (status: ${typeof root.status === "string" ? root.status : JSON.stringify(root.status)}); fetch it again once it is "completed"`,
      { file },
    );
  }
  let utterances: Utterance[];
  if (Array.isArray(root.utterances)) {
    utterances = root.utterances.map((item, i) => {
      const path = `utterances[${i}]`;
      const u = readRecord(ctx, item, path);
      const out: Utterance = {
        speaker: label(ctx, u.speaker, `${path}.speaker`),
        start: readTime(ctx, u.start, `${path}.start`, MS),
        end: readTime(ctx, u.end, `${path}.end`, MS),
        text: readString(ctx, u.text, `${path}.text`).trim(),
      };
      if (u.words !== undefined && u.words !== null)
        out.words = readWords(ctx, u.words, `${path}.words`).words;
      return out;
    });
  } else if (Array.isArray(root.words)) {
    utterances = groupBySpeaker(readWords(ctx, root.words, "words"));
  } else if (typeof root.text === "string" && root.text.trim() !== "") {
    // Text only, no timings: still analyzable for text metrics.
    utterances = [{ speaker: "A", start: null, end: null, text: root.text.trim() }];
  } else {
    throw new TranscriptParseError("assemblyai", "utterances: missing (no utterances, words or text)", {
      file,
    });
  }
  const transcript: Transcript = { utterances };
  const language = toBcp47(root.language_code);
  if (language !== undefined) transcript.language = language;
  return transcript;
}

/** AssemblyAI's speaker label ("A", "B"…); missing or empty means a single speaker, "A". */
function label(ctx: JsonContext, speaker: unknown, path: string | (() => string)): string {
  if (speaker === null || speaker === undefined || speaker === "") return "A";
  if (typeof speaker === "string" || (typeof speaker === "number" && Number.isFinite(speaker)))
    return String(speaker);
  return fieldError(
    ctx,
    typeof path === "string" ? path : path(),
    `expected a speaker label, got ${describeJson(speaker)}`,
  );
}

function readWords(ctx: JsonContext, value: unknown, path: string): { words: Word[]; speakers: string[] } {
  const list = readArray(ctx, value, path);
  const words: Word[] = new Array(list.length);
  const speakers: string[] = new Array(list.length);
  for (let i = 0; i < list.length; i++) {
    // Paths are only built on failure: string building per word would dominate the parse time.
    const item = list[i];
    const w = isRecord(item) ? item : readRecord(ctx, item, `${path}[${i}]`);
    const word: Word = {
      text: typeof w.text === "string" ? w.text : readString(ctx, w.text, `${path}[${i}].text`),
      start: isTime(w.start) ? w.start / MS : readTime(ctx, w.start, `${path}[${i}].start`, MS),
      end: isTime(w.end) ? w.end / MS : readTime(ctx, w.end, `${path}[${i}].end`, MS),
    };
    const confidence = readConfidence(w.confidence);
    if (confidence !== undefined) word.confidence = confidence;
    words[i] = word;
    speakers[i] = label(ctx, w.speaker, () => `${path}[${i}].speaker`);
  }
  return { words, speakers };
}

function groupBySpeaker({ words, speakers }: { words: Word[]; speakers: string[] }): Utterance[] {
  const out: Utterance[] = [];
  let from = 0;
  for (let i = 1; i <= words.length; i++) {
    if (i < words.length && speakers[i] === speakers[from]) continue;
    const run = words.slice(from, i);
    const first = run[0];
    if (first !== undefined) {
      out.push({
        speaker: speakers[from] ?? "A",
        start: first.start,
        end: run.reduce((max, w) => Math.max(w.end, max), first.end),
        text: run.map((w) => w.text).join(" "),
        words: run,
      });
    }
    from = i;
  }
  return out;
}

/**
 * AssemblyAI language codes ("en_us", "en_uk", "es") as BCP-47 ("en-US", "en-GB", "es").
 *
 * @example
 * toBcp47("en_uk"); // "en-GB"
 */
export function toBcp47(code: unknown): string | undefined {
  if (typeof code !== "string" || code.length < 2) return undefined;
  const [lang = "", region] = code.split("_");
  if (!/^[a-zA-Z]{2,3}$/.test(lang)) return undefined;
  if (region === undefined || region === "") return lang.toLowerCase();
  const upper = region.toUpperCase();
  return `${lang.toLowerCase()}-${upper === "UK" ? "GB" : upper}`;
}
