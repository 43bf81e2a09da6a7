/**
 * White space as ECMAScript defines it (what `/\s/` and `String.prototype.trim` treat as space:
 * WhiteSpace and LineTerminator), tested per UTF-16 code unit without a regular expression.
 */

/**
 * Whether the code unit `c` is what `/\s/` matches.
 *
 * @example
 * isSpace(" ".charCodeAt(0)) // true
 * isSpace(0xa0) // true (no-break space)
 */
export function isSpace(c: number): boolean {
  return c <= 0x20
    ? c === 0x20 || (c >= 0x09 && c <= 0x0d)
    : c === 0xa0 ||
        c === 0x1680 ||
        (c >= 0x2000 && c <= 0x200a) ||
        c === 0x2028 ||
        c === 0x2029 ||
        c === 0x202f ||
        c === 0x205f ||
        c === 0x3000 ||
        c === 0xfeff;
}

/**
 * Whether `text` is already what `collapseWhitespace` would make of it: no space at either end,
 * no white space but single ASCII spaces between words, no bidi marks (U+200E, U+200F). Most cue
 * and line texts are, and are then returned as they are instead of rebuilt by three passes.
 *
 * @example
 * isCollapsed("so what now") // true
 * isCollapsed("so  what") // false
 */
export function isCollapsed(text: string): boolean {
  let afterSpace = true; // a space at the start is not collapsed
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20) {
      if (afterSpace) return false;
      afterSpace = true;
    } else if (c === 0x200e || c === 0x200f || isSpace(c)) {
      return false;
    } else {
      afterSpace = false;
    }
  }
  return !afterSpace || text.length === 0;
}
