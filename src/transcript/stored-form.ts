import type { Transcript, Utterance, Word } from "./model.js";

/**
 * The JSON text a call's transcript is stored as: the canonical transcript with each utterance's
 * words as columns instead of one object each. A 30-minute word-timed call is ~5,000 words, and
 * `{"text":…,"start":…,"end":…,"confidence":…}` spells four keys for every one of them; as columns
 * the keys are spelled once per utterance, the words' texts not at all when, joined by single
 * spaces, they are the utterance's text, and times that are whole milliseconds (as most
 * vendors' are) are written as integers, which JSON writes several times faster than decimals.
 * The stored text is ~40% of the canonical JSON and written in a third of the time
 * (docs/benchmarks.md); the database compresses, logs and copies it on every upload. Every time
 * and confidence reads back to the bit (an integer is used only when it does). Pure.
 *
 * Form 1: `{"form":1, …the transcript's other keys…, "utterances":[{…, "words":{…columns}}]}`,
 * the columns `WordColumns`. Text without `form` is the canonical JSON itself (calls stored
 * before form 1): read as it is.
 */

/** The form this module writes; readers accept it and the canonical JSON. */
export const STORED_TRANSCRIPT_FORM = 1;

/** One utterance's words, a column per field (each as long as the words). */
interface WordColumns {
  /** Times in seconds as given, or `startMs`/`endMs`: in milliseconds, when all are whole. */
  start?: number[];
  end?: number[];
  startMs?: number[];
  endMs?: number[];
  /**
   * Absent when no word has one (null for a word without): as given, or in thousandths
   * (`confidenceMilli`) when every one has at most three decimals.
   */
  confidence?: Array<number | null>;
  confidenceMilli?: Array<number | null>;
  /** Absent when the utterance's text is the words joined by single spaces. */
  text?: string[];
}

/**
 * The stored JSON text of a transcript.
 *
 * @example
 * storedTranscriptText({ utterances: [{ speaker: "a", start: 0, end: 1, text: "hi there",
 *   words: [{ text: "hi", start: 0, end: 0.4 }, { text: "there", start: 0.5, end: 1 }] }] })
 * // '{"form":1,"utterances":[{"speaker":"a","start":0,"end":1,"text":"hi there","words":{"startMs":[0,500],"endMs":[400,1000]}}]}'
 */
export function storedTranscriptText(transcript: Transcript): string {
  return JSON.stringify({
    form: STORED_TRANSCRIPT_FORM,
    ...transcript,
    utterances: transcript.utterances.map(packUtterance),
  });
}

/** `x` in thousandths when that is exact (reads back as the same double), else NaN. */
function milli(x: number): number {
  const k = Math.round(x * 1000);
  return k / 1000 === x ? k : Number.NaN;
}

function packUtterance(u: Utterance): Utterance | (Omit<Utterance, "words"> & { words: WordColumns }) {
  const words = u.words;
  if (words === undefined) return u;
  const n = words.length;
  // Integers pushed one by one stay a packed array of small integers, JSON's fastest to write.
  const startMs: number[] = [];
  const endMs: number[] = [];
  let confidenceMilli: Array<number | null> | undefined;
  let timesMilli = true;
  let confidencesMilli = true;
  let joined = n > 0;
  let at = 0; // where the next word must start in the utterance's text, while it still matches
  for (let i = 0; i < n; i++) {
    const w = words[i]!;
    const s = milli(w.start);
    const e = milli(w.end);
    if (Number.isNaN(s) || Number.isNaN(e)) timesMilli = false;
    startMs.push(s);
    endMs.push(e);
    if (w.confidence !== undefined) {
      confidenceMilli ??= new Array<number | null>(i).fill(null);
      const c = milli(w.confidence);
      if (Number.isNaN(c)) confidencesMilli = false;
      confidenceMilli.push(c);
    } else confidenceMilli?.push(null);
    if (joined) {
      const t = w.text;
      // Each word is its own run of the text: not empty and no space inside, or joining blurs them.
      joined =
        t.length > 0 &&
        !t.includes(" ") &&
        u.text.startsWith(t, at) &&
        (i === n - 1 ? at + t.length === u.text.length : u.text.charCodeAt(at + t.length) === 32);
      at += t.length + 1;
    }
  }
  const columns: WordColumns = timesMilli
    ? { startMs, endMs }
    : { start: words.map((w) => w.start), end: words.map((w) => w.end) };
  if (confidenceMilli) {
    if (confidencesMilli) columns.confidenceMilli = confidenceMilli;
    else columns.confidence = words.map((w) => w.confidence ?? null);
  }
  if (!joined) columns.text = words.map((w) => w.text);
  return { ...u, words: columns };
}

/**
 * The transcript of stored JSON text: form 1, or canonical JSON as calls stored before it hold.
 *
 * @example
 * transcriptOfStoredText(storedTranscriptText(t)) // deep-equal to t
 */
export function transcriptOfStoredText(text: string): Transcript {
  const stored = JSON.parse(text) as Transcript & { form?: number };
  if (stored.form === undefined) return stored;
  if (stored.form !== STORED_TRANSCRIPT_FORM)
    throw new Error(`stored transcript: unknown form ${stored.form}`);
  const { form: _form, ...transcript } = stored;
  for (const u of transcript.utterances) {
    const columns = u.words as unknown as WordColumns | undefined;
    if (columns !== undefined) u.words = unpackWords(u.text, columns);
  }
  return transcript;
}

function unpackWords(text: string, columns: WordColumns): Word[] {
  const fromMilli = (xs: ReadonlyArray<number | null>) => xs.map((x) => (x === null ? null : x / 1000));
  const start = columns.start ?? (fromMilli(columns.startMs ?? []) as number[]);
  const end = columns.end ?? (fromMilli(columns.endMs ?? []) as number[]);
  const confidence =
    columns.confidence ?? (columns.confidenceMilli ? fromMilli(columns.confidenceMilli) : undefined);
  const texts = columns.text ?? (start.length === 0 ? [] : text.split(" "));
  const words = new Array<Word>(start.length);
  for (let i = 0; i < start.length; i++) {
    const c = confidence?.[i];
    words[i] =
      c === undefined || c === null
        ? { text: texts[i]!, start: start[i]!, end: end[i]! }
        : { text: texts[i]!, start: start[i]!, end: end[i]!, confidence: c };
  }
  return words;
}
