import { utteranceReadings } from "../../analysis/analyze.js";
import { splitSentences } from "../../text/sentences.js";
import { wordParts } from "../../text/words.js";
import type { Role } from "../../transcript/model.js";
import type { Evidence, PlaybookItem, PlaybookItemResult, PlaybookResult } from "../contract.js";
import type { CoachingInput } from "../engine.js";
import { createEvidenceIndex } from "../evidence.js";
import { type CoachingLanguage, callLanguage, coachingLanguage, localizePlaybook } from "../lang/index.js";

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

/** True when the phrase occurs in `hay` as a contiguous run of stems. */
export function containsPhrase(hay: readonly string[], phrase: readonly string[]): boolean {
  if (phrase.length === 0 || phrase.length > hay.length) return false;
  outer: for (let i = 0; i + phrase.length <= hay.length; i++) {
    for (let j = 0; j < phrase.length; j++) if (hay[i + j] !== phrase[j]) continue outer;
    return true;
  }
  return false;
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
  stems: string[];
  /** The same stems as a set, for a quick first-word check. */
  stemSet: Set<string>;
  content: Set<string>;
  question: boolean;
  /** The sentence's position in its utterance. */
  pos: number;
}

const sentenceCache = new WeakMap<object, { analysis: object; sentences: CallSentence[] }>();

/**
 * Every sentence of the call, with its speaker's role and whether it is a question. Memoized per
 * (transcript, analysis) pair: the playbook and summary rules share one pass. Treat as read-only.
 */
export function callSentences(input: CoachingInput): CallSentence[] {
  const hit = sentenceCache.get(input.transcript);
  if (hit && hit.analysis === input.analysis) return hit.sentences;
  const sentences = computeSentences(input);
  sentenceCache.set(input.transcript, { analysis: input.analysis, sentences });
  return sentences;
}

function computeSentences(input: CoachingInput): CallSentence[] {
  const lang = callLanguage(input);
  const invitation = lang.summary.invitation;
  const stop = stopWords(lang);
  const roles = new Map<string, Role>();
  for (const s of input.analysis.speakers) roles.set(s.id, s.role);
  for (const s of input.transcript.speakers ?? []) if (s.role && !roles.has(s.id)) roles.set(s.id, s.role);
  const questions = new Set(input.analysis.questions.map((q) => `${q.speaker}\u0000${q.text}`));
  const out: CallSentence[] = [];
  const readings = utteranceReadings(input.analysis);
  input.transcript.utterances.forEach((ut, u) => {
    const role = roles.get(ut.speaker) ?? "other";
    // The metric pass split this text already (when this process analysed the call).
    const reading = readings?.get(ut);
    const split =
      reading !== undefined && reading.text === ut.text ? reading.sentences : splitSentences(ut.text);
    split.forEach((text, pos) => {
      const question =
        questions.has(`${ut.speaker}\u0000${text}`) || /[?？]["'”»)]*$/.test(text) || invitation.test(text);
      // One tokenisation for both: stemsIn and contentStems of the same words.
      const parts = wordParts(text);
      const st = parts.map(lang.stem);
      const content = new Set<string>();
      for (let i = 0; i < parts.length; i++) if (!stop.has(parts[i]!)) content.add(st[i]!);
      out.push({
        u,
        speaker: ut.speaker,
        role,
        text,
        stems: st,
        stemSet: new Set(st),
        content,
        question,
        pos,
      });
    });
  });
  return out;
}

interface CompiledItem {
  item: PlaybookItem;
  required: string[][];
  forbidden: string[][];
  examples: Array<Set<string>>;
  /** Content stem → indexes of the examples that hold it (so a sentence is compared by its own words). */
  exampleIndex: Map<string, number[]>;
}

function compileItem(item: PlaybookItem, lang: CoachingLanguage): CompiledItem {
  const phrase = (s: string) => stemsIn(s, lang);
  const examples = item.examples.map((e) => contentStems(e, lang)).filter((e) => e.size > 0);
  const exampleIndex = new Map<string, number[]>();
  examples.forEach((ex, i) => {
    for (const w of ex) {
      const list = exampleIndex.get(w);
      if (list) list.push(i);
      else exampleIndex.set(w, [i]);
    }
  });
  return {
    item,
    required: item.signals.required.map(phrase).filter((p) => p.length > 0),
    forbidden: item.signals.forbidden.map(phrase).filter((p) => p.length > 0),
    examples,
    exampleIndex,
  };
}

/**
 * How strongly each sentence speaks to each item, before context: 1 a required signal, 0.8 strong /
 * 0.4 weak similarity to an example, else 0 (`[item][sentence]`). One pass over the sentences for
 * all items: each sentence's stems are looked up once in indexes merged over the items (first stem
 * of a signal → its phrases; content stem → the examples that hold it), which counts the same
 * |example ∩ sentence| as comparing every item's examples with the sentence in turn.
 */
function baseMatches(items: readonly CompiledItem[], sentences: readonly CallSentence[]): Float64Array[] {
  const out = items.map(() => new Float64Array(sentences.length));
  const byFirst = new Map<string, Array<{ item: number; phrase: string[] }>>();
  const byStem = new Map<string, number[]>();
  /** Per example (numbered across items): its item and its size. */
  const exampleItem: number[] = [];
  const exampleSize: number[] = [];
  items.forEach((c, k) => {
    for (const phrase of c.required) {
      const list = byFirst.get(phrase[0]!);
      if (list) list.push({ item: k, phrase });
      else byFirst.set(phrase[0]!, [{ item: k, phrase }]);
    }
    const offset = exampleItem.length;
    c.examples.forEach((ex) => {
      exampleItem.push(k);
      exampleSize.push(ex.size);
    });
    for (const [w, list] of c.exampleIndex) {
      const merged = byStem.get(w);
      const ids = list.map((i) => offset + i);
      if (merged) merged.push(...ids);
      else byStem.set(w, ids);
    }
  });
  const shared = new Int32Array(exampleItem.length);
  const touched: number[] = [];
  const signal = new Uint8Array(items.length);
  const best = new Float64Array(items.length);
  sentences.forEach((s, si) => {
    signal.fill(0);
    best.fill(0);
    // (Set.forEach, not for…of: the sets' iterators allocated a result per stem here.)
    s.stemSet.forEach((w) => {
      const list = byFirst.get(w);
      if (list === undefined) return;
      for (const { item, phrase } of list)
        if (signal[item] === 0 && containsPhrase(s.stems, phrase)) signal[item] = 1;
    });
    s.content.forEach((w) => {
      const list = byStem.get(w);
      if (list === undefined) return;
      for (const e of list) if (shared[e]!++ === 0) touched.push(e);
    });
    for (const e of touched) {
      const n = shared[e]!;
      shared[e] = 0;
      const k = exampleItem[e]!;
      if (n >= 2) best[k] = Math.max(best[k]!, n / exampleSize[e]!);
    }
    touched.length = 0;
    for (let k = 0; k < items.length; k++) {
      const b = best[k]!;
      out[k]![si] = signal[k] === 1 ? 1 : b >= SIM_STRONG ? 0.8 : b >= SIM_WEAK ? 0.4 : 0;
    }
  });
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
  const sentences = callSentences(input);
  const index = createEvidenceIndex(input.transcript);
  const utterances = input.transcript.utterances;

  // Per utterance: its sentences, and the first reply by another speaker.
  const byUtterance = new Map<number, CallSentence[]>();
  for (const s of sentences) {
    const list = byUtterance.get(s.u);
    if (list) list.push(s);
    else byUtterance.set(s.u, [s]);
  }
  const roleOfSpeaker = new Map(sentences.map((s) => [s.speaker, s.role] as const));
  const replyTo = (u: number): number | null => {
    const speaker = utterances[u]!.speaker;
    for (let k = u + 1; k < utterances.length && k <= u + 3; k++) {
      if (utterances[k]!.speaker !== speaker) return k;
    }
    return null;
  };
  const prompted = (u: number): boolean => {
    for (let k = u - 1; k >= 0 && k >= u - 3; k--) {
      const prev = byUtterance.get(k) ?? [];
      if (prev.length === 0) continue;
      if (prev[0]!.role === "rep") return prev.some((p) => p.question);
      if (prev[0]!.speaker !== utterances[u]!.speaker) return false;
    }
    return false;
  };
  const isCustomer = (speaker: string) => roleOfSpeaker.get(speaker) === "customer";
  const answerOf = (u: number): CallSentence | undefined => {
    const k = replyTo(u);
    if (k === null || !isCustomer(utterances[k]!.speaker)) return undefined;
    const reply = byUtterance.get(k) ?? [];
    const count = reply.reduce((n, r) => n + r.stems.length, 0);
    return count >= MIN_ANSWER_WORDS ? (reply.find((r) => r.stems.length >= 3) ?? reply[0]) : undefined;
  };

  const compiled = playbook.items.map((item) => compileItem(item, lang));
  const bases = baseMatches(compiled, sentences);
  const position = new Map(sentences.map((s, i) => [s, i] as const));
  const items: PlaybookItemResult[] = playbook.items.map((item, k) => {
    const c = compiled[k]!;
    const baseOf = bases[k]!;
    const baseMatch = (s: CallSentence): number => baseOf[position.get(s)!]!;
    const result = (
      status: PlaybookItemResult["status"],
      coveredBy: string | null,
      evidence: Evidence[],
    ) => ({
      id: item.id,
      title: item.title,
      status,
      coveredBy,
      evidence,
    });

    // Forbidden phrases said by the rep: the item is missed, whatever else happened.
    // (Most items forbid nothing: no pass over the call for them.)
    const forbidden =
      c.forbidden.length === 0
        ? []
        : sentences.filter((s) => s.role === "rep" && c.forbidden.some((p) => containsPhrase(s.stems, p)));
    if (forbidden.length > 0) return result("missed", null, quotes(index, forbidden.slice(0, 3)));

    const hits: Hit[] = [];
    const customerUtterances = new Set<number>();
    for (let si = 0; si < sentences.length; si++) {
      const s = sentences[si]!;
      const side = s.role === "rep" ? "rep" : s.role === "customer" ? "customer" : null;
      if (side === null) continue;
      if (item.by === "customer" && side !== "customer") continue;
      const base = baseOf[si]!;
      if (base === 0) continue;
      if (side === "rep") {
        let bonus = 0;
        let answer: CallSentence | undefined;
        if (s.question) {
          answer = answerOf(s.u);
          bonus = answer ? 1 : 0.2;
        } else {
          const laterQuestion = (byUtterance.get(s.u) ?? []).some((o) => o.pos > s.pos && o.question);
          const k = replyTo(s.u);
          const picked =
            k !== null &&
            isCustomer(utterances[k]!.speaker) &&
            (byUtterance.get(k) ?? []).some((r) => baseMatch(r) > 0);
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
          k !== null &&
          roleOfSpeaker.get(utterances[k]!.speaker) === "rep" &&
          (byUtterance.get(k) ?? []).reduce((n, r) => n + r.stems.length, 0) >= MIN_ANSWER_WORDS;
        const score = base + (prompted(s.u) || repAnswered ? 0.7 : 0.3);
        // A rep item raised only by the customer stays partly: cap below COVERED_AT.
        hits.push({ s, score: item.by === "rep" ? Math.min(score, COVERED_AT - 0.1) : score });
      }
    }
    if (hits.length === 0) return result("missed", null, []);
    if (item.by !== "rep" && customerUtterances.size >= 2) {
      for (const h of hits) if (h.s.role === "customer") h.score += 0.5;
    }

    hits.sort((a, b) => b.score - a.score || a.s.u - b.s.u || a.s.pos - b.s.pos);
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
    chosen.sort((a, b) => a.u - b.u || a.pos - b.pos);
    const evidence = quotes(index, chosen);
    return result(status, evidence.length > 0 ? best.s.speaker : null, evidence);
  });

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

function quotes(index: ReturnType<typeof createEvidenceIndex>, list: readonly CallSentence[]): Evidence[] {
  const out: Evidence[] = [];
  for (const s of list) {
    const e = index.find(s.text, { speaker: s.speaker });
    if (e) out.push(e);
  }
  return out;
}
