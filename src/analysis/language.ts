/**
 * Which language a call is in: en, ru, es, de, fr or pt — the languages whose filler lists and
 * question rules the engine knows. A small model shipped as code, hand-written (no data mined, no
 * download, no network):
 * - the script: Cyrillic letters outnumbering Latin ones make the call Russian;
 * - a lexicon prior: ~100 of each Latin language's most frequent words (articles, pronouns,
 *   prepositions, auxiliaries, conversational words); a word listed for k languages gives each 1/k;
 * - orthography: letters and word shapes that belong to one or two of the languages (ñ ¿ ß ã õ œ,
 *   "-ción", "-ção", "-ung", French elisions "l'", "d'", "qu'"…), which also carry text whose function
 *   words are few.
 * The highest score wins; English wins ties and text without evidence, as before this model.
 * Linear in the sampled text, which is capped (see `SAMPLE_CHARS`), so O(1) per call beyond reading
 * each utterance's length. Tested on hand-written snippets in `language.test.ts`.
 */
import { words } from "../text/words.js";
import type { Transcript } from "../transcript/model.js";

/** The languages the analysis (fillers, questions) has rules for. */
export const SUPPORTED_LANGUAGES = ["en", "ru", "es", "de", "fr", "pt"] as const;
export type LanguageCode = (typeof SUPPORTED_LANGUAGES)[number];

// Names and ISO 639-2/3 codes a caller (or a transcript vendor) may use for a supported language.
const ALIASES: Readonly<Record<string, LanguageCode>> = {
  eng: "en",
  english: "en",
  rus: "ru",
  russian: "ru",
  spa: "es",
  spanish: "es",
  castilian: "es",
  español: "es",
  espanol: "es",
  deu: "de",
  ger: "de",
  german: "de",
  deutsch: "de",
  fra: "fr",
  fre: "fr",
  french: "fr",
  français: "fr",
  francais: "fr",
  por: "pt",
  portuguese: "pt",
  português: "pt",
  portugues: "pt",
};

/**
 * The supported language a BCP-47-ish tag names ("es", "es-MX", "pt_BR", "rus", "German"), or null
 * when it names none of them (the engine then uses the English rules).
 * @example languageCode("pt-BR") // "pt"
 * @example languageCode("it") // null
 */
export function languageCode(tag: string): LanguageCode | null {
  const t = tag.trim().toLowerCase();
  const base = t.split(/[-_]/u)[0] ?? t;
  if ((SUPPORTED_LANGUAGES as readonly string[]).includes(base)) return base as LanguageCode;
  return ALIASES[t] ?? null;
}

type Latin = Exclude<LanguageCode, "ru">;
const LATIN_LANGUAGES: readonly Latin[] = ["en", "es", "de", "fr", "pt"];

// The lexicon: frequent words of each language, written from its grammar (function words first),
// accented and, where ASR or typing often drops the accent, unaccented.
const LEXICON: Readonly<Record<Latin, string>> = {
  en: `the and to of a in is it you that i we for on with this be are have do what how was not but they
    so can our your about if just there at or would will all one me my know think like yeah okay right
    get well really from which when who an been has had did does don't it's that's i'm we're you're
    they're because then also very need some any more much could should want going now here them their
    us he she his her these those where why there's let's can't didn't doesn't isn't we've i've you've
    i'll we'll sure thanks thank great yes no good team call week`,
  es: `de la que el en y los se del las por un una para con no es su al lo como más mas pero sus le ya o
    este sí porque esta entre cuando muy sin sobre también tambien me hasta hay donde quien desde todo
    nos todos uno les ni otros ese eso ellos e esto mí antes algunos qué unos yo otro otra él tanto esa
    estos mucho nada muchos cual poco ella estar estas algo nosotros mi mis tú te tu usted ustedes
    está estamos están estoy tenemos tiene tienen tengo hacer puede pueden podemos vamos bueno pues
    claro vale entonces ahora así aquí cómo cuándo dónde cuál cuánto cuántos verdad gracias sería son
    fue ser hola equipo empresa ventas semana año hoy necesitamos queremos creo sé decir`,
  de: `der die das und ist ich sie es nicht ein eine zu den mit von auf für im dem des wir haben sind
    auch wie was wenn aber so dass daß oder noch nur schon bei aus nach kann können wird werden man mal
    ja nein also doch gut genau bitte danke uns unser unsere ihr ihre ihnen mir mich dir dich sich wer
    wo warum wann welche welcher heute morgen gibt hat habe hast bin bist war waren sehr mehr viel
    einen einem einer kein keine eigentlich vielleicht jetzt hier dann denn gerne natürlich müssen
    würde wäre möchte sagen machen team woche jahr im zum zur vom äh ähm`,
  fr: `le la les de des du un une et est en que qui pour pas dans ce cette ces il elle ils elles nous vous
    je tu on avec sur au aux son sa ses mais ou où plus tout tous très bien oui non comme fait faire
    être avoir avez avons ont sont était c'est j'ai n'est qu'il d'un d'une y ne se me te leur notre
    votre nos vos quoi comment pourquoi quand quel quelle quels combien alors donc euh ben voilà aussi
    déjà encore peut peux pouvez veux voulez merci bonjour d'accord parce chez ça ici aujourd'hui
    semaine équipe vraiment beaucoup moi toi lui eux rien chose`,
  pt: `de a o que e do da em um para é com não nao uma os no se na por mais as dos como mas foi ao ele das
    tem à seu sua ou ser quando muito há nos já está eu também tambem só pelo pela até isso ela entre
    era depois sem mesmo aos ter seus quem nas me esse eles estão você voce vocês voces tinha essa num
    nem suas meu minha têm numa elas seja qual será nós tenho lhe dele essas esses este isto estou
    estamos temos gente né então entao tá tudo bem obrigado obrigada sim agora aqui hoje podemos pode
    posso vai vamos fazer equipe semana ano vendas precisamos queremos acho sei dizer`,
};

/** word → the score each Latin language gets from it (1/k for a word listed by k languages). */
const WORD_SCORES: ReadonlyMap<string, Float64Array> = (() => {
  const lists = new Map<string, Latin[]>();
  for (const lang of LATIN_LANGUAGES) {
    for (const w of LEXICON[lang].trim().split(/\s+/u)) {
      const ls = lists.get(w) ?? [];
      if (!ls.includes(lang)) ls.push(lang);
      lists.set(w, ls);
    }
  }
  const out = new Map<string, Float64Array>();
  for (const [w, ls] of lists) {
    const v = new Float64Array(LATIN_LANGUAGES.length);
    for (const l of ls) v[LATIN_LANGUAGES.indexOf(l)] = 1 / ls.length;
    out.set(w, v);
  }
  return out;
})();

// Letters that belong to few of the languages: [letter, en, es, de, fr, pt].
const LETTERS: ReadonlyArray<[string, number, number, number, number, number]> = [
  ["ñ", 0, 2, 0, 0, 0],
  ["¿", 0, 3, 0, 0, 0],
  ["¡", 0, 3, 0, 0, 0],
  ["ß", 0, 0, 3, 0, 0],
  ["ä", 0, 0, 1.5, 0, 0],
  ["ö", 0, 0, 1.5, 0, 0],
  ["ü", 0, 0.2, 1.5, 0, 0],
  ["ã", 0, 0, 0, 0, 2],
  ["õ", 0, 0, 0, 0, 2],
  ["ç", 0, 0, 0, 0.6, 0.6],
  ["â", 0, 0, 0, 0.5, 0.5],
  ["ê", 0, 0, 0, 0.6, 0.6],
  ["ô", 0, 0, 0, 0.5, 0.5],
  ["à", 0, 0, 0, 0.6, 0.4],
  ["è", 0, 0, 0, 1.5, 0],
  ["ù", 0, 0, 0, 1.5, 0],
  ["î", 0, 0, 0, 1.5, 0],
  ["ï", 0, 0, 0, 1.5, 0],
  ["û", 0, 0, 0, 1.5, 0],
  ["ë", 0, 0, 0, 1, 0],
  ["œ", 0, 0, 0, 2, 0],
  ["é", 0, 0.3, 0, 0.4, 0.3],
  ["á", 0, 0.5, 0, 0, 0.5],
  ["í", 0, 0.5, 0, 0, 0.5],
  ["ó", 0, 0.5, 0, 0, 0.5],
  ["ú", 0, 0.5, 0, 0, 0.5],
];
const LETTER_SCORES = new Map(LETTERS.map(([c, ...v]) => [c, v]));

// Word shapes, tested on words of three letters or more: [en, es, de, fr, pt] each.
const SPANISH_SUFFIX = [0, 2, 0, 0, 0];
const PORTUGUESE_SUFFIX = [0, 0, 0, 0, 2];
const GERMAN_SHAPE = [0, 0, 1, 0, 0];
const FRENCH_ELISION = [0, 0, 0, 1.5, 0];
const FRENCH_SUFFIX = [0, 0, 0, 1, 0];
const ENGLISH_CONTRACTION = [1, 0, 0, 0, 0];
const ENGLISH_ING = [0.5, 0, 0, 0, 0];
const PORTUGUESE_DIGRAPH = [0, 0, 0, 0, 0.5];
const ROMANCE_ADVERB = [0, 0.5, 0, 0, 0.5];
const ELISION_RE = /^(?:l|d|j|c|qu|n|s|m|t|jusqu|lorsqu|puisqu)'./u;
const CONTRACTION_RE = /(?:'s|n't|'re|'ll|'ve|'m|'d)$/u;

/** The word shapes `w` has (plain string tests: this runs for every sampled word). */
function shapesOf(w: string, out: number[][]): void {
  if (w.endsWith("ción") || w.endsWith("cion") || w.endsWith("ciones")) out.push(SPANISH_SUFFIX);
  else if (w.endsWith("ção") || w.endsWith("ções") || w.endsWith("cao") || w.endsWith("coes"))
    out.push(PORTUGUESE_SUFFIX);
  if (
    w.endsWith("ung") ||
    w.endsWith("ungen") ||
    w.endsWith("keit") ||
    w.endsWith("heit") ||
    w.endsWith("lich")
  )
    out.push(GERMAN_SHAPE);
  if (w.includes("sch")) out.push(GERMAN_SHAPE);
  if (w.includes("'")) {
    if (ELISION_RE.test(w)) out.push(FRENCH_ELISION);
    if (CONTRACTION_RE.test(w)) out.push(ENGLISH_CONTRACTION);
  }
  if (w.endsWith("eau") || w.endsWith("eaux")) out.push(FRENCH_SUFFIX);
  if (w.endsWith("ing")) out.push(ENGLISH_ING);
  if (w.includes("nh") || w.includes("lh")) out.push(PORTUGUESE_DIGRAPH);
  if (w.endsWith("mente")) out.push(ROMANCE_ADVERB);
}

/** Cyrillic and Latin letters of `text` (a character loop: no match arrays). */
function scriptCounts(text: string): { cyr: number; lat: number } {
  let cyr = 0;
  let lat = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) lat++;
    else if (c < 0xc0) continue;
    else if (c >= 0x400 && c <= 0x52f) cyr++;
    else if (c <= 0x24f && c !== 0xd7 && c !== 0xf7) lat++; // Latin-1 letters and Latin Extended-A/B
  }
  return { cyr, lat };
}

/**
 * The language of a piece of text. Never throws; text with no letters is English.
 * @example detectTextLanguage("¿Cuántos vendedores tienen en el equipo?") // "es"
 */
export function detectTextLanguage(text: string): LanguageCode {
  if (typeof text !== "string") return "en";
  const { cyr, lat } = scriptCounts(text);
  if (cyr > lat) return "ru";
  if (lat === 0) return "en";
  const score = new Float64Array(LATIN_LANGUAGES.length);
  const lower = text.toLowerCase();
  for (let i = 0; i < lower.length; i++) {
    if (lower.charCodeAt(i) < 128) continue;
    const v = LETTER_SCORES.get(lower[i]!);
    if (v) for (let k = 0; k < v.length; k++) score[k]! += v[k]!;
  }
  const shapes: number[][] = [];
  for (const w of words(lower)) {
    const v = WORD_SCORES.get(w);
    if (v) for (let k = 0; k < v.length; k++) score[k]! += v[k]!;
    if (w.length < 3) continue;
    shapes.length = 0;
    shapesOf(w, shapes);
    for (const s of shapes) for (let k = 0; k < s.length; k++) score[k]! += s[k]!;
  }
  let best = 0; // English: ties and no evidence
  for (let k = 1; k < score.length; k++) if (score[k]! > score[best]!) best = k;
  return LATIN_LANGUAGES[best]!;
}

/** At most this many characters of a call are read to detect its language. */
export const SAMPLE_CHARS = 4000;

/**
 * The transcript's language: as declared, else detected from a sample spread over the whole call
 * (every k-th utterance, so a call that opens with small talk in another language is still
 * judged by its dominant language).
 *
 * @example
 * detectLanguage({ utterances: [{ speaker: "A", start: null, end: null, text: "Добрый день" }] }) // "ru"
 */
export function detectLanguage(transcript: Transcript): string {
  if (transcript.language) return transcript.language;
  const us = transcript.utterances;
  let total = 0;
  for (const u of us) total += u.text.length;
  const every = Math.max(1, Math.ceil(total / SAMPLE_CHARS));
  const parts: string[] = [];
  for (let i = 0; i < us.length; i += every) parts.push(us[i]!.text);
  return detectTextLanguage(parts.join("\n"));
}
