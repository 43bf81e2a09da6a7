/**
 * Stemming: a crude, consistent suffix stripper for English and Russian, the same function on both
 * sides of every comparison (playbook signals and examples against what was said).
 */
import { dropApostrophes, foldYo } from "./fold.js";
import { type Token, wordParts } from "./words.js";

const CYRILLIC_RE = /\p{Script=Cyrillic}/u;

// Russian inflection endings, longest first.
const RU_ENDINGS = [
  "иями",
  "ями",
  "ами",
  "ого",
  "его",
  "ому",
  "ему",
  "ыми",
  "ими",
  "ешь",
  "ете",
  "ите",
  "ться",
  "тся",
  "ают",
  "яют",
  "ует",
  "ала",
  "ила",
  "али",
  "или",
  "ией",
  "ием",
  "ия",
  "ие",
  "ий",
  "ый",
  "ой",
  "ая",
  "яя",
  "ое",
  "ее",
  "ые",
  "ых",
  "их",
  "ую",
  "юю",
  "ом",
  "ем",
  "ам",
  "ям",
  "ах",
  "ях",
  "ов",
  "ев",
  "ей",
  "ть",
  "ет",
  "ют",
  "ут",
  "ит",
  "ат",
  "ят",
  "ла",
  "ло",
  "ли",
  "а",
  "я",
  "о",
  "е",
  "ы",
  "и",
  "у",
  "ю",
  "ь",
  "й",
  "л",
].sort((a, b) => b.length - a.length);

/**
 * A crude, consistent stem: good enough to match "budgets"/"budgeting" to "budget" and
 * "бюджета"/"бюджетом" to "бюджет" — the same function runs on both sides of every comparison.
 * @example stem("budgeting") // "budget"
 * @example stem("бюджетом") // "бюдж"
 */
export function stem(word: string): string {
  let cached = stemCache.get(word);
  if (cached === undefined) {
    cached = stemUncached(word);
    if (stemCache.size > 50_000) stemCache.clear();
    stemCache.set(word, cached);
  }
  return cached;
}

const stemCache = new Map<string, string>();

function stemUncached(word: string): string {
  let w = foldYo(dropApostrophes(word.toLowerCase()));
  if (CYRILLIC_RE.test(w)) {
    // Two passes, so "бюджет", "бюджета" and "бюджетом" all end up as "бюдж".
    for (let pass = 0; pass < 2; pass++) {
      const e = RU_ENDINGS.find((end) => w.length - end.length >= 3 && w.endsWith(end));
      if (!e) break;
      w = w.slice(0, -e.length);
    }
    return w;
  }
  if (w.length <= 3) return w;
  if (w.endsWith("ies") && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith("sses")) w = w.slice(0, -2);
  else if (w.endsWith("ing") && w.length > 5) w = w.slice(0, -3);
  else if (w.endsWith("ed") && w.length > 4) w = w.slice(0, -2);
  else if (w.endsWith("es") && w.length > 4 && !w.endsWith("ses")) w = w.slice(0, -2);
  else if (w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) w = w.slice(0, -1);
  if (w.length > 3 && /([b-df-hj-np-tv-z])\1$/.test(w) && !/(ll|ss|zz)$/.test(w)) w = w.slice(0, -1);
  if (w.length > 2 && w.endsWith("e")) w = w.slice(0, -1);
  return w;
}

/**
 * Stems of all the words of a text, hyphenated words split (stop words included: phrases match on
 * them).
 * @example stems("Budgets, follow-up calls") // ["budget", "follow", "up", "call"]
 */
export function stems(text: string): Token[] {
  return wordParts(text).map(stem);
}
