/**
 * The deterministic objection engine (every language of src/coaching/lang/): finds the customer's objections in a
 * call, sentence by sentence, and judges how the rep handled each one on the acknowledge → clarify
 * → respond → confirm scale, how fast the rep replied and whether the customer accepted the answer.
 * Rule-based and offline; method, category definitions and measured figures in docs/objections.md.
 *
 * Cost: every sentence is normalised once and tested against a fixed set of precompiled regular
 * expressions; handling looks at a bounded window of following utterances, so a call is linear in
 * its length.
 */
import type { z } from "zod";
import { utteranceReadings } from "../analysis/analyze.js";
import { detectQuestions, type UtteranceReading } from "../analysis/questions/index.js";
import { splitSentences } from "../text/sentences.js";
import type { Utterance } from "../transcript/model.js";
import type { Evidence, Handling, Objection, ObjectionCategory, ObjectionMetricsSchema } from "./contract.js";
import type { CoachingInput } from "./engine.js";
import { type CoachingLanguage, coachingLanguage } from "./lang/index.js";
import {
  CATEGORY_ORDER,
  type CategoryLexicon,
  type ClauseLexicon,
  expectCueTexts,
  type HandlingLexicon,
} from "./objections-lexicon.js";
import { negotiationCategory, readNegotiation } from "./objections-negotiation.js";
import { stems, wordCount } from "./objections-words.js";

/**
 * The language whose lexicons read a text: the declared one ("ru", "es-MX", "Russian"…; unknown →
 * English), except across scripts: mostly-Cyrillic text in an English call is read with the Russian
 * rules, and a Latin-only sentence of two or more words in a Russian call with the English ones.
 */
function languageFor(language: string, text: string): CoachingLanguage {
  // Asked once per sentence with the same tag all call long: remember the last answer.
  if (language !== lastTag) {
    lastTag = language;
    lastLanguage = coachingLanguage(language);
  }
  const lang = lastLanguage;
  if (lang.code === "en" && mostlyCyrillic(text)) return coachingLanguage("ru");
  // A mixed call: an English sentence in a Russian call is read with the English rules.
  if (lang.code === "ru" && text !== "" && !CYRILLIC_RE.test(text) && LATIN_WORD_RE.test(text))
    return coachingLanguage("en");
  return lang;
}

let lastTag: string | undefined;
let lastLanguage: CoachingLanguage = coachingLanguage("en");

const CYRILLIC_RE = /[\u0400-\u04FF]/;
const LATIN_WORD_RE = /[A-Za-z]{2,}\s+[A-Za-z]{2,}/;

function mostlyCyrillic(text: string): boolean {
  if (!CYRILLIC_RE.test(text)) return false; // (most sentences: no scan that builds a list)
  const cyr = text.match(/[\u0400-\u04FF]/g)?.length ?? 0;
  if (cyr === 0) return false;
  const lat = text.match(/[A-Za-z]/g)?.length ?? 0;
  return cyr > lat;
}

// Expressions at module level: a literal in a function body is a new RegExp on every evaluation.
const LETTER_OR_DIGIT_RE = /[\p{L}\p{N}]/u;
const QUESTION_END_RE = /\?\s*$/;

/** The longest sentence we read: beyond it, a "sentence" is an unpunctuated monologue. */
const MAX_SENTENCE_CHARS = 2000;

/**
 * Is this customer sentence an objection, and of which category? null = not an objection.
 * `previousText` is the other side's preceding turn: it turns short replies into objections
 * ("No." after "Would you like to start a pilot?", "That's a lot" after a price, "How about 400?").
 * @example classifyObjection("Honestly it's a bit too expensive for us", { language: "en" }) // "price"
 * @example classifyObjection("Our costs are too high", { language: "en" }) // null (the customer's pain)
 * @example classifyObjection("Мне нужно согласовать это с руководством", { language: "ru" }) // "authority"
 */
export function classifyObjection(
  sentence: string,
  context: { language: string; previousText?: string },
  norm: Normalizer = plainNormalize,
): ObjectionCategory | null {
  if (typeof sentence !== "string") return null;
  const raw = sentence.length > MAX_SENTENCE_CHARS ? sentence.slice(0, MAX_SENTENCE_CHARS) : sentence;
  if (!LETTER_OR_DIGIT_RE.test(raw)) return null;
  const language = languageFor(context.language ?? "en", raw);
  const lex = language.objections.categories;
  const full = norm(language, raw);
  lex.neutral.lastIndex = 0;
  const text = full.replace(lex.neutral, " ");

  const found = cueCategory(text, lex, context.previousText);
  if (found !== null) return found;

  // Short replies read the rep's preceding turn (normalised only when needed).
  const prevRaw = context.previousText;
  if (typeof prevRaw === "string" && prevRaw !== "") {
    const priceReaction = lex.shortPriceReaction.test(text);
    const bid = !priceReaction && lex.counterOffer.test(text);
    const refusal = !priceReaction && !bid && lex.shortRefusal.test(text);
    if (priceReaction || bid || refusal) {
      const prev = norm(
        language,
        prevRaw.length > MAX_SENTENCE_CHARS ? prevRaw.slice(0, MAX_SENTENCE_CHARS) : prevRaw,
      );
      // "That's a lot" says the price is a problem; a bare counter-offer is a bid (see EN_BID).
      if (priceReaction && lex.mentionedPrice.test(prev)) return "price";
      if (bid && lex.mentionedPrice.test(prev) && !echoesNumbers(text, prevRaw)) return "other";
      if (refusal && (lex.askedCommitment.test(prev) || lex.mentionedPrice.test(prev))) return "need";
    }
  }
  return null;
}

/**
 * The category of a normalised sentence: of the categories whose cues match (after the pain and
 * echo checks), the first in CATEGORY_ORDER — unless the sentence has several clauses and the
 * language marks them (see `readClauses`).
 */
function cueCategory(
  text: string,
  lex: CategoryLexicon,
  previousText: string | undefined,
): ObjectionCategory | null {
  let first: ObjectionCategory | null = null;
  let more: ObjectionCategory[] | null = null;
  for (const category of CATEGORY_ORDER) {
    if (!lex.cues[category].test(text)) continue;
    // "Our costs are too high" is the customer's pain (a reason to buy), not an objection to the
    // offer — unless the sentence also points at the seller's price ("…and your quote is too").
    if (category === "price" && lex.pain.test(text) && !lex.offer.test(text)) continue;
    // "OK, 35 sounds fair" after the rep offered 35 accepts the rep's number: not a bid.
    if (category === "other" && echoesNumbers(text, previousText)) continue;
    if (lex.clauses === undefined) return category;
    if (first === null) first = category;
    else if (more === null) more = [first, category];
    else more.push(category);
  }
  return more === null || lex.clauses === undefined ? first : readClauses(text, more, lex, lex.clauses);
}

/**
 * One sentence with cues of several categories (`hits`, in CATEGORY_ORDER), read clause by clause,
 * as the sentences of punctuated text are: a cue that ends before the first-ranked cue begins,
 * with a clause boundary between them ("we'd pay 400 if you can share some references"), wins —
 * the first objection raised is the one the customer makes; and a clause opened by a contrast
 * ("we're happy with our vendor, but maybe next quarter") takes over from what it contrasts
 * with, when its own first clause holds a cue. Overlapping cues ("cheaper elsewhere") keep the
 * order of CATEGORY_ORDER.
 */
function readClauses(
  text: string,
  hits: readonly ObjectionCategory[],
  lex: CategoryLexicon,
  clauses: ClauseLexicon,
): ObjectionCategory {
  const spans = hits.map((c) => ({ c, at: lex.cues[c].span(text) ?? [0, 0] }));
  const ranked = spans[0]!;
  let pick = ranked;
  for (const h of spans)
    if (
      h.at[1] <= ranked.at[0] &&
      h.at[0] < pick.at[0] &&
      clauses.boundary.test(text.slice(h.at[1], ranked.at[0]))
    )
      pick = h;
  const after = text.slice(pick.at[1]);
  const contrast = clauses.contrast.exec(after);
  if (contrast !== null) {
    const rest = after.slice(contrast.index + contrast[0].length);
    const end = rest.search(clauses.boundary);
    const clause = end < 0 ? rest : rest.slice(0, end);
    for (const c of hits) if (c !== pick.c && lex.cues[c].test(clause)) return c;
  }
  return pick.c;
}

/**
 * The objection category of each sentence of one customer turn (`sentences` = `splitSentences`
 * of `turnText`): `classifyObjection` per sentence, then, in English, the turn read whole for
 * negotiation (a haggling turn is a bid unless it gives a reason; see objections-negotiation.ts).
 * @example classifyTurn("That's steep. How about 300?", ["That's steep.", "How about 300?"], { language: "en" }) // ["other", "other"]
 */
export function classifyTurn(
  turnText: string,
  sentences: readonly string[],
  context: { language: string; previousText?: string },
  /** The turn normalised by its language's rules, when the caller has it already. */
  turnNorm?: () => string,
  norm: Normalizer = plainNormalize,
): Array<ObjectionCategory | null> {
  const categories = sentences.map((s) => classifyObjection(s, context, norm));
  const last = sentences.length - 1;
  if (last >= 0 && categories[last] === null) {
    const lastLanguage = languageFor(context.language ?? "en", sentences[last]!);
    const hedge = lastLanguage.objections.categories.finalHedge;
    if (hedge?.test(norm(lastLanguage, sentences[last]!.slice(0, MAX_SENTENCE_CHARS))) === true)
      categories[last] = "other";
  }
  if (!categories.some(haggling)) return categories;
  const language = languageFor(context.language ?? "en", turnText);
  if (language.code !== "en") return categories;
  const reading = readNegotiation(turnNorm?.() ?? norm(language, turnText.slice(0, MAX_TURN_CHARS)));
  if (!reading.negotiates) return categories;
  return categories.map((c, i) =>
    haggling(c)
      ? negotiationCategory(c, norm(language, sentences[i]!.slice(0, MAX_SENTENCE_CHARS)), reading)
      : c,
  );
}

/** Categories a negotiating turn may turn into a bid or a price objection. */
function haggling(c: ObjectionCategory | null): boolean {
  return c === "price" || c === "other" || c === "need";
}

/** A text in the form a language's lexicons are written against (its `objections.normalize`). */
export type Normalizer = (language: CoachingLanguage, text: string) => string;

const plainNormalize: Normalizer = (language, text) => language.objections.normalize(text);

/**
 * A `Normalizer` that normalises each distinct text once: one call's sentences are read by the
 * classifier, the handling judge and the reaction check, each of which needs them normalised.
 */
function memoNormalizer(): Normalizer {
  const memo = new Map<CoachingLanguage, Map<string, string>>();
  return (language, text) => {
    let byText = memo.get(language);
    if (byText === undefined) {
      byText = new Map();
      memo.set(language, byText);
    }
    let out = byText.get(text);
    if (out === undefined) {
      out = language.objections.normalize(text);
      byText.set(text, out);
    }
    return out;
  };
}

/** The longest turn read whole for negotiation: as long as an utterance `detectObjections` reads. */
const MAX_TURN_CHARS = 20000;

/** Digits of each number in a text, without currency, thousands separators or trailing ".00". */
function numbersOf(text: string): string[] {
  return (text.match(/\d[\d,]*(?:\.\d+)?/g) ?? []).map((n) => n.replace(/,/g, "").replace(/\.0+$/, ""));
}

/** A condition, an extra or a question keeps an echoed number a bid ("350 if you deliver", "$150?"). */
const CONDITIONAL_RE =
  /\b(?:if|unless|provided|as long as|with|plus|throw|throws|include|including|but)\b|\?/;

/**
 * Every number of the customer's sentence is the last number of the rep's preceding turn (the
 * rep's latest offer): the customer accepts it. A rep who quotes the customer's earlier number and
 * then names their own ("I can't do 150, how about 170?") leaves "150?" a bid.
 */
function echoesNumbers(text: string, previousText: string | undefined): boolean {
  if (previousText === undefined || CONDITIONAL_RE.test(text)) return false;
  const mine = numbersOf(text);
  if (mine.length === 0) return false;
  const last = numbersOf(previousText.slice(0, MAX_SENTENCE_CHARS)).at(-1);
  return mine.every((n) => n === last);
}

// ---------------------------------------------------------------- detection and handling

/** How far after an objection the rep's handling is looked for. */
const WINDOW_SEC = 60;
/** …and at most this many utterances (keeps the pass linear for untimed transcripts). */
const WINDOW_UTTERANCES = 12;
/** Utterances scanned for the customer's reaction after the window, when the window ended on time. */
const REACTION_LOOKAHEAD = 6;

interface RepSentence {
  text: string;
  norm: string;
  words: number;
  isQuestion: boolean;
  confirm: boolean;
  acknowledge: boolean;
  value: boolean;
  /** Content stems, computed when a reply is compared with the objection (see `repStems`). */
  stems?: Set<string>;
}

interface Turn {
  u: Utterance;
  index: number;
  /** The latest utterance of another speaker, when this turn starts a new speaker's turn. */
  previousText: string | undefined;
  /** Only backchannels ("mm-hmm", "yeah") or empty. */
  backchannel: boolean;
  /** The metric pass's reading of this utterance, when the analysis has it and read this text. */
  reading: UtteranceReading | undefined;
  // Lazily computed, at most once per call:
  sentences?: readonly string[];
  norm?: string;
  categories?: Array<ObjectionCategory | null>;
  rep?: RepSentence[];
}

function turnStart(u: Utterance): number | null {
  return u.start ?? u.words?.[0]?.start ?? null;
}

function turnEnd(u: Utterance): number | null {
  if (u.end !== null && u.end !== undefined) return u.end;
  const w = u.words;
  return w !== undefined && w.length > 0 ? (w[w.length - 1]?.end ?? null) : null;
}

const round3 = (x: number): number => Math.round(x * 1000) / 1000;

/** A rep sentence's content stems, computed on first use. */
function repStems(s: RepSentence, stop: ReadonlySet<string>): Set<string> {
  s.stems ??= stems(s.norm, stop);
  return s.stems;
}

function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  return n;
}

/** Longest utterance text read (characters): keeps pathological inputs linear and bounded. */
const MAX_UTTERANCE_CHARS = 20000;

/** One call's turns, with per-turn work computed lazily and only once. */
class Call {
  readonly turns: Turn[];
  readonly h: HandlingLexicon;
  readonly leadingBut: RegExp;
  readonly mergeElaborations: boolean;
  private readonly lang: CoachingLanguage;
  /** Normalisation for any language, each distinct text once per call. */
  readonly norm: Normalizer = memoNormalizer();

  constructor(
    utterances: readonly Utterance[],
    readonly language: string,
    readonly isRep: (id: string) => boolean,
    readonly isCustomer: (id: string) => boolean,
    readings?: ReadonlyMap<Utterance, UtteranceReading>,
  ) {
    const lang = languageFor(language, "");
    this.h = lang.objections.handling;
    this.leadingBut = lang.objections.leadingBut;
    this.mergeElaborations = lang.objections.mergeElaborations;
    this.lang = lang;
    let lastText: string | undefined;
    let lastSpeaker: string | undefined;
    // Loops, not callbacks, here and below: a closure over the call kept the whole call alive
    // through young-generation collections after it ended (docs/benchmarks.md, session 19).
    this.turns = [];
    for (let index = 0; index < utterances.length; index++) {
      const u = utterances[index]!;
      const raw = typeof u.text === "string" ? u.text : "";
      const text = raw.length > MAX_UTTERANCE_CHARS ? raw.slice(0, MAX_UTTERANCE_CHARS) : raw;
      const empty = !LETTER_OR_DIGIT_RE.test(text);
      const backchannel = empty || (text.length <= 40 && this.h.backchannel.test(this.normalize(text)));
      const reading = readings?.get(u);
      const turn: Turn = {
        u: text === raw ? u : { ...u, text },
        index,
        previousText: u.speaker !== lastSpeaker ? lastText : undefined,
        backchannel,
        reading: reading !== undefined && reading.text === text ? reading : undefined,
      };
      if (!empty) {
        lastText = text;
        lastSpeaker = u.speaker;
      }
      this.turns.push(turn);
    }
  }

  /** `text` normalised for the call's language, each distinct text once per call. */
  normalize(text: string): string {
    return this.norm(this.lang, text);
  }

  sentences(t: Turn): readonly string[] {
    t.sentences ??= t.reading?.sentences ?? splitSentences(t.u.text);
    return t.sentences;
  }

  turnNorm(t: Turn): string {
    return normOfTurn(this.norm, this.lang, t);
  }

  /** Objection category of each sentence of a customer turn; every sentence reads the rep's preceding turn. */
  categories(t: Turn): Array<ObjectionCategory | null> {
    if (t.categories === undefined) {
      const ctx =
        t.previousText !== undefined
          ? { language: this.language, previousText: t.previousText }
          : { language: this.language };
      t.categories = t.backchannel
        ? []
        : classifyTurn(t.u.text, this.sentences(t), ctx, turnNormOf(this.norm, this.lang, t), this.norm);
    }
    return t.categories;
  }

  /** What each sentence of a rep turn does: question (the metric pass's detector), acknowledgement, confirmation, value. */
  repSentences(t: Turn): RepSentence[] {
    if (t.rep === undefined) {
      const h = this.h;
      const ctx =
        t.previousText !== undefined
          ? { language: this.language, previousText: t.previousText }
          : { language: this.language };
      // The metric pass's answers where it read the same text after the same previous text.
      const questions = new Set(detectQuestions(t.u.text, ctx, t.reading).map((q) => q.text));
      const rep: RepSentence[] = [];
      for (const text of this.sentences(t)) {
        const norm = this.normalize(text);
        rep.push({
          text,
          norm,
          words: wordCount(norm),
          isQuestion: questions.has(text),
          confirm: h.confirm.test(norm),
          acknowledge: h.acknowledge.test(norm),
          value: h.value.test(norm),
        });
      }
      t.rep = rep;
    }
    return t.rep;
  }
}

/** A turn's whole text normalised, computed once (`Call.turnNorm`). */
function normOfTurn(norm: Normalizer, lang: CoachingLanguage, t: Turn): string {
  t.norm ??= norm(lang, t.u.text);
  return t.norm;
}

/** `normOfTurn` on first use, as a closure over the turn alone, not the call. */
function turnNormOf(norm: Normalizer, lang: CoachingLanguage, t: Turn): () => string {
  return () => normOfTurn(norm, lang, t);
}

/**
 * All objections of a call, from customer utterances, with the rep's handling judged on the
 * following rep turns. At most one objection per utterance and category (its first sentence).
 * @example detectObjections({ transcript, analysis, playbook: null }).map((o) => o.category) // ["price", "authority"]
 */
export function detectObjections(input: CoachingInput): Objection[] {
  const { transcript, analysis } = input;
  const utterances = transcript?.utterances ?? [];
  if (utterances.length === 0) return [];
  const language = analysis?.language || transcript.language || "en";
  expectCueTexts(utterances.length);

  const roles = new Map<string, string>();
  for (const s of transcript.speakers ?? []) if (s.role !== undefined) roles.set(s.id, s.role);
  for (const s of analysis?.speakers ?? []) roles.set(s.id, s.role);
  const hasCustomer = [...roles.values()].includes("customer");
  const hasRep = [...roles.values()].includes("rep");
  const isCustomer = (id: string): boolean =>
    hasCustomer ? roles.get(id) === "customer" : roles.get(id) !== "rep";
  const isRep = (id: string): boolean => (hasRep ? roles.get(id) === "rep" : !isCustomer(id));

  const call = new Call(utterances, language, isRep, isCustomer, analysis && utteranceReadings(analysis));
  const out: Objection[] = [];
  /** The turn index and category of the latest objection, and the rep's first reply to it. */
  let latest: number | undefined;
  let latestCategory: ObjectionCategory | undefined;
  let firstReply: number | undefined;
  for (const turn of call.turns) {
    if (isRep(turn.u.speaker) && !turn.backchannel && latest !== undefined && firstReply === undefined)
      firstReply = turn.index;
    if (!isCustomer(turn.u.speaker) || turn.backchannel) continue;
    const seen = new Set<ObjectionCategory>();
    const sentences = call.sentences(turn);
    // The customer answering the clarifying question the rep asked in direct reply to an objection
    // elaborates on it in the same terms ("Compared with what?" → "The other tool is a third
    // cheaper."): not a new objection.
    const answering =
      call.mergeElaborations &&
      firstReply !== undefined &&
      turn.index - firstReply <= 2 &&
      answeredQuestion(call, turn) === firstReply;
    const categories = call.categories(turn);
    for (let s = 0; s < categories.length; s++) {
      const category = categories[s];
      if (category === null || category === undefined || seen.has(category)) continue;
      if (answering && latestCategory !== undefined && sameConcern(category, latestCategory)) continue;
      seen.add(category);
      if (latest !== turn.index) firstReply = undefined;
      latest = turn.index;
      latestCategory = category;
      out.push(judge(call, turn, sentences[s]!, category));
    }
  }
  return out;
}

/** One concern seen twice: the same category, or price and competitor (a cheaper alternative). */
function sameConcern(a: ObjectionCategory, b: ObjectionCategory): boolean {
  return a === b || (PRICE_OR_COMPETITOR.has(a) && PRICE_OR_COMPETITOR.has(b));
}
const PRICE_OR_COMPETITOR: ReadonlySet<ObjectionCategory> = new Set(["price", "competitor"]);

/** The rep turn whose closing clarifying question this customer turn answers, or -1. */
function answeredQuestion(call: Call, turn: Turn): number {
  for (let k = turn.index - 1; k >= 0 && k >= turn.index - 3; k--) {
    const t = call.turns[k]!;
    if (t.backchannel) continue;
    if (!call.isRep(t.u.speaker)) return -1;
    const last = call
      .repSentences(t)
      .filter((s) => s.words > 0)
      .at(-1);
    return last?.isQuestion === true && !last.confirm ? k : -1;
  }
  return -1;
}

function judge(call: Call, objTurn: Turn, sentence: string, category: ObjectionCategory): Objection {
  const { turns, h, isRep, isCustomer } = call;
  const objStems = stems(call.normalize(sentence), h.stop);
  const objEnd = turnEnd(objTurn.u);
  const objStart = turnStart(objTurn.u);
  const at = objTurn.index;

  const handling: Handling = { acknowledged: false, clarified: false, responded: false, confirmed: false };
  let response: Evidence | null = null;
  let replyStart: number | null = null;
  let replied = false;
  let lastRepIndex = -1;
  let reaction: Turn | null = null;
  let lastBackchannel: Turn | null = null;
  let endedByTime = false;
  // The rep's latest turn ended on a clarifying question: the customer's next turn answers it and
  // keeps the exchange open (bounded, so a long discovery detour does not count as handling).
  let awaitingAnswer = false;
  let answers = 0;

  let j = at + 1;
  for (; j < turns.length && j <= at + WINDOW_UTTERANCES; j++) {
    const t = turns[j]!;
    const start = turnStart(t.u);
    const ref = objEnd ?? objStart;
    if (start !== null && ref !== null && start - ref > WINDOW_SEC) {
      endedByTime = true;
      break;
    }
    if (isCustomer(t.u.speaker)) {
      if (t.backchannel) {
        if (replied) lastBackchannel = t;
        continue;
      }
      if (replied && awaitingAnswer && answers < 3) {
        awaitingAnswer = false;
        answers++;
        continue;
      }
      // The customer's next substantive turn after the rep's reply closes the window; before any
      // reply, the customer is still elaborating and we keep waiting for the rep.
      if (replied) {
        reaction = t;
        break;
      }
      continue;
    }
    if (!isRep(t.u.speaker) || t.backchannel) continue;
    for (const s of call.repSentences(t)) {
      if (s.acknowledge) handling.acknowledged = true;
      if (s.confirm && (s.isQuestion || QUESTION_END_RE.test(s.text) || s.words <= 12))
        handling.confirmed = true;
      else if (s.isQuestion) handling.clarified = true;
      if (s.words > 0) awaitingAnswer = s.isQuestion && !s.confirm;
      const substantive = s.words >= 3 && !h.backchannel.test(s.norm);
      if (!substantive) continue;
      if (!replied) {
        replied = true;
        replyStart = turnStart(t.u);
      }
      response ??= { speaker: t.u.speaker, start: turnStart(t.u), quote: s.text };
      if (!s.isQuestion && !s.confirm && s.words >= 5 && !handling.responded) {
        const relevantRe = h.relevant[category];
        const relevant =
          relevantRe === null || relevantRe.test(s.norm) || overlap(objStems, repStems(s, h.stop)) >= 1;
        if (relevant && (s.value || s.words >= 12)) handling.responded = true;
      }
    }
    if (replied) lastRepIndex = j;
  }

  // The reaction: the customer's next substantive turn; after a time cut-off, look a little further.
  if (reaction === null && replied && endedByTime) {
    for (let k = j; k < turns.length && k < j + REACTION_LOOKAHEAD; k++) {
      const t = turns[k]!;
      if (isCustomer(t.u.speaker) && !t.backchannel) {
        reaction = t;
        break;
      }
    }
  }
  let resolved = false;
  if (replied) {
    if (reaction !== null) resolved = accepts(call, reaction, category, objStems);
    else if (lastBackchannel !== null && lastBackchannel.index > lastRepIndex) {
      // "Yes." / "Okay." after the rep's answer: accepted, unless it is a bare "no".
      resolved = !h.reject.test(call.turnNorm(lastBackchannel));
    }
  }

  return {
    speaker: objTurn.u.speaker,
    start: objStart === null ? null : round3(objStart),
    text: sentence,
    category,
    handling,
    responseDelaySec:
      replied && replyStart !== null && objEnd !== null ? round3(Math.max(0, replyStart - objEnd)) : null,
    resolved,
    response,
  };
}

/** Does the customer's reaction accept the answer (or move on) rather than repeat the concern? */
function accepts(
  call: Call,
  reaction: Turn,
  category: ObjectionCategory,
  objStems: ReadonlySet<string>,
): boolean {
  const h = call.h;
  const sentences = call.sentences(reaction);
  const norm = call.turnNorm(reaction);
  if (h.reject.test(call.normalize(sentences[0] ?? ""))) return false;
  // Repeating or escalating: the same category again, or an objection led by "but"/"still".
  const categories = call.categories(reaction);
  for (let i = 0; i < categories.length; i++) {
    const c = categories[i];
    if (c === null || c === undefined) continue;
    if (c === category || call.leadingBut.test(call.normalize(sentences[i]!))) return false;
  }
  if (h.accept.test(norm)) return true;
  // Moving on: a new topic that does not restate the concern.
  return overlap(objStems, stems(norm, h.stop)) < 2;
}

/**
 * Objection counts for the call metrics: handled = acknowledged and responded.
 * @example objectionMetrics([]) // { count: 0, handledShare: null, resolvedShare: null }
 */
export function objectionMetrics(objections: readonly Objection[]): z.infer<typeof ObjectionMetricsSchema> {
  const count = objections.length;
  if (count === 0) return { count: 0, handledShare: null, resolvedShare: null };
  const handled = objections.filter((o) => o.handling.acknowledged && o.handling.responded).length;
  const resolved = objections.filter((o) => o.resolved).length;
  return { count, handledShare: round3(handled / count), resolvedShare: round3(resolved / count) };
}
