import { evaluateBenchmarks } from "../analysis/benchmarks.js";
import { anyOf, countMatches, LowerRegex, lowerPlain, matchesWithin, twin } from "../text/lower-regex.js";
import { eachMatch } from "../text/regex.js";
import type { CrmFields, Handling, Objection, PlaybookResult, Summary } from "./contract.js";
import type { CoachingInput } from "./engine.js";
import { type CoachingLanguage, callLanguage, localizePlaybook } from "./lang/index.js";
import { KNOWN_TOOLS } from "./lang/tools.js";
import type { CoachingText, SummaryRules } from "./lang/types.js";
import { type CallSentence, callSentences, sentenceStarts } from "./playbook/engine.js";

/**
 * The rules engine's summary and CRM fields: deterministic, offline, every quoted text verbatim
 * from the transcript (whole sentences or clauses of them).
 */

type NextStep = Summary["nextSteps"][number];

export interface RulesSummary {
  summary: Summary;
  crm: CrmFields;
}

/**
 * @example
 * const { summary, crm } = summarizeRules(input, detectObjections(input), evaluatePlaybookRules(input));
 * summary.nextSteps[0] // { text: "I'll send a summary today with the device list and a draft pilot plan", owner: "Dana Reyes", due: "today" }
 */
export function summarizeRules(
  input: CoachingInput,
  objections: readonly Objection[],
  playbook: PlaybookResult | null,
): RulesSummary {
  const lang = callLanguage(input);
  const sentences = callSentences(input);
  const ctx = context(
    { ...input, playbook: localizePlaybook(input.playbook, lang) },
    sentences,
    sentenceStarts(input),
    lang,
  );
  const nextSteps = findNextSteps(ctx);
  const crm: CrmFields = {
    nextStep: chooseNextStep(ctx.rules, nextSteps),
    painPoints: findPainPoints(ctx),
    decisionMakers: findDecisionMakers(ctx),
    competitors: findCompetitors(ctx),
    budget: findBudget(ctx),
    timeline: findTimeline(ctx),
  };
  const { wentWell, toChange } = coachingPoints(ctx.input, objections, playbook, lang.text);
  const summary: Summary = {
    text: summaryText(ctx, objections, playbook, crm, nextSteps),
    wentWell,
    toChange,
    nextSteps,
  };
  return { summary, crm };
}

// ────────────────────────────── context ──────────────────────────────

interface Ctx {
  input: CoachingInput;
  sentences: CallSentence[];
  /** Utterance u's sentences are sentences[starts[u]] … sentences[starts[u + 1] - 1]. */
  starts: readonly number[];
  name: (speaker: string) => string;
  repIds: string[];
  customerIds: string[];
  rules: SummaryRules;
  text: CoachingText;
  notProducts: ReadonlySet<string>;
  fast: FastRules;
  /** Each sentence's `lowerPlain` (by index), for the `fast` expressions. */
  lower: Array<string | null>;
  /** Clauses of each sentence (by index), split on first use (see `clauses`). */
  clauses: Array<Clause[] | undefined>;
}

/** A clause of a sentence with its `lowerPlain`. */
interface Clause {
  text: string;
  lower: string | null;
}

/**
 * The case-insensitive expressions of a language's rules that the summary tests on every sentence
 * or clause, each with its lower-case twin (src/text/lower-regex.ts): the same answers, several
 * times faster on plain text.
 */
interface FastRules {
  /** `commitSelf`, `commitOther` and `nextStepLead` in one expression, when they join (see `anyOf`). */
  commitAny: LowerRegex | null;
  /**
   * True when a sentence may hold a commitment: `commitAny` or `named` matches it. Where neither
   * does, no part of it matches (see `matchesWithin`; parts are cut at ", and" and the like).
   * Null: no such shortcut.
   */
  mayCommit: ((text: string, lower: string | null) => boolean) | null;
  commitSelf: LowerRegex[];
  commitOther: LowerRegex;
  nextStepLead: LowerRegex;
  clauseSplit: LowerRegex;
  /** Per `commitSplits` entry: its test, or null for a global one (always split). */
  commitSplits: Array<LowerRegex | null>;
  painStrong: { re: RegExp; low: RegExp | null };
  painWeak: { re: RegExp; low: RegExp | null };
  /** Either pain pattern, one scan: where it finds nothing, both count 0. Null: no such shortcut. */
  painAny: LowerRegex | null;
  number: LowerRegex;
  decisionCue: LowerRegex;
  money: LowerRegex;
  budget: LowerRegex;
  budgetVerb: LowerRegex;
  notBudget: LowerRegex;
  deadline: LowerRegex;
  date: LowerRegex;
  /**
   * `budget` or `money` on a whole sentence: when neither matches it, neither matches any of its
   * clauses (see `matchesWithin`), and the budget skips the sentence. Null: no such shortcut.
   */
  budgetGate: LowerRegex | null;
  /** Likewise `date` for the timeline. */
  dateWithin: boolean;
}

const fastCache = new WeakMap<SummaryRules, FastRules>();

function fastRules(r: SummaryRules): FastRules {
  let f = fastCache.get(r);
  if (f === undefined) {
    const lr = (re: RegExp) => new LowerRegex(re);
    const commitAny = anyOf([...r.commitSelf, r.commitOther, r.nextStepLead]);
    const budgetAny = anyOf([r.budget, r.money]);
    const once = (re: RegExp) => new RegExp(re.source, re.flags.replace(/[gy]/g, ""));
    const painAny = anyOf([once(r.painStrong), once(r.painWeak)]);
    const commitTest = commitAny && lr(commitAny);
    const named = r.named;
    f = {
      commitAny: commitTest,
      mayCommit:
        commitTest !== null && matchesWithin(commitTest.re) && (named === null || matchesWithin(named))
          ? (text, lower) => commitTest.test(text, lower) || (named?.test(text) ?? false)
          : null,
      commitSelf: r.commitSelf.map(lr),
      commitOther: lr(r.commitOther),
      nextStepLead: lr(r.nextStepLead),
      clauseSplit: lr(r.clauseSplit),
      commitSplits: r.commitSplits.map((re) => (re.global || re.sticky ? null : lr(re))),
      painStrong: { re: r.painStrong, low: twin(r.painStrong) },
      painWeak: { re: r.painWeak, low: twin(r.painWeak) },
      painAny: painAny && lr(painAny),
      number: lr(r.number),
      decisionCue: lr(r.decisionCue),
      money: lr(r.money),
      budget: lr(r.budget),
      budgetVerb: lr(r.budgetVerb),
      notBudget: lr(r.notBudget),
      deadline: lr(r.deadline),
      date: lr(r.date),
      budgetGate: budgetAny !== null && matchesWithin(budgetAny) ? lr(budgetAny) : null,
      dateWithin: matchesWithin(r.date),
    };
    fastCache.set(r, f);
  }
  return f;
}

function context(
  input: CoachingInput,
  sentences: CallSentence[],
  starts: readonly number[],
  lang: CoachingLanguage,
): Ctx {
  const names = new Map<string, string>();
  for (const sp of input.transcript.speakers ?? []) if (sp.name) names.set(sp.id, sp.name);
  const lower = sentences.map((s) => lowerPlain(s.text));
  return {
    input,
    sentences,
    starts,
    name: (id) => names.get(id) ?? id,
    repIds: speakerIds(input, "rep"),
    customerIds: speakerIds(input, "customer"),
    rules: lang.summary,
    text: lang.text,
    notProducts: new Set(lang.summary.notProducts),
    fast: fastRules(lang.summary),
    lower,
    clauses: new Array(sentences.length),
  };
}

/** The ids of the call's speakers in a role, in the analysis' order. */
function speakerIds(input: CoachingInput, role: string): string[] {
  return input.analysis.speakers.filter((s) => s.role === role).map((s) => s.id);
}

/**
 * Split a sentence into clauses at ", and", ", but", ";" (verbatim pieces, trimmed). The budget and
 * the timeline both read every sentence's clauses: split once per call.
 */
function clauses(ctx: Ctx, i: number): Clause[] {
  let out = ctx.clauses[i];
  if (out === undefined) {
    const s = ctx.sentences[i]!;
    const lower = ctx.lower[i] ?? null;
    // Most sentences hold no clause separator: no split, and the sentence's lower case serves.
    const parts = ctx.fast.clauseSplit.test(s.text, lower) ? s.text.split(ctx.rules.clauseSplit) : [s.text];
    out = [];
    for (const part of parts) {
      const text = part.trim();
      if (!/[\p{L}\p{N}]/u.test(text)) continue;
      out.push({ text, lower: lower === null ? null : text === s.text ? lower : text.toLowerCase() });
    }
    ctx.clauses[i] = out;
  }
  return out;
}

function trimEnd(text: string): string {
  return text.replace(/[\s,;:]+$/u, "").replace(/[.!…]+$/u, "");
}

function dedupe(list: string[]): string[] {
  const seen = new Set<string>();
  return list.filter((s) => {
    const k = s.toLowerCase();
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

// ────────────────────────────── next steps ──────────────────────────────

function ownerOf(ctx: Ctx, clause: string, speaker: string, u: number): string | null {
  const named = ctx.rules.named?.exec(clause);
  if (named && !ctx.rules.notNames.test(named[1]!)) return named[1]!;
  if (ctx.rules.commitOther.test(clause)) {
    const isRep = ctx.repIds.includes(speaker);
    // "you" is the other side: the next speaker of that side, else its first speaker.
    const utterances = ctx.input.transcript.utterances;
    for (let k = u + 1; k < utterances.length && k <= u + 3; k++) {
      const sp = utterances[k]!.speaker;
      if (sp !== speaker && (isRep ? ctx.customerIds : ctx.repIds).includes(sp)) return ctx.name(sp);
    }
    const other = (isRep ? ctx.customerIds : ctx.repIds)[0];
    return other ? ctx.name(other) : null;
  }
  return ctx.name(speaker);
}

/** A due phrase without its leading preposition, lower-cased: "by Friday" → "friday". */
function dueHead(rules: SummaryRules, due: string): string {
  return due.trim().replace(rules.dueLead, "").toLowerCase();
}

function dueOf(rules: SummaryRules, text: string): string | null {
  const m = rules.due.exec(text);
  return m ? m[0].trim() : null;
}

/** `lower` is the clause's `lowerPlain`. */
function isCommitment(ctx: Ctx, clause: string, lower: string | null): boolean {
  const f = ctx.fast;
  const listed =
    f.commitAny !== null
      ? f.commitAny.test(clause, lower)
      : f.commitSelf.some((re) => re.test(clause, lower)) ||
        f.commitOther.test(clause, lower) ||
        f.nextStepLead.test(clause, lower);
  return listed || (ctx.rules.named?.test(clause) ?? false);
}

function findNextSteps(ctx: Ctx): NextStep[] {
  const rules = ctx.rules;
  const out: NextStep[] = [];
  const utterances = ctx.input.transcript.utterances;
  const f = ctx.fast;
  const sentences = ctx.sentences;
  for (let i = 0; i < sentences.length; i++) {
    const s = sentences[i]!;
    if (s.role !== "rep" && s.role !== "customer") continue;
    const lower = ctx.lower[i] ?? null;
    // Questions are proposals, not commitments — except requests ("Can you send me the list by Friday?").
    if (s.question && !f.nextStepLead.test(s.text, lower) && !f.commitOther.test(s.text, lower)) continue;
    if (f.mayCommit !== null && !f.mayCommit(s.text, lower)) continue;
    // One sentence can hold several commitments: "I'll send …, and I'll book …".
    // (split only where a separator occurs: most sentences hold none, and split would copy them.)
    const lowerOf = (p: string) => (p === s.text ? lower : lowerPlain(p));
    let parts = [s.text];
    rules.commitSplits.forEach((split, i) => {
      const test = f.commitSplits[i]!;
      if (test === null || parts.some((p) => test.test(p, lowerOf(p))))
        parts = parts.flatMap((p) => p.split(split));
    });
    parts = parts.map((p) => p.trim());
    for (const part of parts) {
      if (!isCommitment(ctx, part, lowerOf(part))) continue;
      let due = dueOf(rules, part);
      // "… for Thursday." then "Does Thursday at two work?" / "Thursday at two is fine." → "Thursday at two".
      if (due !== null) {
        const head = dueHead(rules, due);
        // The later sentences of this utterance and of the next two.
        const end = ctx.starts[Math.min(utterances.length, s.u + 3)]!;
        for (let j = i + 1; j < end; j++) {
          const d = dueOf(rules, sentences[j]!.text);
          if (d && d.length > due.length && dueHead(rules, d).startsWith(head)) due = d;
        }
      }
      out.push({ text: trimEnd(part), owner: ownerOf(ctx, part, s.speaker, s.u), due });
    }
  }
  const seen = new Set<string>();
  return out.filter((n) => {
    const k = n.text.toLowerCase();
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** The most concrete next step: a meeting with a due time, else any step with a due, else the first. */
function chooseNextStep(rules: SummaryRules, steps: readonly NextStep[]): string | null {
  const meeting = rules.meeting;
  const pick =
    steps.find((s) => s.due !== null && meeting.test(s.text) && rules.dueHasTime.test(s.due)) ??
    steps.find((s) => s.due !== null && meeting.test(s.text)) ??
    steps.find((s) => s.due !== null) ??
    steps[0];
  if (!pick) return null;
  return pick.due && !pick.text.toLowerCase().includes(pick.due.toLowerCase())
    ? `${pick.text} (${pick.due})`
    : pick.text;
}

// ────────────────────────────── CRM fields ──────────────────────────────

/** Strong pain cues count 2, weak ones 1. */
function findPainPoints(ctx: Ctx): string[] {
  const scored: Array<{ s: CallSentence; score: number }> = [];
  const f = ctx.fast;
  for (let i = 0; i < ctx.sentences.length; i++) {
    const s = ctx.sentences[i]!;
    if (s.role !== "customer" || s.question || s.words < 4) continue;
    const lower = ctx.lower[i] ?? null;
    const cued = f.painAny === null || f.painAny.test(s.text, lower);
    const cues = cued
      ? 2 * countMatches(f.painStrong.re, f.painStrong.low, s.text, lower) +
        countMatches(f.painWeak.re, f.painWeak.low, s.text, lower)
      : 0;
    const answer = answersQuestion(ctx, s.u) ? 1 : 0;
    // A bare number counts only as an answer to a question ("Two people, two and a half hours each.").
    if (cues === 0 && !answer) continue;
    const number = f.number.test(s.text, lower) ? 1 : 0;
    if (cues === 0 && !number) continue;
    scored.push({ s, score: cues + number + answer });
  }
  const top = scored
    .sort((a, b) => b.score - a.score || a.s.u - b.s.u || a.s.pos - b.s.pos)
    .slice(0, 5)
    .sort((a, b) => a.s.u - b.s.u || a.s.pos - b.s.pos);
  return dedupe(top.map((t) => t.s.text));
}

/** True when the utterance replies to a rep question (within the previous two utterances). */
function answersQuestion(ctx: Ctx, u: number): boolean {
  for (let k = u - 1; k >= 0 && k >= u - 2; k--) {
    const from = ctx.starts[k]!;
    const to = ctx.starts[k + 1]!;
    if (from === to) continue;
    if (ctx.sentences[from]!.role === "rep") return anyQuestion(ctx, from, to);
  }
  return false;
}

/** Whether one of sentences[from] … sentences[to - 1] is a question. */
function anyQuestion(ctx: Ctx, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (ctx.sentences[i]!.question) return true;
  return false;
}

const C_LEVEL_RE = /\b(CFO|CEO|COO|CTO|CIO|CRO|CMO|CISO|CPO)\b/g;

function findDecisionMakers(ctx: Ctx): string[] {
  const r = ctx.rules;
  const out: string[] = [];
  // Per sentence: 0 not tested yet, 1 no decision cue, 2 a cue.
  const cue = new Uint8Array(ctx.sentences.length);
  const hasCue = (i: number): boolean => {
    if (cue[i] === 0)
      cue[i] = ctx.fast.decisionCue.test(ctx.sentences[i]!.text, ctx.lower[i] ?? null) ? 2 : 1;
    return cue[i] === 2;
  };
  /** Whether a question of utterance u has a decision cue. */
  const cuedQuestion = (u: number): boolean => {
    if (u < 0) return false;
    for (let i = ctx.starts[u]!; i < ctx.starts[u + 1]!; i++)
      if (ctx.sentences[i]!.question && hasCue(i)) return true;
    return false;
  };
  for (let i = 0; i < ctx.sentences.length; i++) {
    const s = ctx.sentences[i]!;
    if (s.role !== "customer" && s.role !== "rep") continue;
    // Every title starts with "C": most sentences hold none.
    if (s.text.includes("C")) eachMatch(C_LEVEL_RE, s.text, (m) => out.push(m[1]!));
    if (s.role !== "customer") continue;
    // Role names and titles need a decision context: the sentence itself, or the rep question it
    // answers. They count only there: look for them only there.
    if (hasCue(i) || cuedQuestion(s.u - 1)) {
      if (r.roleName) eachMatch(r.roleName, s.text, (m) => out.push(`${m[2]} (${m[1]})`));
      for (const title of r.titles)
        eachMatch(title, s.text, (m) => out.push(m[1]!.replace(/^(?:our|my)\s+/i, (w) => w.toLowerCase())));
    }
    const named = r.namedDecider?.exec(s.text);
    if (named && !/^(?:I|We|You|It|That|This|They|He|She)$/.test(named[1]!)) out.push(named[1]!);
  }
  // "Sam (IT lead)" supersedes a bare "Sam".
  const list = dedupe(out);
  return list.filter((d) => !list.some((o) => o !== d && o.startsWith(`${d} (`)));
}

const KNOWN_TOOL_NAMES = KNOWN_TOOLS.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|");
const KNOWN_TOOLS_RE = new RegExp(`(?<![\\p{L}\\p{N}])(${KNOWN_TOOL_NAMES})(?![\\p{L}\\p{N}])`, "gu");
/**
 * Any tool name at all: where this finds none, KNOWN_TOOLS_RE finds none either, and it has no
 * lookbehind to try at every position.
 */
const ANY_TOOL_RE = new RegExp(KNOWN_TOOL_NAMES, "u");

function findCompetitors(ctx: Ctx): string[] {
  const out: string[] = [];
  for (const s of ctx.sentences) {
    if (ANY_TOOL_RE.test(s.text)) eachMatch(KNOWN_TOOLS_RE, s.text, (m) => out.push(m[1]!));
    if (s.role !== "customer") continue;
    if (!ctx.rules.competitorCue) continue;
    eachMatch(ctx.rules.competitorCue, s.text, (m) => {
      const name = m[1]!.replace(/[.,]+$/, "");
      const first = name.split(/\s+/)[0]!;
      const not = ctx.notProducts;
      if (not.has(first) || not.has(first.replace(/s$/, "")) || name.length < 3) return;
      out.push(name);
    });
  }
  return dedupe(out);
}

function findBudget(ctx: Ctx): string | null {
  const f = ctx.fast;
  let best: { text: string; score: number } | null = null;
  for (let i = 0; i < ctx.sentences.length; i++) {
    const s = ctx.sentences[i]!;
    if (s.role !== "customer" && s.role !== "rep") continue;
    if (f.budgetGate !== null && !f.budgetGate.test(s.text, ctx.lower[i] ?? null)) continue;
    for (const c of clauses(ctx, i)) {
      const budget = f.budget.test(c.text, c.lower);
      const money = f.money.test(c.text, c.lower);
      if (!budget && !(money && f.budgetVerb.test(c.text, c.lower))) continue;
      // Penalties and losses ("we paid $40k in credits") are pain, not budget.
      if (!budget && f.notBudget.test(s.text, ctx.lower[i] ?? null)) continue;
      const score =
        (budget ? 3 : 0) + (money ? 2 : 0) + (s.role === "customer" ? 1 : 0) - (s.question ? 2 : 0);
      if (best === null || score > best.score) best = { text: trimEnd(c.text), score };
    }
  }
  return best && best.score >= 2 ? best.text : null;
}

function findTimeline(ctx: Ctx): string | null {
  const f = ctx.fast;
  let best: { text: string; score: number; at: number } | null = null;
  for (let i = 0; i < ctx.sentences.length; i++) {
    const s = ctx.sentences[i]!;
    const at = i + 1;
    if ((s.role !== "customer" && s.role !== "rep") || s.question) continue;
    if (f.dateWithin && !f.date.test(s.text, ctx.lower[i] ?? null)) continue;
    for (const c of clauses(ctx, i)) {
      if (!f.date.test(c.text, c.lower)) continue;
      const deadline = f.deadline.test(c.text, c.lower);
      const score =
        (deadline ? 2 : 0) + 2 + (s.role === "customer" ? 1 : 0) - (f.budget.test(c.text, c.lower) ? 1 : 0);
      if (best === null || score > best.score) best = { text: trimEnd(c.text), score, at };
    }
  }
  return best && best.score >= 4 ? best.text : null;
}

// ────────────────────────────── coaching points ──────────────────────────────

interface Point {
  text: string;
  /** Higher comes first. */
  weight: number;
}

function coachingPoints(
  input: CoachingInput,
  objections: readonly Objection[],
  playbook: PlaybookResult | null,
  t: CoachingText,
): { wentWell: string[]; toChange: string[] } {
  const well: Point[] = [];
  const change: Point[] = [];

  for (const row of evaluateBenchmarks(input.analysis)) {
    if (row.value === null || row.verdict === null) continue;
    const b = row.benchmark;
    const own = t.benchmarks?.[b.id];
    if (row.verdict === "good") {
      well.push({
        text: t.onTarget(own?.label ?? b.label, b.format(row.value), own?.target ?? b.target),
        weight: 2,
      });
    } else {
      change.push({ text: (own ?? b).advice(row.value), weight: row.verdict === "bad" ? 8 : 3 });
    }
  }

  if (playbook) {
    const defs = new Map((input.playbook?.items ?? []).map((i) => [i.id, i] as const));
    const covered = playbook.items.filter((i) => i.status === "covered");
    if (covered.length > 0) {
      const names = covered.slice(0, 3).map((i) => i.title);
      well.push({
        text: t.coveredItems({
          covered: covered.length,
          total: playbook.items.length,
          name: playbook.name,
          names: names.join("; "),
          more: Math.max(0, covered.length - 3),
        }),
        weight: 3,
      });
    }
    playbook.items.forEach((item, i) => {
      const def = defs.get(item.id);
      const example = def?.examples[0];
      // Earlier items in a playbook are the more fundamental ones.
      const order = (playbook.items.length - i) / (playbook.items.length + 1);
      if (item.status === "missed" && item.evidence.length > 0) {
        const q = item.evidence[0]!.quote;
        change.push({ text: t.avoidForbidden(item.title, q, def ? firstSentence(def.why) : ""), weight: 10 });
      } else if (item.status === "missed") {
        change.push({ text: t.coverNextTime(item.title, example), weight: 5 + order });
      } else if (item.status === "partly" && item.coveredBy !== null && !isRep(input, item.coveredBy)) {
        change.push({ text: t.partlyExplored(item.title, example), weight: 4 + order });
      }
    });
  }

  for (const o of objections) {
    const what = t.objectionWhat(t.category(o.category), o.text);
    const h = o.handling;
    if (!h.responded && !h.acknowledged && !o.resolved) {
      change.push({ text: t.unanswered(what), weight: 9 });
    } else if (!h.responded) {
      const did = [h.acknowledged && t.did.acknowledged, h.clarified && t.did.clarified].filter(
        (d): d is string => typeof d === "string",
      );
      change.push({ text: t.notAnswered(what, did, o.resolved), weight: o.resolved ? 6 : 8 });
    } else if (!h.clarified && !h.acknowledged) {
      change.push({ text: t.straightToAnswer(what), weight: 6 });
    } else if (!h.confirmed && !o.resolved) {
      change.push({ text: t.checkLanded(what), weight: 4.5 });
    } else {
      const steps = handlingSteps(h).map((k) => t.steps[k]);
      well.push({ text: t.handled(what, steps.join(", ")), weight: 4 });
    }
  }

  // The first n distinct texts by weight (ties keep their order).
  const top = (list: Point[], n: number) =>
    dedupe(
      list
        .map((_, i) => i)
        .sort((a, b) => list[b]!.weight - list[a]!.weight || a - b)
        .map((i) => list[i]!.text),
    ).slice(0, n);
  return { wentWell: top(well, 5), toChange: top(change, 2) };
}

function isRep(input: CoachingInput, speaker: string): boolean {
  return input.analysis.speakers.some((s) => s.id === speaker && s.role === "rep");
}

function firstSentence(text: string): string {
  const m = /^.*?[.!?](?=\s|$)/su.exec(text.trim());
  return (m ? m[0] : text).replace(/\s+/g, " ").trim();
}

// ────────────────────────────── summary text ──────────────────────────────

function summaryText(
  ctx: Ctx,
  objections: readonly Objection[],
  playbook: PlaybookResult | null,
  crm: CrmFields,
  steps: readonly NextStep[],
): string {
  const t = ctx.text;
  const reps = ctx.repIds.map(ctx.name);
  const customers = ctx.customerIds.map(ctx.name);
  const minutes =
    ctx.input.analysis.durationSec !== null
      ? t.minutes(Math.max(1, Math.round(ctx.input.analysis.durationSec / 60)))
      : "";
  const who =
    reps.length > 0 && customers.length > 0
      ? t.spokeWith(t.list(reps), t.list(customers), minutes)
      : t.callBetween(
          t.list(ctx.input.analysis.speakers.map((s) => ctx.name(s.id))) || t.unknownSpeakers,
          minutes,
        );
  const pain = crm.painPoints[0];
  const first = `${who}${pain ? t.mainPain(trimEnd(pain)) : ""}.`;

  const parts: string[] = [];
  if (playbook) {
    parts.push(
      t.playbookScored({
        name: playbook.name,
        percent: Math.round(playbook.score * 100),
        covered: playbook.items.filter((i) => i.status === "covered").length,
        total: playbook.items.length,
        partly: playbook.items.filter((i) => i.status === "partly").length,
      }),
    );
  }
  if (objections.length > 0) {
    const handled = objections.filter((o) => o.handling.acknowledged && o.handling.responded).length;
    const cats = dedupe(objections.map((o) => t.category(o.category)));
    parts.push(t.objectionsCameUp(objections.length, cats.join(", "), handled));
  }
  if (crm.competitors.length > 0) parts.push(t.competition(crm.competitors.join(", ")));
  const second = parts.length > 0 ? `${capitalize(parts.join("; "))}.` : "";

  const step = steps.length > 0 ? crm.nextStep : null;
  const third = step ? t.nextStep(trimEnd(step)) : t.noNextStep;
  return [first, second, third].filter((s) => s !== "").join(" ");
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * The handling steps an objection got, in order.
 *
 * @example
 * handlingSteps({ acknowledged: true, clarified: false, responded: true, confirmed: false }); // ["acknowledged", "responded"]
 */
export function handlingSteps(h: Handling): Array<"acknowledged" | "clarified" | "responded" | "confirmed"> {
  return (["acknowledged", "clarified", "responded", "confirmed"] as const).filter((k) => h[k]);
}
