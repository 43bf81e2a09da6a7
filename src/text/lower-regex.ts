/**
 * Case-insensitive expressions run case-sensitively on lower-cased text. V8 runs a `/iu`
 * expression slower than the same expression without `i` (the money pattern over the generated
 * hour: ~950 against ~96 µs per pass, a microbenchmark on a loaded machine; it cannot skip ahead on
 * its first characters), and the rules summary tests a dozen of them on every sentence of a call.
 * Lower-casing a sentence once and testing the `i`-less twin on it gives the same answers whenever
 * the text holds only characters where lower-casing and the `i` flag agree ("plain" text, below);
 * any other text goes to the original expression.
 *
 * Why the answers agree on plain text (src/text/lower-regex.test.ts checks each step):
 * - every character of plain text is ASCII or caseless: a caseless character equals only itself
 *   under `i` (with and without `u`), is its own lower case and no word character;
 * - an ASCII character c and a lowercase or non-letter pattern character p are equal under `i` iff
 *   lower(c) = p; the only non-ASCII characters equal under `i` to an ASCII letter are "ſ" and the
 *   Kelvin sign, which `twin` refuses in a pattern (a plain text never holds them);
 * - \w, \b, \d, \s, \p{L}, \p{N} and their negations classify c and lower(c) alike;
 * - so a pattern with no uppercase ASCII letter and no escape that names a character (\x41, \u0041,
 *   \cA, \p{Lu}, back-references) matches plain text under `i` exactly where its twin matches the
 *   lower-cased text, at the same offsets (lower-casing plain text keeps its length).
 */

/**
 * A character that is neither ASCII nor caseless: the caseless ones are Latin-1 signs (but the micro
 * sign), ×, ÷, the modifier apostrophe, general punctuation and currency signs.
 */
const NOT_PLAIN_RE = /[^\0-\x7f\xa0-\xb4\xb6-\xbf\xd7\xf7\u02bc\u2000-\u206f\u20a0-\u20cf]/;

/**
 * `text` lower-cased when it is plain (ASCII and caseless characters only), else null.
 * @example lowerPlain("Next Steps: €5k") // "next steps: €5k"
 * @example lowerPlain("Größe") // null
 */
export function lowerPlain(text: string): string | null {
  return NOT_PLAIN_RE.test(text) ? null : text.toLowerCase();
}

/** Escapes that classify a character the same way as its lower case. */
const SAFE_ESCAPES_RE = /\\(?:[bBdDsSwW]|[pP]\{[LN]\})/g;
const CLASS_ESCAPES_RE = /\\[bBdDsSwW]/g;

/**
 * The `i`-less twin of a case-insensitive expression, for text from `lowerPlain`; null when the
 * expression is not case-insensitive or its pattern could tell case apart (see the file comment).
 * @example twin(/\bnext steps?\b/iu) // /\bnext steps?\b/u
 * @example twin(/\b[A-Z]\w+/iu) // null
 */
export function twin(re: RegExp): RegExp | null {
  if (!re.ignoreCase || re.flags.includes("v")) return null;
  // \p{L} is a property only with `u`; without it, "p{L}" is literal text (and "L" a capital).
  const rest = re.unicode ? re.source.replace(SAFE_ESCAPES_RE, "") : re.source.replace(CLASS_ESCAPES_RE, "");
  if (/[A-Zſ\u212a]|\\(?:[pPxuck]|[1-9])/.test(rest) || !rangesCaseless(re.source)) return null;
  return new RegExp(re.source, re.flags.replace("i", ""));
}

/**
 * False when a character class holds a range that takes in a capital ASCII letter, "ſ" or the
 * Kelvin sign (each equal under `i` to a lowercase ASCII letter the range may lack), or a range
 * with an escaped end.
 */
function rangesCaseless(source: string): boolean {
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (ch === "\\") {
      // An escaped character that starts a range ("\x41-z").
      if (inClass && source[i + 2] === "-" && source[i + 3] !== undefined && source[i + 3] !== "]")
        return false;
      i++;
    } else if (!inClass) {
      if (ch === "[") inClass = true;
    } else if (ch === "]") {
      inClass = false;
    } else if (source[i + 1] === "-" && source[i + 2] !== undefined && source[i + 2] !== "]") {
      if (source[i + 2] === "\\") return false;
      const from = source.codePointAt(i)!;
      const to = source.codePointAt(i + 2)!;
      if ((from <= 0x5a && to >= 0x41) || (from <= 0x17f && to >= 0x17f) || (from <= 0x212a && to >= 0x212a))
        return false;
      i += 2;
    }
  }
  return true;
}

/**
 * A case-insensitive expression with its twin: `test` answers as `re.test(text)` does, on the twin
 * when the caller passes the text's `lowerPlain`. Only for expressions without `g` or `y` (their
 * `test` depends on lastIndex).
 */
export class LowerRegex {
  readonly re: RegExp;
  private readonly low: RegExp | null;

  constructor(re: RegExp) {
    if (re.global || re.sticky) throw new TypeError("LowerRegex needs an expression without g or y");
    this.re = re;
    this.low = twin(re);
  }

  /** `re.test(text)`; `lower` is `lowerPlain(text)` (null: test `re` itself). */
  test(text: string, lower: string | null): boolean {
    return lower !== null && this.low !== null ? this.low.test(lower) : this.re.test(text);
  }
}

/**
 * How many matches `text.match(re)` finds for a global expression, on its twin when `lower` (the
 * text's `lowerPlain`) is given.
 */
export function countMatches(re: RegExp, low: RegExp | null, text: string, lower: string | null): number {
  const m = lower !== null && low !== null ? lower.match(low) : text.match(re);
  return m === null ? 0 : m.length;
}

/**
 * One expression that matches where any of `list` matches (`(?:a)|(?:b)|…`), for one scan instead
 * of several; null when they differ in flags, are global or sticky, or hold groups whose numbers or
 * names joining would change (back-references, named groups).
 * @example anyOf([/\bbudget\b/iu, /\d\s?k\b/iu]) // /(?:\bbudget\b)|(?:\d\s?k\b)/iu
 */
export function anyOf(list: readonly RegExp[]): RegExp | null {
  const flags = list[0]?.flags;
  if (flags === undefined || /[gy]/.test(flags)) return null;
  for (const re of list) if (re.flags !== flags || /\\(?:[1-9]|k)|\(\?<[^=!]/.test(re.source)) return null;
  return new RegExp(list.map((re) => `(?:${re.source})`).join("|"), flags);
}

/**
 * True when `re` matching a piece of a text implies it matches the whole text, for pieces bounded
 * by non-word characters (clauses cut at ", and", ";"): its pattern holds no anchor, lookaround or
 * \B, whose answer depends on what lies beyond the piece; \b does not, at such a border.
 */
export function matchesWithin(re: RegExp): boolean {
  const source = re.source;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (ch === "\\") {
      if (source[i + 1] === "B") return false;
      i++;
    } else if (inClass) {
      if (ch === "]") inClass = false;
    } else if (ch === "[") {
      inClass = true;
    } else if (ch === "^" || ch === "$" || (ch === "(" && /^\(\?<?[=!]/.test(source.slice(i, i + 4)))) {
      return false;
    }
  }
  return true;
}
