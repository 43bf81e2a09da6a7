/**
 * Filler words of Spanish, German, French and Portuguese. Besides hesitations that are always
 * fillers ("eh", "äh", "euh", "ééé"), these languages fill with words that are also content words
 * ("este" = this, "halt" = stop, "genre" = kind, "tipo" = type, "né" = the tag "isn't it"), so each
 * such word counts only in the position where it fills (the rules below, one per word). English and
 * Russian keep their plain lists (tokens.ts); nothing here runs for them.
 *
 * A filler of two words ("o sea", "du coup") counts once. Tokens are the whitespace tokens of the
 * contract (`utteranceTokens`), so the punctuation a transcript carries ("este,", "é…") is seen.
 */

import type { Utterance } from "../transcript/model.js";
import { languageCode } from "./language.js";
import { countWordsAndFillers, FILLER_WORDS, utteranceTokens } from "./tokens.js";

/** A token lower-cased, its punctuation stripped ("Este," → "este"). */
const norm = (t: string): string => t.toLowerCase().replace(/\p{P}/gu, "");
const set = (s: string): ReadonlySet<string> => new Set(s.trim().split(/\s+/u));

/** Where a token sits: what a rule may look at. */
interface At {
  /** Normalised tokens of the utterance. */
  w: readonly string[];
  /** The raw tokens, punctuation and case kept. */
  raw: readonly string[];
  i: number;
  /** Hesitations of the language (always fillers). */
  always: ReadonlySet<string>;
}

/** The token opens a clause: the utterance's first, or after a clause mark or a hesitation. */
function clauseStart({ w, raw, i, always }: At): boolean {
  if (i === 0) return true;
  return /[,;:.!?…]$|\.\.$/u.test(raw[i - 1]!) || always.has(w[i - 1]!);
}
/** The token opens a sentence: the utterance's first, or after . ? ! or a hesitation. */
function sentenceStart({ w, raw, i, always }: At): boolean {
  if (i === 0) return true;
  return /[.!?…]["'”»)]*$/u.test(raw[i - 1]!) || always.has(w[i - 1]!);
}
/** A pause follows the token: a comma, an ellipsis, or a hesitation. */
function pauseAfter({ w, raw, i, always }: At): boolean {
  return /[,…]$|\.\.\.?$/u.test(raw[i]!) || always.has(w[i + 1] ?? "");
}
/** The token ends its sentence (its utterance's last, or carrying . ? !). */
function sentenceEnd({ w, raw, i }: At): boolean {
  return i === w.length - 1 || /[.?!？]["'”»)]*$/u.test(raw[i]!);
}
/** The next token is in the same clause (no punctuation between them). */
const joinedToNext = ({ w, raw, i }: At): boolean => i + 1 < w.length && !/\p{P}$/u.test(raw[i]!);

/** A contextual filler: how many tokens it takes from `at.i` (0: not a filler here). */
type Rule = (at: At) => number;

interface FillerRules {
  always: ReadonlySet<string>;
  /** Rules by the normalised token they start on. */
  rules: ReadonlyMap<string, Rule>;
}

// ---- Spanish ----
// After the filler "este" comes a new start (an article, a pronoun, a marker), never the noun a
// demonstrative "este" modifies ("este mes", "este proyecto").
const ES_AFTER_ESTE = set(`el la los las un una unos unas yo tú usted ustedes nosotros nosotras ellos ellas
  ella él pues bueno entonces también creo digo o`);
const ES_BEFORE_PUES = set(`bueno sí si no y ya vale eh entonces ah`);
const SPANISH: FillerRules = {
  always: set(`eh ehh ehm em emm mm mmm hm hmm`),
  rules: new Map<string, Rule>([
    ["este", (at) => (pauseAfter(at) || (joinedToNext(at) && ES_AFTER_ESTE.has(at.w[at.i + 1]!)) ? 1 : 0)],
    // "o sea": always the marker ("o sea, que…"); the two words are one filler.
    ["o", (at) => (joinedToNext(at) && at.w[at.i + 1] === "sea" ? 2 : 0)],
    // "pues" opening a sentence ("Pues mire…"), after a marker ("bueno, pues…") or before a pause
    // fills; after a clause ("no vino, pues estaba de viaje") it means "since".
    ["pues", (at) => (sentenceStart(at) || pauseAfter(at) || ES_BEFORE_PUES.has(at.w[at.i - 1]!) ? 1 : 0)],
  ]),
};

// ---- German ----
// After the marker "also" the clause starts afresh with its subject ("also wir haben…"); the
// adverb "also" (= therefore) is followed by the finite verb ("also haben wir…").
const DE_SUBJECT_START =
  set(`ich du er sie es wir ihr man der die das den dem ein eine einen unser unsere mein
  meine ja gut okay ok`);
const DE_BEFORE_NOUN_HALT = set(`den der dem einen ein keinen kein ihren seinen`);
const GERMAN: FillerRules = {
  always: set(`äh ähm öh öhm ähh ääh hm hmm ehm em mh`),
  rules: new Map<string, Rule>([
    // The modal particle sits inside a clause ("das ist halt so"); "Halt!" opens one, "den Halt" is a noun.
    [
      "halt",
      (at) =>
        !clauseStart(at) && !DE_BEFORE_NOUN_HALT.has(at.w[at.i - 1] ?? "") && !/!$/u.test(at.raw[at.i]!)
          ? 1
          : 0,
    ],
    [
      "also",
      (at) =>
        clauseStart(at) &&
        (pauseAfter(at) || at.i === at.w.length - 1 || DE_SUBJECT_START.has(at.w[at.i + 1]!))
          ? 1
          : 0,
    ],
  ]),
};

// ---- French ----
// "genre" after a determiner is the noun "kind" ("ce genre de produit", "le genre humain").
const FR_DETERMINERS = set(`ce le un du de quel quelle même son mon ton leur notre votre cette les des au aux
  tout autre nouveau mauvais bon grand premier certain d'un`);
const FRENCH: FillerRules = {
  always: set(`euh euhh heu hum hmm hm bah mmh mm`),
  rules: new Map<string, Rule>([
    // "ben" (= "bien", well); "Ben" with a capital inside a clause is a name.
    ["ben", (at) => (clauseStart(at) || at.raw[at.i]![0] !== "B" ? 1 : 0)],
    ["genre", (at) => (FR_DETERMINERS.has(at.w[at.i - 1] ?? "") ? 0 : 1)],
    // "du coup" (so, as a result) fills; "du coup de fil" is a phone call.
    ["du", (at) => (joinedToNext(at) && at.w[at.i + 1] === "coup" && at.w[at.i + 2] !== "de" ? 2 : 0)],
  ]),
};

// ---- Portuguese ----
const PT_DETERMINERS =
  set(`que o um esse este qual todo mesmo outro novo qualquer certo desse deste nesse neste
  algum nenhum seu nosso último primeiro aquele do no`);
const PORTUGUESE: FillerRules = {
  always: set(`éé ééé éh ãh ã hã ahn hum hmm hm mm mmm uhm eh`),
  rules: new Map<string, Rule>([
    // "tipo" after a determiner is the noun ("que tipo de sistema"); elsewhere it fills ("tipo, a gente…").
    ["tipo", (at) => (PT_DETERMINERS.has(at.w[at.i - 1] ?? "") ? 0 : 1)],
    // "né" inside a sentence fills; at its end it is the tag question ("…, né?"), counted as a question.
    ["né", (at) => (sentenceEnd(at) ? 0 : 1)],
    // "então" opening a clause is the marker "so"; inside one it means "then" ("até então").
    ["então", (at) => (clauseStart(at) ? 1 : 0)],
    // "é…": the verb "é" (is) drawn out as a hesitation.
    ["é", (at) => (/(?:…|\.\.\.?)$/u.test(at.raw[at.i]!) || at.w[at.i + 1] === "é" ? 1 : 0)],
  ]),
};

const RULES: Readonly<Record<"es" | "de" | "fr" | "pt", FillerRules>> = {
  es: SPANISH,
  de: GERMAN,
  fr: FRENCH,
  pt: PORTUGUESE,
};

/**
 * Fillers among the whitespace tokens of one utterance, under a language's rules.
 * @example countFillersInContext(["Pues,", "este…", "o", "sea,", "este", "mes", "no"], "es") // 3
 */
export function countFillersInContext(
  tokens: readonly string[],
  language: "es" | "de" | "fr" | "pt",
): number {
  const { always, rules } = RULES[language];
  const w = tokens.map(norm);
  let n = 0;
  for (let i = 0; i < w.length; i++) {
    if (always.has(w[i]!)) {
      n++;
      continue;
    }
    const rule = rules.get(w[i]!);
    if (rule === undefined) continue;
    const taken = rule({ w, raw: tokens, i, always });
    if (taken > 0) {
      n++;
      i += taken - 1;
    }
  }
  return n;
}

/** Counts one utterance's words and fillers. */
export type UtteranceCounter = (u: Pick<Utterance, "text" | "words">) => { words: number; fillers: number };

/**
 * The word-and-filler counter for a language tag: English and Russian (and any language without
 * rules, which uses English's list) take the plain list; es, de, fr, pt their rules.
 * @example fillerCounterFor("es-MX")({ text: "Pues, este, sí" }) // { words: 3, fillers: 2 }
 */
export function fillerCounterFor(language: string): UtteranceCounter {
  const code = languageCode(language);
  if (code === "es" || code === "de" || code === "fr" || code === "pt") {
    return (u) => {
      const tokens = utteranceTokens(u);
      return { words: tokens.length, fillers: countFillersInContext(tokens, code) };
    };
  }
  const list = code === "ru" ? FILLER_WORDS.ru : FILLER_WORDS.en;
  return (u) => countWordsAndFillers(u, list);
}
