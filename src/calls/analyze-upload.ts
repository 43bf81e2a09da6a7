import { analyzeTranscriptDetailed } from "../analysis/analyze.js";
import type { CallAnalysis, FileAnalysis } from "../analysis/result.js";
import type { Coaching, Playbook } from "../coaching/contract.js";
import { coachWithRules, RULES_ENGINE_INFO } from "../coaching/rules-coaching.js";
import { retainText } from "../cpu/retained.js";
import type { SpeakerRoles } from "../db/schema/index.js";
import { DebriefError } from "../errors.js";
import { isSpace } from "../text/space.js";
import type { Transcript, TranscriptFormat } from "../transcript/model.js";
import { parseTranscript, parseTranscriptValue } from "../transcript/parse.js";
import { storedTranscriptText } from "../transcript/stored-form.js";

/** The largest transcript one call may analyse (config: DEBRIEF_MAX_UTTERANCES, DEBRIEF_MAX_WORDS). */
export interface AnalysisCaps {
  maxUtterances: number;
  maxWords: number;
}

export interface ParseAnalyzeInput {
  /** The upload's text. */
  content: string;
  /**
   * The transcript as a JSON value already parsed, whose JSON text `content` is (a large JSON
   * body's `transcript` object, read on the same thread): parsed from it, not from `content`.
   */
  value?: unknown;
  fileName: string;
  format?: TranscriptFormat | undefined;
  roles: SpeakerRoles;
  language?: string | undefined;
  caps: AnalysisCaps;
  /**
   * Keep the transcript's JSON text on this thread for the call's coach job (src/cpu/retained.ts):
   * only when every CPU task runs on this one thread.
   */
  retain?: boolean | undefined;
  /**
   * Coach the call here too, with the rules engine and this playbook (`Services.coachOnUpload`):
   * from the objects the analysis made, with its question readings at hand, in the same task.
   */
  coach?: { playbook: Playbook } | undefined;
}

function roleOptions(roles: SpeakerRoles): { rep?: string[]; customer?: string[] } {
  return {
    ...(roles.rep ? { rep: roles.rep } : {}),
    ...(roles.customer ? { customer: roles.customer } : {}),
  };
}

/** How a transcript is analysed for a call: its name, format, speaker roles and language. */
export interface AnalyzeOptions {
  fileName: string;
  format: TranscriptFormat;
  roles: SpeakerRoles;
  language?: string | undefined;
}

/**
 * The analysis contract's JSON for a stored transcript. Pure CPU (~1 ms for a 30-minute call,
 * seconds for a maximal one): the jobs run it through `services.cpu` (`analyze`).
 */
export function analyzeForCall(transcript: Transcript, input: AnalyzeOptions): FileAnalysis {
  return analyzeCall(transcript, input, "none").analysis;
}

/**
 * `analyzeForCall` with the metric pass's question readings encoded for the call's coach job
 * (src/analysis/stored-readings.ts; null when they could not be encoded).
 */
export function analyzeForCoaching(
  transcript: Transcript,
  input: AnalyzeOptions,
): { analysis: FileAnalysis; readings: string | null } {
  const { analysis, readings } = analyzeCall(transcript, input, "encode");
  return { analysis, readings };
}

/**
 * The call's analysis, and its question readings: `encode`d for a coach job, or `keep`t on this
 * thread for coaching next in this task (`metrics`, the analysis they belong to, is the contract's
 * without the file's name and format: the object the readings are attached to).
 */
function analyzeCall(
  transcript: Transcript,
  input: AnalyzeOptions,
  readingsFor: "none" | "encode" | "keep",
): { analysis: FileAnalysis; readings: string | null; metrics: CallAnalysis } {
  const { analysis, readings } = analyzeTranscriptDetailed(transcript, {
    ...roleOptions(input.roles),
    ...(input.language ? { language: input.language } : {}),
    ...(readingsFor === "encode" ? { encodeReadings: true } : {}),
    ...(readingsFor === "keep" ? { keepReadings: true } : {}),
  });
  return {
    analysis: { file: input.fileName, format: input.format, ...analysis },
    readings: readings ?? null,
    metrics: analysis,
  };
}

/**
 * Refuse (422, naming the limit) a transcript whose analysis would cost more than one call may:
 * the cost grows with utterances and words, not only bytes (a million one-word lines is 5 MB).
 */
export function checkAnalysisCaps(transcript: Transcript, caps: AnalysisCaps): void {
  const n = transcript.utterances.length;
  if (n > caps.maxUtterances)
    throw new DebriefError(
      "validation_failed",
      `transcripts are limited to ${caps.maxUtterances} utterances (DEBRIEF_MAX_UTTERANCES); this one has ${n}`,
    );
  let words = 0;
  for (const u of transcript.utterances) {
    words += countWords(u.text);
    if (words > caps.maxWords)
      throw new DebriefError(
        "validation_failed",
        `transcripts are limited to ${caps.maxWords} words (DEBRIEF_MAX_WORDS)`,
      );
  }
}

/**
 * Runs of non-space characters: `text.split(/\s+/).filter(Boolean).length` without building the
 * array (the cap check reads every utterance of every upload).
 *
 * @example
 * countWords("  so, what\tnext? ") // 3
 */
export function countWords(text: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const space = isSpace(text.charCodeAt(i));
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}

const wellFormed = (s: string) => (s as string & { isWellFormed(): boolean }).isWellFormed();

/**
 * Refuse (422, naming the place) a transcript with an unpaired surrogate: a JSON file's "\ud800"
 * escape parses into one, and PostgreSQL's jsonb cannot store it (the JSON body rule catches it
 * in a request's own strings, not inside an uploaded file).
 */
export function checkWellFormed(transcript: Transcript): void {
  const refuse = (path: string) => {
    throw new DebriefError("validation_failed", `${path}: must not contain an unpaired surrogate`, {
      details: { errors: [{ path, message: "must not contain an unpaired surrogate" }] },
    });
  };
  for (const [i, s] of (transcript.speakers ?? []).entries()) {
    if (!wellFormed(s.id) || (s.name !== undefined && !wellFormed(s.name))) refuse(`speakers[${i}]`);
  }
  for (const [i, u] of transcript.utterances.entries()) {
    if (!wellFormed(u.speaker)) refuse(`utterances[${i}].speaker`);
    if (!wellFormed(u.text)) refuse(`utterances[${i}].text`);
    for (const [k, w] of (u.words ?? []).entries())
      if (!wellFormed(w.text)) refuse(`utterances[${i}].words[${k}].text`);
  }
}

/**
 * What `parseAndAnalyze` hands back: the analysis as an object (the 202 response and the
 * `call_metrics` row read it) and the transcript and the analysis as the JSON text their columns
 * store. Text, not the parsed transcript: on the Node server the task runs on a worker thread, and
 * a string crosses back as one copy, where ~10,000 word objects of a 30-minute word-timed call
 * were structured-cloned, rebuilt on the event loop and stringified there again for the insert.
 */
export interface ParsedUpload {
  format: TranscriptFormat;
  analysis: FileAnalysis;
  /** The parsed transcript's stored JSON text (src/transcript/stored-form.ts): what its column stores. */
  transcriptJson: string;
  /** `JSON.stringify(analysis)`: what the `analysis` column is written from. */
  analysisJson: string;
  /**
   * The metric pass's question readings, encoded (src/analysis/stored-readings.ts): the call's
   * coach job restores them instead of splitting and classifying every utterance again.
   */
  readings: string | null;
  /** The token of `transcriptJson` kept on this thread (`retain`), or null. */
  retained: string | null;
  /**
   * With `coach`: the call's coaching, or null when the rules engine failed on it (the call is then
   * coached by a job, which reads the transcript from storage).
   */
  coaching?: Coaching | null;
}

/**
 * Parse an uploaded transcript, check its cost caps and analyse it: the CPU-heavy part of an
 * upload, run off the request path by `services.cpu` (a worker thread on Node).
 */
export function parseAndAnalyze(input: ParseAnalyzeInput): ParsedUpload {
  const parseOptions = { file: input.fileName, ...(input.format ? { format: input.format } : {}) };
  const parsed =
    input.value !== undefined
      ? parseTranscriptValue(input.value, parseOptions)
      : parseTranscript(input.content, parseOptions);
  checkAnalysisCaps(parsed.transcript, input.caps);
  checkWellFormed(parsed.transcript);
  const options = {
    fileName: input.fileName,
    format: parsed.format,
    roles: input.roles,
    language: input.language,
  };
  // Coached here, the readings stay in memory and no job needs the text; else both go to the job.
  const { coach } = input;
  const { analysis, readings, metrics } = analyzeCall(parsed.transcript, options, coach ? "keep" : "encode");
  const transcriptJson = storedTranscriptText(parsed.transcript);
  return {
    format: parsed.format,
    analysis,
    transcriptJson,
    analysisJson: JSON.stringify(analysis),
    readings,
    retained: input.retain && !coach ? retainText(transcriptJson) : null,
    ...(coach ? { coaching: coachHere(parsed.transcript, metrics, coach.playbook) } : {}),
  };
}

/** The rules engine on an upload's own objects; null when it fails (a job then tries again). */
function coachHere(transcript: Transcript, analysis: CallAnalysis, playbook: Playbook): Coaching | null {
  try {
    return coachWithRules({ transcript, analysis, playbook }, RULES_ENGINE_INFO);
  } catch {
    return null;
  }
}
