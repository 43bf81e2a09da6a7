/**
 * A light stemmer for languages without a hand-written one: lower-case, diacritics and "ß" folded,
 * then the longest listed suffix removed when at least `min` letters remain (one pass). Crude but
 * consistent — the same function runs on a playbook's signals and on what was said, which is all
 * the matching needs ("presupuestos"/"presupuesto", "Entscheidungen"/"Entscheidung").
 */
import { dropApostrophes } from "../../text/fold.js";

const MARKS = /\p{M}+/gu;
const LATIN = /^[\p{Script=Latin}\p{N}]+$/u;

/**
 * @example lightStemmer(["es", "s"])("Presupuestos") // "presupuesto"
 */
export function lightStemmer(suffixes: readonly string[], min = 3): (word: string) => string {
  const sorted = [...new Set(suffixes)].sort((a, b) => b.length - a.length);
  const cache = new Map<string, string>();
  return (word: string): string => {
    let out = cache.get(word);
    if (out !== undefined) return out;
    let w = dropApostrophes(word.toLowerCase()).normalize("NFD").replace(MARKS, "").replace(/ß/g, "ss");
    if (LATIN.test(w)) {
      const e = sorted.find((s) => w.length - s.length >= min && w.endsWith(s));
      if (e) w = w.slice(0, -e.length);
    }
    if (cache.size > 20_000) cache.clear();
    cache.set(word, w);
    out = w;
    return out;
  };
}
