import type { Transcript } from "../transcript/model.js";

const CYRILLIC = /\p{Script=Cyrillic}/gu;
const LATIN = /\p{Script=Latin}/gu;

/**
 * The transcript's language: as declared, else guessed from the script of its letters
 * (Cyrillic → "ru", otherwise "en"). Good enough for choosing the filler and question rules,
 * which are the only language-dependent parts of the engine.
 *
 * @example
 * detectLanguage({ utterances: [{ speaker: "A", start: null, end: null, text: "Добрый день" }] }) // "ru"
 */
export function detectLanguage(transcript: Transcript): string {
  if (transcript.language) return transcript.language;
  let cyr = 0;
  let lat = 0;
  // A sample is enough and keeps this O(1) on very long calls.
  let seen = 0;
  for (const u of transcript.utterances) {
    cyr += u.text.match(CYRILLIC)?.length ?? 0;
    lat += u.text.match(LATIN)?.length ?? 0;
    seen += u.text.length;
    if (seen > 20_000) break;
  }
  return cyr > lat ? "ru" : "en";
}
