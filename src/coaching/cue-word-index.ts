/**
 * The word index of the cue lists (see cue-words.ts): every required word and word prefix of every
 * cue list of one letter class, in one trie, so that a text's words are read in one pass over its
 * characters — no word is cut out as a string or looked up in a map — and the requirements they
 * meet are known for every list that reads the same text.
 */

/** Letters are looked up in a table of codes below this (the lexicons' letters all are). */
export const LIMIT = 0x500;

/** A requirement on a text's words, as `add` takes it (see `Requirement` in cue-words.ts). */
export interface WordRequirement {
  /** Whole words, one of which the text must hold… */
  exact: Iterable<string>;
  /** …or a word starting with one of these… */
  prefixes: Iterable<string>;
  /** …or a word starting with one of these character codes (below LIMIT, no repeats). */
  starts: readonly number[];
}

/** Trie node flags: a registered whole word, a registered prefix ends at the node. */
const WORD = 1;
const PREFIX = 2;

/**
 * The trie's edges, (node, code) → child, in an open-addressing table: one multiply and, mostly,
 * one probe per character read.
 */
class Edges {
  private keys = new Int32Array(1024);
  private children = new Int32Array(1024);
  private shift = 22;
  private count = 0;

  /** The child of `node` by `code`, or -1. */
  get(node: number, code: number): number {
    const key = node * LIMIT + code + 1;
    const keys = this.keys;
    const mask = keys.length - 1;
    for (let h = Math.imul(key, 0x9e3779b1) >>> this.shift; ; h = (h + 1) & mask) {
      const k = keys[h]!;
      if (k === key) return this.children[h]!;
      if (k === 0) return -1;
    }
  }

  set(node: number, code: number, child: number): void {
    if (2 * (this.count + 1) > this.keys.length) this.rehash();
    this.put(node * LIMIT + code + 1, child);
    this.count++;
  }

  private put(key: number, child: number): void {
    const keys = this.keys;
    const mask = keys.length - 1;
    let h = Math.imul(key, 0x9e3779b1) >>> this.shift;
    while (keys[h] !== 0) h = (h + 1) & mask;
    keys[h] = key;
    this.children[h] = child;
  }

  private rehash(): void {
    const { keys, children } = this;
    this.keys = new Int32Array(keys.length * 2);
    this.children = new Int32Array(keys.length * 2);
    this.shift--;
    for (let h = 0; h < keys.length; h++) if (keys[h] !== 0) this.put(keys[h]!, children[h]!);
  }
}

/**
 * Requirements indexed by the words, prefixes and first characters of a text. What one text has
 * is stamped with the number of the read (`epoch`), so forgetting a text costs nothing.
 */
export class WordIndex {
  private readonly edges = new Edges();
  /** Per trie node (0 is the root): WORD | PREFIX flags, and the indexed requirements it leads to. */
  private flags = new Uint8Array(256);
  private readonly wordLeads: Array<number[] | null> = [null];
  private readonly prefixLeads: Array<number[] | null> = [null];
  private nodes = 1;
  /** The indexed requirements a word's first character leads to. */
  private readonly startLeads: Array<number[] | null> = new Array<number[] | null>(LIMIT).fill(null);
  /** Every requirement, by id: its words and prefixes as trie nodes, and its first characters. */
  private readonly requirements: Array<{ words: number[]; prefixes: number[]; starts: readonly number[] }> =
    [];
  private readonly ids = new Map<string, number>();

  // The last text: the read's number stamps the nodes met as words and as prefixes, the first
  // characters met, and the requirements whose answer is known (`met`: 1 met, 0 not).
  private epoch = 1;
  private wordSeen = new Int32Array(256);
  private prefixSeen = new Int32Array(256);
  private readonly startSeen = new Int32Array(LIMIT);
  private known = new Int32Array(256);
  private met = new Uint8Array(256);
  /** The indexed requirements the last text meets: `metIds[0 … metCount - 1]`. */
  metIds = new Int32Array(64);
  metCount = 0;
  private lastText: string | undefined;

  constructor(private readonly letter: Uint8Array) {}

  /**
   * Registers a requirement (once per content) and returns its id. An `indexed` one is found from
   * the text's words (the first, least likely requirement of an alternative); the others are only
   * checked when an alternative is otherwise possible.
   */
  add(r: WordRequirement, indexed: boolean): number {
    this.forget();
    const req = {
      words: [...r.exact].sort().map((w) => this.node(w, WORD)),
      prefixes: [...r.prefixes].sort().map((p) => this.node(p, PREFIX)),
      starts: [...r.starts].sort((x, y) => x - y),
    };
    const key = JSON.stringify(req);
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.requirements.length;
      this.ids.set(key, id);
      this.requirements.push(req);
      if (id >= this.known.length) {
        this.known = grow(this.known);
        this.met = grow(this.met);
      }
    }
    if (indexed) {
      for (const n of req.words) this.wordLeads[n] = lead(this.wordLeads[n], id);
      for (const n of req.prefixes) this.prefixLeads[n] = lead(this.prefixLeads[n], id);
      for (const c of req.starts) this.startLeads[c] = lead(this.startLeads[c], id);
    }
    return id;
  }

  /** The trie node of `s` (added if new), flagged as `flag`. */
  private node(s: string, flag: number): number {
    let n = 0;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      let child = this.edges.get(n, c);
      if (child < 0) {
        child = this.nodes++;
        if (child >= this.flags.length) {
          this.flags = grow(this.flags);
          this.wordSeen = grow(this.wordSeen);
          this.prefixSeen = grow(this.prefixSeen);
        }
        this.wordLeads.push(null);
        this.prefixLeads.push(null);
        this.edges.set(n, c, child);
      }
      n = child;
    }
    this.flags[n] = this.flags[n]! | flag;
    return n;
  }

  /** Forgets the last text. */
  private forget(): void {
    this.metCount = 0;
    this.lastText = undefined;
    if (++this.epoch === 0x7fffffff) {
      // Stamps never wrap round: start again from 1.
      this.epoch = 1;
      for (const a of [this.wordSeen, this.prefixSeen, this.startSeen, this.known]) a.fill(0);
    }
  }

  /** Reads a text's words: what it has, and the indexed requirements it meets (`metIds`). */
  read(text: string): void {
    if (text === this.lastText) return;
    this.forget();
    const { letter, edges, flags } = this;
    // The trie node of the word so far: -1 outside a word or once it left the trie.
    let node = -1;
    let inWord = false;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c < LIMIT && letter[c] === 1) {
        if (!inWord) {
          inWord = true;
          this.start(c);
          node = edges.get(0, c);
        } else if (node >= 0) node = edges.get(node, c);
        if (node >= 0 && (flags[node]! & PREFIX) !== 0) this.prefix(node);
      } else if (inWord) {
        inWord = false;
        if (node >= 0 && (flags[node]! & WORD) !== 0) this.word(node);
      }
    }
    if (inWord && node >= 0 && (flags[node]! & WORD) !== 0) this.word(node);
    this.lastText = text;
  }

  private start(c: number): void {
    if (this.startSeen[c] === this.epoch) return;
    this.startSeen[c] = this.epoch;
    this.meet(this.startLeads[c]);
  }

  private word(node: number): void {
    if (this.wordSeen[node] === this.epoch) return;
    this.wordSeen[node] = this.epoch;
    this.meet(this.wordLeads[node]);
  }

  private prefix(node: number): void {
    if (this.prefixSeen[node] === this.epoch) return;
    this.prefixSeen[node] = this.epoch;
    this.meet(this.prefixLeads[node]);
  }

  /** Notes the indexed requirements `leads` as met. */
  private meet(leads: readonly number[] | null | undefined): void {
    if (!leads) return;
    const epoch = this.epoch;
    for (const id of leads) {
      if (this.known[id] === epoch) continue;
      this.known[id] = epoch;
      this.met[id] = 1;
      if (this.metCount === this.metIds.length) this.metIds = grow(this.metIds);
      this.metIds[this.metCount++] = id;
    }
  }

  /** Does the last text meet requirement id? */
  holds(id: number): boolean {
    const epoch = this.epoch;
    if (this.known[id] === epoch) return this.met[id] === 1;
    const r = this.requirements[id]!;
    let met = false;
    for (const n of r.words) if (this.wordSeen[n] === epoch) met = true;
    if (!met) for (const n of r.prefixes) if (this.prefixSeen[n] === epoch) met = true;
    if (!met) for (const c of r.starts) if (this.startSeen[c] === epoch) met = true;
    this.known[id] = epoch;
    this.met[id] = met ? 1 : 0;
    return met;
  }
}

/** `leads` with `id` added (once). */
function lead(leads: number[] | null | undefined, id: number): number[] {
  if (!leads) return [id];
  if (!leads.includes(id)) leads.push(id);
  return leads;
}

function grow<T extends Uint8Array | Int32Array>(a: T): T {
  const out = new (a.constructor as new (n: number) => T)(a.length * 2);
  out.set(a);
  return out;
}
