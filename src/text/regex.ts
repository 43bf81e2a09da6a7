/**
 * Every match of a global expression in `text`, in order, as `text.matchAll(re)` yields them, but
 * on `re` itself: `matchAll` copies the expression (a new RegExp) on every call, which adds up
 * over every sentence of a call. `re` must be global, start at lastIndex 0 (as every expression
 * only ever read this way or with `match`/`matchAll` does) and not be used again inside `each`;
 * its lastIndex is 0 again afterwards.
 * @example const found: string[] = []; eachMatch(/\d+/g, "a 1 b 22", (m) => found.push(m[0])); // found: ["1", "22"]
 */
export function eachMatch(re: RegExp, text: string, each: (m: RegExpExecArray) => void): void {
  if (!re.global) throw new TypeError("eachMatch needs a global expression");
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    // An empty match moves on by one character (a whole code point with the u or v flag), as matchAll does.
    if (m[0] === "") re.lastIndex = advance(text, re.lastIndex, re.unicode || re.flags.includes("v"));
    each(m);
  }
  re.lastIndex = 0;
}

/** The index after the character at `i` (after a surrogate pair when `unicode`). */
function advance(text: string, i: number, unicode: boolean): number {
  if (!unicode || i + 1 >= text.length) return i + 1;
  const c = text.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff) return i + 1;
  const d = text.charCodeAt(i + 1);
  return d >= 0xdc00 && d <= 0xdfff ? i + 2 : i + 1;
}
