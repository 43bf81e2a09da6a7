/**
 * Required words of the cue lists' alternatives, so that a long alternation need not be run over
 * every sentence. Each alternative of a list is analysed from its regular-expression source: a run
 * of literal letters, a class of letters (a number's digit) or a group whose every branch yields
 * one is a requirement on the text's words when the characters around it are certainly not letters
 * (whitespace, punctuation, the word-boundary lookbehind and lookahead every list is wrapped in).
 * A "word" is a maximal run of the lexicons' letters; an alternative can match only a text whose
 * words meet all its requirements, so only those alternatives are tried, each alone: "some
 * alternative matches somewhere" is the alternation's `test`. Anything the analysis does not know
 * gives up (null), and the caller keeps the single expression.
 *
 * Measured against the alternative, word-start dispatch (each alternative's possible first
 * characters, a sticky expression per word start): slower than the single expression, as a call
 * into the expression engine per word start costs more than irregexp's own quick checks.
 */
import { LIMIT, WordIndex } from "./cue-word-index.js";

/** A set of character codes as ranges: [from0, to0, from1, to1, …], unsorted, maybe overlapping. */
type CharSet = number[];

const newSet = (): CharSet => [];

function addRange(set: CharSet, from: number, to: number): void {
  set.push(from, to);
}

function unionInto(into: CharSet, other: CharSet): void {
  for (const x of other) into.push(x);
}

function complement(set: CharSet): CharSet {
  const ranges: Array<[number, number]> = [];
  for (let i = 0; i < set.length; i += 2) ranges.push([set[i]!, set[i + 1]!]);
  ranges.sort((x, y) => x[0] - y[0]);
  const out = newSet();
  let next = 0;
  for (const [from, to] of ranges) {
    if (from > next) out.push(next, from - 1);
    next = Math.max(next, to + 1);
  }
  if (next <= 0xffff) out.push(next, 0xffff);
  return out;
}

/** Each code of the set below LIMIT; `beyond` is called once if the set has codes at or above it. */
function eachCode(set: CharSet, each: (code: number) => void, beyond?: () => void): void {
  let high = false;
  for (let i = 0; i < set.length; i += 2) {
    for (let c = set[i]!; c <= set[i + 1]! && c < LIMIT; c++) each(c);
    if (set[i + 1]! >= LIMIT) high = true;
  }
  if (high) beyond?.();
}

const SPACE_CODES = [9, 10, 11, 12, 13, 32, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff];
const CLASS_ESCAPES: Record<string, () => CharSet> = {
  d: () => rangeSet([[0x30, 0x39]]),
  s: () => {
    const s = rangeSet([[0x2000, 0x200a]]);
    for (const c of SPACE_CODES) addRange(s, c, c);
    return s;
  },
  w: () =>
    rangeSet([
      [0x30, 0x39],
      [0x41, 0x5a],
      [0x5f, 0x5f],
      [0x61, 0x7a],
    ]),
};
CLASS_ESCAPES.D = () => complement(CLASS_ESCAPES.d!());
CLASS_ESCAPES.S = () => complement(CLASS_ESCAPES.s!());
CLASS_ESCAPES.W = () => complement(CLASS_ESCAPES.w!());

function rangeSet(ranges: ReadonlyArray<readonly [number, number]>): CharSet {
  const s = newSet();
  for (const [a, b] of ranges) addRange(s, a, b);
  return s;
}

/** A parsed expression: sequences of terms inside groups. */
type Node =
  /** One character of a set; `code` when it is a single literal character. */
  | { kind: "char"; set: CharSet; code: number | null }
  /** Anchors, word boundaries, lookarounds: match no character. */
  | { kind: "zero" }
  | { kind: "group"; alternatives: Node[][] }
  | { kind: "repeat"; node: Node; min: number };

class Unanalysable extends Error {}

/** A parser for regular-expression source without flags (not Unicode mode), for the constructs the lexicons use. */
class Parser {
  private i = 0;
  constructor(private readonly src: string) {}

  parse(): Node[][] {
    const alternatives = this.disjunction();
    if (this.i !== this.src.length) throw new Unanalysable(`unexpected ) at ${this.i}`);
    return alternatives;
  }

  private disjunction(): Node[][] {
    const out = [this.sequence()];
    while (this.src[this.i] === "|") {
      this.i++;
      out.push(this.sequence());
    }
    return out;
  }

  private sequence(): Node[] {
    const out: Node[] = [];
    while (this.i < this.src.length && this.src[this.i] !== "|" && this.src[this.i] !== ")") {
      const atom = this.atom();
      const min = this.quantifier();
      out.push(min === null ? atom : { kind: "repeat", node: atom, min });
    }
    return out;
  }

  /** The minimum count of a quantifier at the cursor (consumed), or null when there is none. */
  private quantifier(): number | null {
    const c = this.src[this.i];
    let min: number | null = null;
    if (c === "?" || c === "*") min = 0;
    else if (c === "+") min = 1;
    if (min !== null) this.i++;
    else if (c === "{") {
      const m = /^\{(\d+)(?:,\d*)?\}/.exec(this.src.slice(this.i, this.i + 20));
      if (m === null) return null; // a literal brace (Annex B)
      min = Number(m[1]);
      this.i += m[0].length;
    }
    if (min !== null && this.src[this.i] === "?") this.i++; // lazy
    return min;
  }

  private atom(): Node {
    const src = this.src;
    const c = src[this.i]!;
    this.i++;
    if (c === "(") {
      let zero = false;
      if (src.startsWith("?:", this.i)) this.i += 2;
      else if (src.startsWith("?=", this.i) || src.startsWith("?!", this.i)) {
        this.i += 2;
        zero = true;
      } else if (src.startsWith("?<=", this.i) || src.startsWith("?<!", this.i)) {
        this.i += 3;
        zero = true;
      } else if (src[this.i] === "?") throw new Unanalysable("group kind");
      const alternatives = this.disjunction();
      if (src[this.i] !== ")") throw new Unanalysable("unclosed group");
      this.i++;
      return zero ? { kind: "zero" } : { kind: "group", alternatives };
    }
    if (c === "[") return { kind: "char", set: this.charClass(), code: null };
    if (c === "\\") {
      const e = src[this.i]!;
      if (e === "b" || e === "B") {
        this.i++;
        return { kind: "zero" };
      }
      return this.escape();
    }
    if (c === "^" || c === "$") return { kind: "zero" };
    if (c === ")" || c === "|" || c === "*" || c === "+" || c === "?") throw new Unanalysable(c);
    if (c === ".") return { kind: "char", set: complement(newSet()), code: null };
    return literal(c.charCodeAt(0));
  }

  /** An escape after its backslash: a class escape or one character (consumed). */
  private escape(): Node {
    const e = this.src[this.i]!;
    this.i++;
    const cls = CLASS_ESCAPES[e];
    if (cls !== undefined) return { kind: "char", set: cls(), code: null };
    return literal(this.escapedCode(e));
  }

  /** The code of a one-character escape whose letter `e` was just consumed. */
  private escapedCode(e: string): number {
    if (e === "u" || e === "x") {
      const n = e === "u" ? 4 : 2;
      const hex = this.src.slice(this.i, this.i + n);
      if (hex.length !== n || !/^[0-9a-fA-F]+$/.test(hex)) throw new Unanalysable(`\\${e}`);
      this.i += n;
      return Number.parseInt(hex, 16);
    }
    if (/[0-9ck]/.test(e)) throw new Unanalysable(`\\${e}`); // backreferences, octal, control
    const named: Record<string, number> = { n: 10, t: 9, r: 13, f: 12, v: 11 };
    return named[e] ?? e.charCodeAt(0);
  }

  /** A character class after its `[` (consumed, with its `]`). */
  private charClass(): CharSet {
    const src = this.src;
    const negated = src[this.i] === "^";
    if (negated) this.i++;
    const set = newSet();
    while (this.i < src.length && src[this.i] !== "]") {
      const from = this.classAtom();
      if (src[this.i] === "-" && this.i + 1 < src.length && src[this.i + 1] !== "]") {
        this.i++;
        const to = this.classAtom();
        if (from.code === null || to.code === null) {
          // "\s-a": the dash is a literal (Annex B).
          unionInto(set, from.set);
          addRange(set, 0x2d, 0x2d);
          unionInto(set, to.set);
        } else {
          if (to.code < from.code) throw new Unanalysable("range out of order");
          addRange(set, from.code, to.code);
        }
      } else unionInto(set, from.set);
    }
    if (src[this.i] !== "]") throw new Unanalysable("unclosed class");
    this.i++;
    return negated ? complement(set) : set;
  }

  /** One member of a class: a character (with its code) or a class escape (code null). */
  private classAtom(): { set: CharSet; code: number | null } {
    const c = this.src[this.i]!;
    this.i++;
    if (c !== "\\") return literal(c.charCodeAt(0));
    const e = this.src[this.i]!;
    this.i++;
    const cls = CLASS_ESCAPES[e];
    if (cls !== undefined) return { set: cls(), code: null };
    return literal(e === "b" ? 8 : e === "-" ? 0x2d : this.escapedCode(e));
  }
}

function literal(code: number): { kind: "char"; set: CharSet; code: number } {
  const set = newSet();
  addRange(set, code, code);
  return { kind: "char", set, code };
}

/** First and last characters, and emptiness, of nodes and sequences. */
class Shapes {
  private readonly memo = new Map<Node, { first: CharSet; last: CharSet; nullable: boolean }>();

  of(n: Node): { first: CharSet; last: CharSet; nullable: boolean } {
    let s = this.memo.get(n);
    if (s === undefined) {
      s = this.compute(n);
      this.memo.set(n, s);
    }
    return s;
  }

  private compute(n: Node): { first: CharSet; last: CharSet; nullable: boolean } {
    switch (n.kind) {
      case "char":
        return { first: n.set, last: n.set, nullable: false };
      case "zero":
        return { first: newSet(), last: newSet(), nullable: true };
      case "repeat": {
        const inner = this.of(n.node);
        return { first: inner.first, last: inner.last, nullable: inner.nullable || n.min === 0 };
      }
      case "group": {
        const out = { first: newSet(), last: newSet(), nullable: false };
        for (const seq of n.alternatives) {
          const s = this.sequence(seq);
          unionInto(out.first, s.first);
          unionInto(out.last, s.last);
          out.nullable ||= s.nullable;
        }
        return out;
      }
    }
  }

  sequence(seq: readonly Node[]): { first: CharSet; last: CharSet; nullable: boolean } {
    const first = newSet();
    const last = newSet();
    let nullable = true;
    for (const t of seq) {
      const s = this.of(t);
      if (nullable) unionInto(first, s.first);
      nullable &&= s.nullable;
    }
    for (let i = seq.length - 1; i >= 0; i--) {
      const s = this.of(seq[i]!);
      unionInto(last, s.last);
      if (!s.nullable) break;
    }
    return { first, last, nullable };
  }
}

/**
 * What a match requires of the text's words: one of `exact` as a whole word, a word starting with
 * one of `prefixes`, or a word whose first character is in `starts`.
 */
export interface Requirement {
  exact: Set<string>;
  prefixes: Set<string>;
  starts: CharSet;
}

const emptyRequirement = (): Requirement => ({ exact: new Set(), prefixes: new Set(), starts: newSet() });

function addRequirement(into: Requirement, r: Requirement): void {
  for (const w of r.exact) into.exact.add(w);
  for (const p of r.prefixes) into.prefixes.add(p);
  unionInto(into.starts, r.starts);
}

/**
 * Words met in most sentences of a call (English function words; other languages' are mostly short,
 * which `weight` counts too).
 */
const COMMON = new Set(
  `the a an and or but so to of in on at for with by from is are was were be been being it this that these those
  we you i they he she our your my their its me us them what which who how why when where there here not no do does
  did have has had will would can could should may might just really very too also more some any all about than then
  into out up down over only even still yet well like get got make think know going want need because if s t re m ll
  d ve don can won isn thing things lot go one right now time good see sure okay ok yeah yes kind much`.split(
    /\s+/,
  ),
);

/** How often a requirement is likely met by some word of a sentence: common and short words often. */
function weight(r: Requirement): number {
  let w = 0;
  for (const x of r.exact)
    w += COMMON.has(x) ? 30 : x.length <= 2 ? 16 : x.length === 3 ? 6 : x.length === 4 ? 3 : 1;
  for (const x of r.prefixes) w += x.length <= 2 ? 40 : x.length === 3 ? 10 : x.length === 4 ? 5 : 2;
  eachCode(r.starts, () => {
    w += 3;
  });
  return w;
}

class WordAnalysis {
  private readonly shapes = new Shapes();
  constructor(private readonly letter: Uint8Array) {}

  private isLetter(code: number | null): boolean {
    return code !== null && code < LIMIT && this.letter[code] === 1;
  }

  // Asked of the same (memoised) sets again and again: remember the answers.
  private readonly only = new WeakMap<CharSet, boolean>();
  private readonly none = new WeakMap<CharSet, boolean>();

  private onlyLetters(set: CharSet): boolean {
    let only = this.only.get(set);
    if (only === undefined) {
      only = true;
      for (let i = 0; i < set.length && only; i += 2)
        for (let c = set[i]!; c <= set[i + 1]!; c++)
          if (c >= LIMIT || this.letter[c] !== 1) {
            only = false;
            break;
          }
      this.only.set(set, only);
    }
    return only;
  }

  private noLetter(set: CharSet): boolean {
    let none = this.none.get(set);
    if (none === undefined) {
      none = true;
      for (let i = 0; i < set.length && none; i += 2)
        for (let c = set[i]!; c <= set[i + 1]! && c < LIMIT; c++)
          if (this.letter[c] === 1) {
            none = false;
            break;
          }
      this.none.set(set, none);
    }
    return none;
  }

  /** Is the character before seq[i] certainly not a letter, given `left` for the start of seq? */
  private leftClear(seq: readonly Node[], i: number, left: boolean): boolean {
    for (let j = i - 1; j >= 0; j--) {
      const s = this.shapes.of(seq[j]!);
      if (!this.noLetter(s.last)) return false;
      if (!s.nullable) return true;
    }
    return left;
  }

  /** Is the character after seq[i] certainly not a letter, given `right` for the end of seq? */
  private rightClear(seq: readonly Node[], i: number, right: boolean): boolean {
    for (let j = i + 1; j < seq.length; j++) {
      const s = this.shapes.of(seq[j]!);
      if (!this.noLetter(s.first)) return false;
      if (!s.nullable) return true;
    }
    return right;
  }

  /**
   * Requirements every match of `seq` meets (all of them), when the characters before and after
   * the match are certainly not letters (`left`, `right`): one per term that yields one.
   */
  terms(seq: readonly Node[], left: boolean, right: boolean): Requirement[] {
    const out: Requirement[] = [];
    for (let i = 0; i < seq.length; i++) {
      const t = seq[i]!;
      if (t.kind === "char" && this.isLetter(t.code)) {
        // A run of literal letters that starts a word: the word, or a prefix of it.
        let j = i;
        let run = "";
        for (; j < seq.length; j++) {
          const u = seq[j]!;
          if (u.kind !== "char" || !this.isLetter(u.code)) break;
          run += String.fromCharCode(u.code!);
        }
        if (this.leftClear(seq, i, left)) {
          const r = emptyRequirement();
          (this.rightClear(seq, j - 1, right) ? r.exact : r.prefixes).add(run);
          out.push(r);
        }
        i = j - 1;
      } else if (t.kind === "char" || (t.kind === "repeat" && t.min >= 1 && t.node.kind === "char")) {
        // A class of letters that starts a word (a digit of a number): the word's first character.
        const set = t.kind === "char" ? t.set : (t.node as { set: CharSet }).set;
        if (this.onlyLetters(set) && this.leftClear(seq, i, left)) {
          const r = emptyRequirement();
          unionInto(r.starts, set);
          out.push(r);
        }
      } else if (t.kind === "group") {
        const l = this.leftClear(seq, i, left);
        const r = this.rightClear(seq, i, right);
        let all: Requirement | null = emptyRequirement();
        for (const alt of t.alternatives) {
          const req = this.best(alt, l, r);
          if (req === null) {
            all = null;
            break;
          }
          addRequirement(all, req);
        }
        if (all !== null) out.push(all);
      }
    }
    return out;
  }

  /** The most selective of `terms`, or null. */
  private best(seq: readonly Node[], left: boolean, right: boolean): Requirement | null {
    let best: Requirement | null = null;
    let bestWeight = Number.POSITIVE_INFINITY;
    for (const r of this.terms(seq, left, right)) {
      const w = weight(r);
      if (w < bestWeight) {
        best = r;
        bestWeight = w;
      }
    }
    return best;
  }
}

/**
 * What a match of one alternative, standing between a lookbehind and a lookahead that both exclude
 * letters, requires of the text's words (maximal runs of `letter` characters): for each branch of
 * its top level, a list of requirements all of which hold (an empty list: none known); null when
 * the source is not understood.
 * @example requirementsOf("(too|so) expensive", "a-z")?.[0]?.map((r) => [...r.exact]) // [["too", "so"], ["expensive"]]
 */
export function requirementsOf(alternative: string, letter: string): Requirement[][] | null {
  const analysis = new WordAnalysis(letterSet(letter));
  try {
    return new Parser(alternative).parse().map((seq) => analysis.terms(seq, true, true));
  } catch (e) {
    if (e instanceof Unanalysable) return null;
    throw e;
  }
}

/**
 * `requirementsOf`'s answer in JSON form, for a table computed ahead of time
 * (cue-requirements.generated.ts): per branch, per requirement, [whole words, word prefixes, the
 * first-character set's ranges]; null for an alternative that is not understood. Decoding gives
 * back the same requirements in the same order, so an index built from either is the same.
 * @example encodeRequirements(requirementsOf("(too|so) expensive", "a-z")) // [[[["too", "so"], [], []], [["expensive"], [], []]]]
 */
export type EncodedRequirements = Array<Array<[string[], string[], number[]]>> | null;

export function encodeRequirements(reqs: Requirement[][] | null): EncodedRequirements {
  return reqs === null
    ? null
    : reqs.map((branch) => branch.map((r) => [[...r.exact], [...r.prefixes], [...r.starts]]));
}

function decodeRequirements(encoded: EncodedRequirements): Requirement[][] | null {
  return encoded === null
    ? null
    : encoded.map((branch) =>
        branch.map(([exact, prefixes, starts]) => ({
          exact: new Set(exact),
          prefixes: new Set(prefixes),
          starts: [...starts],
        })),
      );
}

/** A table of the codes below LIMIT of the class `[letter]`: 1 for a letter. */
function letterSet(letter: string): Uint8Array {
  const known = letterSets.get(letter);
  if (known !== undefined) return known;
  const cls = new Parser(`[${letter}]`).parse()[0]![0]!;
  if (cls.kind !== "char") throw new Error(`not a character class: ${letter}`);
  const table = new Uint8Array(LIMIT);
  eachCode(cls.set, (c) => {
    table[c] = 1;
  });
  letterSets.set(letter, table);
  return table;
}

const letterSets = new Map<string, Uint8Array>();

const indexes = new Map<string, WordIndex>();

/**
 * `test` for the alternation `before(?:alternatives…)after`, where `before` and `after` are a
 * lookbehind and a lookahead that exclude every `letter` character: true when some alternative
 * matches. Each alternative is tried alone, and only when the text's words meet its requirements
 * (see `requirementsOf`); "some alternative matches somewhere" is the alternation's answer. Null
 * when some alternative is not understood (the caller keeps the single expression). `known`: each
 * alternative's requirements analysed ahead of time for this `letter` (`encodeRequirements`), in
 * the order of `alternatives`; without it they are analysed here.
 */
export function cueTest(
  alternatives: readonly string[],
  before: string,
  after: string,
  letter: string,
  known?: readonly EncodedRequirements[],
): ((text: string) => boolean) | null {
  let index = indexes.get(letter);
  if (index === undefined) {
    index = new WordIndex(letterSet(letter));
    indexes.set(letter, index);
  }
  const idx = index;
  const analysed: Array<{ source: string; branches: number[][] }> = [];
  for (const [k, source] of alternatives.entries()) {
    const reqs = known ? decodeRequirements(known[k]!) : requirementsOf(source, letter);
    if (reqs === null) return null;
    // The least likely requirement first: most alternatives are ruled out by one look-up.
    const branches = reqs.map((conjuncts) =>
      conjuncts
        .map((r) => ({ r, w: weight(r) }))
        .sort((x, y) => x.w - y.w)
        .map(({ r }, i) =>
          idx.add({ exact: r.exact, prefixes: r.prefixes, starts: codesOf(r.starts) }, i === 0),
        ),
    );
    analysed.push({ source, branches });
  }
  const ids = analysed.map((a) => a.branches);
  // Alternatives by the first (least likely) requirement of a branch, a dense array over the ids
  // so far (another list's later ids fall beyond it); those with a branch that requires nothing
  // known are always tried.
  let size = 0;
  for (const branches of ids)
    for (const conjuncts of branches) if (conjuncts.length > 0) size = Math.max(size, conjuncts[0]! + 1);
  const byFirst = new Array<number[] | null>(size).fill(null);
  const always: number[] = [];
  ids.forEach((branches, k) => {
    for (const conjuncts of branches) {
      if (conjuncts.length === 0) always.push(k);
      else {
        const list = byFirst[conjuncts[0]!];
        if (!list) byFirst[conjuncts[0]!] = [k];
        else list.push(k);
      }
    }
  });
  const expressions = new Array<RegExp | null>(analysed.length).fill(null);
  const tryAlternative = (k: number, text: string): boolean => {
    if (!possible(ids[k]!, idx)) return false;
    let re = expressions[k];
    if (!re) {
      re = new RegExp(`${before}(?:${analysed[k]!.source})${after}`);
      expressions[k] = re;
    }
    return re.test(text);
  };
  return (text) => {
    idx.read(text);
    for (const k of always) if (tryAlternative(k, text)) return true;
    const met = idx.metIds;
    for (let i = 0, n = idx.metCount; i < n; i++) {
      const id = met[i]!;
      const alternatives = id < size ? byFirst[id] : null;
      if (alternatives) for (const k of alternatives) if (tryAlternative(k, text)) return true;
    }
    return false;
  };
}

/** The codes of a set below LIMIT, each once (a word's possible first characters). */
function codesOf(set: CharSet): number[] {
  const codes: number[] = [];
  eachCode(set, (c) => {
    if (!codes.includes(c)) codes.push(c);
  });
  return codes;
}

/** Does some branch have all its requirements met? */
function possible(branches: readonly number[][], index: WordIndex): boolean {
  for (const conjuncts of branches) {
    let all = true;
    for (const id of conjuncts)
      if (!index.holds(id)) {
        all = false;
        break;
      }
    if (all) return true;
  }
  return false;
}
