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
  const out: Token[] = [];
  const lower = text.toLowerCase();
  for (const m of lower.matchAll(WORD_RE)) {
    out.push(m[0].replace(/[’]/g, "'").replace(/[‐]/g, "-").replace(/ё/g, "е"));
  }
  return out;
}

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
