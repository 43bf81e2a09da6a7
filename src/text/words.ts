/**
 * Words: the one tokeniser of the project (question detection, playbook matching, evidence
 * matching and the objection rules all build on it). A word is a run of letters and digits of
 * any script, joined by an in-word apostrophe or hyphen ("don't", "follow-up", "кто-то");
 * lower-cased, every apostrophe form folded to `'` (see `APOSTROPHES`), `‐` to `-`, `ё` to `е`.
 * ASCII text — nearly every English call — takes a hand-written scan; everything here is linear
 * in the input length.
 */
import { APOSTROPHES } from "./fold.js";

/** A word token, lower-cased and with typographic apostrophes folded to `'`. */
export type Token = string;

// Letters of any script, digits, and in-word apostrophes/hyphens ("don't", "follow-up", "кто-то").
const WORD_RE = new RegExp(`[\\p{L}\\p{N}]+(?:[${APOSTROPHES}\\-‐][\\p{L}\\p{N}]+)*`, "gu");
// Chunk boundaries inside a sentence: commas, semicolons, colons, dashes, ellipses.
const CHUNK_RE = /[,;:]|\s[-–—]+\s|--|…|\.{2,}/u;
const CHUNK_GLOBAL_RE = new RegExp(CHUNK_RE.source, "gu");

/**
 * Lower-case words of `text`, apostrophes folded, `ё` folded to `е` (Russian ASR is inconsistent).
 * @example words("Don’t you?") // ["don't", "you"]
 */
export function words(text: string): Token[] {
  let lower = text.toLowerCase();
  // ASCII text (nearly every English call) takes a hand-written scan that also proves it is ASCII.
  const ascii = asciiWords(lower, null);
  if (ascii !== null) return ascii;
  // Folding before matching gives the same tokens (the folded characters stay joiners or letters)
  // and avoids three replaces per word.
  if (NEEDS_FOLD_RE.test(lower))
    lower = lower.replace(FOLD_APOSTROPHES_RE, "'").replace(/‐/g, "-").replace(/ё/g, "е");
  return lower.match(WORD_RE) ?? [];
}

/** [a-z0-9] */
function isAsciiAlnum(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
}

/**
 * Tokens of lower-cased ASCII text, exactly as a global match of `[a-z0-9]+(?:['-][a-z0-9]+)*`
 * finds them (with their offsets in `starts` when given), or null as soon as a non-ASCII character
 * shows the Unicode rules are needed.
 */
function asciiWords(lower: string, starts: number[] | null): Token[] | null {
  const out: Token[] = [];
  const n = lower.length;
  let i = 0;
  while (i < n) {
    const c = lower.charCodeAt(i);
    if (c >= 128 || c === 96) return null; // non-ASCII, or a backtick apostrophe to fold
    if (!isAsciiAlnum(c)) {
      i++;
      continue;
    }
    const start = i;
    for (;;) {
      i++;
      while (i < n && isAsciiAlnum(lower.charCodeAt(i))) i++;
      // A joiner continues the word only when a letter or digit follows it ("don't", "follow-up").
      const j = i < n ? lower.charCodeAt(i) : 0;
      if ((j === 39 || j === 45) && i + 1 < n && isAsciiAlnum(lower.charCodeAt(i + 1))) i++;
      else break;
    }
    out.push(lower.slice(start, i));
    starts?.push(start);
  }
  return out;
}

/** A sentence's words, and for ASCII text where each word starts (to group them into chunks). */
export interface Tokenized {
  words: Token[];
  starts: number[] | null;
}

/**
 * `words(text)`, keeping what `chunksOf` needs to give `chunks(text)` without tokenising again.
 * @example tokenize("Well, what's up?").words // ["well", "what's", "up"]
 */
export function tokenize(text: string): Tokenized {
  const starts: number[] = [];
  const ascii = asciiWords(text.toLowerCase(), starts);
  return ascii !== null ? { words: ascii, starts } : { words: words(text), starts: null };
}

/**
 * Exactly `chunks(text)` for the `tokenize(text)` given. In ASCII text lower-casing is
 * context-free and no chunk boundary can fall inside a word (boundaries are punctuation, spaced
 * dashes and "--", none of which joins a word), so the words of each chunk are the sentence's
 * words between two boundaries.
 * @example chunksOf("Well, what's up?", tokenize("Well, what's up?")) // [["well"], ["what's", "up"]]
 */
export function chunksOf(text: string, tokenized: Tokenized): Token[][] {
  const { words: all, starts } = tokenized;
  if (starts === null) return chunks(text);
  const out: Token[][] = [];
  let k = 0;
  const re = CHUNK_GLOBAL_RE;
  re.lastIndex = 0;
  for (let m = re.exec(text); ; m = re.exec(text)) {
    const end = m === null ? text.length : m.index;
    const chunk: Token[] = [];
    while (k < all.length && starts[k]! < end) chunk.push(all[k++]!);
    if (chunk.length > 0) out.push(chunk);
    if (m === null) break;
  }
  return out;
}

/**
 * The first `max` words of `text` exactly as `words(text)` gives them, without tokenising the rest
 * (a long previous utterance only needs its first few words looked at).
 * @example firstWords("Yeah, okay. So here is the plan…", 3) // ["yeah", "okay", "so"]
 */
export function firstWords(text: string, max: number): Token[] {
  const out: Token[] = [];
  const re = FIRST_WORDS_RE; // its own instance: words() below resets WORD_RE's lastIndex
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null && out.length < max; m = re.exec(text)) {
    out.push(...words(m[0]));
  }
  return out.slice(0, max);
}

const FIRST_WORDS_RE = new RegExp(WORD_RE.source, "gu");
const NEEDS_FOLD_RE = new RegExp(`[${APOSTROPHES.slice(1)}‐ё]`);
const FOLD_APOSTROPHES_RE = new RegExp(`[${APOSTROPHES.slice(1)}]`, "g");

/**
 * Word lists of the comma-delimited chunks of a sentence, empty chunks dropped.
 * @example chunks("Well, Stephanie, what's up?") // [["well"], ["stephanie"], ["what's", "up"]]
 */
export function chunks(text: string): Token[][] {
  const out: Token[][] = [];
  for (const part of text.split(CHUNK_RE)) {
    const w = words(part);
    if (w.length > 0) out.push(w);
  }
  return out;
}

/**
 * Drops immediate repetitions ("do do you", "what, what type") that disfluent speech is full of.
 * @example dedupe(["do", "do", "you"]) // ["do", "you"]
 */
export function dedupe(tokens: readonly Token[]): Token[] {
  const out: Token[] = [];
  for (const t of tokens) if (out[out.length - 1] !== t) out.push(t);
  return out;
}

/**
 * True when the sentence carries a question mark (ASCII, full-width or Arabic form).
 * @example hasQuestionMark("ok？") // true
 */
export function hasQuestionMark(text: string): boolean {
  // Three native scans cost less than one Unicode-aware expression on the statements most text is.
  return text.includes("?") || text.includes("？") || text.includes("؟");
}

/**
 * Whether `text` ends, before trailing whitespace, in a letter or digit of any script (it breaks
 * off without a closing mark): `/[\p{L}\p{N}]\s*$/u`, read from the end instead of tried at every
 * position.
 * @example endsInLetterOrDigit("and then the ") // true
 * @example endsInLetterOrDigit("Right.") // false
 */
export function endsInLetterOrDigit(text: string): boolean {
  const t = text.trimEnd(); // trimEnd removes exactly \s
  const n = t.length;
  if (n === 0) return false;
  const c = t.charCodeAt(n - 1);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  // The last code point, a surrogate pair included, is within the last two code units.
  return LETTER_OR_DIGIT_END_RE.test(t.slice(n - 2));
}
const LETTER_OR_DIGIT_END_RE = /[\p{L}\p{N}]$/u;

/**
 * Whether `text` is closed by "." or "!", then only closing quotes or brackets, then whitespace:
 * `/[.!]["')\]]*\s*$/`, read from the end.
 * @example endsWithStop('He said "no." ') // true
 * @example endsWithStop("Right?") // false
 */
export function endsWithStop(text: string): boolean {
  const t = text.trimEnd(); // trimEnd removes exactly \s
  let i = t.length - 1;
  while (i >= 0) {
    const c = t.charCodeAt(i);
    if (c === 34 || c === 39 || c === 41 || c === 93)
      i--; // " ' ) ]
    else return c === 46 || c === 33; // . !
  }
  return false;
}

/**
 * `words(text)` with hyphenated words split into their parts ("follow-up" → "follow", "up"): the
 * words that stems and match keys are taken of.
 * @example wordParts("A follow-up, don’t!") // ["a", "follow", "up", "don't"]
 */
export function wordParts(text: string): Token[] {
  const all = words(text);
  let out: Token[] | null = null;
  for (let i = 0; i < all.length; i++) {
    const w = all[i]!;
    if (!w.includes("-")) {
      out?.push(w);
      continue;
    }
    out ??= all.slice(0, i);
    for (const part of w.split("-")) out.push(part);
  }
  return out ?? all;
}
