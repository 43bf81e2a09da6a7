import { utteranceReadings } from "../analysis/analyze.js";
import { hiddenSlot } from "../hidden-slot.js";
import { matchKey } from "../text/match.js";
import type { Role, Transcript, Utterance } from "../transcript/model.js";
import type { Evidence, Objection, Playbook, PlaybookItemResult, PlaybookResult } from "./contract.js";
import type { CoachingContent, CoachingInput } from "./engine.js";
import { createEvidenceIndex, type EvidenceIndex, utteranceKeys, verifyEvidence } from "./evidence.js";
import { createInjectionGuard, type InjectionGuard } from "./injection.js";

/**
 * One verification pass for both engines. Every quote is checked against the transcript: a quote
 * that carries a start time (the rules engine knows where it found it) must be in the utterance of
 * that speaker at that time; one without (the model's) is looked up with the evidence index and
 * re-anchored to where it occurs (speaker, start, verbatim text). A quote that is not there, or
 * that comes from an injection-like sentence, is dropped and counted. Then the claims that rested
 * on it fall:
 *
 * - an objection whose text is not verified is dropped, and so is one the rep "raised";
 * - a reply (objection `response`) that is not verified becomes null;
 * - a playbook item claimed covered needs verified evidence from the side that should cover it
 *   (`by`: rep/customer/any); with only the other side's evidence it is at most partly (the topic
 *   came up), and without any verified evidence it is missed. The score is recomputed.
 *
 * Summary and CRM fields are free text, not quotes: they are kept as written (lists capped to the
 * contract's limits).
 */
export interface Verifier {
  readonly index: EvidenceIndex;
  readonly guard: InjectionGuard;
  /**
   * `scope`: the utterance indexes the content was judged on (one chunk of a long call); quotes
   * without a start time are looked up there first, so a sentence said several times is anchored
   * to the occurrence the model saw.
   */
  verify(content: CoachingContent, scope?: readonly number[]): { content: CoachingContent; dropped: number };
}

const MAX_EVIDENCE = 3;
const RANK = { missed: 0, partly: 1, covered: 2 } as const;
type Side = "rep" | "customer" | "any";

/** Roles by speaker id: the transcript's declared roles, overridden by the analysis. */
export function roleMap(input: Pick<CoachingInput, "transcript" | "analysis">): Map<string, Role> {
  const roles = new Map<string, Role>();
  for (const s of input.transcript.speakers ?? []) if (s.role) roles.set(s.id, s.role);
  for (const s of input.analysis.speakers) roles.set(s.id, s.role);
  return roles;
}

export function createVerifier(input: CoachingInput): Verifier {
  const index = createEvidenceIndex(input.transcript);
  const guard = createInjectionGuard(input.transcript, utteranceReadings(input.analysis));
  const roles = roleMap(input);
  const roleOf = (speaker: string): Role => roles.get(speaker) ?? "other";
  const sides = sidesOf(input.playbook);

  /** Verified, untainted, de-duplicated evidence; `dropped` counts the rest. */
  const check = (
    items: ReadonlyArray<{ speaker: string | null; start?: number | null; quote: string }>,
    scoped: EvidenceIndex | null,
  ) => {
    const kept: Evidence[] = [];
    let dropped = 0;
    const seen = new Set<string>();
    for (const item of items) {
      let found: Evidence | null = null;
      if (typeof item.start === "number" && item.speaker) {
        const at = { speaker: item.speaker, start: item.start, quote: item.quote };
        if (utteranceOf(input.transcript, at)) found = at;
      }
      for (const where of scoped ? [scoped, index] : [index]) {
        if (found) break;
        const v = verifyEvidence(where, [{ quote: item.quote, speaker: item.speaker }], {
          strictSpeaker: false,
        });
        found = v.kept[0] ?? null;
      }
      if (!found || guard.taints(found)) {
        dropped++;
        continue;
      }
      const key = `${found.speaker}\u0000${found.start}\u0000${quoteKey(input.transcript, found.quote)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      kept.push(found);
    }
    return { kept, dropped };
  };

  return {
    index,
    guard,
    verify(content, scope) {
      const scoped = scope
        ? createEvidenceIndex({
            ...input.transcript,
            utterances: scope.map((i) => input.transcript.utterances[i]!),
          })
        : null;
      let dropped = 0;
      const objections: Objection[] = [];
      for (const o of content.objections) {
        const text = check([{ speaker: o.speaker, start: o.start, quote: o.text }], scoped);
        dropped += text.dropped;
        const anchor = text.kept[0];
        if (!anchor) continue;
        if (roleOf(anchor.speaker) === "rep") {
          dropped++;
          continue;
        }
        let response: Evidence | null = null;
        if (o.response) {
          const r = check([o.response], scoped);
          dropped += r.dropped;
          response = r.kept[0] ?? null;
          if (response && response.speaker === anchor.speaker) {
            dropped++;
            response = null;
          }
        }
        objections.push({ ...o, speaker: anchor.speaker, start: anchor.start, text: anchor.quote, response });
      }

      let playbook: PlaybookResult | null = null;
      if (content.playbook) {
        const items = content.playbook.items.map((item): PlaybookItemResult => {
          const ev = check(item.evidence, scoped);
          dropped += ev.dropped;
          return settleItem({ ...item, evidence: ev.kept }, sides.get(item.id) ?? "any", roleOf);
        });
        playbook = { ...content.playbook, items, score: playbookScore(items) };
      }

      return {
        dropped,
        content: {
          objections: dedupeObjections(objections, input.transcript),
          playbook,
          summary: {
            ...content.summary,
            wentWell: content.summary.wentWell.slice(0, 5),
            toChange: content.summary.toChange.slice(0, 2),
          },
          crm: content.crm,
        },
      };
    },
  };
}

/**
 * Settle an item's status against its verified evidence (see `createVerifier`). `by` is the
 * playbook item's side; evidence of that side comes first, at most three quotes are kept.
 */
export function settleItem(
  item: PlaybookItemResult,
  by: Side,
  roleOf: (speaker: string) => Role,
): PlaybookItemResult {
  const fits = (e: Evidence) => by === "any" || roleOf(e.speaker) === by;
  const evidence = [...item.evidence.filter(fits), ...item.evidence.filter((e) => !fits(e))].slice(
    0,
    MAX_EVIDENCE,
  );
  let status = item.status;
  if (status !== "missed") {
    if (evidence.length === 0) status = "missed";
    else if (status === "covered" && !evidence.some(fits)) status = "partly";
  }
  const coveredBy =
    status === "missed" ? null : (evidence.find(fits)?.speaker ?? evidence[0]?.speaker ?? null);
  return { ...item, status, coveredBy, evidence };
}

/** (covered + ½ partly) ÷ items, rounded to 4 places; 0 for no items. */
export function playbookScore(items: readonly PlaybookItemResult[]): number {
  if (items.length === 0) return 0;
  const points = items.reduce(
    (sum, i) => sum + (i.status === "covered" ? 1 : i.status === "partly" ? 0.5 : 0),
    0,
  );
  return Math.round((points / items.length) * 10_000) / 10_000;
}

/** The better of two statuses. */
export function bestStatus<S extends keyof typeof RANK>(a: S, b: S): S {
  return RANK[b] > RANK[a] ? b : a;
}

/** `by` of each playbook item. */
export function sidesOf(playbook: Playbook | null): Map<string, Side> {
  return new Map((playbook?.items ?? []).map((i) => [i.id, i.by]));
}

// ─────────────────────────── locating quotes in utterances ───────────────────────────

/**
 * Per transcript, computed once: every utterance's normalized text, and each speaker's utterance
 * indexes (in transcript order) with, when all of them are timed and in order of start, the
 * running maximum of their ends — which lets a timed lookup skip to its first candidate.
 */
interface Located {
  text: string[];
  bySpeaker: Map<string, SpeakerUtterances>;
  /** `matchKey` of the quotes looked up so far (see `quoteKey`). */
  keys: Map<string, string>;
}
interface SpeakerUtterances {
  indexes: number[];
  /** Starts of the speaker's utterances, nondecreasing; null when one is untimed or out of order. */
  starts: Float64Array | null;
  /** Running maximum of their ends (an untimed end counts as +∞). */
  maxEnds: Float64Array | null;
}

const LOCATED = hiddenSlot<Transcript, Located>("located quotes");
function located(transcript: Transcript): Located {
  let l = LOCATED.get(transcript);
  if (!l) {
    const text = utteranceKeys(transcript).map((k) => ` ${k} `);
    const lists = new Map<string, number[]>();
    for (let i = 0; i < transcript.utterances.length; i++) {
      const speaker = transcript.utterances[i]!.speaker;
      const list = lists.get(speaker);
      if (list) list.push(i);
      else lists.set(speaker, [i]);
    }
    const bySpeaker = new Map<string, SpeakerUtterances>();
    for (const [speaker, indexes] of lists) {
      let starts: Float64Array | null = new Float64Array(indexes.length);
      const maxEnds = new Float64Array(indexes.length);
      let max = Number.NEGATIVE_INFINITY;
      for (let k = 0; k < indexes.length; k++) {
        const u = transcript.utterances[indexes[k]!]!;
        if (!Number.isFinite(u.start) || (k > 0 && u.start! < starts[k - 1]!)) {
          starts = null;
          break;
        }
        starts[k] = u.start!;
        // An end that is not a number never excludes the utterance: +∞.
        const end = typeof u.end === "number" && !Number.isNaN(u.end) ? u.end : Number.POSITIVE_INFINITY;
        max = Math.max(max, end);
        maxEnds[k] = max;
      }
      bySpeaker.set(speaker, { indexes, starts, maxEnds: starts === null ? null : maxEnds });
    }
    l = { text, bySpeaker, keys: new Map() };
    LOCATED.set(transcript, l);
  }
  return l;
}

/**
 * `matchKey(quote)`, memoised per transcript: verification keys each quote several times (its
 * check, its de-duplication key, the objections' de-duplication and reply delays).
 */
function quoteKey(transcript: Transcript, quote: string): string {
  const keys = located(transcript).keys;
  let key = keys.get(quote);
  if (key === undefined) {
    key = matchKey(quote);
    keys.set(quote, key);
  }
  return key;
}

/** Whether a match key holds fewer than `n` words (its words are separated by single spaces). */
function fewerWords(key: string, n: number): boolean {
  let words = 1;
  for (let at = key.indexOf(" "); at >= 0 && words < n; at = key.indexOf(" ", at + 1)) words++;
  return words < n;
}

const EPS = 1e-6;
/** Quotes shorter than this (in words) must be their utterance's whole text to be located. */
const MIN_WORDS = 3;

/**
 * The utterance a quote comes from: same speaker, covering `start` when there is one, holding the
 * quote's words (word-bounded, normalized as the evidence index does). Null when none does; the
 * first in transcript order when several do.
 */
export function utteranceOf(
  transcript: Transcript,
  e: Pick<Evidence, "speaker" | "start" | "quote">,
): { index: number; utterance: Utterance } | null {
  const q = quoteKey(transcript, e.quote);
  if (q === "") return null;
  const short = fewerWords(q, MIN_WORDS);
  const padded = ` ${q} `;
  const list = transcript.utterances;
  const { text, bySpeaker } = located(transcript);
  const mine = bySpeaker.get(e.speaker);
  if (mine === undefined) return null;
  const { indexes, starts, maxEnds } = mine;
  let from = 0;
  let to = indexes.length;
  if (typeof e.start === "number" && Number.isFinite(e.start) && starts !== null && maxEnds !== null) {
    // Candidates start by e.start + EPS (a prefix: starts are in order) and end at e.start - EPS or
    // later; the first such end is where the running maximum first reaches it.
    to = firstFrom(starts, e.start + EPS, true);
    from = firstFrom(maxEnds, e.start - EPS, false);
  }
  for (let k = from; k < to; k++) {
    const i = indexes[k]!;
    const u = list[i]!;
    if (e.start !== null) {
      if (u.start === null || u.start > e.start + EPS) continue;
      if (u.end !== null && u.end < e.start - EPS) continue;
    }
    const t = text[i]!;
    if (short ? t === padded : t.includes(padded)) return { index: i, utterance: u };
  }
  return null;
}

/** The first position whose value is ≥ x (> x when `strict`) in nondecreasing values, or the length. */
function firstFrom(values: Float64Array, x: number, strict: boolean): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const v = values[mid]!;
    if (strict ? v > x : v >= x) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * Objections that are the same one: same speaker, same utterance, one text inside the other
 * (overlapping chunks quote the same objection with different spans). The longer text is kept;
 * the result is in call order.
 */
export function dedupeObjections(list: readonly Objection[], transcript: Transcript): Objection[] {
  const out: Array<{ o: Objection; at: number; norm: string }> = [];
  for (const o of list) {
    const norm = ` ${quoteKey(transcript, o.text)} `;
    const at = utteranceOf(transcript, { speaker: o.speaker, start: o.start, quote: o.text })?.index ?? -1;
    const twin = out.find(
      (p) => p.o.speaker === o.speaker && p.at === at && (p.norm.includes(norm) || norm.includes(p.norm)),
    );
    if (!twin) out.push({ o, at, norm });
    else if (norm.length > twin.norm.length) Object.assign(twin, { o, norm });
  }
  return out
    .sort((a, b) => (a.at === b.at ? (a.o.start ?? 0) - (b.o.start ?? 0) : a.at - b.at))
    .map((p) => p.o);
}

/**
 * Seconds from the end of the objection's utterance to the start of the reply's (≥ 0, ms
 * precision); null without a reply or without timing. Only fills objections that have none.
 */
export function fillResponseDelays(objections: readonly Objection[], transcript: Transcript): Objection[] {
  return objections.map((o) => {
    if (o.responseDelaySec !== null || !o.response) return o;
    const from = utteranceOf(transcript, { speaker: o.speaker, start: o.start, quote: o.text });
    const to = utteranceOf(transcript, o.response);
    if (!from || !to || to.index <= from.index) return o;
    const end = from.utterance.end;
    const start = to.utterance.start;
    if (end === null || start === null) return o;
    return { ...o, responseDelaySec: Math.round(Math.max(0, start - end) * 1000) / 1000 };
  });
}
