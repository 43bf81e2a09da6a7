/**
 * English question rules. A sentence is a question when (a) its clause starts like one — subject–aux
 * inversion ("do you…"), a wh-word followed by inversion or a subject gap ("what do you…", "who
 * owns…"), an explanation request ("walk me through…") — or (b) it ends in a tag ("…, right?"), or
 * (c) it carries "?" (declarative questions). Only (c) needs punctuation, so ASR text without "?"
 * still yields most questions. All sets are hand-written from English grammar, not mined from data.
 */
import {
  chunks,
  chunksOf,
  endsInLetterOrDigit,
  endsWithStop,
  firstWords,
  hasQuestionMark,
  type Token,
  type Tokenized,
  tokenize,
  words,
} from "../../text/words.js";
import type { QuestionKind } from "./types.js";

const set = (s: string): ReadonlySet<string> => new Set(s.trim().split(/\s+/));

// Discourse markers and hesitations that may precede the question proper ("so, um, what…").
const LEADING = set(`
  uh um umm uhm uhh er erm ah ahh oh ooh hmm hm mm mhm well so and but now okay ok alright
  yeah yes yep no nope like then also just hey listen look anyway anyways actually basically
  right sure great cool gotcha perfect awesome wow see because cause plus again first second
  finally lastly last next quickly real quick curious honestly frankly also too`);
// Two-word markers skipped the same way ("you know, do you…", "I mean, how…").
const LEADING_PAIRS = set(`you_know i_mean you_see all_right by_the quick_question
  one_more one_last real_quick out_of and_then`);
// Pairs after which a third word is also a marker ("by the way", "out of curiosity", "let me ask").
const LEADING_TRIPLES = set(`by_the_way out_of_curiosity let_me_ask let_me_just one_more_thing
  one_last_thing quick_question_for`);

const WH = set(`what what's whats what're what'd what'll how how's hows how'd how're how'll why why's
  whys why'd where where's wheres where'd where're when when's when'd who who's whos who'd who're
  who'll whom whose which`);
// Contractions that already contain the inverted auxiliary ("what's your…").
const WH_CONTRACTED = set(`what's whats what're what'd what'll how's hows how'd how're how'll why's
  whys why'd where's wheres where'd where're when's when'd who's whos who'd who're who'll`);

const AUX_POS = set(`do does did is are was were am have has had can could will would should shall may
  might must`);
const AUX_NEG = set(`don't doesn't didn't isn't aren't wasn't weren't haven't hasn't hadn't can't cannot
  couldn't won't wouldn't shouldn't ain't mustn't mightn't`);
const isAux = (t: Token | undefined): boolean => t !== undefined && (AUX_POS.has(t) || AUX_NEG.has(t));

// Subjects that can follow an inverted auxiliary.
const PRONOUN_SUBJ = set(`you ya y'all yall u i we they he she it there that this these those i've i'm
  you're you've we're we've they're they've he's she's it's i'd you'd we'd they'd i'll you'll we'll they'll
  there's that's`);
const SUBJ = set(`you ya y'all yall u i we they he she it there that this these those anyone anybody
  someone somebody everyone everybody anything something everything nothing people folks your my
  our their his her its the a an any some all most each every both either many much one none`);
// After "do/don't" a bare verb means an imperative ("don't worry", "do it"); only these make a question.
const DO_SUBJ = set(`you ya y'all yall u i we they he she people folks anyone anybody someone somebody
  everyone everybody any your their our his her my most many all some the these those`);

// Open explanation requests: their first word, then what must follow within a short window.
const REQUEST_RE =
  /^(?:please )?(?:tell (?:me|us) (?:about|more|how|what|why|when|where|who|which|a bit|a little|something about|a story|the story|your story|the background|the history|the reason)|talk (?:me|us) (?:through|about)|walk (?:me|us) through|take (?:me|us) through|run (?:me|us) through|describe|explain|elaborate|expand on|say (?:a bit |a little )?more|help (?:me|us) understand|share (?:a bit|a little|more|some|how|what|why|your)|give (?:me|us) (?:a|an|some|your) (?:(?:quick|brief|high[- ]level|little|rough|general|better) )?(?:overview|sense|idea|picture|rundown|background|example|examples|breakdown|walkthrough|summary|feel|context)|paint (?:me )?a picture|go (?:over|through)|fill (?:me|us) in)\b/;
// Every word a REQUEST_RE match can begin with (after "please"): no such word, no request.
const REQUEST_FIRST_WORDS = set(`tell talk walk take run describe explain elaborate expand say help share give
  paint go fill`);
/**
 * Whether REQUEST_RE can match words that begin with the token `w`: "please", a request word, or a
 * one-word request glued to more ("describe-what": REQUEST_RE's `\b` lets that through).
 */
function mayStartRequest(w: Token): boolean {
  if (w === "please" || REQUEST_FIRST_WORDS.has(w)) return true;
  const c0 = w.charCodeAt(0); // "d" or "e": most words need no regex
  return (c0 === 100 || c0 === 101) && /^(?:describe|explain|elaborate)\b/.test(w);
}
// Any punctuation the rules read as the transcriber's ("punctuated" text).
const PUNCTUATION_RE = /[.,!?;:]/;
// "tell me if/whether…" asks for yes/no; "tell me about it" is an idiom of sympathy.
const REQUEST_CLOSED_RE = /^(?:please )?tell (?:me|us) (?:if|whether)\b/;
const REQUEST_IDIOM_RE = /^tell me about it$/;

// Speaker announces they want information: a question by intent, even without "?".
const ASKING_PREFIX_RE =
  /^(?:i'?m|i am|we'?re|we are) (?:curious|interested to (?:know|hear|learn|understand))\b|^(?:i was|we were) curious\b|^(?:i'?d|i would|we'?d|we would) (?:love|like) to (?:know|hear|understand|learn|get a sense)\b|^(?:i|we) (?:want|wanted|need) to (?:know|understand|hear)\b/;

// Whole-sentence reactions in question form: not counted (contract §3).
// Multi-word entries are written with "_" for the space between their words.
const BACKCHANNEL = new Set(
  [
    ...set(`really seriously huh what eh pardon sorry yeah yes no okay ok right hm hmm mhm
  uh-huh mm-hmm what's_up and so oh wow whatever`),
  ].map((b) => b.replace(/_/g, " ")),
);
const BACKCHANNEL_RE =
  /^(?:is (?:that|it) (?:right|so|true|a fact|really so)|are you (?:serious|kidding(?: me)?|sure)|you'?re (?:kidding|joking|serious)(?: me)?|no (?:kidding|way)|pardon me|excuse me|come again|say (?:that )?again|you know|you see|know what i mean|you know what i mean|you know what i'?m saying|know what i'?m saying|how about that|imagine that|fancy that|is that (?:so|right|true|correct)|oh my god|my god|oh my gosh|yeah right|not really|really now|or something|or whatever|and then|you did|you do|you have|you are|you were|you can|you will|you would|you know what)$/;
// "(oh) you did?", "is it?", "do they?": an echo of the other speaker, not a new question.
const ECHO_RE =
  /^(?:(?:i|you|we|they|he|she|it|that|there) (?:do|does|did|is|are|was|were|am|have|has|had|can|could|will|would|should)(?: not| too)?|(?:do|does|did|is|are|was|were|am|have|has|had|can|could|will|would|should) (?:i|you|we|they|he|she|it|that|there)(?: really| now| too)?|(?:i|you|we|they|he|she|it|that|there)'(?:s|re|ve|d|ll) not)$/;
// An inverted auxiliary and its subject with nothing after them: a question cut off mid-way.
const BROKEN_OFF_RE =
  /^(?:or )?(?:do|does|did|is|are|was|were|have|has|can|could|will|would|should|don't|doesn't|didn't|isn't|aren't|wasn't|weren't|haven't|can't|won't|wouldn't|shouldn't) (?:you|y'all|you guys|we|they|he|she|it|i|that|there|this)$/;
// Checks that are tags when the speaker continues their own words, backchannels when they react.
const BARE_TAG_RE =
  /^(?:right|yeah|true|you know|(?:you )?know what i mean|(?:you )?know what i'?m saying|is (?:that|it) (?:right|correct|true|so)|am i right|(?:(?:do|does|did|is|are|was|were|have|has|had|can|could|will|would|should)(?:n't)?|won't|can't|ain't) (?:i|you|we|they|he|she|it|that|there)|(?:i|you|we|they|he|she|it|that|there) (?:do|does|did|is|are|was|were|have|has|had|can|could|will|would)(?: not)?)$/;
// Questions asked for effect, not for an answer.
const RHETORICAL_RE =
  /^(?:who (?:knows|cares|would(?:'ve| have) (?:thought|known|guessed)|doesn't|wouldn't)|who'd (?:have|'ve) (?:thought|known|guessed)|what (?:can (?:you|one|i|we) (?:do|say)|do you know|else is new|the (?:heck|hell)|could go wrong|are the odds|was i thinking|'?s not to (?:like|love)|are you (?:gonna|going to) do)|what's the point|what's not to (?:like|love)|guess what|go figure|why not|why bother|how (?:about that|cool|great|crazy|funny|sad|weird|nice|awesome) is that|how (?:should|would|could) i know|how hard can it be|need i say more|wouldn't (?:it|that) be nice|ain't that the truth)$|^isn't (?:that|it|this) (?:something|funny|ironic|amazing|great|interesting|crazy|wild|sad|terrible|awful|nice|cool|typical|the truth|the way|always the way|strange|weird|odd|incredible|unbelievable)\b/;
// Proposals and offers in question form ("why don't we schedule a demo", "why don't I send it over"):
// the speaker suggests an action and asks for no information.
const SUGGESTION_RE = /^why (?:don't|do not) (?:we|i|us)\b/;
// Greetings in question form are phatic, not questions about the customer.
const GREETING_RE =
  /^(?:hey |hi |hello )?(?:how (?:are|r) (?:you|ya|y'all)(?: doing| today| doing today| guys| all)?|how (?:you|ya) doing(?: today)?|how's it going|how is it going|how have you been|how you been|how's everything|how are things|how's your (?:day|week|morning|afternoon) (?:going )?(?:so far)?|what's up|how do you do|what's new)$/;
// Phatic endings: "…, you know?" asks for nothing.
const PHATIC_END_RE = /(?:^|\s)(?:you know|you see|i mean)$/;
// "…, you know what I mean?": a check that the listener follows, a tag when it carries "?".
const FOLLOW_TAG_RE = /(?:^|\s)(?:you )?know what i (?:mean|'?m saying|am saying|'?m talking about)$/;
// Reported speech before a question ("I said, how are you doing?", "it's like, why…"): not asked now.
const QUOTATIVE_END_RE =
  /(?:^|\s)(?:said|says|saying|asked|asks|goes|went|thought|(?:told|asked) (?:him|her|them|me|us)|(?:telling|tell|ask|asking) (?:him|her|them|myself)|yelled|wrote|(?:it's|i'm|i was|he's|she's|they're|was|were|we're|he was|she was|they were|you're) like|(?:you|one) wonder|(?:the|my|our) (?:question|issue|thing|problem) (?:is|was)|(?:i|he|she|they|we|you|people|everybody|everyone)(?: just| always| kind of| sort of| then| all)? (?:go|goes|going|say|think|thought|said|says|asked|went|was going|am going|'m going|are going|were going|was like|were like|'re like))$/;
// Word searches and self-talk without "?": "what's it called", "what else".
const SELF_TALK_RE =
  /^(?:what (?:else|a|an)\b.*|what (?:is|was|are|were|'s) (?:it|that|they|he|she|his name|her name|the name|the word|that thing)(?: called)?|what(?:'s| is) (?:it|that|they) called|what do you call (?:it|them|that|those)|what am i (?:thinking of|trying to say)|how do you say (?:it|that)|can you imagine\b.*)$/;

const OR_ANY_CASE_RE = /or/i;
// "or" phrases that do not offer an alternative ("ten or so", "…or something").
const VAGUE_OR_RE =
  /\bor (?:so|something|anything|whatever|whatnot|two|three|less|more|later|sooner|else|other)\b/g;

// Last-word tags that turn a statement into a check question when the sentence carries "?".
const TAG_WORDS_Q = set(`right correct huh eh yeah yes no ok okay true yep`);
// Words before a final "right" that make it part of the statement, not a tag.
const NOT_TAG_BEFORE_RIGHT = set(`that's thats that all alright you're youre it's its is was be being
  been exactly quite just the on to turn left right yeah okay oh uh um are am were he's she's they're
  we're i'm do did done go went not so pretty very it this there's doing get got make made`);
const TAG_TAIL_RE =
  /(?:^|\s)(?:(?:isn't|aren't|wasn't|weren't|don't|doesn't|didn't|haven't|hasn't|hadn't|can't|couldn't|won't|wouldn't|shouldn't) (?:it|you|we|they|he|she|i|there|that|ya|y'all)|is that (?:right|correct|true|fair)|am i right|right or wrong|don't you think|wouldn't you (?:say|agree)|would you agree|or not|or no|or what|does that make sense|make sense|sound (?:good|right|fair)|does that sound (?:right|good|fair))(?: though)?$/;
// The words TAG_TAIL_RE can end on (before an optional "though"): any other ends no tag of it.
const TAG_TAIL_LAST = set(`it you we they he she i there that ya y'all right correct true fair wrong think
  say agree not no what sense good`);
const POS_TAG_TAIL_RE =
  /\s(?:is|are|was|were|do|does|did|have|has|can|will|would) (?:it|you|we|they|he|she|there|that)$/;
const NO_TAG_BEFORE_POS = set(`so neither nor than as what how where why when who which whatever that if
  because cause the more`);

// Finite verbs that commonly follow a subject "who/what" ("who owns…", "what happened").
const SUBJECT_WH_VERB_RE =
  /^(?:[a-z]+(?:ed|es)|happen|happened|made|makes|brought|brings|led|leads|drove|drives|got|gets|caused|causes|keeps|kept|went|goes|came|comes|else|would|could|should|will|can|might|must|works|matters|decides|owns|handles|uses|needs|stands|stood|sets|runs|ran|took|takes|gave|gives|told|tells|sold|sells|signs|pays|buys|wants|means)$/;
// Words that begin a degree/amount phrase after "how" ("how many…", "how long…").
const HOW_DEGREE = set(`many much long often far old big soon well quickly fast important likely
  critical urgent early late frequently large small hard easy difficult confident sure serious close
  exactly bad good`);
// Clause-internal words that show a wh-word introduces a free relative / subordinate clause.
const COPULA_LATER = set(`is was`);

// Hesitations dropped everywhere, so that "do, uh, you have…" still shows its inversion.
const HESITATION = set(`uh um umm uhm uhh er erm hmm hm mm`);
// Every hesitation is two or three letters starting with u, e, h or m: most words need no look-up.
const MAX_HESITATION = Math.max(...[...HESITATION].map((h) => h.length));
const HESITATION_FIRST = new Set([...HESITATION].map((h) => h.charCodeAt(0)));
function isHesitation(x: Token): boolean {
  return x.length <= MAX_HESITATION && HESITATION_FIRST.has(x.charCodeAt(0)) && HESITATION.has(x);
}

/**
 * Each chunk `clean`ed, chunks left empty (only hesitations: "um,") dropped: every rule passes over
 * an empty chunk, and an empty array would be the one token array of another shape (V8 map) that
 * sends the optimised classifier back to the interpreter.
 */
function cleanChunks(parts: readonly (readonly Token[])[]): Token[][] {
  const out: Token[][] = [];
  for (const part of parts) {
    const c = clean(part);
    if (c.length > 0) out.push(c);
  }
  return out;
}

/**
 * `cleanChunks(chunksOf(sentence, tokenized))`, except that a sentence of one chunk gives the
 * sentence's own cleaned words `all` (the same words): the rules then reuse its joins.
 */
function partsOf(sentence: string, tokenized: Tokenized, all: Token[]): Token[][] {
  const raw = chunksOf(sentence, tokenized);
  if (raw.length === 1 && sameTokens(raw[0]!, tokenized.words)) return [all];
  return cleanChunks(raw);
}

function sameTokens(a: readonly Token[], b: readonly Token[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Hesitations dropped, then immediate repetitions (`dedupe`), in one pass. */
function clean(t: readonly Token[]): Token[] {
  const out: Token[] = [];
  for (const x of t) if (!isHesitation(x) && out[out.length - 1] !== x) out.push(x);
  return out;
}
// Prepositions that may precede a wh-word ("about how much…", "in what way…", "at which point…").
const WH_PREP = set(`about in for to from at on of with by since until`);
// Indirect questions aimed at the listener: "I don't know if you've heard…", "I wonder what you think…".
const INDIRECT_RE =
  /^(?:(?:i (?:wonder|was wondering|'m wondering|am wondering|was just wondering)|i'?d be curious) (?:(?:if|whether) (?:you|your|y'all)|(?:what|how|why|where|when|who|which)(?: [a-z']+){0,2} (?:you|your|y'all))|(?:i (?:don't|do not|didn't|did not) know|i'?m not sure|i am not sure) (?:if|whether) (?:you|your|y'all))\b/;

/** What the start of a chunk says about the clause. */
type Signal = QuestionKind | "subordinate" | null;

// First words of the pairs and triples: only these need the joined look-up.
const LEADING_MULTI_FIRST = new Set([...LEADING_PAIRS, ...LEADING_TRIPLES].map((p) => p.split("_")[0]!));

/** Index of the first content word after discourse markers. */
function skipLeading(t: readonly Token[], from: number): number {
  let i = from;
  for (;;) {
    const a = t[i];
    if (a === undefined) return i;
    const b = t[i + 1];
    const c = t[i + 2];
    const multi = LEADING_MULTI_FIRST.has(a);
    if (multi && b !== undefined && c !== undefined && LEADING_TRIPLES.has(`${a}_${b}_${c}`)) {
      i += 3;
    } else if (
      multi &&
      b !== undefined &&
      LEADING_PAIRS.has(`${a}_${b}`) &&
      !(a === "you" && b === "know" && c !== undefined && WH.has(c))
    ) {
      i += 2;
    } else if (LEADING.has(a) && !(a === "right" && i === t.length - 1)) {
      i += 1;
    } else {
      return i;
    }
  }
}

/** True when the window after an aux/wh contains an explanation request ("…you walk me through…"). */
function hasOpenRequest(t: readonly Token[], from: number, window: number): boolean {
  for (let j = from; j < Math.min(t.length, from + window); j++) {
    const rest = t.slice(j, j + 9).join(" ");
    if (REQUEST_RE.test(rest)) return !REQUEST_CLOSED_RE.test(rest);
  }
  return false;
}

/**
 * Whether the last answer of `classifyEnglish` rests on a category the analysis contract defines
 * (explanation requests, indirect and tag questions, broken-off questions and inverted clauses
 * inside run-on text; rhetorical questions, backchannels, suggestions, echoes and reported speech
 * marked with "?"), which the statistical layer
 * (model/index.ts) leaves as it is. Never set by the early exits, so they stay exact.
 */
export function lastAnswerFirm(): boolean {
  return firm;
}
let firm = false;
/** Set by headSignal when its answer is a request, an indirect or an asking-prefix question. */
let headFirm = false;

/** Classify the clause starting at `t[i]` (after markers). `q`: the sentence has "?". */
function headSignal(t: readonly Token[], i: number, q: boolean, joinedRest?: string): Signal {
  headFirm = false;
  const w = t[i];
  if (w === undefined) return null;
  const next = t[i + 1];
  // `joinedRest`: the caller's `t.slice(i).join(" ")`, when it has it already.
  const rest = joinedRest ?? t.slice(i).join(" ");

  if (REQUEST_IDIOM_RE.test(rest)) return null;
  headFirm = true;
  if (REQUEST_RE.test(rest)) return REQUEST_CLOSED_RE.test(rest) ? "closed" : "open";
  if (ASKING_PREFIX_RE.test(rest)) {
    if (hasOpenRequest(t, i + 2, 8)) return "open";
    return /\b(?:if|whether)\b/.test(t.slice(i, i + 6).join(" ")) ? "closed" : "open";
  }
  headFirm = false;

  if (WH.has(w)) return whSignal(t, i, q);
  if (WH_PREP.has(w) && WH.has(next ?? "") && t[i + 2] !== undefined) {
    const s = whSignal(t, i + 1, q);
    if (s !== null) return s;
  }
  const indirect = INDIRECT_RE.exec(rest);
  if (indirect !== null) {
    headFirm = true;
    return /\b(?:if|whether)\b/.test(indirect[0]) ? "closed" : "open";
  }
  // Aux-less informal questions: "you ever been to…?", "you mean the new plan?".
  if (/^(?:you|you guys|y'all) (?:ever|mean)\b/.test(rest)) return "closed";

  if (isAux(w)) {
    if (next === undefined) return null;
    const ok =
      q ||
      (w === "do" || w === "don't" || w === "have"
        ? DO_SUBJ.has(next)
        : w === "had"
          ? PRONOUN_SUBJ.has(next)
          : SUBJ.has(next)) ||
      (w === "am" && next === "i");
    if (!ok) return null;
    // "could you walk me through…", "would you mind explaining…": a request despite the modal.
    if (
      hasOpenRequest(t, i + 2, 4) ||
      /^(?:would|do) you mind (?:telling|walking|explaining|describing|sharing|talking)\b/.test(rest)
    ) {
      return "open";
    }
    return "closed";
  }

  // "any questions?", "anything else?": elliptical yes/no questions.
  if (
    /^(?:any|anything|anyone|anybody) (?:else|other|questions?|thoughts|concerns|comments|ideas|objections|feedback)\b/.test(
      rest,
    ) &&
    (q || t.length - i <= 4)
  ) {
    return "closed";
  }
  return null;
}

/** Classify a clause that starts with a wh-word. */
function whSignal(t: readonly Token[], i: number, q: boolean): Signal {
  const w = t[i]!;
  const next = t[i + 1];
  const rest = t.slice(i).join(" ");
  if (next === undefined) return q && w !== "what" ? "open" : null;
  if (w === "how" && next === "about")
    return t[i + 2] === undefined || rest === "how about that" ? null : "open";
  if (w === "what" && next === "about") return t[i + 2] === undefined && !q ? null : "open";
  if ((w === "what" && (next === "if" || next === "else")) || (w === "how" && next === "come")) return "open";
  if (q) return "open";

  // Without "?": the wh-word must head a question, not a free relative or adverbial clause.
  if (WH_CONTRACTED.has(w)) {
    // "what's interesting is…" is a pseudo-cleft statement.
    for (let j = i + 2; j < t.length; j++) if (COPULA_LATER.has(t[j]!)) return "subordinate";
    return "open";
  }
  if (PRONOUN_SUBJ.has(next) && next !== "that" && next !== "this") return "subordinate";
  // Pseudo-cleft: "what happens is…", "what it's called is…" (a verb right before is/was).
  if (w === "what") {
    for (let j = i + 2; j < t.length; j++) {
      if (
        COPULA_LATER.has(t[j]!) &&
        /(?:s|ed|ing|need|mean|want|like|think|say)$/.test(t[j - 1]!) &&
        !/^(?:this|its|his|is|was|yours|ours|theirs)$/.test(t[j - 1]!)
      ) {
        return "subordinate";
      }
    }
  }
  if (isAux(next)) {
    // "which is why…", "which has…" continue the previous sentence.
    if (w === "which" && (!SUBJ.has(t[i + 2] ?? "") || /^(?:is|was|has|had|are|were)$/.test(next)))
      return "subordinate";
    if ((next === "is" || next === "was") && w === "what") {
      for (let j = i + 3; j < t.length; j++) if (COPULA_LATER.has(t[j]!)) return "subordinate";
    }
    return "open";
  }
  if ((w === "who" || w === "what") && SUBJECT_WH_VERB_RE.test(next)) return "open";
  // "when/where/why" without inversion introduce adverbial clauses ("when the contract ends…").
  if (w === "when" || w === "where" || w === "why" || w === "whom") return "subordinate";
  if ((w === "what" || w === "which") && /^(?:kind|kinds|type|types|sort|sorts)$/.test(next)) return "open";
  // "how many reps are…", "what kind of CRM do you use", "which one do you prefer".
  let j = i + 1;
  if (w === "how") {
    if (!HOW_DEGREE.has(next)) return "subordinate";
    j++;
  }
  for (let k = 0; k < 5 && j < t.length; k++, j++) {
    const x = t[j]!;
    if (isAux(x)) {
      if (w === "how" && j + 1 < t.length) return "open";
      return SUBJ.has(t[j + 1] ?? "") ? "open" : "subordinate";
    }
    if (PRONOUN_SUBJ.has(x) && x !== "that" && x !== "this") return "subordinate";
    // Subject questions: "what time works for you", "how many people use it" (not "which costs…").
    if (k > 0 && w !== "which" && SUBJECT_WH_VERB_RE.test(x) && x !== "else") return "open";
  }
  // The clause broke off after the wh-phrase ("What weekly, um, magazine…"): a question fragment.
  return j >= t.length && w !== "which" ? "open" : "subordinate";
}

/** "…, right?", "…isn't it", "…or not": a tag that turns the statement into a yes/no check. */
function hasTag(t: readonly Token[], q: boolean, punctuated: boolean): boolean {
  const n = t.length;
  if (n < 3) return false;
  const last = t[n - 1]!;
  const tail =
    TAG_TAIL_LAST.has(last === "though" ? t[n - 2]! : last) || q ? t.slice(Math.max(0, n - 6)).join(" ") : "";
  if (TAG_TAIL_RE.test(tail)) {
    // "…whether they renew or not" is an embedded alternative, not a tag.
    return !(/ or (?:not|no|what)$/.test(tail) && t.some((x) => x === "whether" || x === "if"));
  }
  if (q && TAG_WORDS_Q.has(last)) return true;
  if (q && FOLLOW_TAG_RE.test(tail)) return true;
  if (q && POS_TAG_TAIL_RE.test(tail) && !NO_TAG_BEFORE_POS.has(t[n - 3] ?? "")) return true;
  // Unpunctuated ASR: "you're on salesforce today right" (but not "that's right").
  if (
    !punctuated &&
    (last === "right" || last === "correct") &&
    n >= 4 &&
    !NOT_TAG_BEFORE_RIGHT.has(t[n - 2]!)
  )
    return true;
  return false;
}

/** A real choice between offered options: "A or B?", "…, A or B?" (not "…or so", "…or something"). */
function offersOptions(sentence: string, lowerTokens: readonly Token[]): boolean {
  // No "or" in any case, no choice: lower-casing maps no other character onto "o" or "r".
  if (!OR_ANY_CASE_RE.test(sentence)) return false;
  const lower = sentence.toLowerCase().replace(VAGUE_OR_RE, " ");
  if (!/\bor\b/.test(lower)) return false;
  const parts = chunks(lower);
  const last = parts[parts.length - 1] ?? [];
  if (parts.length > 1 && last.includes("or") && last.length <= 8) return true;
  return lowerTokens[0] === "which" || /\bwhich\b.*\bor\b/.test(lower.split(/[,;]/)[0] ?? "");
}

// Auxiliary families: an echo repeats the family of the other speaker's verb ("I'm Italian." "are you").
const AUX_FAMILY: Readonly<Record<string, string>> = (() => {
  const out: Record<string, string> = {};
  const fam = (name: string, forms: string) => {
    for (const f of forms.split(" ")) out[f] = name;
  };
  fam("do", "do does did don't doesn't didn't");
  fam("be", "is are was were am isn't aren't wasn't weren't 's 're 'm");
  fam("have", "have has had haven't hasn't hadn't 've 'd");
  fam("can", "can can't cannot could couldn't");
  fam("will", "will would won't wouldn't 'll should shouldn't");
  return out;
})();
function echoesAux(previousText: string, aux: string): boolean {
  const family = AUX_FAMILY[aux];
  if (family === undefined) return false;
  for (const w of words(previousText)) {
    const apos = w.indexOf("'");
    if (AUX_FAMILY[w] === family || (apos > 0 && AUX_FAMILY[w.slice(apos)] === family)) return true;
  }
  return false;
}

const ACK = set(`yeah yes yep yup uh-huh uhhuh uh huh mm-hmm mhm mm hmm hm okay ok right sure exactly
  true oh so well alright i see um gotcha cool`);
/**
 * The previous speaker's text when the sentence may react to it: a mere acknowledgment ("uh-huh",
 * "yeah.") is nothing to react to. Read only where a rule needs it (rare: the early exits never do).
 */
function reactedTo(previousText: string | undefined): string | undefined {
  return previousText !== undefined && isAcknowledgment(previousText) ? undefined : previousText;
}
function isAcknowledgment(text: string): boolean {
  const w = firstWords(text, 4); // four are enough to tell "more than three"

  return w.length <= 3 && w.every((x) => ACK.has(x));
}

// Inversion or a wh-word with the listener as subject: "do you…", "what's your…", "how are you…".
const STRONG_RE =
  /(?:^|\s)(?:(?:do|does|did|are|were|have|has|can|could|would|will|is|was|should|don't|didn't|doesn't|aren't|isn't|wasn't|haven't|can't|won't|wouldn't|couldn't)|what's|how's|where's|who's|when's|why's|what|how|where|when|why|who|which) (?:you|your|y'all|ya)(?:\s|$)/;
// An inverted auxiliary that agrees with the pronoun after it ("is it…", "do they…", "was he…"): a clause
// type that statements do not take, so it survives a transcriber's period. Keyed by auxiliary.
const AGREEING_SUBJ: Readonly<Record<string, ReadonlySet<string>>> = (() => {
  // "I" is left out ("can I have it back." is a request, "do I have…" self-talk), and so are positive
  // "is/was that" ("is that we…", "the thing is, is that…" are clefts).
  const sg = set("it he she there that this");
  const pl = set("they we there these those");
  const nonThird = set("they we these those");
  const any = set("it he she there that this they we these those");
  const out: Record<string, ReadonlySet<string>> = {};
  for (const a of ["is", "was"]) out[a] = set("it he she there");
  for (const a of ["isn't", "wasn't", "does", "doesn't", "has", "hasn't"]) out[a] = sg;
  for (const a of ["are", "were", "aren't", "weren't"]) out[a] = pl;
  for (const a of ["do", "don't"]) out[a] = nonThird;
  for (const a of [
    "did",
    "didn't",
    "can",
    "can't",
    "could",
    "couldn't",
    "will",
    "won't",
    "would",
    "wouldn't",
  ])
    out[a] = any;
  for (const a of ["should", "shouldn't", "have", "haven't", "had", "hadn't", "might", "may"]) out[a] = any;
  return out;
})();
/** `t`: the sentence's core words (after discourse markers). */
function invertedHead(t: readonly Token[]): boolean {
  const k = t[0] === "or" ? 1 : 0;
  const subj = t[k + 1];
  const agree = AGREEING_SUBJ[t[k] ?? ""];
  if (agree === undefined || subj === undefined || !agree.has(subj)) return false;
  // "so do I" is elliptical agreement; "is that we…" a cleft continuation ("the thing is that we…").
  if (t.length - k < 3) return false;
  return !((subj === "that" || subj === "this") && PRONOUN_SUBJ.has(t[k + 2] ?? ""));
}
// A wh-word before an inverted auxiliary and a pronoun subject: "how does it…", "what's their budget"
// ("what do we do" is left out: with a period it is mostly the speaker thinking aloud).
const WH_INVERTED_RE =
  /^(?:or )?(?:what|how|where|when|why|who)(?: (?:is|was|are|were|does|did|do|has|have|can|could|will|would)|'s) (?:it|he|she|they|that|this|there|his|her|their)\b/;
// "what about the legal team.": a question fragment whatever the punctuation (not "how about we…").
const WHAT_ABOUT_RE = /^(?:or )?(?:what|how) about (?!(?:if|we|i|us|let's)\b)[a-z]/;
/** `c`: the core words joined, `coreTokens` the same words. */
function strongCue(joined: string, c: string, coreTokens: readonly Token[]): boolean {
  return (
    // STRONG_RE needs the listener as a word ("you", "your", "ya", "y'all"): a substring test first.
    ((joined.includes("you") || joined.includes("ya") || joined.includes("y'all")) &&
      STRONG_RE.test(joined)) ||
    REQUEST_RE.test(c) ||
    ASKING_PREFIX_RE.test(c) ||
    INDIRECT_RE.test(c) ||
    invertedHead(coreTokens) ||
    WH_INVERTED_RE.test(c) ||
    WHAT_ABOUT_RE.test(c)
  );
}

const I_HEADS = set(`i i'm im i'd id we we're were we'd wed`);
// Words STRONG_RE needs as its last word, and first words the other regexes of strongCue need.
const LISTENER = set(`you your y'all ya`);
const CUE_FIRST = new Set([
  ...I_HEADS,
  ...set(`or what how where when why who what's how's where's when's why's who's`),
]);

/**
 * The fast exit's test for a sentence closed by "." or "!" without "?": no explanation request, no
 * tag, no strong cue. `strongCue` is only run (with the joins it needs) when a word lets one of
 * its patterns match: a listener word for STRONG_RE, or a first word its anchored patterns start with.
 */
function closesAsStatement(
  all: readonly Token[],
  coreTokens: readonly Token[],
  punctuated: boolean,
): boolean {
  if (all.some(mayStartRequest) || hasTag(all, false, punctuated) || invertedHead(coreTokens)) return false;
  const first = coreTokens[0];
  const cueFirst = first !== undefined && (CUE_FIRST.has(first) || mayStartRequest(first));
  if (!cueFirst && !all.some((t) => LISTENER.has(t))) return true;
  const joined = all.join(" ");
  return !strongCue(joined, coreTokens === all ? joined : coreTokens.join(" "), coreTokens);
}
const ANY_HEADS = set(`any anything anyone anybody`);

/**
 * For a sentence without "?": false when none of the ways `classifyEnglish` finds an unmarked
 * question can apply — no chunk opens like a question or a request (`mayOpenQuestion`), no
 * inverted clause inside (`scanInside`), no tag (`hasTag`), no clause broken off after its
 * auxiliary (BROKEN_OFF_RE). The rules would then return null; this spares them their regexes.
 * It may say true for a statement (the rules decide), never false for a question.
 */
function couldAskUnmarked(
  all: readonly Token[],
  coreTokens: readonly Token[],
  parts: readonly (readonly Token[])[],
  skips: readonly number[],
  punctuated: boolean,
): boolean {
  const first = coreTokens[0];
  if (first === "or" || isAux(first)) return true;
  for (let p = 0; p < parts.length; p++) {
    const part = parts[p]!;
    if (mayOpenQuestion(part, skips[p]!)) return true;
    if (part[0] === "or" && mayOpenQuestion(part, skipLeading(part, 1))) return true;
  }
  return scanInside(all) !== null || hasTag(all, false, punctuated);
}

/** Whether `headSignal(t, i, false)` or an explanation request can fire on the clause at `t[i]`. */
function mayOpenQuestion(t: readonly Token[], i: number): boolean {
  const w = t[i];
  if (w === undefined) return false;
  const next = t[i + 1];
  if (mayStartRequest(w) || WH.has(w) || isAux(w) || ANY_HEADS.has(w)) return true;
  if (WH_PREP.has(w)) return next !== undefined && WH.has(next);
  // headSignal's /^(?:you|you guys|y'all) (?:ever|mean)\b/, word by word.
  if (w === "you" || w === "y'all") return next !== undefined && /^(?:guys$|ever\b|mean\b)/.test(next);
  if (I_HEADS.has(w)) {
    const rest = t.slice(i).join(" ");
    return ASKING_PREFIX_RE.test(rest) || INDIRECT_RE.test(rest);
  }
  return false;
}

/**
 * English: the kind of question `sentence` is, or null when it is not a (counted) question.
 * @example classifyEnglish("walk me through your process") // "open"
 * @example classifyEnglish("Right?", "We have fifty reps.") // null (a reaction)
 */
export function classifyEnglish(
  sentence: string,
  previousTextIn?: string,
  /** Tests turn the two early exits off to check they never change an answer. */
  shortcuts = true,
): QuestionKind | null {
  firm = false;
  const tokenized = tokenize(sentence);
  const all = clean(tokenized.words);
  if (all.length === 0) return null;
  const q = hasQuestionMark(sentence);
  // Past the early exits, "?"-marked answers of the contract's own categories are firm.
  firm = q;
  // A bare check after the speaker's own words: "Okay?", "Correct?", "No?"; "Right?", "Is that right?",
  // "Don't you?" too unless they react to another speaker (contract: "right?" alone is a backchannel).
  if (q && all.length === 1 && /^(?:okay|ok|correct|no|yes|agreed|fair)$/.test(all[0]!)) return "closed";
  if (!q && all.length === 1 && all[0] === "why") return "open";
  // A sentence closed by "." or "!" (or carrying "?") is punctuated without looking further.
  const closed = !q && endsWithStop(sentence);
  const punctuated = q || closed || PUNCTUATION_RE.test(sentence);

  // The sentence's words after discourse markers (`all` is already `clean`ed; clean is idempotent).
  const coreStart = skipLeading(all, 0);
  const coreTokens = coreStart === 0 ? all : all.slice(coreStart);
  // Fast exit, exactly equivalent to the full rules below: a sentence closed with "." or "!" and no
  // "?" is a question only through a strong cue, an explanation request or a tag — and most
  // sentences of a call are such statements.
  if (shortcuts && closed && closesAsStatement(all, coreTokens, punctuated)) return null;
  const joined = all.join(" ");
  const c = coreStart === 0 ? joined : coreTokens.join(" ");
  // The sentence's chunks ("Stephanie, what's…") and where each one's words start after markers.
  const parts = punctuated ? partsOf(sentence, tokenized, all) : [all];
  const skips: number[] = [];
  for (const part of parts) skips.push(part === all ? coreStart : skipLeading(part, 0));
  // Without "?" only a few shapes can ask; every other sentence is a statement, spared the rules below.
  if (shortcuts && !q && !couldAskUnmarked(all, coreTokens, parts, skips, punctuated)) return null;
  return applyRules(sentence, previousTextIn, q, punctuated, all, coreTokens, joined, c, parts, skips);
}

/**
 * The rules past the early exits (a function of its own: most sentences never get here, and the
 * optimising compiler then compiles the early exits without them).
 * `all`: the sentence's cleaned words; `coreTokens` those after discourse markers, joined `c`;
 * `joined`: `all` joined; `parts`: its cleaned chunks, `skips` where each one's core starts.
 */
function applyRules(
  sentence: string,
  previousTextIn: string | undefined,
  q: boolean,
  punctuated: boolean,
  all: readonly Token[],
  coreTokens: readonly Token[],
  joined: string,
  c: string,
  parts: readonly (readonly Token[])[],
  skips: readonly number[],
): QuestionKind | null {
  const orStart = all[0] === "or";
  // A listener's turn cut off mid-clause (no closing mark) is nothing to react to either.
  if (q && BARE_TAG_RE.test(joined)) {
    const previousText = reactedTo(previousTextIn);
    if (previousText === undefined || endsInLetterOrDigit(previousText)) return "closed";
  }
  if (
    c === "" ||
    BACKCHANNEL.has(c) ||
    BACKCHANNEL_RE.test(c) ||
    RHETORICAL_RE.test(c) ||
    SUGGESTION_RE.test(c)
  ) {
    return c === "" && orStart && q ? "closed" : null; // a bare "or?" still offers an alternative
  }
  // A question broken off after its inverted auxiliary and subject ("are you", "so is it uh"): without
  // "?" or a closing mark it is an interrupted question, not an echo ("Do you?") or agreement ("so do I").
  // After another speaker's clause with the same auxiliary it is rather an echo ("I do." "do you").
  if (!q && BROKEN_OFF_RE.test(c) && !/[,.!;:…]["')\]]*\s*$/.test(sentence)) {
    firm = true; // the contract's broken-off questions and echoes
    if (/(?:^|\s)(?:so|neither|nor) [a-z']+ (?:i|we)$/.test(joined)) return null;
    const aux = c.split(" ")[c.startsWith("or ") ? 1 : 0]!;
    const previousText = reactedTo(previousTextIn);
    return previousText !== undefined && echoesAux(previousText, aux) ? null : "closed";
  }
  if (ECHO_RE.test(c) || GREETING_RE.test(c)) return null;
  // Repair requests: "what?", "who?", "Lake what?", "what's that?" (asking for a repeat, not information).
  if (
    /^(?:what|who|what's that|what was that|what did you say|say what|(?!(?:or|for|with|in|on|at|about|from|to|by|of|and|but|so|like)\b)[a-z'-]+ (?:what|where|who))$/.test(
      c,
    )
  ) {
    return null;
  }
  // "Oh, Texas?" after the other speaker said Texas: a surprised echo, not a question.
  const previousText =
    q && all.length <= 5 && /^(?:oh|wow|really)\b/.test(joined) ? reactedTo(previousTextIn) : undefined;
  if (previousText !== undefined) {
    const prev = new Set(words(previousText));
    if (coreTokens.length > 0 && coreTokens.every((x) => prev.has(x))) return null;
  }

  // Find the first clause head that signals a question, chunk by chunk ("Stephanie, what's…").
  let signal: Signal = null;
  const before: Token[] = [];
  // Each chunk's words after markers, joined: the sentence's core when the chunk is the sentence.
  const chunkCores: Array<string | undefined> = [];
  const chunkCore = (p: number): string =>
    (chunkCores[p] ??= parts[p] === all ? c : parts[p]!.slice(skips[p]).join(" "));
  for (let p = 0; p < parts.length && signal === null; p++) {
    const part = parts[p]!;
    const skip = skips[p]!;
    const core = chunkCore(p);
    // The sentence's own core already passed these three above.
    if (core !== c && (RHETORICAL_RE.test(core) || GREETING_RE.test(core) || SUGGESTION_RE.test(core)))
      return null;
    const head = part[0] === "or" ? skipLeading(part, 1) : skip;
    let s: Signal = headSignal(part, head, q, head === skip ? core : undefined);
    if (s === "subordinate") s = null;
    if (s !== null && before.length > 0 && QUOTATIVE_END_RE.test(before.slice(-4).join(" "))) return null;
    if (s !== null && !q && SELF_TALK_RE.test(core)) return null;
    signal = s;
    if (part.length > 1) before.push(...part); // interjections ("God,") do not hide a quotative

    // Without "?", a question clause must open the sentence, after at most markers or a vocative
    // ("Well, Stephanie, what's…"); later chunks are mostly relative or adverbial clauses.
    if (!q && part.length - skip > 3) break;
  }
  if (signal === null && !q) {
    signal = scanInside(all);
    headFirm = signal !== null; // an unmistakable inverted clause inside run-on text
  }
  // An explanation request opening any chunk asks, wherever it stands and whatever ends the
  // sentence: "When you say X, walk me through Y." / "Dale, talk me through…".
  let request = false;
  if (signal === null || !q) {
    for (let p = 0; p < parts.length; p++) {
      // REQUEST_RE needs a request word first: no join otherwise.
      const first = parts[p]![skips[p]!];
      if (first === undefined || !mayStartRequest(first)) continue;
      const head = chunkCore(p);
      if (REQUEST_RE.test(head) && !REQUEST_IDIOM_RE.test(head)) {
        signal = REQUEST_CLOSED_RE.test(head) ? "closed" : "open";
        request = true;
        break;
      }
    }
  }

  // A transcriber's period is evidence against a question: then only unmistakable cues count.
  if (
    signal !== null &&
    !q &&
    !request &&
    /[.!]["')\]]*\s*$/.test(sentence) &&
    !strongCue(joined, c, coreTokens)
  )
    signal = null;

  const options = offersOptions(sentence, coreTokens);
  if (signal !== null) {
    firm = request || headFirm;
    return signal === "open" && !options ? "open" : "closed";
  }
  if (hasTag(all, q, punctuated)) {
    firm = true;
    return "closed";
  }
  // An alternative left open at the end: "you have a fenced yard or?".
  if (all.length >= 3 && all[all.length - 1] === "or" && q) return "closed";
  if (!q) return null;
  if (PHATIC_END_RE.test(joined)) return null;
  if (
    /^(?:and |so |but )?(?:i|he|she|they|we) (?:said|asked|goes|go|went|thought|think|was like|'m like)\b/.test(
      joined,
    )
  ) {
    return null; // reported speech
  }

  // Declarative question ("you're using Salesforce today?"); an in-situ wh-word makes it open.
  firm = false;
  const last = all[all.length - 1]!;
  if (WH.has(last) && last !== "which") return "open";
  if (/^(?:like|such as)$/.test(c)) return "open";
  // A wh-clause with inversion later in the sentence: "…and the other one is, what about transcription?"
  for (let j = 1; j + 1 < all.length; j++) {
    const w = all[j]!;
    if (!/^(?:what|how|why|where|when)$/.test(w) && !(WH_CONTRACTED.has(w) && !w.startsWith("who"))) continue;
    const n = all[j + 1]!;
    if (
      WH_CONTRACTED.has(w) ||
      (w === "what" && n === "about") ||
      (AUX_POS.has(n) && SUBJ.has(all[j + 2] ?? ""))
    ) {
      if (!/^(?:know|knew|wonder|sure|idea|remember|see|understand|mean|that's|exactly)$/.test(all[j - 1]!))
        return "open";
    }
  }
  return "closed";
}

/**
 * Unpunctuated run-on text: look for an unmistakable question clause inside it — wh + aux + subject
 * ("…so what does your process look like") or marker + aux + "you" ("…okay so do you have budget").
 * Embedded questions do not invert, so these patterns rarely fire on statements.
 */
function scanInside(t: readonly Token[]): Signal {
  for (let j = 1; j + 2 < t.length; j++) {
    const a = t[j]!;
    const b = t[j + 1]!;
    const before = t[j - 1]!;
    const deg = a === "how" && HOW_DEGREE.has(b) ? 1 : 0;
    const b2 = t[j + 1 + deg] ?? "";
    const c2 = t[j + 2 + deg] ?? "";
    if (
      WH.has(a) &&
      !WH_CONTRACTED.has(a) &&
      a !== "which" &&
      AUX_POS.has(b2) &&
      /^(?:you|your|y'all|we|they)$/.test(c2)
    ) {
      if (
        !/^(?:know|knew|wonder|wondering|sure|idea|remember|see|understand|matter|care|figure|out|of|about|ask|asked|asking|tell|told)$/.test(
          before,
        )
      ) {
        return "open";
      }
    }
    if (
      /^(?:so|okay|ok|alright|well|now)$/.test(before) &&
      AUX_POS.has(a) &&
      (b === "you" || b === "y'all") &&
      a !== "am"
    ) {
      return hasOpenRequest(t, j + 2, 4) ? "open" : "closed";
    }
  }
  return null;
}
