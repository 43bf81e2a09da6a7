/**
 * Feature extractor of the English question model: hashed word n-grams of the sentence (with
 * sentence-start and sentence-end markers), its first content words and last words (also crossed
 * with whether the text has punctuation, so one model serves both regimes), its punctuation, its
 * length, the rules' own decision, and the dialogue context: how the previous utterance of another
 * speaker ended and how the next one starts ("yeah", "no", "uh-huh" answer a question).
 * Allocation-free per call: tokens are hashed straight from the text into reused typed arrays.
 */
import type { QuestionKind } from "../types.js";
import { fnv1a, mix, slot } from "./hash.js";

/** Most tokens of one sentence that feed n-grams; the last two are always seen. */
const MAX_TOKENS = 96;
/** Upper bound of features per sentence (n-grams of MAX_TOKENS plus the fixed ones). */
export const MAX_FEATURES = 3 * (MAX_TOKENS + 2) + 64;

/** Feature indices of one sentence: `idx[0..n)`, repeated indices count twice. Reused between calls. */
export interface FeatureVector {
  readonly idx: Int32Array;
  n: number;
}

export function newFeatureVector(): FeatureVector {
  return { idx: new Int32Array(MAX_FEATURES), n: 0 };
}

// Namespaces: one arbitrary constant per feature family, so equal words in different roles differ.
const NS = {
  bias: 0x62696173,
  uni: 0x756e6931,
  bi: 0x62693032,
  tri: 0x74726933,
  first: 0x66697273,
  first2: 0x66697232,
  first3: 0x66697233,
  last: 0x6c617374,
  last2: 0x6c617332,
  punct: 0x70756e63,
  rule: 0x72756c65,
  ruleEnd: 0x72756c45,
  len: 0x6c656e67,
  nextNone: 0x6e786e6f,
  next1: 0x6e787431,
  next2: 0x6e787432,
  nextAll: 0x6e787441,
  nextLen: 0x6e78744c,
  prevNone: 0x70726e6f,
  prev1: 0x70727631,
  prevEnd: 0x70727645,
  short: 0x73686f72,
  ruleCtx: 0x72756c43,
} as const;
const BOS = 0x3c733e00;
const EOS = 0x3c2f733e;

// Scan flags.
const HAS_PUNCT = 1;
const END_Q = 2;
const HAS_Q = 4;
const END_STOP = 8;

/** Words skipped to find a sentence's first content word ("so um what do you…" → "what"). */
const FILLERS = new Set(
  `uh um umm uhm er erm hmm hm mm so and but well oh okay ok yeah now then anyway alright like`
    .split(" ")
    .map((w) => fnv1a(w)),
);

/** A code unit that belongs to a word: ASCII letters and digits, and letters beyond ASCII. */
function isWordCode(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  // Beyond ASCII: everything but spaces and punctuation blocks counts as a letter.
  return !(
    c === 0xa0 ||
    (c >= 0x2000 && c <= 0x206f) ||
    (c >= 0x3000 && c <= 0x303f) ||
    (c >= 0xff00 && c <= 0xff20) ||
    c === 0xab ||
    c === 0xbb
  );
}

interface Scan {
  /** Hashes of the first MAX_TOKENS tokens. */
  hashes: Uint32Array;
  /** Tokens in the text (may exceed MAX_TOKENS). */
  count: number;
  /** Hashes of the last two tokens (0 when absent). */
  tail1: number;
  tail2: number;
  flags: number;
  /** Whether the last two tokens are wanted: the context scans only read the first few (and count). */
  readonly tails: boolean;
}

const sentenceScan: Scan = {
  hashes: new Uint32Array(MAX_TOKENS),
  count: 0,
  tail1: 0,
  tail2: 0,
  flags: 0,
  tails: true,
};
const contextScan: Scan = {
  hashes: new Uint32Array(4),
  count: 0,
  tail1: 0,
  tail2: 0,
  flags: 0,
  tails: false,
};

/**
 * Tokenise `text` into `scan`: words are runs of word characters joined by an in-word apostrophe
 * or hyphen ("don't", "uh-huh"), hashed lower-cased; also notes the punctuation the text carries.
 */
function scanText(text: string, scan: Scan): void {
  const cap = scan.hashes.length;
  const n = text.length;
  let count = 0;
  let tail1 = 0;
  let tail2 = 0;
  let flags = 0;
  let lastMark = 0; // last non-space, non-word code unit after the last word
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (!isWordCode(c)) {
      if (c === 63 || c === 0xff1f) flags |= HAS_Q | HAS_PUNCT;
      else if (c === 46 || c === 44 || c === 33 || c === 59 || c === 58 || c === 0x2026) flags |= HAS_PUNCT;
      if (c !== 32 && c !== 9 && c !== 10 && c !== 13 && c !== 34 && c !== 39 && c !== 41 && c !== 0x201d)
        lastMark = c;
      i++;
      continue;
    }
    const start = i;
    for (;;) {
      i++;
      while (i < n && isWordCode(text.charCodeAt(i))) i++;
      const j = i < n ? text.charCodeAt(i) : 0;
      if ((j === 39 || j === 0x2019 || j === 45) && i + 1 < n && isWordCode(text.charCodeAt(i + 1))) i++;
      else break;
    }
    // A neighbour's utterance is read for its first words only: the rest is counted, not hashed.
    if (count < cap || scan.tails) {
      const h = fnv1a(text, start, i);
      if (count < cap) scan.hashes[count] = h;
      tail2 = tail1;
      tail1 = h;
    }
    count++;
    lastMark = 0;
  }
  if (lastMark === 63 || lastMark === 0xff1f) flags |= END_Q;
  else if (lastMark === 46 || lastMark === 33 || lastMark === 0x2026) flags |= END_STOP;
  scan.count = count;
  scan.tail1 = tail1;
  scan.tail2 = tail2;
  scan.flags = flags;
}

/** Words in the sentence the last `extractFeatures` call read. */
export function lastWordCount(): number {
  return sentenceScan.count;
}

/** Length bucket of a token count: 0, 1, 2, 3, 4–5, 6–8, 9–12, 13–20, 21+. */
function lengthBucket(n: number): number {
  if (n <= 3) return n;
  if (n <= 5) return 4;
  if (n <= 8) return 5;
  if (n <= 12) return 6;
  return n <= 20 ? 7 : 8;
}

const RULE_CODE = { open: 1, closed: 2 } as const;

/**
 * How a sentence ends: 0 the text has no punctuation at all, 1 "?", 2 a "?" earlier but not at
 * the end, 3 "." "!" or "…", 4 anything else (a comma, a dash, no mark in punctuated text).
 */
export type Ending = 0 | 1 | 2 | 3 | 4;

/**
 * Fill `out` with the features of `sentence` given the rules' decision and its neighbours:
 * `previousText` / `nextText` are the utterances of another speaker right before / after it
 * (undefined when the same speaker goes on or there is none).
 * @example const v = newFeatureVector(); extractFeatures(v, "You use Salesforce?", "closed", undefined, "yeah"); v.n > 0 // true
 */
export function extractFeatures(
  out: FeatureVector,
  sentence: string,
  rule: QuestionKind | null,
  previousText: string | undefined,
  nextText: string | undefined,
): Ending {
  const idx = out.idx;
  let k = 0;
  const s = sentenceScan;
  scanText(sentence, s);
  const punctuated = (s.flags & HAS_PUNCT) !== 0 ? 1 : 0;
  const seen = Math.min(s.count, MAX_TOKENS);
  const hs = s.hashes;

  idx[k++] = BIAS;
  // n-grams over <s> w1 … wn </s>
  let p2 = 0;
  let p1 = BOS;
  for (let i = 0; i < seen; i++) {
    const h = hs[i]!;
    idx[k++] = slot(mix(NS.uni, h));
    idx[k++] = slot(mix(mix(NS.bi, p1), h));
    if (p2 !== 0) idx[k++] = slot(mix(mix(mix(NS.tri, p2), p1), h));
    p2 = p1;
    p1 = h;
  }
  if (s.count > 0) {
    idx[k++] = slot(mix(mix(NS.bi, s.tail1), EOS));
    idx[k++] = slot(mix(mix(mix(NS.tri, s.tail2), s.tail1), EOS));
  }

  // First content words (after fillers) and last words, plain and crossed with the regime.
  let f = 0;
  while (f < seen && FILLERS.has(hs[f]!)) f++;
  const c1 = f < seen ? hs[f]! : EOS;
  const c2 = f + 1 < seen ? hs[f + 1]! : EOS;
  const c3 = f + 2 < seen ? hs[f + 2]! : EOS;
  const first = mix(NS.first, c1);
  const first2 = mix(mix(NS.first2, c1), c2);
  const first3 = mix(mix(mix(NS.first3, c1), c2), c3);
  const last = mix(NS.last, s.tail1);
  const last2 = mix(mix(NS.last2, s.tail2), s.tail1);
  idx[k++] = slot(first);
  idx[k++] = slot(mix(first, punctuated));
  idx[k++] = slot(first2);
  idx[k++] = slot(mix(first2, punctuated));
  idx[k++] = slot(first3);
  idx[k++] = slot(last);
  idx[k++] = slot(mix(last, punctuated + 2));
  idx[k++] = slot(last2);
  idx[k++] = slot(mix(last2, punctuated + 2));

  // Punctuation: how the sentence ends, and whether the text has punctuation at all.
  const end: Ending = !punctuated
    ? 0
    : (s.flags & END_Q) !== 0
      ? 1
      : (s.flags & HAS_Q) !== 0
        ? 2
        : (s.flags & END_STOP) !== 0
          ? 3
          : 4;
  idx[k++] = PUNCT[end]!;
  idx[k++] = LEN[lengthBucket(s.count) * 2 + punctuated]!;

  // The rules' decision, alone and crossed with the ending.
  const r = rule === null ? 0 : RULE_CODE[rule];
  idx[k++] = RULE[r]!;
  idx[k++] = RULE_END[r * 5 + end]!;

  // Who speaks around it: 0 the same speaker before and after, +1 another before, +2 another after.
  // A bare "right" after one's own words is a tag question; after someone else's, a backchannel.
  const around = (previousText === undefined ? 0 : 1) + (nextText === undefined ? 0 : 2);
  idx[k++] = RULE_CTX[r * 8 + around + 4 * punctuated]!;
  idx[k++] = slot(mix(first, around + 8));
  if (s.count <= 3) {
    let h: number = NS.short;
    for (let i = 0; i < s.count; i++) h = mix(h, hs[i]!);
    idx[k++] = slot(mix(h, around));
    idx[k++] = slot(mix(h, end + 8));
  }

  out.n = neighbourFeatures(idx, k, r, previousText, nextText);
  return end;
}

/**
 * The features of the neighbours' utterances, written from `idx[k]` on; returns the new count.
 * Apart from the sentence's: the optimising compiler handles the two smaller functions for less.
 */
function neighbourFeatures(
  idx: Int32Array,
  from: number,
  r: number,
  previousText: string | undefined,
  nextText: string | undefined,
): number {
  let k = from;
  const x = contextScan;
  // Next utterance by another speaker: its first words, all of it when short, its length.
  if (nextText === undefined) {
    idx[k++] = NEXT_NONE[r]!;
  } else {
    scanText(nextText, x);
    const n1 = x.count > 0 ? x.hashes[0]! : EOS;
    const n2 = x.count > 1 ? x.hashes[1]! : EOS;
    const next1 = mix(NS.next1, n1);
    idx[k++] = slot(next1);
    idx[k++] = slot(mix(next1, r + 3));
    idx[k++] = slot(mix(mix(NS.next2, n1), n2));
    if (x.count <= 3) {
      let h: number = NS.nextAll;
      for (let i = 0; i < x.count; i++) h = mix(h, x.hashes[i]!);
      idx[k++] = slot(h);
    }
    idx[k++] = NEXT_LEN[lengthBucket(x.count)]!;
  }
  // Previous utterance by another speaker: its first word and how it ended.
  if (previousText === undefined) {
    idx[k++] = PREV_NONE;
  } else {
    scanText(previousText, x);
    idx[k++] = slot(mix(NS.prev1, x.count > 0 ? x.hashes[0]! : EOS));
    idx[k++] = PREV_END[(x.flags & END_Q) !== 0 ? 1 : (x.flags & HAS_PUNCT) !== 0 ? 2 : 0]!;
  }
  return k;
}

// Features of a few values, computed once: table[i] = slot(f(i)).
const table = (n: number, f: (i: number) => number): Int32Array =>
  Int32Array.from({ length: n }, (_, i) => slot(f(i)));
const BIAS = slot(mix(NS.bias, 0));
const PUNCT = table(5, (end) => mix(NS.punct, end));
const LEN = table(18, (i) => mix(NS.len, i)); // length bucket × 2 + punctuated
const RULE = table(3, (r) => mix(NS.rule, r));
const RULE_END = table(15, (i) => mix(mix(NS.ruleEnd, Math.floor(i / 5)), i % 5)); // rule × 5 + ending
const RULE_CTX = table(24, (i) => mix(mix(NS.ruleCtx, Math.floor(i / 8)), i % 8)); // rule × 8 + context
const NEXT_NONE = table(3, (r) => mix(NS.nextNone, r));
const NEXT_LEN = table(9, (b) => mix(NS.nextLen, b));
const PREV_NONE = slot(mix(NS.prevNone, 0));
const PREV_END = table(3, (e) => mix(NS.prevEnd, e));
