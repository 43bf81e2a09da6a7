import { describe, expect, it } from "vitest";
import { generateCall } from "../../bench/synthetic.js";
import { analyzeTranscriptDetailed, utteranceReadings } from "../analysis/analyze.js";
import { coachingInputOfWire } from "./stored.js";

// The coach job hands the upload's readings to the thread that coaches: they must be attached
// there (coaching would give the same answers without them, only slower, so no result test sees it).
describe("coachingInputOfWire", () => {
  const transcript = generateCall({ minutes: 5, seed: 7 });
  const { analysis, readings } = analyzeTranscriptDetailed(transcript, { encodeReadings: true });
  const wire = (r: string | null) => ({
    stored: {
      transcriptJson: JSON.stringify(transcript),
      analysisJson: JSON.stringify(analysis),
      playbook: null,
      readings: r,
    },
  });

  it("restores the stored readings onto the parsed analysis", () => {
    expect(readings).toEqual(expect.any(String));
    const input = coachingInputOfWire(wire(readings!));
    const restored = utteranceReadings(input.analysis);
    expect(restored?.size).toBe(transcript.utterances.length);
    expect(restored?.get(input.transcript.utterances[0]!)?.text).toBe(transcript.utterances[0]!.text);
  });

  it("attaches nothing when the readings do not fit the call or are absent", () => {
    expect(utteranceReadings(coachingInputOfWire(wire('[1,"en",1,1,5,0]')).analysis)).toBeUndefined();
    expect(utteranceReadings(coachingInputOfWire(wire(null)).analysis)).toBeUndefined();
  });
});
