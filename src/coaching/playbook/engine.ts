import { utteranceReadings } from "../../analysis/analyze.js";
import { hiddenSlot } from "../../hidden-slot.js";
import { splitSentences } from "../../text/sentences.js";
import { wordParts } from "../../text/words.js";
import type { Role } from "../../transcript/model.js";
import type { Evidence, Playbook, PlaybookItem, PlaybookItemResult, PlaybookResult } from "../contract.js";
import type { CoachingInput } from "../engine.js";
import { createEvidenceIndex } from "../evidence.js";
import { type CoachingLanguage, callLanguage, coachingLanguage, localizePlaybook } from "../lang/index.js";
import { codeWordParts, WordTable } from "./word-table.js";

/**
 * Words left out of content-word comparisons: the language's own and English (English product and
 * sales words turn up in every language's calls). English keeps English and Russian, as before.
 */
const stopWordCache = new Map<string, ReadonlySet<string>>();
function stopWords(lang: CoachingLanguage): ReadonlySet<string> {
  let set = stopWordCache.get(lang.code);
  if (set === undefined) {
    const en = coachingLanguage("en");
    const ru = coachingLanguage("ru");
    // English keeps the Russian stop words it always had (a call may mix the two).
    set = new Set([...en.stopWords, ...(lang.code === "en" ? ru.stopWords : lang.stopWords)]);
    stopWordCache.set(lang.code, set);
  }
  return set;
}

/** Stems of all the words of a text in a language, hyphenated words split (stop words included). */
export function stemsIn(text: string, lang: CoachingLanguage = coachingLanguage("en")): string[] {
  return wordParts(text).map(lang.stem);
}

/** Stems of content words only (stop words removed). */
export function contentStems(text: string, lang: CoachingLanguage = coachingLanguage("en")): Set<string> {
  const stop = stopWords(lang);
  const out = new Set<string>();
  for (const w of wordParts(text)) if (!stop.has(w)) out.add(lang.stem(w));
  return out;
}

/** Example similarity (share of an example's content words present) that counts as a strong match. */
export const SIM_STRONG = 0.5;
/** … and as a weak one. Both need at least two shared content words. */
export const SIM_WEAK = 0.34;
/** At or above: covered. Between PARTLY and COVERED: partly. */
export const COVERED_AT = 1.5;
const MIN_ANSWER_WORDS = 4;

export interface CallSentence {
  /** Index of the utterance in the transcript. */
  u: number;
  speaker: string;
  role: Role;
  text: string;
  /** How many words (hyphenated words split, stop words included) the sentence holds. */
  words: number;
  question: boolean;
  /** The sentence's position in its utterance. */
  pos: number;
}

/**
 * The call's words as numbers, for matching: each distinct stem of the call gets an id, and every
 * word of every sentence (in call order) one code, `stem id × 2 + (1 if a stop word)`. Comparing
 * ids in flat arrays costs far less than a Set of stems per sentence and string-keyed look-ups.
 */
interface CallWords {
  /** Per word of the call, sentence after sentence: its code. */
  codes: number[];
  /** Sentence k's words are codes[starts[k]] … codes[starts[k + 1] - 1]. */
  starts: number[];
  /** Stem → its id (ids count from 0 in order of first use). */
  stemIds: Map<string, number>;
  /** Per utterance u: its sentences are sentences[firstSentence[u]] … [firstSentence[u + 1] - 1]. */
  firstSentence: number[];
}

interface CallText {
  analysis: object;
  sentences: CallSentence[];
  words: CallWords;
  /** Per utterance: its match key when its words gave it (ASCII text), else null. */
  keys: ReadonlyArray<string | null>;
}

const sentenceCache = hiddenSlot<object, CallText>("call sentences");

/**
 * Every sentence of the call, with its speaker's role and whether it is a question. Memoized per
 * (transcript, analysis) pair: the playbook and summary rules share one pass. Treat as read-only.
 */
export function callSentences(input: CoachingInput): CallSentence[] {
  return callText(input).sentences;
}

/**
 * Where each utterance's sentences start in `callSentences(input)`: utterance u's are the indexes
 * starts[u] … starts[u + 1] - 1 (one entry more than utterances). Memoized with the sentences.
 *
 * @example
 * const starts = sentenceStarts(input);
 * callSentences(input).slice(starts[3], starts[4]); // the sentences of utterance 3
 */
export function sentenceStarts(input: CoachingInput): readonly number[] {
  return callText(input).words.firstSentence;
}

function callText(input: CoachingInput): CallText {
  const hit = sentenceCache.get(input.transcript);
  if (hit && hit.analysis === input.analysis) return hit;
  const text = computeSentences(input);
  sentenceCache.set(input.transcript, text);
  return text;
}

function computeSentences(input: CoachingInput): CallText {
  const lang = callLanguage(input);
  const invitation = lang.summary.invitation;
  const stop = stopWords(lang);
  const roles = new Map<string, Role>();
  for (const s of input.analysis.speakers) roles.set(s.id, s.role);
  for (const s of input.transcript.speakers ?? []) if (s.role && !roles.has(s.id)) roles.set(s.id, s.role);
  // Question texts by speaker (looked up per sentence without building a key string).
  const questions = new Map<string, Set<string>>();
  for (const q of input.analysis.questions) {
    const set = questions.get(q.speaker);
    if (set) set.add(q.text);
    else questions.set(q.speaker, new Set([q.text]));
  }
  const out: CallSentence[] = [];
  const stemIds = new Map<string, number>();
  const table = new WordTable((w) => {
    const st = lang.stem(w);
    let id = stemIds.get(st);
    if (id === undefined) {
      id = stemIds.size;
      stemIds.set(st, id);
    }
    return id * 2 + (stop.has(w) ? 1 : 0);
  });
  const codes: number[] = [];
  const starts: number[] = [];
  const firstSentence: number[] = [];
  const keys: Array<string | null> = [];
  const readings = utteranceReadings(input.analysis);
  const utterances = input.transcript.utterances;
  for (let u = 0; u < utterances.length; u++) {
    const ut = utterances[u]!;
    firstSentence.push(out.length);
    const role = roles.get(ut.speaker) ?? "other";
    // The metric pass split this text already (when this process analysed the call).
    const reading = readings?.get(ut);
    const split =
      reading !== undefined && reading.text === ut.text ? reading.sentences : splitSentences(ut.text);
    // The utterance's match key comes with its words when the whole text is ASCII (see NOT_ASCII_RE).
    let forms = typeof ut.text === "string" && !NOT_ASCII_RE.test(ut.text) ? ([] as string[]) : null;
    for (let pos = 0; pos < split.length; pos++) {
      const text = split[pos]!;
      const question =
        questions.get(ut.speaker)?.has(text) === true || endsWithQuestionMark(text) || invitation.test(text);
      const from = codes.length;
      starts.push(from);
      if (!table.scanAscii(text, codes, forms)) {
        codeWordParts(table, text, codes);
        forms = null;
      }
      out.push({ u, speaker: ut.speaker, role, text, words: codes.length - from, question, pos });
    }
    keys.push(forms === null ? null : forms.join(" "));
  }
  firstSentence.push(out.length);
  starts.push(codes.length);
  return {
    analysis: input.analysis,
    sentences: out,
    words: { codes, starts, stemIds, firstSentence },
    keys,
  };
}

/**
 * A non-ASCII character or a backtick. In text without one, the match tokens of an utterance
 * (src/text/match.ts) are the word parts of its sentences with apostrophes dropped: both are runs
 * of letters and digits joined by apostrophes, hyphens separate, and sentences are cut only before
 * whitespace, dropping only spans without a letter or digit.
 */
const NOT_ASCII_RE = /[\u0080-\uffff`]/;

/** `/[?？]["'”»)]*$/.test(text)`, read from the end. */
function endsWithQuestionMark(text: string): boolean {
  for (let i = text.length - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (c === 63 || c === 0xff1f) return true; // ? ？
    if (c !== 34 && c !== 39 && c !== 0x201d && c !== 0xbb && c !== 41) return false; // " ' ” » )
  }
  return false;
}

interface CompiledItem {
  item: PlaybookItem;
  required: string[][];
  forbidden: string[][];
  examples: Array<Set<string>>;
}

function compileItem(item: PlaybookItem, lang: CoachingLanguage): CompiledItem {
  const phrase = (s: string) => stemsIn(s, lang);
  return {
    item,
    required: item.signals.required.map(phrase).filter((p) => p.length > 0),
    forbidden: item.signals.forbidden.map(phrase).filter((p) => p.length > 0),
    examples: item.examples.map((e) => contentStems(e, lang)).filter((e) => e.size > 0),
  };
}

/** Playbooks are read-only once loaded: each is compiled once per language it is used in. */
const compiledCache = new WeakMap<Playbook, Map<string, CompiledItem[]>>();
function compilePlaybook(playbook: Playbook, lang: CoachingLanguage): CompiledItem[] {
  let byLang = compiledCache.get(playbook);
  if (byLang === undefined) {
    byLang = new Map();
    compiledCache.set(playbook, byLang);
  }
  let compiled = byLang.get(lang.code);
  if (compiled === undefined) {
    compiled = playbook.items.map((item) => compileItem(item, lang));
    byLang.set(lang.code, compiled);
  }
  return compiled;
}

/** Whether the stems of words[from, to) hold `phrase` (stem ids) as a contiguous run. */
function containsIds(codes: readonly number[], from: number, to: number, phrase: readonly number[]): boolean {
  outer: for (let i = from; i + phrase.length <= to; i++) {
    for (let j = 0; j < phrase.length; j++) if (codes[i + j]! >> 1 !== phrase[j]) continue outer;
    return true;
  }
  return false;
}

/** What `baseMatches` finds for one item. */
interface ItemMatches {
  /** Per sentence: 1 a required signal, 0.8 strong / 0.4 weak similarity to an example, else 0. */
  base: Float64Array;
  /** The sentences whose base is above 0, in call order. */
  matched: number[];
  /** The rep sentences that hold a forbidden signal, in call order. */
  forbidden: number[];
}

/** First stem id of a phrase → the phrases (stem ids) of the items that start with it. */
type PhraseIndex = Array<Array<{ item: number; phrase: number[] }> | undefined>;

/**
 * Index each item's phrases by their first stem. A phrase with a stem the call never says cannot
 * occur: it is left out.
 */
function phraseIndex(
  phrasesOf: ReadonlyArray<readonly string[][]>,
  stemIds: ReadonlyMap<string, number>,
): PhraseIndex {
  const byFirst: PhraseIndex = new Array(stemIds.size);
  phrasesOf.forEach((itemPhrases, item) => {
    phrases: for (const p of itemPhrases) {
      const phrase: number[] = [];
      for (const st of p) {
        const id = stemIds.get(st);
        if (id === undefined) continue phrases;
        phrase.push(id);
      }
      const entries = byFirst[phrase[0]!];
      if (entries) entries.push({ item, phrase });
      else byFirst[phrase[0]!] = [{ item, phrase }];
    }
  });
  return byFirst;
}

/**
 * How strongly each sentence speaks to each item, before context (see `ItemMatches`), and where the
 * rep says a forbidden signal. One pass over the sentences for all items: each sentence's distinct
 * stems are looked up once in indexes merged over the items (first stem of a signal → its phrases;
 * content stem → the examples that hold it), which counts the same |example ∩ sentence| as
 * comparing every item's examples with the sentence in turn. Stems the call never says are left out
 * of the indexes: a phrase with one cannot occur, and an example's share counts them only in its size.
 */
function baseMatches(
  items: readonly CompiledItem[],
  sentences: readonly CallSentence[],
  words: CallWords,
): ItemMatches[] {
  const { codes, starts, stemIds } = words;
  const nStems = stemIds.size;
  const out: ItemMatches[] = items.map(() => ({
    base: new Float64Array(sentences.length),
    matched: [],
    forbidden: [],
  }));
  const byFirst = phraseIndex(
    items.map((c) => c.required),
    stemIds,
  );
  const forbiddenByFirst = phraseIndex(
    items.map((c) => c.forbidden),
    stemIds,
  );
  const byStem: Array<number[] | undefined> = new Array(nStems);
  /** Per example (numbered across items): its item and its size. */
  const exampleItem: number[] = [];
  const exampleSize: number[] = [];
  items.forEach((c, k) => {
    for (const ex of c.examples) {
      const e = exampleItem.length;
      exampleItem.push(k);
      exampleSize.push(ex.size);
      for (const st of ex) {
        const id = stemIds.get(st);
        if (id === undefined) continue;
        const list = byStem[id];
        if (list) list.push(e);
        else byStem[id] = [e];
      }
    }
  });
  const shared = new Int32Array(exampleItem.length);
  // The examples a sentence shares a stem with: touched[0] … touched[nTouched - 1].
  const touched = new Int32Array(exampleItem.length);
  let nTouched = 0;
  const signal = new Uint8Array(items.length);
  const best = new Float64Array(items.length);
  // Per stem id: the last sentence (+1) that looked it up, as a stem and as a content stem.
  const seenStem = new Int32Array(nStems);
  const seenContent = new Int32Array(nStems);
  // signal and best are all 0 at the start of each sentence (the pass over the items resets them).
  for (let si = 0; si < sentences.length; si++) {
    const from = starts[si]!;
    const to = starts[si + 1]!;
    const tag = si + 1;
    const rep = sentences[si]!.role === "rep";
    for (let i = from; i < to; i++) {
      const code = codes[i]!;
      const id = code >> 1;
      if (seenStem[id] !== tag) {
        seenStem[id] = tag;
        const list = byFirst[id];
        if (list !== undefined)
          for (const { item, phrase } of list)
            if (signal[item] === 0 && containsIds(codes, from, to, phrase)) signal[item] = 1;
        const banned = rep ? forbiddenByFirst[id] : undefined;
        if (banned !== undefined)
          for (const { item, phrase } of banned) {
            const list = out[item]!.forbidden;
            if (list[list.length - 1] !== si && containsIds(codes, from, to, phrase)) list.push(si);
          }
      }
      if ((code & 1) === 0 && seenContent[id] !== tag) {
        seenContent[id] = tag;
        const list = byStem[id];
        if (list !== undefined) for (const e of list) if (shared[e]!++ === 0) touched[nTouched++] = e;
      }
    }
    for (let t = 0; t < nTouched; t++) {
      const e = touched[t]!;
      const n = shared[e]!;
      shared[e] = 0;
      const k = exampleItem[e]!;
      if (n >= 2) best[k] = Math.max(best[k]!, n / exampleSize[e]!);
    }
    nTouched = 0;
    for (let k = 0; k < items.length; k++) {
      const b = best[k]!;
      const base = signal[k] === 1 ? 1 : b >= SIM_STRONG ? 0.8 : b >= SIM_WEAK ? 0.4 : 0;
      signal[k] = 0;
      best[k] = 0;
      if (base > 0) {
        const m = out[k]!;
        m.base[si] = base;
        m.matched.push(si);
      }
    }
  }
  return out;
}

interface Hit {
  s: CallSentence;
  score: number;
  /** The customer's reply to a rep question, used as supporting evidence. */
  answer?: CallSentence;
}

/**
 * Judge a call against its playbook, deterministically. For each item, every sentence on the
 * item's side (`by`) is matched against its required signals (phrases, stemmed, word-bounded) and
 * its example phrasings (content-word overlap). A match then earns context:
 *
 * - a rep question the customer answered (≥ 4 words): +1; a rep statement in an utterance whose
 *   question was answered, or that the customer picked up in the same terms: +0.8; unanswered: +0.2;
 * - a customer sentence prompted by a rep question (or a customer question the rep answered): +0.7,
 *   otherwise +0.3; for customer/any items, a second customer utterance on the topic: +0.5.
 *
 * Best score ≥ 1.5 → covered; any match → partly; none → missed. For a rep item that only the
 * customer brought up, status is at most partly (the topic came up; the rep did not explore it).
 * A forbidden signal said by the rep marks the item missed, with the offending quotes as evidence.
 * score = (covered + ½ partly) ÷ items.
 */
export function evaluatePlaybookRules(input: CoachingInput): PlaybookResult | null {
  const lang = callLanguage(input);
  const playbook = localizePlaybook(input.playbook, lang);
  if (!playbook) return null;
  const { sentences, words, keys } = callText(input);
  const index = createEvidenceIndex(input.transcript, keys);
  // The closures below read the speakers, not the utterances: reading the utterances, they kept the
  // call alive through young-generation collections in one run of eight (docs/benchmarks.md).
  const speakerAt = input.transcript.utterances.map((u) => u.speaker);

  // Per utterance: its sentences (first[u] … first[u + 1] - 1), and the first reply by another speaker.
  const first = words.firstSentence;
  const roleOfSpeaker = new Map<string, Role>();
  for (const s of sentences) roleOfSpeaker.set(s.speaker, s.role);
  const replyTo = (u: number): number | null => {
    const speaker = speakerAt[u]!;
    for (let k = u + 1; k < speakerAt.length && k <= u + 3; k++) {
      if (speakerAt[k] !== speaker) return k;
    }
    return null;
  };
  const anyQuestion = (u: number): boolean => {
    for (let i = first[u]!; i < first[u + 1]!; i++) if (sentences[i]!.question) return true;
    return false;
  };
  const wordCount = (u: number): number => {
    let n = 0;
    for (let i = first[u]!; i < first[u + 1]!; i++) n += sentences[i]!.words;
    return n;
  };
  const prompted = (u: number): boolean => {
    for (let k = u - 1; k >= 0 && k >= u - 3; k--) {
      if (first[k] === first[k + 1]) continue;
      const prev = sentences[first[k]!]!;
      if (prev.role === "rep") return anyQuestion(k);
      if (prev.speaker !== speakerAt[u]) return false;
    }
    return false;
  };
  const isCustomer = (speaker: string) => roleOfSpeaker.get(speaker) === "customer";
  const answerOf = (u: number): CallSentence | undefined => {
    const k = replyTo(u);
    if (k === null || !isCustomer(speakerAt[k]!)) return undefined;
    if (wordCount(k) < MIN_ANSWER_WORDS) return undefined;
    for (let i = first[k]!; i < first[k + 1]!; i++) if (sentences[i]!.words >= 3) return sentences[i];
    return sentences[first[k]!];
  };

  const compiled = compilePlaybook(playbook, lang);
  const matches = baseMatches(compiled, sentences, words);
  // Each item's verdict first, its quotes after: the verdicts' closures need not hold the index.
  const verdicts: Verdict[] = playbook.items.map((item, k) => {
    const { base: baseOf, matched, forbidden } = matches[k]!;
    /** Whether a sentence of utterance u matches the item. */
    const matchedIn = (u: number): boolean => {
      for (let i = first[u]!; i < first[u + 1]!; i++) if (baseOf[i]! > 0) return true;
      return false;
    };
    const result = (
      status: PlaybookItemResult["status"],
      by: string | null,
      quoted: CallSentence[],
    ): Verdict => ({
      item,
      status,
      by,
      quoted,
    });

    // Forbidden phrases said by the rep: the item is missed, whatever else happened.
    if (forbidden.length > 0)
      return result(
        "missed",
        null,
        forbidden.slice(0, 3).map((si) => sentences[si]!),
      );

    const hits: Hit[] = [];
    const customerUtterances = new Set<number>();
    for (const si of matched) {
      const s = sentences[si]!;
      const side = s.role === "rep" ? "rep" : s.role === "customer" ? "customer" : null;
      if (side === null) continue;
      if (item.by === "customer" && side !== "customer") continue;
      const base = baseOf[si]!;
      if (side === "rep") {
        let bonus = 0;
        let answer: CallSentence | undefined;
        if (s.question) {
          answer = answerOf(s.u);
          bonus = answer ? 1 : 0.2;
        } else {
          // The utterance's later sentences follow this one in `sentences`.
          let laterQuestion = false;
          for (let i = si + 1; i < first[s.u + 1]! && !laterQuestion; i++)
            laterQuestion = sentences[i]!.question;
          const k = replyTo(s.u);
          const picked = k !== null && isCustomer(speakerAt[k]!) && matchedIn(k);
          if (laterQuestion && answerOf(s.u)) {
            answer = answerOf(s.u);
            bonus = 0.8;
          } else if (picked) bonus = 0.8;
        }
        hits.push(answer ? { s, score: base + bonus, answer } : { s, score: base + bonus });
      } else {
        customerUtterances.add(s.u);
        const k = s.question ? replyTo(s.u) : null;
        const repAnswered =
          k !== null && roleOfSpeaker.get(speakerAt[k]!) === "rep" && wordCount(k) >= MIN_ANSWER_WORDS;
        const score = base + (prompted(s.u) || repAnswered ? 0.7 : 0.3);
        // A rep item raised only by the customer stays partly: cap below COVERED_AT.
        hits.push({ s, score: item.by === "rep" ? Math.min(score, COVERED_AT - 0.1) : score });
      }
    }
    if (hits.length === 0) return result("missed", null, []);
    if (item.by !== "rep" && customerUtterances.size >= 2) {
      for (const h of hits) if (h.s.role === "customer") h.score += 0.5;
    }

    hits.sort(byScore);
    const best = hits[0]!;
    const status = best.score >= COVERED_AT ? "covered" : "partly";
    // Evidence: the best sentences (and the answer to the best question), in call order.
    const chosen: CallSentence[] = [];
    const add = (s: CallSentence | undefined) => {
      if (s && chosen.length < 3 && !chosen.includes(s)) chosen.push(s);
    };
    add(best.s);
    add(best.answer);
    // Further evidence only from hits nearly as strong as the best one.
    for (const h of hits.slice(1)) if (h.score >= Math.min(best.score, COVERED_AT) - 0.2) add(h.s);
    chosen.sort(inCallOrder);
    return result(status, best.s.speaker, chosen);
  });
  const items: PlaybookItemResult[] = [];
  for (const { item, status, by, quoted } of verdicts) {
    const evidence = quotes(index, quoted);
    items.push({
      id: item.id,
      title: item.title,
      status,
      coveredBy: evidence.length > 0 ? by : null,
      evidence,
    });
  }

  const covered = items.filter((i) => i.status === "covered").length;
  const partly = items.filter((i) => i.status === "partly").length;
  return {
    id: playbook.id,
    name: playbook.name,
    version: playbook.version,
    stage: playbook.stage,
    score: items.length === 0 ? 0 : Math.round(((covered + partly / 2) / items.length) * 10_000) / 10_000,
    items,
  };
}

/** An item's status, who covered it (when quoted), and the sentences to quote for it. */
interface Verdict {
  item: PlaybookItem;
  status: PlaybookItemResult["status"];
  by: string | null;
  quoted: CallSentence[];
}

/** Strongest hit first; ties in call order. */
function byScore(a: Hit, b: Hit): number {
  return b.score - a.score || a.s.u - b.s.u || a.s.pos - b.s.pos;
}

function inCallOrder(a: CallSentence, b: CallSentence): number {
  return a.u - b.u || a.pos - b.pos;
}

function quotes(index: ReturnType<typeof createEvidenceIndex>, list: readonly CallSentence[]): Evidence[] {
  const out: Evidence[] = [];
  for (const s of list) {
    const e = index.find(s.text, { speaker: s.speaker });
    if (e) out.push(e);
  }
  return out;
}
