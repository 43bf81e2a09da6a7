import { LineCounter, type Node, parseDocument } from "yaml";
import type { z } from "zod";
import { splitSentences } from "../analysis/questions/index.js";
import { DebriefError, formatPath } from "../errors.js";
import type { Role } from "../transcript/model.js";
import type { CoachingInput } from "./engine.js";
import { createEvidenceIndex } from "./evidence.js";
import { DEFAULT_PLAYBOOK_SOURCES } from "./playbooks.generated.js";
import {
  type Evidence,
  type Playbook,
  type PlaybookItem,
  type PlaybookItemResult,
  type PlaybookResult,
  PlaybookSchema,
} from "./schema.js";

// ────────────────────────────── parsing ──────────────────────────────

export interface PlaybookIssue {
  /** Dotted path with indices, e.g. "items[2].examples"; "" for the document itself. */
  path: string;
  message: string;
  /** 1-based line in the source, when known. */
  line?: number;
}

/**
 * Parse and validate a playbook definition, YAML or JSON (detected: JSON starts with "{").
 * Errors are DebriefError("validation_failed") whose message names the file, the line when known
 * and the field, e.g. `discovery.yaml:14: items[2].examples: must contain at least 1 item`;
 * `details.errors` lists every problem as `{ path, message, line? }`.
 *
 * @example
 * const playbook = parsePlaybook(fs.readFileSync("discovery.yaml", "utf8"), "discovery.yaml");
 */
export function parsePlaybook(text: string, file?: string): Playbook {
  const where = file ? `${file}: ` : "";
  if (typeof text !== "string" || text.trim() === "") {
    throw invalid(where, [{ path: "", message: "the playbook is empty" }]);
  }
  const isJson = /^\s*\{/.test(text);
  const kind = isJson ? "JSON" : "YAML";
  const lineCounter = new LineCounter();
  let data: unknown;
  let doc: ReturnType<typeof parseDocument>;
  try {
    doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
    const err = doc.errors[0];
    if (err) {
      const line = lineCounter.linePos(err.pos[0]).line;
      const message = `${kind} syntax error: ${firstLine(err.message)}`;
      throw invalid(where, [{ path: "", message, line }]);
    }
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (err) {
    if (err instanceof DebriefError) throw err;
    throw invalid(where, [{ path: "", message: `${kind} could not be read: ${firstLine(String(err))}` }]);
  }
  if (data === null || typeof data !== "object" || Array.isArray(data)) {
    throw invalid(where, [
      { path: "", message: `the playbook must be a ${kind} object with id, name, stage and items` },
    ]);
  }

  const parsed = PlaybookSchema.safeParse(data);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((issue): PlaybookIssue => {
    const path = issue.path.filter((p): p is string | number => typeof p !== "symbol");
    const line = lineOf(doc, lineCounter, path);
    return { path: formatPath(path, ""), message: describeIssue(issue), ...(line ? { line } : {}) };
  });
  throw invalid(where, issues);
}

function invalid(where: string, issues: PlaybookIssue[]): DebriefError {
  const first = issues[0]!;
  const loc = first.line ? `${where.replace(/: $/, "")}:${first.line}: `.replace(/^:/, "line ") : where;
  const field = first.path ? `${first.path}: ` : "";
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : "";
  return new DebriefError("validation_failed", `${loc}${field}${first.message}${more}`, {
    details: { errors: issues },
  });
}

function firstLine(s: string): string {
  return s.split("\n")[0]!.trim();
}

/** The line of the deepest node on `path` that exists in the document. */
function lineOf(
  doc: ReturnType<typeof parseDocument>,
  lc: LineCounter,
  path: ReadonlyArray<string | number>,
): number | undefined {
  for (let n = path.length; n >= 0; n--) {
    const node = (n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true)) as Node | null | undefined;
    const range = node && typeof node === "object" && "range" in node ? node.range : undefined;
    if (range) return lc.linePos(range[0]).line;
  }
  return undefined;
}

/** A readable message for a zod issue (zod's own wording is for developers). */
function describeIssue(issue: z.core.$ZodIssue): string {
  const plural = (n: number | bigint, w: string) => `${n} ${w}${Number(n) === 1 ? "" : "s"}`;
  switch (issue.code) {
    case "too_small":
      if (issue.origin === "array") return `must contain at least ${plural(issue.minimum, "item")}`;
      if (issue.origin === "string")
        return Number(issue.minimum) <= 1
          ? "must not be empty"
          : `must be at least ${plural(issue.minimum, "character")}`;
      return `must be at least ${issue.minimum}`;
    case "too_big":
      if (issue.origin === "array") return `must contain at most ${plural(issue.maximum, "item")}`;
      if (issue.origin === "string") return `must be at most ${plural(issue.maximum, "character")}`;
      return `must be at most ${issue.maximum}`;
    case "invalid_type":
      return issue.input === undefined
        ? `is required (${issue.expected})`
        : `must be a ${issue.expected}, got ${typeName(issue.input)}`;
    case "invalid_value":
      return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}`;
    case "invalid_union":
      return issue.input === undefined ? "is required" : `has the wrong type (${typeName(issue.input)})`;
    default:
      return issue.message;
  }
}

function typeName(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "a list";
  if (typeof v === "object") return "an object";
  return typeof v;
}

// ────────────────────────────── defaults ──────────────────────────────

/** Built-in playbooks parsed so far, by source file: each is parsed at most once per process. */
const parsedDefaults = new Map<string, Playbook>();

function parsedDefault(source: { file: string; text: string }): Playbook {
  let playbook = parsedDefaults.get(source.file);
  if (playbook === undefined) {
    playbook = parsePlaybook(source.text, source.file);
    parsedDefaults.set(source.file, playbook);
  }
  return playbook;
}

/** The built-in playbook used when an organization (or a CLI run) has not chosen one. */
export const BUILTIN_DEFAULT_PLAYBOOK = "discovery";

/**
 * The built-in playbooks (fixtures/playbooks/*.yaml, embedded at build time in
 * playbooks.generated.ts so they load on Workers too): discovery, demo, renewal.
 */
export function loadDefaultPlaybooks(): Playbook[] {
  return DEFAULT_PLAYBOOK_SOURCES.map((s) => structuredClone(parsedDefault(s)));
}

/**
 * The built-in playbook with this id, or null. Parses only its own source when the file is named
 * after the id (`discovery.yaml`), so a one-call CLI run does not parse every built-in.
 *
 * @example
 * loadDefaultPlaybook("discovery")?.name; // "Discovery (BANT + MEDDICC)"
 */
export function loadDefaultPlaybook(id: string): Playbook | null {
  const own = DEFAULT_PLAYBOOK_SOURCES.find((s) => s.file === `${id}.yaml`);
  if (own !== undefined && parsedDefault(own).id === id) return structuredClone(parsedDefault(own));
  return loadDefaultPlaybooks().find((p) => p.id === id) ?? null;
}

/** The built-in playbook for a call stage, or null. */
export function defaultPlaybookFor(stage: string): Playbook | null {
  return loadDefaultPlaybooks().find((p) => p.stage === stage || p.id === stage) ?? null;
}

/** The TypeScript source of src/coaching/playbooks.generated.ts for the given files (sorted by name). */
export function playbooksModuleSource(files: ReadonlyArray<{ file: string; text: string }>): string {
  const sorted = [...files].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const items = sorted.map((f) => `  { file: ${JSON.stringify(f.file)}, text: ${JSON.stringify(f.text)} },`);
  return `// Generated by scripts/embed-playbooks.ts from fixtures/playbooks/ — do not edit.\nexport const DEFAULT_PLAYBOOK_SOURCES: ReadonlyArray<{ file: string; text: string }> = [\n${items.join("\n")}\n];\n`;
}

// ────────────────────────────── text matching ──────────────────────────────

const WORD_RE = /[\p{L}\p{N}]+(?:['’ʼ][\p{L}\p{N}]+)*/gu;
const CYRILLIC_RE = /\p{Script=Cyrillic}/u;

const STOP_WORDS = new Set(
  `a an the and or but if so of to in on at by for with from as is are was were be been being am do does did
  doing have has had having i me my we our us you your he she it its they them their this that these those there
  here what which who whom whose when where why how can could would should will shall may might must just
  really very about into over then than too also any some all each more most other such only own same not no
  yes yeah okay ok oh um uh like well get got go going let lets let's im i'm youre you're it's its dont don't
  there's thats that's one would've kind sort bit lot thing things something anything
  say says said saying tell told think know want wants need needs make makes take takes look looks see go goes
  come much many way still even maybe right now today time times sure great good every
  и в во не что он на я с со как а то все она так его но да ты к у же вы за бы по только ее мне было вот от
  меня еще нет о из ему теперь когда даже ну вдруг ли если уже или ни быть был него до вас нибудь опять уж
  вам ведь там потом себя ничего ей может они тут где есть надо ней для мы тебя их чем была сам чтоб без
  будто чего раз тоже себе под будет ж тогда кто этот того потому этого какой совсем ним здесь этом один
  почти мой тем чтобы нее сейчас были куда зачем всех никогда можно при наконец два об другой хоть после
  над больше тот через эти нас про всего них какая много разве три эту моя впрочем хорошо свою этой перед
  иногда лучше чуть том нельзя такой им более всегда конечно всю между это как-то вообще наш ваш ваши наши`.split(
    /\s+/,
  ),
);

const RU_ENDINGS = [
  "иями",
  "ями",
  "ами",
  "ого",
  "его",
  "ому",
  "ему",
  "ыми",
  "ими",
  "ешь",
  "ете",
  "ите",
  "ться",
  "тся",
  "ают",
  "яют",
  "ует",
  "ала",
  "ила",
  "али",
  "или",
  "ией",
  "ием",
  "ия",
  "ие",
  "ий",
  "ый",
  "ой",
  "ая",
  "яя",
  "ое",
  "ее",
  "ые",
  "ых",
  "их",
  "ую",
  "юю",
  "ом",
  "ем",
  "ам",
  "ям",
  "ах",
  "ях",
  "ов",
  "ев",
  "ей",
  "ть",
  "ет",
  "ют",
  "ут",
  "ит",
  "ат",
  "ят",
  "ла",
  "ло",
  "ли",
  "а",
  "я",
  "о",
  "е",
  "ы",
  "и",
  "у",
  "ю",
  "ь",
  "й",
  "л",
].sort((a, b) => b.length - a.length);

/**
 * A crude, consistent stem: good enough to match "budgets"/"budgeting" to "budget" and
 * "бюджета"/"бюджетом" to "бюджет" — the same function runs on both sides of every comparison.
 */
export function stem(word: string): string {
  let cached = stemCache.get(word);
  if (cached === undefined) {
    cached = stemUncached(word);
    if (stemCache.size > 50_000) stemCache.clear();
    stemCache.set(word, cached);
  }
  return cached;
}

const stemCache = new Map<string, string>();

function stemUncached(word: string): string {
  let w = word.toLowerCase().replace(/['’ʼ]/g, "").replace(/ё/g, "е");
  if (CYRILLIC_RE.test(w)) {
    // Two passes, so "бюджет", "бюджета" and "бюджетом" all end up as "бюдж".
    for (let pass = 0; pass < 2; pass++) {
      const e = RU_ENDINGS.find((end) => w.length - end.length >= 3 && w.endsWith(end));
      if (!e) break;
      w = w.slice(0, -e.length);
    }
    return w;
  }
  if (w.length <= 3) return w;
  if (w.endsWith("ies") && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith("sses")) w = w.slice(0, -2);
  else if (w.endsWith("ing") && w.length > 5) w = w.slice(0, -3);
  else if (w.endsWith("ed") && w.length > 4) w = w.slice(0, -2);
  else if (w.endsWith("es") && w.length > 4 && !w.endsWith("ses")) w = w.slice(0, -2);
  else if (w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) w = w.slice(0, -1);
  if (w.length > 3 && /([b-df-hj-np-tv-z])\1$/.test(w) && !/(ll|ss|zz)$/.test(w)) w = w.slice(0, -1);
  if (w.length > 2 && w.endsWith("e")) w = w.slice(0, -1);
  return w;
}

/** Words of a text, lower-cased. */
export function words(text: string): string[] {
  return Array.from(text.toLowerCase().matchAll(WORD_RE), (m) => m[0]);
}

/** Stems of all words (stop words included: phrases match on them). */
export function stems(text: string): string[] {
  return words(text).map(stem);
}

/** Stems of content words only (stop words removed). */
export function contentStems(text: string): Set<string> {
  const out = new Set<string>();
  for (const w of words(text)) if (!STOP_WORDS.has(w.replace(/['’ʼ]/g, "'"))) out.add(stem(w));
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

// ────────────────────────────── the rules engine ──────────────────────────────

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

const INVITATION_RE =
  /^(?:[\p{L}]+,\s*)?(?:walk me through|tell me|talk me through|help me understand|describe|explain|расскажите|опишите|поясните|объясните)\b/iu;

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
  const roles = new Map<string, Role>();
  for (const s of input.analysis.speakers) roles.set(s.id, s.role);
  for (const s of input.transcript.speakers ?? []) if (s.role && !roles.has(s.id)) roles.set(s.id, s.role);
  const questions = new Set(input.analysis.questions.map((q) => `${q.speaker}\u0000${q.text}`));
  const out: CallSentence[] = [];
  input.transcript.utterances.forEach((ut, u) => {
    const role = roles.get(ut.speaker) ?? "other";
    splitSentences(ut.text).forEach((text, pos) => {
      const question =
        questions.has(`${ut.speaker}\u0000${text}`) ||
        /[?？]["'”»)]*$/.test(text) ||
        INVITATION_RE.test(text);
      const st = stems(text);
      out.push({
        u,
        speaker: ut.speaker,
        role,
        text,
        stems: st,
        stemSet: new Set(st),
        content: contentStems(text),
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
}

function compileItem(item: PlaybookItem): CompiledItem {
  const phrase = (s: string) => stems(s);
  return {
    item,
    required: item.signals.required.map(phrase).filter((p) => p.length > 0),
    forbidden: item.signals.forbidden.map(phrase).filter((p) => p.length > 0),
    examples: item.examples.map(contentStems).filter((e) => e.size > 0),
  };
}

/** How strongly one sentence speaks to an item, before context: 1 signal, 0.8 strong / 0.4 weak similarity. */
function baseMatch(c: CompiledItem, s: CallSentence): number {
  for (const p of c.required) if (s.stemSet.has(p[0]!) && containsPhrase(s.stems, p)) return 1;
  let best = 0;
  for (const ex of c.examples) {
    let shared = 0;
    for (const w of ex) if (s.content.has(w)) shared++;
    if (shared >= 2) best = Math.max(best, shared / ex.size);
  }
  return best >= SIM_STRONG ? 0.8 : best >= SIM_WEAK ? 0.4 : 0;
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
  const playbook = input.playbook;
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

  const items: PlaybookItemResult[] = playbook.items.map((item) => {
    const c = compileItem(item);
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
    const forbidden = sentences.filter(
      (s) => s.role === "rep" && c.forbidden.some((p) => containsPhrase(s.stems, p)),
    );
    if (forbidden.length > 0) return result("missed", null, quotes(index, forbidden.slice(0, 3)));

    const hits: Hit[] = [];
    const customerUtterances = new Set<number>();
    for (const s of sentences) {
      const side = s.role === "rep" ? "rep" : s.role === "customer" ? "customer" : null;
      if (side === null) continue;
      if (item.by === "customer" && side !== "customer") continue;
      const base = baseMatch(c, s);
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
            (byUtterance.get(k) ?? []).some((r) => baseMatch(c, r) > 0);
          if (laterQuestion && answerOf(s.u)) {
            answer = answerOf(s.u);
            bonus = 0.8;
          } else if (picked) bonus = 0.8;
        }
        hits.push({ s, score: base + bonus, ...(answer ? { answer } : {}) });
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
