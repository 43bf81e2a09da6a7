import {
  ASCII_WORD,
  asciiWordKind,
  HAS_WHITESPACE,
  isWord,
  OTHER,
  PUNCT_ONLY,
  pushWhitespaceTokens,
} from "../text/tokens.js";
import type { Utterance } from "../transcript/model.js";

const PUNCT_ANY = /\p{P}/gu;

/**
 * The word tokens of an utterance: `words[].text` when the utterance has word timings, else its
 * `text` split on whitespace; punctuation-only tokens are dropped.
 *
 * @example
 * utteranceTokens({ text: "So — what's next?" }) // ["So", "what's", "next?"]
 */
export function utteranceTokens(u: Pick<Utterance, "text" | "words">): string[] {
  const out: string[] = [];
  if (u.words && u.words.length > 0) {
    for (const w of u.words) {
      // ASR words are single ASCII tokens; only the rare one with a space or non-ASCII takes the regexes.
      const kind = asciiWordKind(w.text);
      if (kind === ASCII_WORD) out.push(w.text);
      else if (kind === OTHER) {
        if (HAS_WHITESPACE.test(w.text)) pushWhitespaceTokens(w.text, out);
        else if (isWord(w.text)) out.push(w.text);
      }
    }
  } else {
    pushWhitespaceTokens(u.text, out);
  }
  return out;
}

/**
 * Word and filler counts of an utterance, as `utteranceTokens` + `countFillers` would give them,
 * without building the token array (this runs for every word of every call).
 *
 * @example
 * countWordsAndFillers({ text: "Um, so — yes" }, fillerListFor("en")) // { words: 3, fillers: 1 }
 */
export function countWordsAndFillers(
  u: Pick<Utterance, "text" | "words">,
  fillers: ReadonlySet<string>,
): { words: number; fillers: number } {
  if (!u.words || u.words.length === 0) {
    const tokens = utteranceTokens(u);
    return { words: tokens.length, fillers: countFillers(tokens, fillers) };
  }
  let words = 0;
  let found = 0;
  for (const w of u.words) {
    const t = w.text;
    // `asciiWordKind` and `isAsciiFiller` in one pass over the word (property-tested against them).
    const n = t.length;
    if (n === 0) continue; // not a word
    let kind = OTHER;
    let letters = 0;
    let plain = true; // lower-case letters only: looked up as it stands
    let candidate = true; // no digit or symbol, which no filler has
    for (let i = 0; i < n; i++) {
      const c = t.charCodeAt(i);
      if (c >= 128 || c <= 32) {
        kind = NOT_ASCII;
        break;
      }
      if (c >= 97 && c <= 122) letters++;
      else if (c >= 65 && c <= 90) {
        letters++;
        plain = false;
      } else if (c >= 48 && c <= 57) {
        kind = ASCII_WORD;
        candidate = false;
      } else if (ASCII_PUNCTUATION[c] === 1) plain = false;
      else candidate = false;
    }
    if (kind !== NOT_ASCII && letters > 0) kind = ASCII_WORD;
    if (kind === ASCII_WORD) {
      words++;
      if (
        candidate &&
        letters > 0 &&
        letters <= MAX_FILLER_LENGTH &&
        fillers.has(plain ? t : t.toLowerCase().replace(PUNCT_ANY, ""))
      )
        found++;
    } else {
      const tokens: string[] = [];
      if (HAS_WHITESPACE.test(t)) pushWhitespaceTokens(t, tokens);
      else if (isWord(t)) tokens.push(t);
      words += tokens.length;
      found += countFillers(tokens, fillers);
    }
  }
  return { words, fillers: found };
}

/** Hesitation lists per language (contract §2 lists the minimum; we use exactly those). */
export const FILLER_WORDS: Readonly<Record<"en" | "ru", ReadonlySet<string>>> = {
  en: new Set(["um", "umm", "uh", "uhh", "uhm", "er", "erm", "ah", "hmm", "hm"]),
  ru: new Set(["э", "ээ", "эээ", "эм", "мм", "ммм"]),
};
/** A word with a code unit outside printable ASCII: the regexes judge it. */
const NOT_ASCII = -1;
/** No filler is longer than this once punctuation is stripped. */
const MAX_FILLER_LENGTH = 4;

/**
 * The plain hesitation list of English or Russian for a BCP-47 tag; any other language gets
 * English's. The analysis counts es, de, fr and pt with their rules instead (`fillerCounterFor`).
 */
export function fillerListFor(language: string): ReadonlySet<string> {
  return baseLanguage(language) === "ru" ? FILLER_WORDS.ru : FILLER_WORDS.en;
}

/**
 * Count tokens that are fillers once lower-cased and stripped of punctuation.
 *
 * @example
 * countFillers(["Um,", "so", "uh"], fillerListFor("en")) // 2
 */
export function countFillers(tokens: readonly string[], fillers: ReadonlySet<string>): number {
  let n = 0;
  for (const t of tokens) {
    if (asciiAlnumCount(t) > MAX_FILLER_LENGTH) continue; // cheap reject for ordinary words
    if (fillers.has(t.toLowerCase().replace(PUNCT_ANY, ""))) n++;
  }
  return n;
}

// 1 for the ASCII characters in \p{P} (connector, dash, open/close, quote and other punctuation).
const ASCII_PUNCTUATION = (() => {
  const table = new Uint8Array(128);
  for (let c = 0; c < 128; c++) if (PUNCT_ONLY.test(String.fromCharCode(c))) table[c] = 1;
  return table;
})();

function asciiAlnumCount(t: string): number {
  let n = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)) n++;
  }
  return n;
}

/** "en-US" → "en". */
export function baseLanguage(tag: string): string {
  return tag.toLowerCase().split(/[-_]/u)[0] ?? tag;
}
