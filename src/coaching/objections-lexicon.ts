/**
 * The notation and shapes of the deterministic objection engine's lexicons: the cues of each objection
 * category, the phrases that look like objections but are not (negated concerns, the customer's own
 * pain), and the cues used to judge the rep's handling. Each language's lexicons live in its folder,
 * src/coaching/lang/<code>/objections.ts. Everything here is hand-written from sales
 * practice and grammar (see docs/objections.md), not mined from any corpus.
 *
 * The patterns run on normalised text (see `normalize`): lower case, typographic apostrophes folded,
 * `ё` → `е`, common contractions unified ("do not"/"dont" → "don't", "i am"/"im" → "i'm"). They are
 * written in a tiny notation expanded by `expand` (for `compile` and `compileAny`, on first use):
 *   ` ` (space)  one or more whitespace characters, optionally after a comma, semicolon or colon
 *                (` ?` makes it optional; inside a character class a space is just whitespace)
 *   `~`          the rest of a word (any letters), e.g. `дорог~` matches "дорого", "дороговато"
 *   `…`          a gap of up to three words
 *   `⋯`          a gap of up to seven words
 *   `#`          a number, optionally with a currency sign ("$1,200", "120k", "500")
 *   `¤`          an amount of money: a number with a currency sign or word ("$500", "500 dollars", "20k")
 *   `$`          the end of the text, after any closing punctuation (`\$` is a dollar sign)
 * and every pattern is anchored on word boundaries at both ends (Unicode-aware, so Cyrillic works).
 */
import { foldText } from "../text/fold.js";
import type { ObjectionCategory } from "./contract.js";
import { CUE_REQUIREMENTS } from "./cue-requirements.generated.js";
import { cueTest, type EncodedRequirements, encodeRequirements, requirementsOf } from "./cue-words.js";

// Letters of the normalised (lower-case) text: Latin with accents, Cyrillic, digits. Explicit ranges
// instead of \p{L} keep the expressions out of Unicode mode, which compiles and runs several times faster.
const LETTER = "a-z0-9\\u00df-\\u00ff\\u0100-\\u024f\\u0430-\\u045f";
const B = `(?<![${LETTER}'])`;
const E = `(?![${LETTER}])`;

export function expand(pattern: string): string {
  let out = "";
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === "\\") {
      out += c + (pattern[i + 1] ?? "");
      i++;
    } else if (inClass) {
      if (c === "]") inClass = false;
      out += c === " " ? String.raw`\s` : c;
    } else if (c === "[") {
      inClass = true;
      out += c;
    } else if (c === "$") {
      // The end of the text, after any closing punctuation: "maybe$" matches "Maybe." as it
      // matches the unpunctuated "maybe".
      out += String.raw`[.!?…\s]*$`;
    } else if (c === " " && pattern[i + 1] === "?") {
      out += String.raw`[,;:]?\s*`;
      i++;
    } else {
      out += EXPANSIONS[c] ?? c;
    }
  }
  return out;
}

const EXPANSIONS: Record<string, string> = {
  " ": String.raw`[,;:]?\s+`,
  "…": String.raw`\s+(?:\S+\s+){0,3}`,
  "⋯": String.raw`\s+(?:\S+\s+){0,7}`,
  "~": `[${LETTER}]*`,
  "¤": String.raw`(?:[$€£₽]\s?\d[\d,.]*(?:k|к)?|\d[\d,.]*(?:k|к)?\s?(?:dollars|bucks|usd|eur|euros|pounds|rubles|руб[а-я]*|тыс[а-я]*|k))`,
  "#": String.raw`[$€£₽]?\d[\d,.]*(?:k|к)?`,
};

/** One regular expression matching any of the patterns, on word boundaries. */
export function compile(patterns: readonly string[], flags = ""): RegExp {
  return new RegExp(`${B}(?:${patterns.map(expand).join("|")})${E}`, flags);
}

/** Something that says whether a text holds a match: a RegExp, or `compileAny`'s pieces. */
export interface Matcher {
  test(text: string): boolean;
  /** Where the leftmost match starts and ends, or null (for cues of several categories in one sentence). */
  span(text: string): [number, number] | null;
}

/** The leftmost match of any of `parts` in `text`. */
function leftmost(parts: readonly RegExp[], text: string): [number, number] | null {
  let best: [number, number] | null = null;
  for (const r of parts) {
    const m = r.exec(text);
    if (m !== null && (best === null || m.index < best[0])) best = [m.index, m.index + m[0].length];
  }
  return best;
}

/**
 * Largest alternation (characters of expanded source) compiled as one expression. V8 compiles a
 * regular expression to machine code only below a size limit and interprets bigger ones: the
 * ~25,000-character "other" cue list took ~9× longer as one expression than as two halves.
 */
const MAX_ALTERNATION_CHARS = 12_500;

/**
 * Calls of a list's `test` answered by its expressions before it builds its word index, when some
 * of its alternatives are not in the table analysed ahead of time (cue-requirements.generated.ts).
 * Analysing every list's alternatives for their required words cost a one-call CLI run (a 7 KB
 * call) ~130 ms of CPU, more than the index saves it; a server worker or a batch of calls
 * recovers it.
 */
export const INDEX_AFTER_TEXTS = 1_000;

/**
 * The same for a list whose alternatives are all in the table: building its index from the table
 * costs no analysis, but a short call still does better with the alternation (a 7 KB call tests
 * each list a few dozen times); an hour-long call builds it a few minutes in.
 */
export const TABLE_INDEX_AFTER_TEXTS = 200;

/** A call that will reach TABLE_INDEX_AFTER_TEXTS has been announced (see `expectCueTexts`). */
let longCallAhead = false;

/**
 * Announce a call of `texts` utterances before reading it. One long enough to pass
 * TABLE_INDEX_AFTER_TEXTS would have every list in the table build its word index within it
 * anyway: they build it on their next text instead, and the call's first sentences skip the long
 * alternations (~30 ms of the first hour-long call of a process, docs/benchmarks.md). Shorter calls
 * change nothing. Lists the table lacks keep INDEX_AFTER_TEXTS (their analysis costs more).
 * @example expectCueTexts(transcript.utterances.length);
 */
export function expectCueTexts(texts: number): void {
  if (texts >= TABLE_INDEX_AFTER_TEXTS) longCallAhead = true;
}

/** Every list given to `compileAny` in this process, in order (what the table is made of). */
const cueLists: Array<readonly string[]> = [];

/** The table's requirements by pattern (as written in a list), read on first use (empty for another LETTER). */
let known: ReadonlyMap<string, EncodedRequirements> | undefined;
function knownRequirements(): ReadonlyMap<string, EncodedRequirements> {
  known ??=
    CUE_REQUIREMENTS.letter === LETTER
      ? new Map(Object.entries(JSON.parse(CUE_REQUIREMENTS.json) as Record<string, EncodedRequirements>))
      : new Map();
  return known;
}

/** A list's requirements from the table, pattern by pattern, or null when some pattern is missing. */
function tableFor(patterns: readonly string[]): EncodedRequirements[] | null {
  const table = knownRequirements();
  const out: EncodedRequirements[] = [];
  for (const p of patterns) {
    const encoded = table.get(p);
    if (encoded === undefined) return null;
    out.push(encoded);
  }
  return out;
}

/** `requirementsOf` of every pattern of every list compiled so far, by pattern, sorted. */
export function cueRequirementsTable(): Record<string, EncodedRequirements> {
  const table: Record<string, EncodedRequirements> = {};
  for (const p of [...new Set(cueLists.flat())].sort())
    table[p] = encodeRequirements(requirementsOf(expand(p), LETTER));
  return table;
}

/** The table as generated: its letter class and its requirements by pattern. */
export function embeddedCueRequirements(): {
  letter: string;
  table: ReadonlyMap<string, EncodedRequirements>;
} {
  return { letter: CUE_REQUIREMENTS.letter, table: knownRequirements() };
}

/**
 * The TypeScript source of src/coaching/cue-requirements.generated.ts: `requirementsOf` of every
 * alternative of every list compiled so far (import every language first), by pattern as written.
 * `npm run cues:embed` writes it; a test fails when it is stale.
 */
export function cueRequirementsModuleSource(): string {
  const table = cueRequirementsTable();
  return `// Generated by scripts/embed-cue-requirements.ts from the cue lists of src/coaching/lang/ — do not edit.\n// The required words of each alternative (see cue-words.ts), analysed ahead of time so that a process\n// need not: a list whose alternatives are all here builds its word index from them.\nexport const CUE_REQUIREMENTS: { letter: string; json: string } = {\n  letter: ${JSON.stringify(LETTER)},\n  json: ${JSON.stringify(JSON.stringify(table))},\n};\n`;
}

/**
 * `compile(patterns)` as a `Matcher`: the same answers and spans, faster. After a list's first
 * `indexAfter` texts, which the alternation answers (TABLE_INDEX_AFTER_TEXTS when the table analysed
 * ahead of time has every alternative's words, else INDEX_AFTER_TEXTS), `test` tries each
 * alternative alone, and only when the text holds the words it needs (see cue-words.ts): most sentences hold those of
 * a handful of a list's alternatives, so a long alternation need not be run. `span` (and `test`
 * until the index is built) runs the alternation as a few expressions of at most
 * MAX_ALTERNATION_CHARS each (the leftmost match of any is the single expression's). Built on first
 * use: most languages' lists are never read in a given process.
 */
export function compileAny(
  patterns: readonly string[],
  {
    indexAfter,
    table = true,
  }: {
    /** Texts the alternation answers first (default: TABLE_INDEX_AFTER_TEXTS or INDEX_AFTER_TEXTS). */
    indexAfter?: number;
    /** Use the requirements analysed ahead of time (false: always analyse them here). */
    table?: boolean;
  } = {},
): Matcher {
  cueLists.push(patterns);
  let test: ((text: string) => boolean) | undefined;
  /** The list's requirements from the table, pattern by pattern; null when not all are there. */
  let lookup: EncodedRequirements[] | null | undefined;
  let expanded: string[] | undefined;
  let parts: RegExp[] | undefined;
  let tested = 0;
  const alternatives = (): string[] => {
    expanded ??= patterns.map(expand);
    return expanded;
  };
  const alternation = (): RegExp[] => {
    parts ??= pieces(alternatives());
    return parts;
  };
  const plain = (text: string): boolean => {
    for (const r of alternation()) if (r.test(text)) return true;
    return false;
  };
  return {
    test(text) {
      if (test !== undefined) return test(text);
      const n = tested++;
      if (n < (indexAfter ?? (longCallAhead ? 0 : TABLE_INDEX_AFTER_TEXTS))) return plain(text);
      // Looked up once: null (a pattern the table lacks) is an answer, not a reason to look again.
      if (lookup === undefined) lookup = table ? tableFor(patterns) : null;
      // A list the table lacks is analysed here: worth it only later (see INDEX_AFTER_TEXTS).
      if (indexAfter === undefined && lookup === null && n < INDEX_AFTER_TEXTS) return plain(text);
      test = cueTest(alternatives(), B, E, LETTER, lookup ?? undefined) ?? plain;
      return test(text);
    },
    span: (text) => leftmost(alternation(), text),
  };
}

/** The alternation as expressions of at most about MAX_ALTERNATION_CHARS of source each. */
function pieces(expanded: readonly string[]): RegExp[] {
  const total = expanded.reduce((n, p) => n + p.length + 1, 0);
  const count = Math.max(1, Math.ceil(total / MAX_ALTERNATION_CHARS));
  const target = total / count;
  const parts: RegExp[] = [];
  let chunk: string[] = [];
  let size = 0;
  for (const p of expanded) {
    if (chunk.length > 0 && size + p.length + 1 > target && parts.length < count - 1) {
      parts.push(new RegExp(`${B}(?:${chunk.join("|")})${E}`));
      chunk = [];
      size = 0;
    }
    chunk.push(p);
    size += p.length + 1;
  }
  parts.push(new RegExp(`${B}(?:${chunk.join("|")})${E}`));
  return parts;
}

// Contractions, in one pass over the whitespace-squeezed text. "X not" wins over "it is"/"we are"
// ("it is not" → "it isn't"), as the question rules expect.
const CONTRACTION_RE = new RegExp(
  [
    String.raw`\b(?:(do|does|did|is|are|was|were|have|has|had|could|would|should|must|need) not`,
    "(can) ?not",
    "(will) not",
    "(don|doesn|didn|isn|aren|wasn|weren|haven|hasn|hadn|couldn|wouldn|shouldn|can|won)t",
    "(i am|im)",
    String.raw`(we|they|you) are(?! not\b)`,
    String.raw`(it|that|what|there) is(?! not\b)`,
    "(it|that|what)s",
    String.raw`(i|we|you|they) (?:would|had)(?! not\b)`,
    String.raw`(i|we|you|they) will(?! not\b)`,
    String.raw`(i|we|you|they) have(?= (?:been|got|had|tried|used|heard|seen|never|already|done|worked|built|looked|signed|spent|invested)\b)`,
    String.raw`(gonna|wanna))\b`,
  ].join("|"),
  "g",
);

function expandContraction(m: string, ...g: Array<string | undefined>): string {
  if (g[0] !== undefined) return `${g[0]}n't`;
  if (g[1] !== undefined) return "can't";
  if (g[2] !== undefined) return "won't";
  if (g[3] !== undefined) return `${g[3]}'t`;
  if (g[4] !== undefined) return "i'm";
  if (g[5] !== undefined) return `${g[5]}'re`;
  if (g[6] !== undefined) return `${g[6]}'s`;
  if (g[7] !== undefined) return `${g[7]}'s`;
  if (g[8] !== undefined) return `${g[8]}'d`;
  if (g[9] !== undefined) return `${g[9]}'ll`;
  if (g[10] !== undefined) return `${g[10]}'ve`;
  if (g[11] !== undefined) return g[11] === "gonna" ? "going to" : "want to";
  return m;
}

/**
 * Lower-case, fold apostrophes, `ё` and contractions, squeeze whitespace.
 * @example normalize("We DON’T  need it") // "we don't need it"
 */
export function normalize(text: string): string {
  return foldText(text).replace(CONTRACTION_RE, expandContraction);
}

export interface CategoryLexicon {
  /** Phrases neutralised before matching: negated concerns, politeness, idioms ("no problem"). */
  neutral: RegExp;
  /** The customer's own business pain that mentions costs ("our costs are too high"). */
  pain: RegExp;
  /** Words that tie a price cue to the seller's offer ("your", "the quote", "per seat"). */
  offer: RegExp;
  /** Category cues, in priority order (see `CATEGORY_ORDER`). */
  cues: Record<ObjectionCategory, Matcher>;
  /** The previous (rep) turn asked for a commitment or gave a price: short refusals become objections. */
  askedCommitment: RegExp;
  mentionedPrice: RegExp;
  /** Short refusals or "that's a lot" used as replies. */
  shortRefusal: RegExp;
  shortPriceReaction: RegExp;
  /** A counter-offer ("how about 400?"): a price objection when money is on the table. */
  counterOffer: RegExp;
  /** A hedge that is an objection only as the last sentence of the customer's turn ("…maybe."). */
  finalHedge?: RegExp;
  /** How clauses are marked, for sentences with cues of several categories; without it, CATEGORY_ORDER alone decides. */
  clauses?: ClauseLexicon;
}

/** The words that separate clauses within a sentence (what punctuation does in written text). */
export interface ClauseLexicon {
  /** Between two clauses: sentence punctuation or a conjunction ("and", "because", "if"…). */
  boundary: RegExp;
  /** A conjunction that opens a clause contrasting with the one before ("but"). */
  contrast: RegExp;
}

/** When one sentence carries cues of several categories, the first one in this order wins. */
export const CATEGORY_ORDER: readonly ObjectionCategory[] = [
  "authority",
  "competitor",
  "price",
  "trust",
  "need",
  "timing",
  "other",
];

// ---------------------------------------------------------------- handling cues

export interface HandlingLexicon {
  acknowledge: Matcher;
  /** A closed check that the answer landed ("does that address it?"). */
  confirm: Matcher;
  /** A general value cue: numbers, proof, capability, ROI, trial… */
  value: Matcher;
  /** Per category: words that show the reply addresses that kind of concern. */
  relevant: Record<ObjectionCategory, RegExp | null>;
  /** The customer accepts ("okay that works", "fair enough"). */
  accept: RegExp;
  /** The customer rejects or repeats ("still", "no", "that doesn't help"). */
  reject: RegExp;
  /** Backchannels that neither reply nor move on ("mm-hmm", "yeah", "ok"). */
  backchannel: RegExp;
  /** Function words ignored when comparing the content of two sentences. */
  stop: ReadonlySet<string>;
}
