/**
 * Folding: the character-level rules every tokeniser shares, so that "don't", "don’t" and "donʼt"
 * are one word wherever a word is compared.
 */

/**
 * Every character transcripts use as an apostrophe: ASCII, right and left single quotation marks,
 * the modifier letter apostrophe, grave and acute accents. The ASCII one comes first (the others
 * fold to it).
 */
export const APOSTROPHES = "'’ʼ‘`´";

const OTHER_APOSTROPHES_RE = new RegExp(`[${APOSTROPHES.slice(1)}]`);
const OTHER_APOSTROPHES_GLOBAL_RE = new RegExp(OTHER_APOSTROPHES_RE.source, "g");
const ALL_APOSTROPHES_GLOBAL_RE = new RegExp(`[${APOSTROPHES}]`, "g");

/**
 * Every apostrophe form folded to `'`.
 * @example foldApostrophes("don’t ‘quote’") // "don't 'quote'"
 */
export function foldApostrophes(text: string): string {
  return OTHER_APOSTROPHES_RE.test(text) ? text.replace(OTHER_APOSTROPHES_GLOBAL_RE, "'") : text;
}

/**
 * Every apostrophe form removed (match keys in which "don't" = "dont").
 * @example dropApostrophes("don’t it's") // "dont its"
 */
export function dropApostrophes(text: string): string {
  return text.replace(ALL_APOSTROPHES_GLOBAL_RE, "");
}

/**
 * `ё` folded to `е` (Russian text writes either, ASR output too).
 * @example foldYo("ещё") // "еще"
 */
export function foldYo(text: string): string {
  return text.includes("ё") ? text.replace(/ё/g, "е") : text;
}

/**
 * Lower case, apostrophes and `ё` folded, whitespace squeezed to single spaces and trimmed: the
 * form phrase patterns run on.
 * @example foldText("  We DON’T\tneed  it ") // "we don't need it"
 */
export function foldText(text: string): string {
  return foldYo(foldApostrophes(text.toLowerCase())).replace(/\s+/g, " ").trim();
}
