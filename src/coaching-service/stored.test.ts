import { describe, expect, it } from "vitest";
import { generateCall } from "../../bench/synthetic.js";
import { analyzeTranscriptDetailed, utteranceReadings } from "../analysis/analyze.js";
import { retainText } from "../cpu/retained.js";
import { coachingInputFromStored, coachingInputOfWire, withTranscriptText } from "./stored.js";

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
    const input = coachingInputOfWire(wire(readings!))!;
    const restored = utteranceReadings(input.analysis);
    expect(restored?.size).toBe(transcript.utterances.length);
    expect(restored?.get(input.transcript.utterances[0]!)?.text).toBe(transcript.utterances[0]!.text);
  });

  it("attaches nothing when the readings do not fit the call or are absent", () => {
    expect(utteranceReadings(coachingInputOfWire(wire('[1,"en",1,1,5,0]'))!.analysis)).toBeUndefined();
    expect(utteranceReadings(coachingInputOfWire(wire(null))!.analysis)).toBeUndefined();
  });
});

// A transcript the upload kept on the CPU thread (src/cpu/retained.ts) stands in for the stored text.
describe("a kept transcript", () => {
  const transcript = generateCall({ minutes: 2, seed: 9 });
  const { analysis } = analyzeTranscriptDetailed(transcript);
  const text = JSON.stringify(transcript);
  const stored = (keptTranscript: string) => ({
    keptTranscript,
    analysisJson: JSON.stringify(analysis),
    playbook: null,
  });

  it("is taken once by the thread that coaches; then, or when unknown, the wire input is not whole", () => {
    const token = retainText(text)!;
    expect(coachingInputOfWire({ stored: stored(token) })?.transcript).toEqual(JSON.parse(text));
    expect(coachingInputOfWire({ stored: stored(token) })).toBeNull();
    expect(coachingInputOfWire({ stored: stored("not-a-token") })).toBeNull();
  });

  it("is read from storage where the transcript is needed on this thread", async () => {
    let reads = 0;
    const input = coachingInputFromStored(stored("elsewhere"), async () => {
      reads += 1;
      return text;
    });
    expect(() => input.transcript).toThrow(/kept on the CPU thread/);
    const whole = await withTranscriptText(input);
    expect(whole.transcript).toEqual(transcript);
    expect(await withTranscriptText(whole)).toBe(whole);
    expect(reads).toBe(1);
  });
});
