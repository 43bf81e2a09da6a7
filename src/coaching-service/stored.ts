import { restoreReadings } from "../analysis/analyze.js";
import type { FileAnalysis } from "../analysis/result.js";
import type { Coaching, Playbook } from "../coaching/contract.js";
import type { CoachingInput } from "../coaching/engine.js";
import { coachWithRules, type RulesEngineInfo } from "../coaching/rules-coaching.js";
import { takeText } from "../cpu/retained.js";
import { hiddenSlot } from "../hidden-slot.js";
import type { Transcript } from "../transcript/model.js";
import { transcriptOfStoredText } from "../transcript/stored-form.js";

/**
 * A call's coaching input as the database holds it: the transcript and the analysis as their JSON
 * text. The `coach` job reads them so (`::text`), and the rules engine's thread parses them: a
 * 30-minute word-timed transcript (~10,000 word objects) costs ~1.7 ms to parse, against ~1.7 ms
 * for the driver's parse on the event loop plus ~1 ms to serialise and ~2.7 ms to deserialise it
 * as a structured clone; the text itself crosses a thread as a plain copy.
 */
export interface StoredCoachingInput {
  /** Absent when the text was kept on the CPU thread by the upload (`keptTranscript`). */
  transcriptJson?: string | undefined;
  /**
   * The token of the transcript's text kept on the thread that coaches (src/cpu/retained.ts), in
   * place of `transcriptJson`: the text the upload stored, not read back from the database.
   */
  keptTranscript?: string | undefined;
  analysisJson: string;
  playbook: Playbook | null;
  /**
   * The metric pass's question readings as the upload encoded them (src/analysis/stored-readings.ts):
   * restored where the rules engine runs (`coachingInputOfWire`), which then classifies nothing again.
   */
  readings?: string | null | undefined;
}

/** The stored texts of inputs made by `coachingInputFromStored` (and how to read a kept transcript). */
const texts = hiddenSlot<CoachingInput, { stored: StoredCoachingInput; load?: () => Promise<string> }>(
  "stored texts",
);

/**
 * A CoachingInput over stored JSON text: the transcript and the analysis are parsed when first
 * read, so a caller that only passes the input on to another thread (`storedFormOf`) never parses
 * them here. Read as the columns read the same text (the transcript's stored form,
 * src/transcript/stored-form.ts; the analysis `JSON.parse`d): same objects. A transcript
 * kept on the CPU thread (`keptTranscript`) is read here only through `withTranscriptText`, which
 * calls `loadTranscript` (the database).
 *
 * @example
 * const input = coachingInputFromStored({ transcriptJson, analysisJson, playbook });
 * await services.coach(input); // the rules engine on the pool parses the text on its thread
 */
export function coachingInputFromStored(
  stored: StoredCoachingInput,
  loadTranscript?: () => Promise<string>,
): CoachingInput {
  let transcript: Transcript | undefined;
  let analysis: FileAnalysis | undefined;
  const input: CoachingInput = {
    get transcript() {
      if (stored.transcriptJson === undefined)
        throw new Error("the transcript is kept on the CPU thread: read it with withTranscriptText first");
      transcript ??= transcriptOfStoredText(stored.transcriptJson);
      return transcript;
    },
    get analysis() {
      analysis ??= JSON.parse(stored.analysisJson) as FileAnalysis;
      return analysis;
    },
    playbook: stored.playbook,
  };
  texts.set(input, loadTranscript ? { stored, load: loadTranscript } : { stored });
  return input;
}

/** The stored texts behind an input from `coachingInputFromStored`; undefined for any other input. */
export function storedFormOf(input: CoachingInput): StoredCoachingInput | undefined {
  return texts.get(input)?.stored;
}

/**
 * `input` with its transcript's text at hand: an input whose transcript was kept on the CPU thread
 * gets it from its loader (the database); any other input is returned as it is.
 *
 * @example
 * const whole = await withTranscriptText(input); // whole.transcript can be read now
 */
export async function withTranscriptText(input: CoachingInput): Promise<CoachingInput> {
  const entry = texts.get(input);
  if (!entry || entry.stored.transcriptJson !== undefined) return input;
  if (!entry.load) throw new Error("a kept transcript without a way to read it from storage");
  const { keptTranscript: _kept, ...stored } = entry.stored;
  return coachingInputFromStored({ ...stored, transcriptJson: await entry.load() });
}

/** An input as it crosses to the rules engine's thread: objects, or the stored texts. */
export type CoachingWireInput = CoachingInput | { stored: StoredCoachingInput };

/**
 * A wire input made whole on the thread that coaches (plain objects, parsed once; readings
 * restored). Null when its transcript was kept on another thread, or no longer is (evicted):
 * the caller reads it from storage and asks again.
 */
export function coachingInputOfWire(wire: CoachingWireInput): CoachingInput | null {
  if (!("stored" in wire)) return wire;
  const { analysisJson, playbook, readings, keptTranscript } = wire.stored;
  const transcriptJson =
    wire.stored.transcriptJson ?? (keptTranscript === undefined ? undefined : takeText(keptTranscript));
  if (transcriptJson === undefined) return null;
  const transcript = transcriptOfStoredText(transcriptJson);
  const analysis = JSON.parse(analysisJson) as FileAnalysis;
  if (readings) restoreReadings(transcript, analysis, readings);
  return { transcript, analysis, playbook };
}

/**
 * The rules engine on a wire input, on the thread that coaches (`coachRules` in src/cpu/tasks.ts);
 * null when the input's kept transcript is not on this thread (`coachingInputOfWire`).
 *
 * @example
 * coachWireWithRules({ stored }, info) ?? (await readTranscriptAndRetry())
 */
export function coachWireWithRules(wire: CoachingWireInput, info: RulesEngineInfo): Coaching | null {
  const input = coachingInputOfWire(wire);
  return input ? coachWithRules(input, info) : null;
}
