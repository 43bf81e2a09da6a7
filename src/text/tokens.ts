/**
 * Whitespace tokens: the contract's word count (§2 of docs/transcripts.md). A token is a run of
 * non-whitespace; one made only of punctuation ("-", "...", "—") is not a word. Kept as written
 * (case, punctuation): the analysis counts them, it does not compare them.
 */

/** A token that is nothing but punctuation ("-", "...", "—") is not a word (contract §2). */
export const PUNCT_ONLY = /^\p{P}+$/u;
const WHITESPACE = /\s+/u;
export const HAS_WHITESPACE = /\s/u;

/** `asciiWordKind` answers: an ASCII word, an empty token, or one the regexes must judge. */
export const ASCII_WORD = 1;
export const NOT_A_WORD = 0;
export const OTHER = 2;

/**
 * ASCII_WORD: ASCII, no whitespace, has a letter or digit. NOT_A_WORD: empty. OTHER: ask the regexes.
 * @example asciiWordKind("okay,") // ASCII_WORD
 * @example asciiWordKind("—") // OTHER
 */
export function asciiWordKind(t: string): number {
  if (t.length === 0) return NOT_A_WORD;
  let alnum = false;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c >= 128 || c <= 32) return OTHER;
    if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)) alnum = true;
  }
  return alnum ? ASCII_WORD : OTHER;
}

/**
 * Not empty and not made only of punctuation; an ASCII letter or digit settles it without a regex.
 * @example isWord("...") // false
 * @example isWord("да,") // true
 */
export function isWord(t: string): boolean {
  if (t.length === 0) return false;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return true;
  }
  return !PUNCT_ONLY.test(t);
}

/**
 * Push the words of `text` split on whitespace onto `out`.
 * @example const out: string[] = []; pushWhitespaceTokens("So — what's next?", out); out // ["So", "what's", "next?"]
 */
export function pushWhitespaceTokens(text: string, out: string[]): void {
  for (const t of text.split(WHITESPACE)) {
    if (isWord(t)) out.push(t);
  }
}
