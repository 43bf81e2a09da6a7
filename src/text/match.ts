/**
 * Match keys: the form in which a quote is looked up in a transcript. Words as `words` finds them,
 * but with hyphens separating words ("forty-five" = "forty five"), combining marks kept in the
 * word, Unicode-normalised (NFKC), lower-cased, apostrophes removed ("don't" = "don’t" = "dont")
 * and `ё` folded to `е`. Each token keeps its offsets in the original text, so a match can be cut
 * out verbatim.
 */
import { APOSTROPHES, dropApostrophes, foldYo } from "./fold.js";

/** One word of a text in its match form, with where it stands in the text. */
export interface MatchToken {
  norm: string;
  /** Offsets of the word in the original text. */
  from: number;
  to: number;
}

const MATCH_WORD_RE = new RegExp(`[\\p{L}\\p{N}\\p{M}]+(?:[${APOSTROPHES}][\\p{L}\\p{N}\\p{M}]+)*`, "gu");

/**
 * One word's match form.
 * @example matchForm("Don’t") // "dont"
 */
export function matchForm(word: string): string {
  return foldYo(dropApostrophes(word.normalize("NFKC").toLowerCase())).replace(/\s+/g, "");
}

/**
 * The words of `text` in match form, with their offsets.
 * @example matchTokens("Don't go") // [{ norm: "dont", from: 0, to: 5 }, { norm: "go", from: 6, to: 8 }]
 */
export function matchTokens(text: string): MatchToken[] {
  return asciiMatchTokens(text) ?? unicodeMatchTokens(text);
}

/** The general rule, for any text. Exported for the property test that pins the ASCII scan to it. */
export function unicodeMatchTokens(text: string): MatchToken[] {
  const out: MatchToken[] = [];
  const re = MATCH_WORD_RE;
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const norm = matchForm(m[0]);
    if (norm !== "") out.push({ norm, from: m.index, to: m.index + m[0].length });
  }
  return out;
}

/** [A-Za-z0-9] */
/** An ASCII letter (either case) or digit, by code unit. @example isAsciiAlnum(65) // true ("A") */
export function isAsciiAlnum(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
}

/**
 * `unicodeMatchTokens` for ASCII text, without a regex or NFKC (the identity on ASCII); null as
 * soon as a non-ASCII character needs the general rule.
 */
function asciiMatchTokens(text: string): MatchToken[] | null {
  const out: MatchToken[] = [];
  return asciiScan(text, out) < 0 ? null : out;
}

/**
 * The ASCII scan: the number of tokens (pushed onto `out` when given), or -1 as soon as a
 * non-ASCII character needs the general rule.
 */
function asciiScan(text: string, out: MatchToken[] | null): number {
  return asciiWalk(text, out, null);
}

/**
 * The ASCII scan behind `asciiScan` and `asciiKey`: counts the tokens, pushing them onto `out` or
 * their match forms onto `forms` when given; -1 as soon as a non-ASCII character needs the general rule.
 */
function asciiWalk(text: string, out: MatchToken[] | null, forms: string[] | null): number {
  const n = text.length;
  let count = 0;
  let i = 0;
  // Lower-cased once (ASCII keeps every offset); each word is then one slice of it. Any non-ASCII
  // character ends the scan before a slice past it is taken.
  const lower = out !== null || forms !== null ? text.toLowerCase() : text;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c >= 128) return -1;
    if (!isAsciiAlnum(c)) {
      i++;
      continue;
    }
    const from = i;
    let apostrophe = false;
    for (;;) {
      i++;
      while (i < n && isAsciiAlnum(text.charCodeAt(i))) i++;
      // An apostrophe (' or `) continues the word only when a letter or digit follows it.
      const j = i < n ? text.charCodeAt(i) : 0;
      if ((j === 39 || j === 96) && i + 1 < n && isAsciiAlnum(text.charCodeAt(i + 1))) {
        apostrophe = true;
        i++;
      } else break;
    }
    count++;
    if (out !== null || forms !== null) {
      const word = lower.slice(from, i);
      const norm = apostrophe ? word.replace(/['`]/g, "") : word;
      if (out !== null) out.push({ norm, from, to: i });
      else forms!.push(norm);
    }
  }
  return count;
}

const forms: string[] = [];

/** `matchKey` of ASCII text without token objects; null when the text needs the general rule. */
function asciiKey(text: string): string | null {
  forms.length = 0;
  const key = asciiWalk(text, null, forms) < 0 ? null : forms.join(" ");
  forms.length = 0;
  return key;
}

/**
 * `matchTokens(text).length` without building the tokens (the evidence index counts the tokens of
 * every timed word).
 * @example matchTokenCount("Don't go") // 2
 */
export function matchTokenCount(text: string): number {
  const count = asciiScan(text, null);
  return count < 0 ? unicodeMatchTokens(text).length : count;
}

/**
 * The match key of any text: its words in match form, joined by single spaces.
 * @example matchKey("Thursday at two is FINE!") // "thursday at two is fine"
 */
export function matchKey(text: string): string {
  if (typeof text !== "string") return "";
  return (
    asciiKey(text) ??
    unicodeMatchTokens(text)
      .map((t) => t.norm)
      .join(" ")
  );
}
