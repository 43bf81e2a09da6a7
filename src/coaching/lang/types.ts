/**
 * What one coaching language supplies. Each language is one folder, src/coaching/lang/<code>/,
 * whose index.ts exports a `CoachingLanguage`; src/coaching/lang/index.ts lists the folders. The
 * engines (objections, playbook matching, summary, CLI output, reports) read everything
 * language-specific from here and hold no word lists of their own.
 */
import type { ObjectionCategory } from "../contract.js";
import type { CategoryLexicon, HandlingLexicon } from "../objections-lexicon.js";

/** A built-in playbook item in another language: what is shown and what is matched. */
export interface PlaybookItemTranslation {
  title: string;
  description?: string;
  why?: string;
  examples: string[];
  required: string[];
  forbidden?: string[];
}

/** A built-in playbook (fixtures/playbooks/<id>.yaml) in another language, items by id. */
export interface PlaybookTranslation {
  name: string;
  items: Record<string, PlaybookItemTranslation>;
}

/**
 * The rules summary's patterns (next steps and CRM fields). Regular expressions with the `g` flag
 * are used with `match`/`matchAll`; the others with `test`/`exec`.
 */
export interface SummaryRules {
  /** A due phrase: "Thursday at two", "во вторник в одиннадцать". */
  due: RegExp;
  /** Prepositions in front of a due phrase ("by", "on", "до"…), anchored at the start, repeated. */
  dueLead: RegExp;
  /** A due phrase that names a clock time ("at two", "в 11"). */
  dueHasTime: RegExp;
  /** Commitments whose owner is the speaker ("I'll send", "пришлю", "let's book"). */
  commitSelf: RegExp[];
  /** Commitments or requests whose owner is the other side ("can you send"). */
  commitOther: RegExp;
  /** "The next step is …": a commitment even when phrased as a question. */
  nextStepLead: RegExp;
  /** "Sam will send …": group 1 is the owner's name. */
  named: RegExp | null;
  /** Words group 1 of `named` must not be ("I", "we"…), anchored. */
  notNames: RegExp;
  /** Where one sentence splits into several commitments. */
  commitSplits: RegExp[];
  /** Where a sentence splits into clauses. */
  clauseSplit: RegExp;
  /** A step that is a meeting or a call. */
  meeting: RegExp;
  painStrong: RegExp;
  painWeak: RegExp;
  number: RegExp;
  decisionCue: RegExp;
  /** Titles and roles (global, group 1 = the title). */
  titles: RegExp[];
  /** "our IT lead, Sam": group 1 = role, group 2 = name (global), or null. */
  roleName: RegExp | null;
  /** "Sam has to sign off": group 1 = name, or null. */
  namedDecider: RegExp | null;
  /** "we use Pipedrive": group 1 = the product (global), or null. */
  competitorCue: RegExp | null;
  /** Capitalised words that are not products. */
  notProducts: readonly string[];
  money: RegExp;
  budget: RegExp;
  /** Money with one of these is budget talk ("pay", "cost"). */
  budgetVerb: RegExp;
  /** Money with one of these is pain, not budget ("penalty"). */
  notBudget: RegExp;
  deadline: RegExp;
  date: RegExp;
  /** Sentences that invite the customer to talk ("walk me through", "расскажите"): questions. */
  invitation: RegExp;
}

/** A benchmark's label, target and advice in this language (see src/analysis/benchmarks.ts). */
export interface BenchmarkText {
  label: string;
  target: string;
  advice: (v: number) => string;
}

/** The sentences of the summary and of the "went well" / "work on" lines. */
export interface CoachingText {
  /** "A, B and C". */
  list: (names: readonly string[]) => string;
  /** "Dana spoke with Sam (12 min)". */
  spokeWith: (reps: string, customers: string, minutes: string) => string;
  /** "A call between …". */
  callBetween: (names: string, minutes: string) => string;
  unknownSpeakers: string;
  /** " (12 min)". */
  minutes: (n: number) => string;
  /** `; the main pain raised: "…"`. */
  mainPain: (quote: string) => string;
  playbookScored: (p: {
    name: string;
    percent: number;
    covered: number;
    total: number;
    partly: number;
  }) => string;
  objectionsCameUp: (count: number, categories: string, handled: number) => string;
  competition: (names: string) => string;
  nextStep: (step: string) => string;
  noNextStep: string;
  category: (c: ObjectionCategory) => string;
  /** Benchmark texts by benchmark id; null: the English ones of src/analysis/benchmarks.ts. */
  benchmarks: Record<string, BenchmarkText> | null;
  onTarget: (label: string, value: string, target: string) => string;
  coveredItems: (p: { covered: number; total: number; name: string; names: string; more: number }) => string;
  avoidForbidden: (title: string, quote: string, why: string) => string;
  coverNextTime: (title: string, example: string | undefined) => string;
  partlyExplored: (title: string, example: string | undefined) => string;
  /** "the price objection ("…")". */
  objectionWhat: (category: string, text: string) => string;
  unanswered: (what: string) => string;
  notAnswered: (what: string, did: string[], resolved: boolean) => string;
  /** What the rep did, for `notAnswered`: acknowledged it / asked about it. */
  did: { acknowledged: string; clarified: string };
  straightToAnswer: (what: string) => string;
  checkLanded: (what: string) => string;
  handled: (what: string, steps: string) => string;
  /** Handling step names, in order acknowledged, clarified, responded, confirmed. */
  steps: { acknowledged: string; clarified: string; responded: string; confirmed: string };
}

/** Labels of the CLI's human output and of the post-call report. */
export interface Labels {
  speakers: string;
  callMetrics: string;
  workOn: string;
  nothingStandsOut: string;
  repQuestions: (n: number) => string;
  more: (n: number) => string;
  playbook: string;
  covered: string;
  partly: string;
  missed: string;
  objections: string;
  handledShare: (pct: number) => string;
  noneRaised: string;
  resolved: string;
  notResolved: string;
  /** Short handling labels for the CLI: acknowledge, clarify, respond, confirm. */
  handling: [string, string, string, string];
  summary: string;
  nextSteps: string;
  noNextSteps: string;
  open: string;
  closed: string;
  /** Post-call report title: "Call report". */
  callReport: string;
  metrics: string;
  notHandled: string;
  reply: string;
  everyStepCovered: string;
  onTargetAll: string;
  /** CLI table headers: speaker, role, talk, share, wpm, words, turns, interr., fillers, questions. */
  speakerColumns: string[];
  /** metric, value, benchmark. */
  metricColumns: [string, string, string];
  repOpenClosed: string;
  customerOpenClosed: string;
  longestCustomerStory: string;
  longerIsBetter: string;
  interactivity: string;
  switchesPerMin: (v: string) => string;
  silence: string;
  pauses: string;
  noTimestamps: string;
  rolesGuessed: string;
  rolesFrom: (source: string) => string;
  engine: string;
}

/**
 * The words of the reports (docs/reports.md): the post-call report follows the call's language,
 * the rep review and the team report the language asked for (`?lang=`, `--lang`). Metric ids are
 * the reports' (talkRatio, longestMonologueSec, repQuestions, patienceSec, interactivity,
 * repFillersPerMin, playbookScore). Arguments are already escaped by the renderer.
 */
export interface ReportText {
  /** Metric labels by metric id. */
  metrics: Record<string, string>;
  /** Target texts by metric id (the metrics with a published target). */
  targets: Record<string, string>;
  /** A line to try next call, by metric id (the metrics that have one). */
  suggestedLines: Record<string, string>;
  /** "Rep talk ratio: 70% (target 43% (35–50%))". */
  habitTitle: (label: string, value: string, target: string) => string;
  /** A habit's reason when it comes from the call's coaching. */
  fromCoaching: string;
  /** "Try" (a line to try). */
  try: string;
  noRep: string;
  /** "3 calls". */
  calls: (n: number) => string;
  /** "team medians from 3 calls of the last 90 days". */
  teamMedians: (calls: string) => string;
  /** Post-call metric table: metric, this call, team median, target. */
  callColumns: [string, string, string, string];
  /** Markdown's timeline line. */
  timelineNote: (turns: number, questions: number, objections: number) => string;
  /** HTML legend under the timeline. */
  timelineLegend: string;
  /** The timeline chart's titles (read by screen readers); `category` is already in the language. */
  timelineSvg: {
    title: string;
    question: (kind: "open" | "closed", at: string) => string;
    objection: (category: string, at: string, resolved: boolean) => string;
  };
  repReview: string;
  /** "2026-03-23 to 2026-04-06 (exclusive), Europe/Berlin". */
  period: (from: string, to: string, timeZone: string) => string;
  /** "previous period: 3 calls". */
  previousPeriod: (calls: string) => string;
  /** "deals closed: 2 won, 1 lost". */
  dealsClosed: (won: number, lost: number) => string;
  /** "Deals closed in the period: 2 won, 1 lost." */
  dealsClosedInPeriod: (won: number, lost: number) => string;
  /** "win rate". */
  winRate: string;
  callMetrics: string;
  /** Markdown's note under "Call metrics". */
  spreadNote: string;
  /** metric, this period, previous, team, target. */
  reviewColumns: [string, string, string, string, string];
  /** HTML's second review column: "median (p25–p75, n)". */
  medianSpread: string;
  /** "Moved most" (Markdown) and "Moved most since the previous period" (HTML). */
  movedMost: string;
  movedMostSince: string;
  weekByWeek: string;
  week: string;
  /** The column "calls". */
  callsColumn: string;
  callsPerWeek: string;
  outcomes: string;
  /** "Win rate 50% · conversion … · response rate … · lead response median …". */
  outcomeLine: (winRate: string, conversion: string, responseRate: string, leadMedian: string) => string;
  topPerformers: string;
  /** No top quartile: `reason` is the report's English reason. */
  noComparison: (eligible: number, minClosed: number, reason: string) => string;
  /** "Top quartile by win rate among 4 reps with ≥ 3 closed deals: " + names. */
  topQuartile: (eligible: number, minClosed: number, names: string) => string;
  /** "Ana (60% of 5)". */
  topRep: (name: string, winRate: string, closed: number) => string;
  /** metric, top performers, everyone else, you. */
  topColumns: [string, string, string, string];
  teamReport: string;
  reps: string;
  /** The note under "Reps"; `flag` is the flag mark as rendered. */
  repsNote: (minCalls: number) => string;
  repsNoteHtml: (minCalls: number, flag: string) => string;
  /** rep, calls, won/lost (Markdown), won / lost (HTML), win rate, response rate. */
  teamColumns: { rep: string; wonLost: string; wonLostHtml: string; responseRate: string };
  outliers: string;
  /** An outlier flag; `detail` is the report's English text, `value` the rep's formatted median. */
  flag: (f: { rule: string; direction: string; detail: string }, value: string) => string;
  behaviour: string;
  /** "From 5 calls of the period linked to a deal that is now won or lost." */
  fromClosedCalls: (calls: string) => string;
  /** rep talk ratio, win rate (calls), calls, deals. */
  bandColumns: [string, string, string, string];
  /** A talk-ratio band's label, from the report's English one ("under 35%", "65% and over"…). */
  band: (label: string) => string;
  /** median per call, won deals, lost deals (Markdown); median per call, won, lost (HTML). */
  wonLostColumns: [string, string, string];
  wonLostColumnsHtml: [string, string, string];
  winRateByTalk: string;
  /** "of 3 calls (2 deals)". */
  bandNote: (calls: string, deals: number) => string;
  /** The web dashboard's call page: its coaching sections (metrics, summary, playbook, objections). */
  page: CallPageText;
}

/** The coaching sections of the web dashboard's call page, in the call's language. */
export interface CallPageText {
  metricsHeading: string;
  /** Metric, This call, Benchmark, Verdict, Advice. */
  metricColumns: [string, string, string, string, string];
  verdict: { good: string; warn: string; bad: string };
  coachingSummary: string;
  wentWell: string;
  toChange: string;
  noNextStep: string;
  item: { covered: string; partly: string; missed: string };
  noObjections: string;
  resolved: string;
  unresolved: string;
  /** "Handling: acknowledged, not clarified, responded, not confirmed". */
  handling: (h: {
    acknowledged: boolean;
    clarified: boolean;
    responded: boolean;
    confirmed: boolean;
  }) => string;
  /** " · replied after 1.2 s". */
  repliedAfter: (sec: string) => string;
}

export interface CoachingLanguage {
  /** ISO 639-1 code: "en", "ru", … */
  code: string;
  /** English name, for prompts ("Russian"). */
  name: string;
  /** Other tags that mean this language: ISO 639-2 codes, names ("rus", "russian", "русский"). */
  aliases: readonly string[];
  /** A consistent stemmer for playbook matching (the same function on both sides). */
  stem: (word: string) => string;
  /** Words left out of content-word comparisons (lower case, "ё" as "е"). */
  stopWords: readonly string[];
  objections: {
    categories: CategoryLexicon;
    handling: HandlingLexicon;
    /** "But…"/"still…" openings: a reaction led by one repeats the concern. */
    leadingBut: RegExp;
    /**
     * A customer answering the rep's clarifying question a few turns after an objection elaborates
     * on the open objection rather than raising a new one. Off for English, whose measured figures
     * and outputs predate the rule (turning it on there is a measured change of its own).
     */
    mergeElaborations: boolean;
    /** The form the lexicons are written against (lower case, folded apostrophes…). */
    normalize: (text: string) => string;
  };
  /** Built-in playbooks in this language, by playbook id; {} for the language they are written in. */
  playbooks: Record<string, PlaybookTranslation>;
  summary: SummaryRules;
  text: CoachingText;
  labels: Labels;
  report: ReportText;
}
