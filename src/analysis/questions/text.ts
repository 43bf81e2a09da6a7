/**
 * Shared text helpers for the question detector: tokenisation into lower-case words and
 * comma-delimited chunks. Everything here is linear in the input length.
 */

/** A word token, lower-cased and with typographic apostrophes folded to `'`. */
export type Token = string;

// Letters of any script, digits, and in-word apostrophes/hyphens ("don't", "follow-up", "кто-то").
const WORD_RE = /[\p{L}\p{N}]+(?:['’\-‐][\p{L}\p{N}]+)*/gu;
// Chunk boundaries inside a sentence: commas, semicolons, colons, dashes, ellipses.
const CHUNK_RE = /[,;:]|\s[-–—]+\s|--|…|\.{2,}/u;

/**
 * Lower-case words of `text`, apostrophes folded, `ё` folded to `е` (Russian ASR is inconsistent).
 * @example words("Don’t you?") // ["don't", "you"]
 */
export function words(text: string): Token[] {
  let lower = text.toLowerCase();
  // Folding before matching gives the same tokens (the folded characters stay joiners or letters)
  // and avoids three replaces per word; ASCII text takes a regex without Unicode classes.
  if (NEEDS_FOLD_RE.test(lower)) lower = lower.replace(/’/g, "'").replace(/‐/g, "-").replace(/ё/g, "е");
  return lower.match(ASCII_RE.test(lower) ? WORD_ASCII_RE : WORD_RE) ?? [];
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
const NEEDS_FOLD_RE = /[’‐ё]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: the full ASCII range is the point
const ASCII_RE = /^[\u0000-\u007f]*$/;
const WORD_ASCII_RE = /[a-z0-9]+(?:['-][a-z0-9]+)*/g;

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
  return /[?？؟]/u.test(text);
}
