import { isAsciiAlnum } from "../../text/match.js";
import { wordParts } from "../../text/words.js";

/**
 * The distinct words of one call, each with a number the caller gives it when first seen (the
 * playbook engine: its stem's id and whether it is a stop word). A call says a few hundred words
 * over and over: ASCII sentences are read by a hand-written scan that hashes each word as it goes
 * and finds it in an open-addressing table, so a word said again is neither cut out as a string
 * nor hashed again by a Map. Other text takes `wordParts` and the same table.
 */
export class WordTable {
  /** Per slot: 1 + the index of its word, or 0 when empty. */
  private slots = new Int32Array(1024);
  private readonly words: string[] = [];
  private readonly hashes: number[] = [];
  private readonly codes: number[] = [];
  /** Per word: its match form (apostrophes dropped), for ASCII words. */
  private readonly forms: string[] = [];

  constructor(private readonly codeFor: (word: string) => number) {}

  /**
   * Push the codes of `wordParts(text)` onto `codes` (and, when `forms` is given, their match forms
   * onto it) and return true; or, when `text` holds a non-ASCII character or a backtick (which
   * `words` sends to the Unicode rules), push nothing and return false.
   */
  scanAscii(text: string, codes: number[], forms: string[] | null): boolean {
    const start = codes.length;
    const formStart = forms?.length ?? 0;
    const n = text.length;
    let i = 0;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c >= 128 || c === 96) {
        codes.length = start;
        if (forms) forms.length = formStart;
        return false;
      }
      if (!isAsciiAlnum(c)) {
        i++;
        continue;
      }
      // A word part: letters and digits joined by an apostrophe that a letter or digit follows. (A
      // hyphen joins words in `words`, and `wordParts` splits them there again: a separator here.)
      const from = i;
      let h = 0;
      for (;;) {
        while (i < n) {
          const d = text.charCodeAt(i);
          if (!isAsciiAlnum(d)) break;
          h = (Math.imul(h, 31) + (d >= 65 && d <= 90 ? d + 32 : d)) | 0;
          i++;
        }
        if (i + 1 < n && text.charCodeAt(i) === 39 && isAsciiAlnum(text.charCodeAt(i + 1))) {
          h = (Math.imul(h, 31) + 39) | 0;
          i++;
        } else break;
      }
      const k = this.find(text, from, i, h);
      codes.push(this.codes[k]!);
      forms?.push(this.forms[k]!);
    }
    return true;
  }

  /** The code of a word as `wordParts` gives it (lower-case). */
  code(word: string): number {
    let h = 0;
    for (let i = 0; i < word.length; i++) h = (Math.imul(h, 31) + word.charCodeAt(i)) | 0;
    const mask = this.slots.length - 1;
    for (let s = mix(h) & mask; ; s = (s + 1) & mask) {
      const e = this.slots[s]!;
      if (e === 0) return this.codes[this.add(word, h)]!;
      if (this.hashes[e - 1] === h && this.words[e - 1] === word) return this.codes[e - 1]!;
    }
  }

  /** Index of the word text[from, to) (ASCII, lower-cased as read), added when new. */
  private find(text: string, from: number, to: number, h: number): number {
    const mask = this.slots.length - 1;
    const len = to - from;
    outer: for (let s = mix(h) & mask; ; s = (s + 1) & mask) {
      const e = this.slots[s]!;
      if (e === 0) return this.add(text.slice(from, to).toLowerCase(), h);
      if (this.hashes[e - 1] !== h) continue;
      const w = this.words[e - 1]!;
      if (w.length !== len) continue;
      for (let j = 0; j < len; j++) {
        const d = text.charCodeAt(from + j);
        if (w.charCodeAt(j) !== (d >= 65 && d <= 90 ? d + 32 : d)) continue outer;
      }
      return e - 1;
    }
  }

  private add(word: string, h: number): number {
    const k = this.words.length;
    this.words.push(word);
    this.hashes.push(h);
    this.codes.push(this.codeFor(word));
    this.forms.push(word.includes("'") ? word.replace(/'/g, "") : word);
    if (2 * this.words.length > this.slots.length) this.rehash();
    else this.place(k);
    return k;
  }

  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2);
    for (let k = 0; k < this.words.length; k++) this.place(k);
  }

  private place(k: number): void {
    const mask = this.slots.length - 1;
    let s = mix(this.hashes[k]!) & mask;
    while (this.slots[s] !== 0) s = (s + 1) & mask;
    this.slots[s] = k + 1;
  }
}

/** The parts of a text that the table cannot scan: `wordParts`, coded. */
export function codeWordParts(table: WordTable, text: string, codes: number[]): void {
  for (const w of wordParts(text)) codes.push(table.code(w));
}

/** [A-Za-z0-9] */
/** Spreads a word hash's high bits into the low ones the table's mask keeps. */
function mix(h: number): number {
  return (h ^ (h >>> 15)) >>> 0;
}
