import type { Transcript, Utterance, Word } from "../model.js";
import {
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

/** Whisper does not diarize: every segment gets this speaker id (contract table). */
export const WHISPER_SPEAKER = "0";

/**
 * Whisper's language names (its `LANGUAGES` table, as `verbose_json` reports them) → ISO 639-1.
 * Whisper also reports a few aliases ("castilian", "flemish" …), mapped to the same codes.
 */
const WHISPER_LANGUAGES: Readonly<Record<string, string>> = {
  english: "en",
  chinese: "zh",
  german: "de",
  spanish: "es",
  russian: "ru",
  korean: "ko",
  french: "fr",
  japanese: "ja",
  portuguese: "pt",
  turkish: "tr",
  polish: "pl",
  catalan: "ca",
  dutch: "nl",
  arabic: "ar",
  swedish: "sv",
  italian: "it",
  indonesian: "id",
  hindi: "hi",
  finnish: "fi",
  vietnamese: "vi",
  hebrew: "he",
  ukrainian: "uk",
  greek: "el",
  malay: "ms",
  czech: "cs",
  romanian: "ro",
  danish: "da",
  hungarian: "hu",
  tamil: "ta",
  norwegian: "no",
  thai: "th",
  urdu: "ur",
  croatian: "hr",
  bulgarian: "bg",
  lithuanian: "lt",
  latin: "la",
  maori: "mi",
  malayalam: "ml",
  welsh: "cy",
  slovak: "sk",
  telugu: "te",
  persian: "fa",
  latvian: "lv",
  bengali: "bn",
  serbian: "sr",
  azerbaijani: "az",
  slovenian: "sl",
  kannada: "kn",
  estonian: "et",
  macedonian: "mk",
  breton: "br",
  basque: "eu",
  icelandic: "is",
  armenian: "hy",
  nepali: "ne",
  mongolian: "mn",
  bosnian: "bs",
  kazakh: "kk",
  albanian: "sq",
  swahili: "sw",
  galician: "gl",
  marathi: "mr",
  punjabi: "pa",
  sinhala: "si",
  khmer: "km",
  shona: "sn",
  yoruba: "yo",
  somali: "so",
  afrikaans: "af",
  occitan: "oc",
  georgian: "ka",
  belarusian: "be",
  tajik: "tg",
  sindhi: "sd",
  gujarati: "gu",
  amharic: "am",
  yiddish: "yi",
  lao: "lo",
  uzbek: "uz",
  faroese: "fo",
  "haitian creole": "ht",
  pashto: "ps",
  turkmen: "tk",
  nynorsk: "nn",
  maltese: "mt",
  sanskrit: "sa",
  luxembourgish: "lb",
  myanmar: "my",
  tibetan: "bo",
  tagalog: "tl",
  malagasy: "mg",
  assamese: "as",
  tatar: "tt",
  hawaiian: "haw",
  lingala: "ln",
  hausa: "ha",
  bashkir: "ba",
  javanese: "jw",
  sundanese: "su",
  cantonese: "yue",
  burmese: "my",
  valencian: "ca",
  flemish: "nl",
  haitian: "ht",
  letzeburgesch: "lb",
  pushto: "ps",
  panjabi: "pa",
  moldavian: "ro",
  moldovan: "ro",
  sinhalese: "si",
  castilian: "es",
  mandarin: "zh",
};

/**
 * Normalizes Whisper's `language` ("english", or a code like "en") to an ISO code.
 * Unknown names are dropped (the analysis then detects the language itself).
 *
 * @example
 * whisperLanguage("English"); // "en"
 * whisperLanguage("ru");      // "ru"
 */
export function whisperLanguage(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  const key = value.trim().toLowerCase();
  // hasOwn: "constructor" and friends must not resolve to Object.prototype members.
  if (Object.hasOwn(WHISPER_LANGUAGES, key)) return WHISPER_LANGUAGES[key];
  return /^[a-z]{2,3}(?:[-_][a-z0-9]{2,8})?$/.test(key) ? key.replace("_", "-") : undefined;
}

/** A segment's timing and trimmed text (shared by both Whisper flavours). */
export function readSegment(
  ctx: JsonContext,
  value: unknown,
  path: string,
): { seg: JsonRecord; utterance: Utterance } {
  const seg = readRecord(ctx, value, path);
  return {
    seg,
    utterance: {
      speaker: WHISPER_SPEAKER,
      start: readTime(ctx, seg.start, `${path}.start`),
      end: readTime(ctx, seg.end, `${path}.end`),
      text: readString(ctx, seg.text, `${path}.text`).trim(),
    },
  };
}

/**
 * OpenAI Whisper `verbose_json`: one utterance per segment, speaker "0". Top-level `words`
 * (timestamp_granularities=word) are attached to the segment whose [start, end] contains the
 * word's start; a word in a gap between segments goes to the segment before it, so no timing
 * is lost. Segments with empty text are skipped.
 *
 * @example
 * parseWhisper({ language: "english", segments: [{ id: 0, start: 0, end: 2, text: " Hi there." }] });
 * // { language: "en", utterances: [{ speaker: "0", start: 0, end: 2, text: "Hi there." }] }
 */
export function parseWhisper(value: unknown, file?: string): Transcript {
  const ctx: JsonContext = { format: "whisper", file };
  const root = readRecord(ctx, value, "(root)");
  const segments = readArray(ctx, root.segments, "segments");
  const utterances = segments.map((s, i) => readSegment(ctx, s, `segments[${i}]`).utterance);
  if (root.words !== undefined && root.words !== null) attachWords(ctx, utterances, root.words);
  const transcript: Transcript = { utterances: utterances.filter((u) => u.text !== "") };
  const language = whisperLanguage(root.language);
  if (language !== undefined) transcript.language = language;
  return transcript;
}

function attachWords(ctx: JsonContext, utterances: Utterance[], value: unknown): void {
  const list = readArray(ctx, value, "words");
  // Segment indices ordered by start (stable), for a binary search per word: O(w log s).
  const order = utterances
    .map((_, i) => i)
    .sort((a, b) => (utterances[a]?.start ?? 0) - (utterances[b]?.start ?? 0));
  const starts = order.map((i) => utterances[i]?.start ?? 0);
  for (let k = 0; k < list.length; k++) {
    // Paths are only built on failure (hot loop).
    const item = list[k];
    const w = isRecord(item) ? item : readRecord(ctx, item, `words[${k}]`);
    const word: Word = {
      text: typeof w.word === "string" ? w.word.trim() : readString(ctx, w.word, `words[${k}].word`),
      start: isTime(w.start) ? w.start : readTime(ctx, w.start, `words[${k}].start`),
      end: isTime(w.end) ? w.end : readTime(ctx, w.end, `words[${k}].end`),
    };
    const confidence = readConfidence(w.probability ?? w.confidence);
    if (confidence !== undefined) word.confidence = confidence;
    // Last segment starting at or before the word (the first segment if none does).
    let lo = 0;
    let hi = starts.length - 1;
    let found = 0;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if ((starts[mid] ?? 0) <= word.start) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    const target = utterances[order[found] ?? -1];
    if (target === undefined) continue;
    if (target.words === undefined) target.words = [];
    target.words.push(word);
  }
}

/** True when `value` looks like a whisper-timestamped segment list (segments carry `words[].text`). */
export function hasTimestampedWords(segments: unknown[]): boolean {
  for (const s of segments) {
    if (!isRecord(s) || !Array.isArray(s.words) || s.words.length === 0) continue;
    const w = s.words[0];
    return isRecord(w) && typeof w.text === "string";
  }
  return false;
}
