/**
 * The Snowball Russian stemmer (M. Porter's algorithm, snowballstem.org/algorithms/russian), written
 * out here: perfective gerund, reflexive, adjectival, verb and noun endings in RV; then "и";
 * derivational "ость" in R2; superlative "ейш", double "нн" and the soft sign. Input is one word;
 * "ё" is read as "е". Non-Cyrillic words fall back to the English stemmer (product names, "CRM").
 */
import { dropApostrophes, foldYo } from "../../../text/fold.js";
import { stem as stemEn } from "../../../text/stem.js";

const VOWELS = new Set("аеиоуыэюя");
const CYRILLIC = /[\u0400-\u04FF]/;

const byLength = (list: string): string[] => list.split(" ").sort((a, b) => b.length - a.length);

const GERUND_1 = byLength("в вши вшись");
const GERUND_2 = byLength("ив ивши ившись ыв ывши ывшись");
const ADJECTIVE = byLength(
  "ее ие ые ое ими ыми ей ий ый ой ем им ым ом его ого ему ому их ых ую юю ая яя ою ею",
);
const PARTICIPLE_1 = byLength("ем нн вш ющ щ");
const PARTICIPLE_2 = byLength("ивш ывш ующ");
const REFLEXIVE = byLength("ся сь");
const VERB_1 = byLength("ла на ете йте ли й л ем н ло но ет ют ны ть ешь нно");
const VERB_2 = byLength(
  "ила ыла ена ейте уйте ите или ыли ей уй ил ыл им ым ен ило ыло ено ят ует уют ит ыт ены ить ыть ишь ую ю",
);
const NOUN = byLength(
  "а ев ов ие ье е иями ями ами еи ии и ией ей ой ий й иям ям ием ем ам ом о у ах иях ях ы ь ию ью ю ия ья я",
);
const DERIVATIONAL = byLength("ост ость");
const SUPERLATIVE = byLength("ейш ейше");

/** Start of the region after the first vowel (RV), and of R2. */
function regions(w: string): { rv: number; r2: number } {
  let i = 0;
  while (i < w.length && !VOWELS.has(w[i]!)) i++;
  const rv = Math.min(w.length, i + 1);
  const r = (from: number): number => {
    let k = from;
    while (k < w.length && !VOWELS.has(w[k]!)) k++;
    while (k < w.length && VOWELS.has(w[k]!)) k++;
    return Math.min(w.length, k + 1);
  };
  const r1 = r(0);
  return { rv, r2: r(r1) };
}

/**
 * Strip the longest ending of `plain` (or of `afterA`, which must follow "а"/"я") lying at or after
 * `from`; null when none does.
 */
function strip(
  w: string,
  from: number,
  plain: readonly string[],
  afterA: readonly string[] = [],
): string | null {
  let best: string | null = null;
  for (const e of afterA) {
    const at = w.length - e.length;
    if (at - 1 >= from && w.endsWith(e) && (w[at - 1] === "а" || w[at - 1] === "я")) {
      best = w.slice(0, at);
      break;
    }
  }
  for (const e of plain) {
    const at = w.length - e.length;
    if (at >= from && w.endsWith(e)) {
      const cut = w.slice(0, at);
      if (best === null || cut.length < best.length) best = cut;
      break;
    }
  }
  return best;
}

/**
 * @example stemRu("бюджетом") // "бюджет"
 * @example stemRu("планировали") // "планирова"
 * @example stemRu("договорились") // "договор"
 */
export function stemRu(word: string): string {
  const w0 = foldYo(dropApostrophes(word.toLowerCase()));
  if (!CYRILLIC.test(w0)) return stemEn(word);
  let w = w0;
  const { rv, r2 } = regions(w);
  // Step 1.
  const gerund = strip(w, rv, GERUND_2, GERUND_1);
  if (gerund !== null) w = gerund;
  else {
    w = strip(w, rv, REFLEXIVE) ?? w;
    const adjective = strip(w, rv, ADJECTIVE);
    if (adjective !== null) {
      w = strip(adjective, rv, PARTICIPLE_2, PARTICIPLE_1) ?? adjective;
    } else {
      w = strip(w, rv, VERB_2, VERB_1) ?? strip(w, rv, NOUN) ?? w;
    }
  }
  // Step 2.
  if (w.length > rv && w.endsWith("и")) w = w.slice(0, -1);
  // Step 3.
  w = strip(w, r2, DERIVATIONAL) ?? w;
  // Step 4.
  if (w.length - 2 >= rv && w.endsWith("нн")) w = w.slice(0, -1);
  else {
    const sup = strip(w, rv, SUPERLATIVE);
    if (sup !== null) {
      w = sup;
      if (w.length - 2 >= rv && w.endsWith("нн")) w = w.slice(0, -1);
    } else if (w.length > rv && w.endsWith("ь")) w = w.slice(0, -1);
  }
  return w;
}
