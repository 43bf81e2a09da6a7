import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generateCall } from "../../bench/synthetic.js";
import type { Transcript } from "../transcript/model.js";
import { parseTranscript } from "../transcript/parse.js";
import { analyzeTranscriptDetailed, restoreReadings, utteranceReadings } from "./analyze.js";
import type { CallAnalysis } from "./result.js";

const root = join(import.meta.dirname, "../..");
function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}
const calls: Array<[string, Transcript]> = [
  ...[...files(join(root, "fixtures/calls")), join(root, "fixtures/formats/canonical.json")].map(
    (p): [string, Transcript] => [
      p.slice(root.length + 1),
      parseTranscript(readFileSync(p, "utf8"), { file: p }).transcript,
    ],
  ),
  ["generated 30 min", generateCall({ minutes: 30, seed: 13_000 })],
  // Out of time order: the metric pass reads it sorted.
  [
    "unsorted",
    {
      utterances: [
        { speaker: "A", start: 5, end: 6, text: "Right? Okay." },
        { speaker: "B", start: 0, end: 2, text: "We use Salesforce. Right?" },
        { speaker: "A", start: 2, end: 4, text: "   " },
        { speaker: "B", start: 3, end: 5, text: "Who decides? Budget is approved, isn't it?" },
      ],
    },
  ],
];

/** The transcript and analysis as a coach job reads them back: JSON text parsed again. */
const stored = (t: Transcript, a: CallAnalysis) =>
  [JSON.parse(JSON.stringify(t)) as Transcript, JSON.parse(JSON.stringify(a)) as CallAnalysis] as const;

describe("question readings stored with an upload", () => {
  it.each(calls)("restore what the metric pass read: %s", (_, transcript) => {
    const kept = analyzeTranscriptDetailed(transcript, { keepReadings: true }).analysis;
    const encoded = analyzeTranscriptDetailed(transcript, { encodeReadings: true });
    expect(encoded.analysis).toEqual(kept);
    expect(encoded.readings).toEqual(expect.any(String));
    const [t, a] = stored(transcript, encoded.analysis);
    expect(restoreReadings(t, a, encoded.readings!)).toBe(true);
    const want = utteranceReadings(kept)!;
    const got = utteranceReadings(a)!;
    expect(got.size).toBe(want.size);
    transcript.utterances.forEach((u, i) => {
      expect(got.get(t.utterances[i]!)).toStrictEqual(want.get(u));
    });
  });

  it("are refused when they do not fit the call (nothing attached)", () => {
    const transcript = calls.find(([name]) => name === "generated 30 min")![1];
    const { analysis, readings } = analyzeTranscriptDetailed(transcript, { encodeReadings: true });
    const refused = (change: (t: Transcript, a: CallAnalysis) => void, text = readings!) => {
      const [t, a] = stored(transcript, analysis);
      change(t, a);
      expect(restoreReadings(t, a, text)).toBe(false);
      expect(utteranceReadings(a)).toBeUndefined();
    };
    refused((_, a) => {
      a.language = "es";
    });
    refused((t) => {
      t.utterances[3]!.text += " More.";
    });
    refused((t) => {
      t.utterances.pop();
    });
    refused(() => {}, readings!.replace(/^\[1,/, "[2,"));
    refused(() => {}, readings!.slice(0, -1));
    refused(() => {}, `${readings!.slice(0, -1)},1]`);
  });
});
