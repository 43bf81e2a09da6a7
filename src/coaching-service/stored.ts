import { restoreReadings } from "../analysis/analyze.js";
import type { FileAnalysis } from "../analysis/result.js";
import type { Playbook } from "../coaching/contract.js";
import type { CoachingInput } from "../coaching/engine.js";
import type { Transcript } from "../transcript/model.js";

/**
 * A call's coaching input as the database holds it: the transcript and the analysis as their JSON
 * text. The `coach` job reads them so (`::text`), and the rules engine's thread parses them: a
 * 30-minute word-timed transcript (~10,000 word objects) costs ~1.7 ms to parse, against ~1.7 ms
 * for the driver's parse on the event loop plus ~1 ms to serialise and ~2.7 ms to deserialise it
 * as a structured clone; the text itself crosses a thread as a plain copy.
 */
export interface StoredCoachingInput {
  transcriptJson: string;
  analysisJson: string;
  playbook: Playbook | null;
  /**
   * The metric pass's question readings as the upload encoded them (src/analysis/stored-readings.ts):
   * restored where the rules engine runs (`coachingInputOfWire`), which then classifies nothing again.
   */
  readings?: string | null | undefined;
}

/** The stored texts of inputs made by `coachingInputFromStored`, so they can be sent as text. */
const texts = new WeakMap<CoachingInput, StoredCoachingInput>();

/**
 * A CoachingInput over stored JSON text: the transcript and the analysis are parsed when first
 * read, so a caller that only passes the input on to another thread (`storedFormOf`) never parses
 * them here. Parsed as the driver would (`JSON.parse` of the same text): same objects.
 *
 * @example
 * const input = coachingInputFromStored({ transcriptJson, analysisJson, playbook });
 * await services.coach(input); // the rules engine on the pool parses the text on its thread
 */
export function coachingInputFromStored(stored: StoredCoachingInput): CoachingInput {
  let transcript: Transcript | undefined;
  let analysis: FileAnalysis | undefined;
  const input: CoachingInput = {
    get transcript() {
      transcript ??= JSON.parse(stored.transcriptJson) as Transcript;
      return transcript;
    },
    get analysis() {
      analysis ??= JSON.parse(stored.analysisJson) as FileAnalysis;
      return analysis;
    },
    playbook: stored.playbook,
  };
  texts.set(input, stored);
  return input;
}

/** The stored texts behind an input from `coachingInputFromStored`; undefined for any other input. */
export function storedFormOf(input: CoachingInput): StoredCoachingInput | undefined {
  return texts.get(input);
}

/** An input as it crosses to the rules engine's thread: objects, or the stored texts. */
export type CoachingWireInput = CoachingInput | { stored: StoredCoachingInput };

/** A wire input made whole on the thread that coaches (plain objects, parsed once; readings restored). */
export function coachingInputOfWire(wire: CoachingWireInput): CoachingInput {
  if (!("stored" in wire)) return wire;
  const { transcriptJson, analysisJson, playbook, readings } = wire.stored;
  const transcript = JSON.parse(transcriptJson) as Transcript;
  const analysis = JSON.parse(analysisJson) as FileAnalysis;
  if (readings) restoreReadings(transcript, analysis, readings);
  return { transcript, analysis, playbook };
}
