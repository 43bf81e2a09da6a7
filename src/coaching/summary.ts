import { evaluateBenchmarks } from "../analysis/benchmarks.js";
import type { CrmFields, Handling, Objection, PlaybookResult, Summary } from "./contract.js";
import type { CoachingInput } from "./engine.js";
import { MONTHS, NOT_PRODUCTS as NOT_PRODUCT_WORDS, TIME_NUMBERS, WEEKDAYS } from "./lang/en/summary.js";
import { MONTHS_GENITIVE as RU_MONTH_GEN, WEEKDAYS as RU_WEEKDAY } from "./lang/ru/summary.js";
import { KNOWN_TOOLS } from "./lang/tools.js";
import { type CallSentence, callSentences } from "./playbook/engine.js";

const NOT_PRODUCTS: ReadonlySet<string> = new Set(NOT_PRODUCT_WORDS);

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
  const sentences = callSentences(input);
  const ctx = context(input, sentences);
  const nextSteps = findNextSteps(ctx);
  const crm: CrmFields = {
    nextStep: chooseNextStep(nextSteps),
    painPoints: findPainPoints(ctx),
    decisionMakers: findDecisionMakers(ctx),
    competitors: findCompetitors(ctx),
    budget: findBudget(ctx),
    timeline: findTimeline(ctx),
  };
  const { wentWell, toChange } = coachingPoints(input, objections, playbook);
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
  /** Sentences per utterance index. */
  byUtterance: Map<number, CallSentence[]>;
  name: (speaker: string) => string;
  repIds: string[];
  customerIds: string[];
  ru: boolean;
}

function context(input: CoachingInput, sentences: CallSentence[]): Ctx {
  const byUtterance = new Map<number, CallSentence[]>();
  for (const s of sentences) {
    const list = byUtterance.get(s.u);
    if (list) list.push(s);
    else byUtterance.set(s.u, [s]);
  }
  const names = new Map<string, string>();
  for (const sp of input.transcript.speakers ?? []) if (sp.name) names.set(sp.id, sp.name);
  const ids = (role: string) => input.analysis.speakers.filter((s) => s.role === role).map((s) => s.id);
  return {
    input,
    sentences,
    byUtterance,
    name: (id) => names.get(id) ?? id,
    repIds: ids("rep"),
    customerIds: ids("customer"),
    ru: /^ru/i.test(input.playbook?.language ?? input.analysis.language ?? ""),
  };
}

/** Split a sentence into clauses at ", and", ", but", ";" (verbatim pieces, trimmed). */
function clauses(text: string): string[] {
  return text
    .split(/(?:,\s*(?:and|but|so|then|а|но|и)\s+|;\s*)/iu)
    .map((c) => c.trim())
    .filter((c) => /[\p{L}\p{N}]/u.test(c));
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

/** A due phrase: "Thursday at two", "next week", "by Friday", "end of month", "15 марта", an ISO date. */
const DUE_RE = new RegExp(
  [
    `\\b(?:(?:by|on|before|until|next|this|from)\\s+)?(?:${WEEKDAYS})\\b(?:\\s+(?:morning|afternoon|evening))?(?:\\s+(?:at\\s+)?(?:${TIME_NUMBERS})(?:\\s*(?:am|pm|a\\.m\\.|p\\.m\\.|o'clock|thirty|fifteen|forty-five))?)?`,
    `\\b(?:by\\s+|before\\s+|on\\s+)?(?:the\\s+)?end\\s+of\\s+(?:the\\s+)?(?:day|week|month|quarter|year|${MONTHS})\\b`,
    `\\b(?:by\\s+)?(?:eod|eow|eom)\\b`,
    `\\b(?:by\\s+|on\\s+)?(?:${MONTHS})\\s+\\d{1,2}(?:st|nd|rd|th)?\\b`,
    `\\b(?:by\\s+|on\\s+)?(?:the\\s+)?\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?(?:${MONTHS})\\b`,
    `\\b\\d{4}-\\d{2}-\\d{2}\\b`,
    `\\b(?:next|this)\\s+(?:week|month|quarter)\\b`,
    `\\bin\\s+(?:a|one|two|three|four|a couple of|\\d+)\\s+(?:days?|weeks?|months?)\\b`,
    `\\b(?:today|tomorrow|tonight|after the call|later today|this afternoon|this morning)\\b`,
    `(?:^|\\s)(?:до\\s+|к\\s+)?\\d{1,2}\\s+(?:${RU_MONTH_GEN})(?=$|[\\s.,!?])`,
    `(?:^|\\s)(?:в|во|до|к|на)\\s+(?:следующ\\p{L}+\\s+)?(?:${RU_WEEKDAY})(?:\\s+в\\s+\\d{1,2}(?::\\d{2})?)?(?=$|[\\s.,!?])`,
    `(?:^|\\s)(?:на\\s+)?(?:следующей|этой)\\s+неделе(?=$|[\\s.,!?])`,
    `(?:^|\\s)(?:к|до)\\s+концу\\s+(?:дня|недели|месяца|квартала|года)(?=$|[\\s.,!?])`,
    `(?:^|\\s)(?:сегодня|завтра|послезавтра)(?=$|[\\s.,!?])`,
  ].join("|"),
  "iu",
);

/** First-person commitments ("I'll send", "let's book", "we'll loop in Sam", "пришлю", "созвонимся"). */
const COMMIT_I_RE =
  /\b(?:i'll|i’ll|i will|i'm going to|i’m going to|i can|let me)\s+(?:also\s+|then\s+|just\s+)?(?:send|share|book|schedule|set up|follow up|email|get|put together|loop|intro|introduce|invite|draft|circle back|check|call|prepare|confirm|forward|write up|reach out)\b/iu;
const COMMIT_WE_RE =
  /\b(?:we'll|we’ll|we will|we're going to|we’re going to|let's|let’s|let us)\s+(?:also\s+|then\s+)?(?:book|schedule|set up|get|meet|talk|reconvene|loop|regroup|send|review|plan|start|run|do|follow up|circle back|sync|reconnect|pick|aim|go)\b/iu;
const COMMIT_YOU_RE =
  /\b(?:you'll|you’ll|you will|can you|could you|would you mind)\s+(?:also\s+|please\s+)?(?:send|share|check|confirm|loop|get|talk|forward|invite|intro|introduce|book)\b/iu;
const NEXT_STEP_RE = /\bnext steps?\s+(?:is|are|would be|will be)\b/iu;
const COMMIT_RU_RE =
  /(?:^|[\s,])(?:пришлю|пришлем|пришлём|отправлю|отправим|вышлю|вышлем|созвонимся|встретимся|договорились|запланируем|назначим|организую|подготовлю|подготовим|согласую|свяжусь|свяжемся|покажу|перезвоню|следующий шаг)(?=$|[\s.,!?])/iu;
const NAMED_RE =
  /\b([A-Z][a-z]+)\s+(?:will|is going to|'ll|’ll)\s+(?:send|share|book|schedule|set up|confirm|check|review|join|get|follow up|loop)\b/u;

function ownerOf(ctx: Ctx, clause: string, speaker: string, u: number): string | null {
  const named = NAMED_RE.exec(clause);
  if (named && !/^(?:i|we|you|it|that|this|there)$/i.test(named[1]!)) return named[1]!;
  if (COMMIT_YOU_RE.test(clause)) {
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
function dueHead(due: string): string {
  return due
    .trim()
    .replace(/^(?:(?:by|on|before|until|next|this|from|в|во|до|к|на)\s+)+/iu, "")
    .toLowerCase();
}

function dueOf(text: string): string | null {
  const m = DUE_RE.exec(text);
  return m ? m[0].trim() : null;
}

function isCommitment(clause: string): boolean {
  return (
    COMMIT_I_RE.test(clause) ||
    COMMIT_WE_RE.test(clause) ||
    COMMIT_YOU_RE.test(clause) ||
    NEXT_STEP_RE.test(clause) ||
    COMMIT_RU_RE.test(clause) ||
    NAMED_RE.test(clause)
  );
}

function findNextSteps(ctx: Ctx): NextStep[] {
  const out: NextStep[] = [];
  const utterances = ctx.input.transcript.utterances;
  for (const s of ctx.sentences) {
    if (s.role !== "rep" && s.role !== "customer") continue;
    // Questions are proposals, not commitments — except requests ("Can you send me the list by Friday?").
    if (s.question && !NEXT_STEP_RE.test(s.text) && !COMMIT_YOU_RE.test(s.text)) continue;
    // One sentence can hold several commitments: "I'll send …, and I'll book …".
    const parts = s.text
      .split(
        /,?\s+(?:and|then|а также|и)\s+(?=(?:i'll|i’ll|i will|we'll|we’ll|let's|let’s|i can|пришлю|отправлю|созвонимся)\b)/iu,
      )
      .flatMap((p) => p.split(/,?\s+and\s+(?=\p{Lu}\p{Ll}+\s+(?:will|is going to)\s)/u))
      .map((p) => p.trim());
    for (const part of parts) {
      if (!isCommitment(part)) continue;
      let due = dueOf(part);
      // "… for Thursday." then "Does Thursday at two work?" / "Thursday at two is fine." → "Thursday at two".
      if (due !== null) {
        const head = dueHead(due);
        for (let k = s.u; k < utterances.length && k <= s.u + 2; k++) {
          for (const later of ctx.byUtterance.get(k) ?? []) {
            if (later.u === s.u && later.pos <= s.pos) continue;
            const d = dueOf(later.text);
            if (d && d.length > due.length && dueHead(d).startsWith(head)) due = d;
          }
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

const MEETING_RE =
  /\b(?:book|schedule|meet|meeting|call|invite|demo|review|pilot|workshop|session)\b|созвон|встреч|звонок|демо/iu;

/** The most concrete next step: a meeting with a due time, else any step with a due, else the first. */
function chooseNextStep(steps: readonly NextStep[]): string | null {
  const pick =
    steps.find((s) => s.due !== null && MEETING_RE.test(s.text) && /\d|at\s|\bв\s/i.test(s.due)) ??
    steps.find((s) => s.due !== null && MEETING_RE.test(s.text)) ??
    steps.find((s) => s.due !== null) ??
    steps[0];
  if (!pick) return null;
  return pick.due && !pick.text.toLowerCase().includes(pick.due.toLowerCase())
    ? `${pick.text} (${pick.due})`
    : pick.text;
}

// ────────────────────────────── CRM fields ──────────────────────────────

/** Strong pain cues count 2, weak ones 1. */
const PAIN_STRONG_RE =
  /\b(?:problems?|issues?|struggl\w*|painful|manual(?:ly)?|by hand|spreadsheets?|late|lose|losing|lost|penalt\w*|frustrat\w*|errors?|mistakes?|churn\w*|takes? hours|wasted?)\b|проблем|теря|вручную|ошиб|штраф|excel/giu;
const PAIN_WEAK_RE =
  /\b(?:hard|difficult|whiteboard|delays?|delayed|credits?|paid|cost(?:s|ing)?|worr\w*|risk|slow|behind|drop(?:ped|s)?|complain\w*|flagged|longer hours|redo|bad day)\b|долго|сложно|не успева|жалу/giu;
const NUMBER_RE =
  /\d|\b(?:percent|hours?|dollars?|thousand|million|hundred|twice|half)\b|процент|час|тысяч|миллион|руб/iu;

function findPainPoints(ctx: Ctx): string[] {
  const scored: Array<{ s: CallSentence; score: number }> = [];
  for (const s of ctx.sentences) {
    if (s.role !== "customer" || s.question || s.stems.length < 4) continue;
    const cues = 2 * (s.text.match(PAIN_STRONG_RE) ?? []).length + (s.text.match(PAIN_WEAK_RE) ?? []).length;
    const number = NUMBER_RE.test(s.text) ? 1 : 0;
    const answer = answersQuestion(ctx, s.u) ? 1 : 0;
    // A bare number counts only as an answer to a question ("Two people, two and a half hours each.").
    if (cues === 0 && !(number && answer)) continue;
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
    const prev = ctx.byUtterance.get(k) ?? [];
    if (prev.length === 0) continue;
    if (prev[0]!.role === "rep") return prev.some((p) => p.question);
  }
  return false;
}

const C_LEVEL_RE = /\b(CFO|CEO|COO|CTO|CIO|CRO|CMO|CISO|CPO)\b/g;
const TITLE_RE =
  /\b(the board|my boss|my manager|our owner|the owner|the founder|(?:our|the|my)\s+(?:VP|vice president|head|director|chief)\s+of\s+[A-Za-z]+|(?:our|the|my)\s+(?:finance|procurement|legal|IT|security|purchasing)\s+(?:team|department))\b/gi;
const ROLE_NAME_RE =
  /\b(?:[Oo]ur|[Mm]y|[Tt]he)\s+((?:[A-Za-z]+\s+){0,2}(?:lead|manager|director|head|VP|owner|officer|controller|architect))\s*,\s*([A-Z][a-z]+)\b/g;
const DECISION_CUE_RE =
  /\b(?:decide|decides|decision|decisions|sign(?:s)? off|sign-off|approve|approves|approval|final say|budget|weigh in|confirm|needs? to see|show the|asking|buy-in|veto)\b|решени|решает|соглас|утвержд|подпис|бюджет/iu;
const RU_TITLES_RE =
  /(генеральн\p{L}+ директор\p{L}*|финансов\p{L}+ директор\p{L}*|финдиректор\p{L}*|коммерческ\p{L}+ директор\p{L}*|собственник\p{L}*|руководител\p{L}*|начальник\p{L}*|совет\p{L}* директоров)/giu;

function findDecisionMakers(ctx: Ctx): string[] {
  const out: string[] = [];
  const cue = new Map<CallSentence, boolean>();
  const hasCue = (s: CallSentence) => {
    let v = cue.get(s);
    if (v === undefined) {
      v = DECISION_CUE_RE.test(s.text);
      cue.set(s, v);
    }
    return v;
  };
  for (const s of ctx.sentences) {
    if (s.role !== "customer" && s.role !== "rep") continue;
    // Titles and names need a decision context: the sentence itself, or the rep question it answers.
    const prev = ctx.byUtterance.get(s.u - 1) ?? [];
    const decisionContext = () => hasCue(s) || prev.some((p) => p.question && hasCue(p));
    for (const m of s.text.matchAll(C_LEVEL_RE)) out.push(m[1]!);
    if (s.role !== "customer") continue;
    for (const m of s.text.matchAll(ROLE_NAME_RE)) if (decisionContext()) out.push(`${m[2]} (${m[1]})`);
    for (const m of s.text.matchAll(TITLE_RE))
      if (decisionContext()) out.push(m[1]!.replace(/^(?:our|my)\s+/i, (w) => w.toLowerCase()));
    for (const m of s.text.matchAll(RU_TITLES_RE)) if (decisionContext()) out.push(m[1]!);
    const named =
      /\b([A-Z][a-z]+)\s+(?:would|will|has to|needs to|must|should)\s+(?:have to\s+)?(?:sign off|decide|approve|confirm|sign)\b/u.exec(
        s.text,
      );
    if (named && !/^(?:I|We|You|It|That|This|They|He|She)$/.test(named[1]!)) out.push(named[1]!);
  }
  // "Sam (IT lead)" supersedes a bare "Sam".
  const list = dedupe(out);
  return list.filter((d) => !list.some((o) => o !== d && o.startsWith(`${d} (`)));
}

const KNOWN_TOOLS_RE = new RegExp(
  `(?<![\\p{L}\\p{N}])(${KNOWN_TOOLS.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|")})(?![\\p{L}\\p{N}])`,
  "gu",
);
const COMPETITOR_CUE_RE =
  /\b(?:use|uses|using|used|tried|trying|trial of|pilot of|switch(?:ing|ed)? (?:from|to)|mov(?:e|ed|ing) (?:from|to)|compared to|comparing|versus|vs\.?|looked at|looking at|evaluat(?:e|ed|ing)|demo(?:ed)? of|replac(?:e|ed|ing))\s+((?:[A-Z][\p{L}\p{N}.&+-]*)(?:\s+[A-Z][\p{L}\p{N}.&+-]*){0,2})/gu;

function findCompetitors(ctx: Ctx): string[] {
  const out: string[] = [];
  for (const s of ctx.sentences) {
    for (const m of s.text.matchAll(KNOWN_TOOLS_RE)) out.push(m[1]!);
    if (s.role !== "customer") continue;
    for (const m of s.text.matchAll(COMPETITOR_CUE_RE)) {
      const name = m[1]!.replace(/[.,]+$/, "");
      const first = name.split(/\s+/)[0]!;
      if (NOT_PRODUCTS.has(first) || NOT_PRODUCTS.has(first.replace(/s$/, "")) || name.length < 3) continue;
      out.push(name);
    }
  }
  return dedupe(out);
}

const MONEY_RE =
  /[$€£₽¥]\s?\d|\d\s?(?:k|m|тыс|млн|руб)\b|\b(?:dollars?|euros?|pounds|bucks|thousand|million|per seat|per user|per month|a year)\b|рубл|тысяч|миллион/iu;
const BUDGET_RE = /\b(?:budget|budgeted|spend|funding|price range|set aside|allocated)\b|бюджет/iu;

function findBudget(ctx: Ctx): string | null {
  let best: { text: string; score: number } | null = null;
  for (const s of ctx.sentences) {
    if (s.role !== "customer" && s.role !== "rep") continue;
    for (const c of clauses(s.text)) {
      const budget = BUDGET_RE.test(c);
      const money = MONEY_RE.test(c);
      if (
        !budget &&
        !(money && /\b(?:pay|spend|budget|afford|cost|price|invest|approv)\w*|бюджет|стоим|плат/iu.test(c))
      )
        continue;
      // Penalties and losses ("we paid $40k in credits") are pain, not budget.
      if (!budget && /\b(?:credit|penalt\w*|lose|lost|fine)\b|штраф|теря/iu.test(s.text)) continue;
      const score =
        (budget ? 3 : 0) + (money ? 2 : 0) + (s.role === "customer" ? 1 : 0) - (s.question ? 2 : 0);
      if (best === null || score > best.score) best = { text: trimEnd(c), score };
    }
  }
  return best && best.score >= 2 ? best.text : null;
}

const DEADLINE_RE =
  /\b(?:deadline|renewal|renews|go[- ]live|launch|rollout|roll out|cut-?over|due|expires?|contract ends|until|by then|before)\b|срок|дедлайн|продлени|запуск|до конца|к концу/iu;
const DATE_RE = new RegExp(
  `\\b(?:${MONTHS}|q[1-4]|quarter|next year|this year|end of (?:the )?(?:year|month|quarter)|\\d{4})\\b|квартал|(?:${RU_MONTH_GEN})|январ|феврал|март|апрел|июн|июл|август|сентябр|октябр|ноябр|декабр|следующем году`,
  "iu",
);

function findTimeline(ctx: Ctx): string | null {
  let best: { text: string; score: number; at: number } | null = null;
  let at = 0;
  for (const s of ctx.sentences) {
    at++;
    if ((s.role !== "customer" && s.role !== "rep") || s.question) continue;
    for (const c of clauses(s.text)) {
      const deadline = DEADLINE_RE.test(c);
      const date = DATE_RE.test(c);
      if (!date) continue;
      const score = (deadline ? 2 : 0) + 2 + (s.role === "customer" ? 1 : 0) - (BUDGET_RE.test(c) ? 1 : 0);
      if (best === null || score > best.score) best = { text: trimEnd(c), score, at };
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
): { wentWell: string[]; toChange: string[] } {
  const well: Point[] = [];
  const change: Point[] = [];

  for (const row of evaluateBenchmarks(input.analysis)) {
    if (row.value === null || row.verdict === null) continue;
    const b = row.benchmark;
    if (row.verdict === "good") {
      well.push({ text: `${b.label} on target: ${b.format(row.value)} (benchmark ${b.target}).`, weight: 2 });
    } else {
      change.push({ text: b.advice(row.value), weight: row.verdict === "bad" ? 8 : 3 });
    }
  }

  if (playbook) {
    const defs = new Map((input.playbook?.items ?? []).map((i) => [i.id, i] as const));
    const covered = playbook.items.filter((i) => i.status === "covered");
    if (covered.length > 0) {
      const names = covered.slice(0, 3).map((i) => i.title);
      const more = covered.length > 3 ? ` and ${covered.length - 3} more` : "";
      well.push({
        text: `Covered ${covered.length} of ${playbook.items.length} ${playbook.name} items: ${names.join("; ")}${more}.`,
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
        change.push({
          text: `Avoid what the playbook forbids for "${item.title}": you said "${q}".${def ? ` ${firstSentence(def.why)}` : ""}`,
          weight: 10,
        });
      } else if (item.status === "missed") {
        change.push({
          text: `Cover "${item.title}" next time${example ? ` — for example: "${example}"` : ""}.`,
          weight: 5 + order,
        });
      } else if (item.status === "partly" && item.coveredBy !== null && !isRep(input, item.coveredBy)) {
        change.push({
          text: `"${item.title}" came up but you didn't explore it: ask a follow-up question${example ? ` such as "${example}"` : ""}.`,
          weight: 4 + order,
        });
      }
    });
  }

  for (const o of objections) {
    const what = `the ${o.category} objection ("${o.text}")`;
    const h = o.handling;
    if (!h.responded && !h.acknowledged && !o.resolved) {
      change.push({
        text: `Answer objections before moving on: ${what} got no answer — acknowledge it, ask what is behind it, then respond with proof.`,
        weight: 9,
      });
    } else if (!h.responded) {
      const did = [h.acknowledged && "acknowledged it", h.clarified && "asked about it"]
        .filter(Boolean)
        .join(" and ");
      change.push({
        text: `When ${what} came up, you ${did || "moved on"} but never answered it: respond with proof (a result, a number, a reference) before moving on.`,
        weight: o.resolved ? 6 : 8,
      });
    } else if (!h.clarified && !h.acknowledged) {
      change.push({
        text: `Before answering ${what}, acknowledge it and ask a clarifying question — you went straight to the answer.`,
        weight: 6,
      });
    } else if (!h.confirmed && !o.resolved) {
      change.push({
        text: `After answering ${what}, check it landed ("does that address it?") — it was left open.`,
        weight: 4.5,
      });
    } else {
      const steps = handlingSteps(h);
      well.push({ text: `Handled ${what}: ${steps.join(", ")}.`, weight: 4 });
    }
  }

  const top = (list: Point[], n: number) =>
    dedupe(
      [...list]
        .map((p, i) => ({ ...p, i }))
        .sort((a, b) => b.weight - a.weight || a.i - b.i)
        .map((p) => p.text),
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

function list(names: readonly string[]): string {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

function summaryText(
  ctx: Ctx,
  objections: readonly Objection[],
  playbook: PlaybookResult | null,
  crm: CrmFields,
  steps: readonly NextStep[],
): string {
  const reps = ctx.repIds.map(ctx.name);
  const customers = ctx.customerIds.map(ctx.name);
  const minutes =
    ctx.input.analysis.durationSec !== null
      ? ` (${Math.max(1, Math.round(ctx.input.analysis.durationSec / 60))} min)`
      : "";
  const who =
    reps.length > 0 && customers.length > 0
      ? `${list(reps)} spoke with ${list(customers)}${minutes}`
      : `A call between ${list(ctx.input.analysis.speakers.map((s) => ctx.name(s.id))) || "unknown speakers"}${minutes}`;
  const pain = crm.painPoints[0];
  const first = `${who}${pain ? `; the main pain raised: "${trimEnd(pain)}"` : ""}.`;

  const parts: string[] = [];
  if (playbook) {
    const c = playbook.items.filter((i) => i.status === "covered").length;
    const p = playbook.items.filter((i) => i.status === "partly").length;
    parts.push(
      `the ${playbook.name} playbook scored ${Math.round(playbook.score * 100)}% (${c} of ${playbook.items.length} items covered, ${p} partly)`,
    );
  }
  if (objections.length > 0) {
    const handled = objections.filter((o) => o.handling.acknowledged && o.handling.responded).length;
    const cats = dedupe(objections.map((o) => o.category));
    parts.push(
      `${objections.length} objection${objections.length === 1 ? "" : "s"} came up (${cats.join(", ")}), ${handled} handled`,
    );
  }
  if (crm.competitors.length > 0) parts.push(`competition mentioned: ${crm.competitors.join(", ")}`);
  const second = parts.length > 0 ? `${capitalize(parts.join("; "))}.` : "";

  const step = steps.length > 0 ? crm.nextStep : null;
  const third = step ? `Next step: ${trimEnd(step)}.` : "No concrete next step was agreed.";
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
export function handlingSteps(h: Handling): string[] {
  return (["acknowledged", "clarified", "responded", "confirmed"] as const).filter((k) => h[k]);
}
