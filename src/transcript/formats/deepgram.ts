import { TranscriptParseError } from "../../errors.js";
import type { Transcript, Utterance, Word } from "../model.js";
import {
  describeJson,
  fieldError,
  isRecord,
  isTime,
  type JsonContext,
  type JsonRecord,
  readArray,
  readConfidence,
  readRecord,
  readString,
  readTime,
} from "./json.js";

/**
 * Deepgram pre-recorded response (`/v1/listen`). Speakers: diarized → `"0"`, `"1"` …;
 * multichannel (`metadata.channels > 1` or several `results.channels`) → `"ch0"`, `"ch1"` …;
 * neither → `"0"`. Utterances come from `results.utterances` when present, else from runs of
 * consecutive words with the same speaker (multichannel: all channels' words merged by start,
 * runs of the same channel). `punctuated_word` wins over `word`; word timings are always kept.
 *
 * @example
 * parseDeepgram({ metadata: { channels: 1 }, results: { channels: [{ alternatives: [{ transcript: "hi",
 *   words: [{ word: "hi", punctuated_word: "Hi.", start: 0.1, end: 0.4, confidence: 0.9, speaker: 0 }] }] }] } });
 * // { utterances: [{ speaker: "0", start: 0.1, end: 0.4, text: "Hi.", words: [...] }] }
 */
export function parseDeepgram(value: unknown, file?: string): Transcript {
  const ctx: JsonContext = { format: "deepgram", file };
  const root = readRecord(ctx, value, "(root)");
  if (root.results === undefined) {
    throw new TranscriptParseError(
      "deepgram",
      "results: missing (is this a finished pre-recorded response?)",
      {
        file,
      },
    );
  }
  const results = readRecord(ctx, root.results, "results");
  const channels = readArray(ctx, results.channels, "results.channels");
  const metadata = isRecord(root.metadata) ? root.metadata : {};
  const metaChannels = typeof metadata.channels === "number" ? metadata.channels : 1;
  const multichannel = metaChannels > 1 || channels.length > 1;

  let utterances: Utterance[];
  if (Array.isArray(results.utterances)) {
    utterances = results.utterances.map((u, i) =>
      readUtterance(ctx, u, `results.utterances[${i}]`, multichannel),
    );
  } else if (multichannel) {
    utterances = fromMultichannelWords(ctx, channels);
  } else {
    utterances = fromDiarizedWords(ctx, channels);
  }
  const transcript: Transcript = { utterances };
  const language = detectLanguage(channels, metadata);
  if (language !== undefined) transcript.language = language;
  return transcript;
}

function readUtterance(ctx: JsonContext, value: unknown, path: string, multichannel: boolean): Utterance {
  const u = readRecord(ctx, value, path);
  let speaker: string;
  if (multichannel) {
    if (!Number.isSafeInteger(u.channel) || Number(u.channel) < 0) {
      fieldError(ctx, `${path}.channel`, `expected a channel index, got ${describeJson(u.channel)}`);
    }
    speaker = `ch${u.channel}`;
  } else {
    if (!isSpeakerValue(u.speaker)) badSpeaker(ctx, u.speaker, `${path}.speaker`);
    speaker = speakerLabel(u.speaker);
  }
  const out: Utterance = {
    speaker,
    start: readTime(ctx, u.start, `${path}.start`),
    end: readTime(ctx, u.end, `${path}.end`),
    text: readString(ctx, u.transcript, `${path}.transcript`).trim(),
  };
  if (u.words !== undefined) out.words = readWords(ctx, u.words, `${path}.words`, null);
  return out;
}

/** Deepgram's diarization label: a speaker number (or absent when not diarized). */
function isSpeakerValue(value: unknown): boolean {
  return (
    value === undefined ||
    value === null ||
    (typeof value === "number" && Number.isFinite(value)) ||
    (typeof value === "string" && value !== "")
  );
}

function badSpeaker(ctx: JsonContext, value: unknown, path: string): never {
  return fieldError(ctx, path, `expected a speaker number, got ${describeJson(value)}`);
}

/** Diarization label as a string; "0" when the response is not diarized. */
function speakerLabel(value: unknown): string {
  return value === undefined || value === null ? "0" : String(value);
}

/**
 * Reads a words array. When `speakers` is given, each word's raw `speaker` value is pushed to it
 * (kept raw and compared with `===`: converting 10k labels to strings is wasted allocation).
 */
function readWords(ctx: JsonContext, value: unknown, path: string, speakers: unknown[] | null): Word[] {
  const list = readArray(ctx, value, path);
  const out: Word[] = new Array(list.length);
  for (let i = 0; i < list.length; i++) {
    // Paths are only built on failure: string building per word would dominate the parse time.
    const item = list[i];
    const w = isRecord(item) ? item : readRecord(ctx, item, `${path}[${i}]`);
    const text =
      typeof w.punctuated_word === "string"
        ? w.punctuated_word
        : typeof w.word === "string"
          ? w.word
          : readString(ctx, w.word, `${path}[${i}].word`);
    const start = isTime(w.start) ? w.start : readTime(ctx, w.start, `${path}[${i}].start`);
    const end = isTime(w.end) ? w.end : readTime(ctx, w.end, `${path}[${i}].end`);
    const confidence = readConfidence(w.confidence);
    out[i] = confidence === undefined ? { text, start, end } : { text, start, end, confidence };
    if (speakers !== null) {
      if (!isSpeakerValue(w.speaker)) badSpeaker(ctx, w.speaker, `${path}[${i}].speaker`);
      speakers.push(w.speaker);
    }
  }
  return out;
}

function firstAlternative(ctx: JsonContext, channel: unknown, path: string): JsonRecord | undefined {
  const ch = readRecord(ctx, channel, path);
  const alternatives = readArray(ctx, ch.alternatives, `${path}.alternatives`);
  if (alternatives.length === 0) return undefined;
  return readRecord(ctx, alternatives[0], `${path}.alternatives[0]`);
}

function fromDiarizedWords(ctx: JsonContext, channels: unknown[]): Utterance[] {
  if (channels.length === 0) return [];
  const alt = firstAlternative(ctx, channels[0], "results.channels[0]");
  if (alt === undefined || alt.words === undefined) return [];
  const speakers: unknown[] = [];
  const words = readWords(ctx, alt.words, "results.channels[0].alternatives[0].words", speakers);
  return groupRuns(words, speakers, speakerLabel);
}

function fromMultichannelWords(ctx: JsonContext, channels: unknown[]): Utterance[] {
  const words: Word[] = [];
  const channelOf: number[] = [];
  channels.forEach((channel, c) => {
    const path = `results.channels[${c}]`;
    const alt = firstAlternative(ctx, channel, path);
    if (alt === undefined || alt.words === undefined) return;
    for (const w of readWords(ctx, alt.words, `${path}.alternatives[0].words`, null)) {
      words.push(w);
      channelOf.push(c);
    }
  });
  // Array.prototype.sort is stable: equal starts keep channel order.
  const order = words.map((_, i) => i).sort((a, b) => (words[a]?.start ?? 0) - (words[b]?.start ?? 0));
  return groupRuns(
    order.map((i) => words[i] as Word),
    order.map((i) => channelOf[i]),
    (c) => `ch${String(c)}`,
  );
}

/** Consecutive words with the same key (compared raw) form one utterance. */
function groupRuns(
  words: readonly Word[],
  keys: readonly unknown[],
  label: (key: unknown) => string,
): Utterance[] {
  const out: Utterance[] = [];
  let from = 0;
  for (let i = 1; i <= words.length; i++) {
    if (i < words.length && keys[i] === keys[from]) continue;
    const run = words.slice(from, i);
    let end = 0;
    let text = "";
    for (const w of run) {
      if (w.end > end) end = w.end;
      text = text === "" ? w.text : `${text} ${w.text}`;
    }
    out.push({ speaker: label(keys[from]), start: run[0]?.start ?? 0, end, text, words: run });
    from = i;
  }
  return out;
}

function detectLanguage(channels: unknown[], metadata: JsonRecord): string | undefined {
  const ch = channels[0];
  if (isRecord(ch)) {
    if (typeof ch.detected_language === "string" && ch.detected_language.length >= 2)
      return ch.detected_language;
    const alt = Array.isArray(ch.alternatives) ? ch.alternatives[0] : undefined;
    if (isRecord(alt) && Array.isArray(alt.languages) && typeof alt.languages[0] === "string") {
      const lang = alt.languages[0];
      if (lang.length >= 2) return lang;
    }
  }
  if (typeof metadata.language === "string" && metadata.language.length >= 2) return metadata.language;
  return undefined;
}
