/**
 * The question engine shared by Spanish, German, French and Portuguese: the method of the Russian
 * rules (russian.ts) with the words and patterns supplied per language (spanish.ts, german.ts,
 * french.ts, portuguese.ts). A sentence is a question when
 * (a) a clause starts like one — a question word ("qué", "wie", "combien", "quanto"), an explanation
 *     request ("cuénteme", "erzählen Sie", "racontez-moi", "me conta"), a yes/no head ("est-ce que",
 *     "será que", "gibt es") or verb–subject inversion ("haben Sie", "avez-vous", "tienen ustedes");
 * (b) it ends in a tag ("…, ¿verdad?", "…, oder", "…, n'est-ce pas", "…, né");
 * (c) it carries "?" or "¿" (declarative yes/no questions: intonation marked in writing).
 * Only (c) needs punctuation. Open: it asks for an explanation (a question word, a request);
 * closed: yes/no or a pick from offered options ("…, el básico o el avanzado?").
 * Backchannels ("¿en serio?", "echt?", "ah bon ?", "sério?"), greetings, rhetorical questions and
 * exclamations ("¡qué bien!", "que bom") are not counted. Hand-written; no data mined.
 */
import { chunks, dedupe, hasQuestionMark, type Token, words } from "../../text/words.js";
import type { QuestionKind } from "./types.js";

/** One language's words and patterns. Regexes are tested on words joined by single spaces. */
export interface LexicalRules {
  /** Discourse markers and hesitations skipped before the question proper ("bueno", "alors"). */
  leading: ReadonlySet<Token>;
  /** Two-word markers, written "a_b" ("o_sea", "en_fait"). */
  leadingPairs: ReadonlySet<string>;
  /**
   * Adverbs skipped like markers, after which verb-first order is ordinary word order, not a
   * question (German V2: "dann haben wir…" states). Optional.
   */
  adverbLeading?: ReadonlySet<Token>;
  /** Question words. */
  wh: ReadonlySet<Token>;
  /** Question words written as a pattern (French elisions: "qu'en", "qu'avez-vous"). Optional. */
  whRe?: RegExp;
  /** Words that are question words only when the sentence carries "?" ("como" without its accent). */
  whMarked?: ReadonlySet<Token>;
  /** Words that may precede a question word in its phrase ("con quién", "seit wann", "o que"). */
  whPrefix: ReadonlySet<Token>;
  /** Question words that open adverbial clauses ("cuando", "quand"): not asked when a clause follows. */
  adverbialWh: ReadonlySet<Token>;
  /** Without "?", a question word after an earlier clause is a complementizer ("je pense que…"). */
  whAfterClauseNeedsMark: boolean;
  /** A question word used as a conjunction or parenthetical at the head ("wie Sie wissen"). */
  subordinate: RegExp;
  /** Explanation requests. */
  request: RegExp;
  /** "I'd like to know…": asks; closed when a yes/no complementizer follows, else open. */
  asking: RegExp;
  /** The yes/no complementizer after `asking` ("si", "ob", "se"). */
  whether: ReadonlySet<Token>;
  /** Heads that ask yes/no without "?". */
  yesNoHead: RegExp;
  /** Verb–subject inversion at `i` (German, French, Spanish "tienen ustedes"). */
  inverted: (t: readonly Token[], i: number) => boolean;
  /** Tails that make a statement a check question even without "?". */
  strongTag: RegExp;
  /** Last words that make a tag with "?" or after a comma. */
  weakTags: ReadonlySet<Token>;
  /** Whole-sentence reactions, greetings and rhetorical questions: never counted. */
  notAsked: RegExp;
  /** Exclamations built on a question word ("qué bien", "que bom", "quel dommage"). */
  exclamation: RegExp;
  /** Reports of not knowing or checking: a question word after them is not asked without "?". */
  embed: RegExp;
  /**
   * Question words that, inside a sentence, usually introduce a clause ("vous pensez que…"): in a
   * declarative question only a final one ("vous commencez quand ?") makes it open.
   */
  complementizers: ReadonlySet<Token>;
  /** Words after which ", <question word>" starts a complement clause ("gracias, que…"). */
  complementTakers: ReadonlySet<Token>;
  /** The word(s) for "or". */
  or: ReadonlySet<Token>;
  /** "or" phrases that offer no alternative ("o algo así", "ou quelque chose"). */
  vagueOr: RegExp;
}

/** Builds a word set from whitespace-separated words. */
export const wordSet = (s: string): ReadonlySet<string> => new Set(s.trim().split(/\s+/u));

type Signal = QuestionKind | "subordinate" | null;

/** Index of the first word after markers; `adverb` tells whether an adverb marker was skipped. */
function skipLeading(t: readonly Token[], from: number, r: LexicalRules): { i: number; adverb: boolean } {
  let i = from;
  let adverb = false;
  for (;;) {
    const a = t[i];
    if (a === undefined) return { i, adverb };
    const b = t[i + 1];
    if (b !== undefined && r.leadingPairs.has(`${a}_${b}`)) i += 2;
    else if (r.leading.has(a)) i += 1;
    else if (r.adverbLeading?.has(a)) {
      adverb = true;
      i += 1;
    } else return { i, adverb };
  }
}

function isWh(w: Token | undefined, q: boolean, r: LexicalRules): boolean {
  return w !== undefined && (r.wh.has(w) || (q && r.whMarked?.has(w) === true) || r.whRe?.test(w) === true);
}

function headSignal(
  t: readonly Token[],
  start: { i: number; adverb: boolean },
  q: boolean,
  chunkCount: number,
  lastChunk: boolean,
  contentBefore: number,
  r: LexicalRules,
): Signal {
  const { i } = start;
  const w = t[i];
  if (w === undefined) return null;
  const rest = t.slice(i).join(" ");
  if (r.request.test(rest)) return "open";
  if (r.yesNoHead.test(rest)) return "closed";
  let j = i;
  while (r.whPrefix.has(t[j] ?? "") && j < i + 2 && !isWh(t[j], q, r)) j++; // "de qué", "e o que"
  if (!isWh(t[j], q, r)) j = i;
  const h = t[j];
  if (isWh(h, q, r)) {
    const fromWh = t.slice(j).join(" ");
    if (r.exclamation.test(fromWh)) return q ? "open" : null;
    if (q) return "open";
    if (r.subordinate.test(fromWh)) return "subordinate";
    if (r.adverbialWh.has(h!) && chunkCount > 1 && !lastChunk) return "subordinate";
    return "open";
  }
  // Inversion after an earlier clause is that clause's continuation ("…, Herr Braun, gibt es frei").
  if (!start.adverb && contentBefore <= 2 && r.inverted(t, i)) return "closed";
  return null;
}

/**
 * The kind of question `sentence` is under the rules `r`, or null when it is not a counted question.
 * @example classifyLexical("¿Cuántos vendedores tienen?", SPANISH) // "open"
 */
export function classifyLexical(sentence: string, r: LexicalRules): QuestionKind | null {
  const all = dedupe(words(sentence));
  if (all.length === 0) return null;
  const q = hasQuestionMark(sentence) || sentence.includes("¿");
  const punctuated = /[.,!?¿¡;:…]/u.test(sentence);
  const joined = all.join(" ");
  const core = all.slice(skipLeading(all, 0, r).i).join(" ");
  if (core === "" || r.notAsked.test(core) || r.notAsked.test(joined)) return null;
  if (r.exclamation.test(core) && !q) return null;
  if (!q && /[!¡]\s*$/u.test(sentence)) return null;

  // "Me gustaría saber…, si…": the words after the announcement decide, across commas.
  const asking = r.asking.exec(core);
  if (asking) return r.whether.has(core.slice(asking[0].length).trim().split(" ")[0]!) ? "closed" : "open";

  const embedded = r.embed.test(joined);
  let signal: Signal = null;
  const parts = punctuated ? chunks(sentence).map(dedupe) : [all];
  let contentBefore = 0;
  for (let p = 0; p < parts.length && signal === null; p++) {
    const part = parts[p]!;
    const start = skipLeading(part, 0, r);
    const prevLast = parts[p - 1]?.[parts[p - 1]!.length - 1];
    const afterClause =
      p > 0 && (contentBefore > 1 || (prevLast !== undefined && r.complementTakers.has(prevLast)));
    const before = contentBefore;
    contentBefore += part.length - start.i;
    if (!q && afterClause && r.whAfterClauseNeedsMark) {
      const k = r.whPrefix.has(part[start.i] ?? "") ? start.i + 1 : start.i;
      if (isWh(part[k], q, r)) continue;
    }
    let s = headSignal(part, start, q, parts.length, p === parts.length - 1, before, r);
    if (s === "subordinate") s = null;
    if (s !== null && embedded && !q && p > 0) s = null; // "no sé cuándo…" reports, does not ask
    signal = s;
  }

  const orText = ` ${joined} `.replace(r.vagueOr, " ");
  const hasOr = orText.split(" ").some((x) => r.or.has(x));
  if (signal === "open") {
    const lastPart = parts[parts.length - 1] ?? [];
    const options = hasOr && parts.length > 1 && lastPart.some((x) => r.or.has(x)) && lastPart.length <= 8;
    return options ? "closed" : "open";
  }
  if (signal === "closed") return "closed";
  // A tag in a sentence the transcript closes with "." was heard as a statement ("…, né.").
  if (!q && /\.["'”»)]*\s*$/u.test(sentence)) return null;
  if (all.length >= 3 && r.strongTag.test(joined)) return "closed";
  const lastWord = all[all.length - 1]!;
  const lastPart = parts[parts.length - 1] ?? [];
  // "…, ¿verdad?": the tag alone after the comma ("…, la verdad" is a statement).
  const tagAfterComma = parts.length > 1 && lastPart.length === 1 && r.weakTags.has(lastWord);
  if (all.length >= 3 && r.weakTags.has(lastWord) && (q || tagAfterComma) && !embedded) return "closed";
  if (!q) return null;
  // A declarative question ("¿Y el precio?"): a question word inside it ("vous êtes combien ?") or
  // at its end ("vous commencez quand ?") makes it open.
  const whInside = all.some(
    (x, k) => k > 0 && r.wh.has(x) && (!r.complementizers.has(x) || k === all.length - 1),
  );
  if (whInside) return hasOr ? "closed" : "open";
  return "closed";
}
