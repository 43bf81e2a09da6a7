/**
 * The words of a normalised text as the handling judge counts and compares them: the matches of
 * WORD_RE. ASCII text (most sentences) is read by code unit, without a match array and a string
 * per word; other text by the expression itself.
 */
import { isAsciiAlnum } from "../text/match.js";
import { eachMatch } from "../text/regex.js";

const WORD_RE = /[\p{L}\p{N}']+/gu;

/** Is `c` an ASCII letter, digit or apostrophe (a character of WORD_RE)? */
function isAsciiWordChar(c: number): boolean {
  return isAsciiAlnum(c) || c === 39;
}

/**
 * How many words a text has: `text.match(/[\p{L}\p{N}']+/gu)?.length ?? 0`.
 * @example wordCount("we don't need it, thanks") // 5
 */
export function wordCount(text: string): number {
  let count = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128) return text.match(WORD_RE)?.length ?? 0;
    const w = isAsciiWordChar(c);
    if (w && !inWord) count++;
    inWord = w;
  }
  return count;
}

/**
 * Content stems of a normalised text: the first five letters of each word of four letters or more
 * that is not in `stop`.
 * @example [...stems("the pricing is steep", new Set(["the"]))] // ["prici", "steep"]
 */
export function stems(text: string, stop: ReadonlySet<string>): Set<string> {
  const out = new Set<string>();
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 32;
    if (c >= 128) return unicodeStems(text, stop);
    if (isAsciiWordChar(c)) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      if (i - start >= 4) addStem(out, text.slice(start, i), stop);
      start = -1;
    }
  }
  return out;
}

function unicodeStems(text: string, stop: ReadonlySet<string>): Set<string> {
  const out = new Set<string>();
  eachMatch(WORD_RE, text, (m) => {
    if (m[0].length >= 4) addStem(out, m[0], stop);
  });
  return out;
}

function addStem(out: Set<string>, word: string, stop: ReadonlySet<string>): void {
  if (!stop.has(word)) out.add(word.slice(0, 5));
}
