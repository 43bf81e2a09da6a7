import type { Utterance } from "../transcript/model.js";
import type { QuestionContext, QuestionKind, UtteranceReading } from "./questions/index.js";

/**
 * The metric pass's question readings (`readUtterance`) as compact text, so that a call coached
 * later, from storage, need not split and classify its utterances again: for a 30-minute call that
 * was ~14% of a coach job's instructions (callgrind, 2026-12-02: −11.5% net of the restore). What is stored are positions and answers only; the texts
 * and contexts come from the transcript again, so a restored reading is the reading the metric pass
 * made (same strings, same answers).
 *
 * Format: a JSON array `[1, language, english (0|1), utteranceCount, …]`, then per utterance in the
 * metric pass's order: its text length, its sentence count and, per sentence, start, end and a code
 * (kind + 3 × the English rules' kind + 9 × firm; kinds: 0 none, 1 open, 2 closed).
 */

const VERSION = 1;
const KINDS: ReadonlyArray<QuestionKind | null> = [null, "open", "closed"];
const kindCode = (k: QuestionKind | null | undefined): number => (k === "open" ? 1 : k === "closed" ? 2 : 0);

/**
 * The context the metric pass reads utterance `index` in (`utterances` in its order): only an
 * utterance of someone else right before it may be reacted to ("oh really?"; after the speaker's own
 * words "right?" is a tag question), and the next one, when someone else says it, may answer.
 * One object shape for every utterance (both fields present, maybe undefined): the detector's reads
 * of them stay monomorphic. Not read past the end: an out-of-bounds read sends an optimised loop back
 * to the interpreter.
 */
export function questionContextAt(
  utterances: readonly Utterance[],
  index: number,
  language: string,
): QuestionContext {
  const u = utterances[index]!;
  const previous = index > 0 ? utterances[index - 1] : undefined;
  const next = index + 1 < utterances.length ? utterances[index + 1] : undefined;
  return {
    language,
    previousText: previous !== undefined && previous.speaker !== u.speaker ? previous.text : undefined,
    nextText: next !== undefined && next.speaker !== u.speaker ? next.text : undefined,
  };
}

/** Encodes readings as the metric pass makes them, one utterance after another. */
export class ReadingsEncoder {
  private readonly out: number[] = [];
  private english: boolean | undefined;
  private failed = false;
  private count = 0;

  constructor(private readonly language: string) {}

  add(reading: UtteranceReading): void {
    this.count++;
    if (this.failed) return;
    const english = reading.rules !== null;
    this.english ??= english;
    if (english !== this.english || reading.language !== this.language) {
      this.failed = true;
      return;
    }
    const { text, sentences, kinds, rules, firm } = reading;
    const out = this.out;
    out.push(typeof text === "string" ? text.length : -1, sentences.length);
    let from = 0;
    for (let i = 0; i < sentences.length; i++) {
      const sentence = sentences[i]!;
      // Sentences are trimmed slices of the text, in order: found at or after the previous one.
      const start = typeof text === "string" ? text.indexOf(sentence, from) : -1;
      if (start < 0) {
        this.failed = true;
        return;
      }
      from = start + sentence.length;
      const code = english
        ? kindCode(kinds[i]) + 3 * kindCode(rules![i]) + (firm![i] ? 9 : 0)
        : kindCode(kinds[i]);
      out.push(start, from, code);
    }
  }

  /** The encoded readings of `utteranceCount` utterances; null when some reading could not be encoded. */
  finish(utteranceCount: number): string | null {
    if (this.failed || this.count !== utteranceCount) return null;
    const head = `[${VERSION},${JSON.stringify(this.language)},${this.english === false ? 0 : 1},${utteranceCount}`;
    return this.out.length > 0 ? `${head},${this.out.join(",")}]` : `${head}]`;
  }
}

/**
 * The readings `ReadingsEncoder` encoded, over `utterances` in the metric pass's order; null when
 * the text does not fit them (version, language, utterance count, a text's length, a position).
 */
export function decodeReadings(
  utterances: readonly Utterance[],
  language: string,
  encoded: string,
): Map<Utterance, UtteranceReading> | null {
  let a: unknown;
  try {
    a = JSON.parse(encoded);
  } catch {
    return null;
  }
  if (
    !Array.isArray(a) ||
    a[0] !== VERSION ||
    a[1] !== language ||
    a[3] !== utterances.length ||
    !a.every((v, i) => i === 1 || Number.isInteger(v))
  )
    return null;
  const nums = a as number[];
  const english = nums[2] === 1;
  const readings = new Map<Utterance, UtteranceReading>();
  let p = 4;
  for (let index = 0; index < utterances.length; index++) {
    const u = utterances[index]!;
    const text = u.text;
    const length = typeof text === "string" ? text.length : -1;
    const n = nums[p + 1];
    if (nums[p] !== length || n === undefined || n < 0 || p + 2 + 3 * n > nums.length) return null;
    p += 2;
    const sentences: string[] = [];
    const kinds: Array<QuestionKind | null> = [];
    const rules: Array<QuestionKind | null> | null = english ? [] : null;
    const firm: boolean[] | null = english ? [] : null;
    for (let i = 0; i < n; i++) {
      const start = nums[p]!;
      const end = nums[p + 1]!;
      const code = nums[p + 2]!;
      p += 3;
      if (start < 0 || end < start || end > length || code < 0 || code >= (english ? 18 : 3)) return null;
      sentences.push((text as string).slice(start, end));
      kinds.push(KINDS[code % 3]!);
      rules?.push(KINDS[Math.floor(code / 3) % 3]!);
      firm?.push(code >= 9);
    }
    const context = questionContextAt(utterances, index, language);
    // Fields in `readUtterance`'s order: one object shape for readers.
    readings.set(u, {
      text,
      language: context.language,
      previousText: context.previousText,
      nextText: context.nextText,
      sentences,
      kinds,
      rules,
      firm,
    });
  }
  return p === nums.length ? readings : null;
}
