import { hiddenSlot } from "../hidden-slot.js";
import type { Role, Transcript, Utterance } from "../transcript/model.js";
import { fillerCounterFor } from "./fillers.js";
import { detectLanguage } from "./language.js";
import { detectQuestions, questionsOf, readUtterance, type UtteranceReading } from "./questions/index.js";
import type { CallAnalysis, Question, SpeakerStats } from "./result.js";
import { assignRoles, type RoleOptions, type SpeakerFacts } from "./roles.js";
import { decodeReadings, questionContextAt, ReadingsEncoder } from "./stored-readings.js";
import {
  buildTurns,
  gaps,
  IntervalBuffer,
  isInterruption,
  isPause,
  longestMonologues,
  type TimedUtterance,
  unionOf,
} from "./timing.js";

export interface AnalyzeOptions extends RoleOptions {
  /** Overrides the transcript's (or the detected) language. */
  language?: string;
  /**
   * Keep each utterance's question reading for coaching in this process (`utteranceReadings`).
   * Only for a caller that coaches the same analysis next (the CLI): holding the readings until the
   * analysis is dropped made the metric pass alone 10–40% slower (measured in
   * separate processes, alternating), a cost the service's uploads, coached later from storage,
   * would pay for nothing.
   */
  keepReadings?: boolean;
  /**
   * Encode each utterance's question reading as compact text (`AnalyzeOutcome.readings`), for a
   * coaching pass in another process or later (the upload's coach job: src/analysis/stored-readings.ts).
   * The readings are encoded as they are made, not held.
   */
  encodeReadings?: boolean;
}

export interface AnalyzeOutcome {
  analysis: CallAnalysis;
  /** `--rep` / `--customer` values that matched no speaker. */
  unmatchedRoleOptions: string[];
  /** With `encodeReadings`: the readings as `restoreReadings` takes them (null: not encodable). */
  readings?: string | null;
}

/**
 * Compute every conversation metric of the analysis contract (§2, §3) for one transcript.
 * Pure: no I/O, deterministic, linear in the transcript's length (plus one sort).
 *
 * @example
 * const { analysis } = analyzeTranscriptDetailed(transcript, { rep: ["Dana"] });
 * analysis.metrics.talkRatio // 0.43
 */
export function analyzeTranscriptDetailed(
  transcript: Transcript,
  options: AnalyzeOptions = {},
): AnalyzeOutcome {
  const language = options.language ?? detectLanguage(transcript);
  const countWordsAndFillers = fillerCounterFor(language);
  const utterances = chronological(transcript.utterances);

  // Speakers: declared ones first (they may carry names and roles), then in order of appearance.
  const order: string[] = [];
  const acc = new Map<string, SpeakerAcc>();
  const speakerOf = (id: string): SpeakerAcc => {
    let s = acc.get(id);
    if (!s) {
      s = {
        words: 0,
        fillers: 0,
        questions: 0,
        firstIndex: Number.POSITIVE_INFINITY,
        segments: new IntervalBuffer(),
      };
      acc.set(id, s);
      order.push(id);
    }
    return s;
  };
  for (const sp of transcript.speakers ?? []) speakerOf(sp.id);

  const everyUtteranceHasWords = utterances.length > 0 && utterances.every((u) => (u.words?.length ?? 0) > 0);
  const timedUtterances: TimedUtterance[] = [];
  const allSegments = new IntervalBuffer();
  const questions: Question[] = [];
  const readings = options.keepReadings ? new Map<Utterance, UtteranceReading>() : undefined;
  const encoder = options.encodeReadings ? new ReadingsEncoder(language) : undefined;

  for (let index = 0; index < utterances.length; index++) {
    const u = utterances[index]!;
    const s = speakerOf(u.speaker);
    if (index < s.firstIndex) s.firstIndex = index;
    const counts = countWordsAndFillers(u);
    s.words += counts.words;
    s.fillers += counts.fillers;

    // Segments go both to the speaker and, in time order (TimSort then sorts in ~linear time), to the call.
    if (everyUtteranceHasWords) {
      for (const w of u.words ?? []) {
        if (w.end > w.start) {
          s.segments.push(w.start, w.end);
          allSegments.push(w.start, w.end);
        }
      }
    } else if (u.start !== null && u.end !== null && u.end > u.start) {
      s.segments.push(u.start, u.end);
      allSegments.push(u.start, u.end);
    }
    if (u.start !== null && u.end !== null) {
      timedUtterances.push({ speaker: u.speaker, start: u.start, end: u.end, words: counts.words });
    }

    const context = questionContextAt(utterances, index, language);
    const reading = readings || encoder ? readUtterance(u.text, context) : undefined;
    if (reading) {
      readings?.set(u, reading);
      encoder?.add(reading);
    }
    const found = reading ? questionsOf(reading) : detectQuestions(u.text, context);
    if (found.length > 0) {
      const start = u.start ?? u.words?.[0]?.start ?? null;
      for (const q of found)
        questions.push({ speaker: u.speaker, start: roundSec(start), text: q.text, kind: q.kind });
      s.questions += found.length;
    }
  }

  const declared = new Map((transcript.speakers ?? []).map((sp) => [sp.id, sp]));
  const facts: SpeakerFacts[] = order.map((id) => ({
    id,
    name: declared.get(id)?.name,
    declaredRole: declared.get(id)?.role,
    questions: acc.get(id)!.questions,
    firstIndex: acc.get(id)!.firstIndex,
  }));
  const { roles, source, unmatched } = assignRoles(facts, options);
  const roleOf = (id: string): Role => roles.get(id) ?? "other";

  // ---- timing (contract §2) ----
  const timed = allSegments.count > 0;
  const all = unionOf(allSegments);
  const duration = timed ? all.ends[all.count - 1]! - all.starts[0]! : null;

  const talk = new Map<string, number>();
  for (const id of order) talk.set(id, unionOf(acc.get(id)!.segments).length);
  let talkSum = 0;
  for (const t of talk.values()) talkSum += t;

  const turns = buildTurns(timedUtterances);
  const turnCount = new Map<string, number>();
  const interruptions = new Map<string, number>();
  turns.forEach((t, i) => {
    turnCount.set(t.speaker, (turnCount.get(t.speaker) ?? 0) + 1);
    if (isInterruption(turns[i - 1], t))
      interruptions.set(t.speaker, (interruptions.get(t.speaker) ?? 0) + 1);
  });

  const monologues = longestMonologues(turns);
  const longestOf = (role: Role): number | null => {
    let best: number | null = null;
    for (const [id, len] of monologues) if (roleOf(id) === role && (best === null || len > best)) best = len;
    return best;
  };

  let patienceSum = 0;
  let patiencePairs = 0;
  for (let i = 1; i < turns.length; i++) {
    const prev = turns[i - 1]!;
    const next = turns[i]!;
    if (roleOf(prev.speaker) === "customer" && roleOf(next.speaker) === "rep") {
      patienceSum += Math.max(0, next.start - prev.end);
      patiencePairs++;
    }
  }

  const gapList = gaps(all);
  let repTalk = 0;
  let customerTalk = 0;
  let hasRep = false;
  let hasCustomer = false;
  for (const id of order) {
    const role = roleOf(id);
    if (role === "rep") {
      hasRep = true;
      repTalk += talk.get(id)!;
    } else if (role === "customer") {
      hasCustomer = true;
      customerTalk += talk.get(id)!;
    }
  }

  const speakers: SpeakerStats[] = order.map((id) => {
    const s = acc.get(id)!;
    const t = talk.get(id)!;
    return {
      id,
      role: roleOf(id),
      talkTimeSec: timed ? roundSec(t) : null,
      talkShare: timed && talkSum > 0 ? roundRatio(t / talkSum) : null,
      words: s.words,
      wpm: timed && t > 0 ? roundRatio(s.words / (t / 60)) : null,
      turns: timed ? (turnCount.get(id) ?? 0) : null,
      interruptions: timed ? (interruptions.get(id) ?? 0) : null,
      fillerWords: s.fillers,
      questions: s.questions,
    };
  });

  const qCounts = { rep: { open: 0, closed: 0 }, customer: { open: 0, closed: 0 } };
  for (const q of questions) {
    const role = roleOf(q.speaker);
    if (role === "rep" || role === "customer") qCounts[role][q.kind]++;
  }

  const analysis: CallAnalysis = {
    language,
    roleSource: source,
    durationSec: roundSec(duration),
    speakers,
    metrics: {
      talkRatio:
        timed && hasRep && hasCustomer && repTalk + customerTalk > 0
          ? roundRatio(repTalk / (repTalk + customerTalk))
          : null,
      longestMonologueSec: timed ? roundSec(longestOf("rep")) : null,
      longestCustomerStorySec: timed ? roundSec(longestOf("customer")) : null,
      interactivity:
        timed && duration !== null && duration > 0 && turns.length > 0
          ? roundRatio((turns.length - 1) / (duration / 60))
          : null,
      patienceSec: patiencePairs > 0 ? roundSec(patienceSum / patiencePairs) : null,
      silenceSec: timed && duration !== null ? roundSec(Math.max(0, duration - all.length)) : null,
      pauses: timed ? gapList.filter(isPause).length : null,
      longestPauseSec: timed ? roundSec(gapList.reduce((m, g) => Math.max(m, g), 0)) : null,
      questions: qCounts,
    },
    questions,
  };
  if (readings) analysisReadings.set(analysis, readings);
  return {
    analysis,
    unmatchedRoleOptions: unmatched,
    ...(encoder ? { readings: encoder.finish(utterances.length) } : {}),
  };
}

const analysisReadings = hiddenSlot<CallAnalysis, ReadonlyMap<Utterance, UtteranceReading>>("readings");

/**
 * Give an analysis read back from storage the readings its metric pass encoded
 * (`encodeReadings`), as if this process had analysed `transcript` with `keepReadings`: coaching
 * then splits and classifies no utterance again. False (nothing attached, coaching reads afresh)
 * when the text does not fit this transcript and analysis (another language, utterance count or
 * text length).
 *
 * @example
 * restoreReadings(transcript, analysis, stored); // after JSON.parse of both
 * utteranceReadings(analysis)?.get(transcript.utterances[0]!)
 */
export function restoreReadings(transcript: Transcript, analysis: CallAnalysis, encoded: string): boolean {
  const readings = decodeReadings(chronological(transcript.utterances), analysis.language, encoded);
  if (readings) analysisReadings.set(analysis, readings);
  return readings !== null;
}

/**
 * How the metric pass read each utterance of the transcript it analysed (sentences, question
 * answers and their context), for later readers of the same call: coaching splits and classifies
 * the same texts again otherwise. Only for an analysis this process computed (undefined for one
 * read back from storage or copied to another thread); not part of the analysis contract. Each
 * reading names the text and context it rests on, so a reader checks it still applies.
 */
export function utteranceReadings(
  analysis: CallAnalysis,
): ReadonlyMap<Utterance, UtteranceReading> | undefined {
  return analysisReadings.get(analysis);
}

/**
 * The library's one-call analysis.
 *
 * @example
 * const { transcript } = parseTranscript(fs.readFileSync("call.vtt", "utf8"), { file: "call.vtt" });
 * const analysis = analyzeTranscript(transcript, { rep: ["Dana"] });
 */
export function analyzeTranscript(transcript: Transcript, options: AnalyzeOptions = {}): CallAnalysis {
  return analyzeTranscriptDetailed(transcript, options).analysis;
}

interface SpeakerAcc {
  words: number;
  fillers: number;
  questions: number;
  firstIndex: number;
  /** Word (or utterance) intervals, for the speaker's talk time. */
  segments: IntervalBuffer;
}

/** Utterances in time order (stable), so questions come out in the order they were asked.
 * Untimed transcripts keep their input order. */
function chronological(utterances: readonly Utterance[]): readonly Utterance[] {
  let sorted = true;
  for (let i = 1; i < utterances.length; i++) {
    const a = utterances[i - 1]!;
    const b = utterances[i]!;
    if (a.start === null || b.start === null) return utterances;
    if (b.start < a.start) sorted = false;
  }
  if (sorted) return utterances;
  return [...utterances].sort((a, b) => a.start! - b.start! || (a.end ?? 0) - (b.end ?? 0));
}

function roundSec(v: number | null): number | null {
  return v === null ? null : Math.round(v * 1000) / 1000;
}

function roundRatio(v: number): number {
  return Math.round(v * 10_000) / 10_000;
}
