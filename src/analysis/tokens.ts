import type { Utterance } from "../transcript/model.js";

/** A token that is nothing but punctuation ("-", "...", "—") is not a word (contract §2). */
const PUNCT_ONLY = /^\p{P}+$/u;
const PUNCT_ANY = /\p{P}/gu;
const WHITESPACE = /\s+/u;

/**
 * The word tokens of an utterance: `words[].text` when the utterance has word timings, else its
 * `text` split on whitespace; punctuation-only tokens are dropped.
 *
 * @example
 * utteranceTokens({ speaker: "A", start: 0, end: 1, text: "So — what's next?" }) // ["So", "what's", "next?"]
 */
export function utteranceTokens(u: Pick<Utterance, "text" | "words">): string[] {
  const out: string[] = [];
  if (u.words && u.words.length > 0) {
    for (const w of u.words) pushTokens(w.text, out);
  } else {
    pushTokens(u.text, out);
  }
  return out;
}

function pushTokens(text: string, out: string[]): void {
  for (const t of text.split(WHITESPACE)) {
    if (t.length > 0 && !PUNCT_ONLY.test(t)) out.push(t);
  }
}

/** Hesitation lists per language (contract §2 lists the minimum; we use exactly those). */
export const FILLER_WORDS: Readonly<Record<"en" | "ru", ReadonlySet<string>>> = {
  en: new Set(["um", "umm", "uh", "uhh", "uhm", "er", "erm", "ah", "hmm", "hm"]),
  ru: new Set(["э", "ээ", "эээ", "эм", "мм", "ммм"]),
};

/** The hesitation list for a BCP-47 tag; languages without a list use English's. */
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
    if (fillers.has(t.toLowerCase().replace(PUNCT_ANY, ""))) n++;
  }
  return n;
}

/** "en-US" → "en". */
export function baseLanguage(tag: string): string {
  return tag.toLowerCase().split(/[-_]/u)[0] ?? tag;
}
