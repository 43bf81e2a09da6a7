import { describe, expect, it } from "vitest";
import type { Transcript, Utterance } from "../transcript/model.js";
import { analyzeTranscript, analyzeTranscriptDetailed, utteranceReadings } from "./analyze.js";
import { CallAnalysisSchema } from "./result.js";

const u = (speaker: string, start: number | null, end: number | null, text: string): Utterance => ({
  speaker,
  start,
  end,
  text,
});

/**
 * A seven-turn discovery snippet whose every number is worked out by hand below:
 * a backchannel inside a customer story, an interruption, a pause of exactly 2.0 s, fillers.
 */
const call: Transcript = {
  utterances: [
    u("A", 0, 10, "Thanks for joining today. What made you look at this now?"), // 11 words
    u(
      "B",
      11,
      25,
      "Well our team spends hours every week copying call notes into the CRM and managers never see the calls",
    ), // 19
    u("A", 25.5, 26, "Right."), // 1 word, 0.5 s: minor
    u("B", 26, 40, "So um we started looking for something that just records and summarizes everything"), // 13, 1 filler
    u("A", 39.5, 50, "Got it, uh, and you're using Salesforce today?"), // 8, 1 filler; starts 0.5 s before B ends
    u("B", 52, 53, "Yes."), // minor
    u("A", 53.2, 60, "Great. Walk me through how a deal moves from first call to signature."), // 13
  ],
};

describe("analyzeTranscript: hand-computed call", () => {
  const a = analyzeTranscript(call, { rep: ["A"] });
  const A = a.speakers.find((s) => s.id === "A")!;
  const B = a.speakers.find((s) => s.id === "B")!;

  it("matches the output schema", () => {
    expect(CallAnalysisSchema.parse(a)).toEqual(a);
  });

  it("assigns roles from options; naming reps makes everyone else a customer", () => {
    expect(a.roleSource).toBe("options");
    expect(A.role).toBe("rep");
    expect(B.role).toBe("customer");
  });

  it("measures duration, silence and pauses over the union of speech", () => {
    // union: [0,10] [11,25] [25.5,50] [52,53] [53.2,60] → 56.3 s spoken of 60
    expect(a.durationSec).toBe(60);
    expect(a.metrics.silenceSec).toBe(3.7);
    // gaps 1, 0.5, 2.0, 0.2: the 2.0 s gap counts as a pause (≥ 2.0, float noise ignored)
    expect(a.metrics.pauses).toBe(1);
    expect(a.metrics.longestPauseSec).toBe(2);
  });

  it("measures talk time, share, ratio, words and wpm", () => {
    expect(A.talkTimeSec).toBe(27.8); // 10 + 0.5 + 10.5 + 6.8
    expect(B.talkTimeSec).toBe(29); // 14 + 14 + 1
    expect(A.talkShare).toBe(0.4894); // 27.8 / 56.8
    expect(B.talkShare).toBe(0.5106);
    expect(a.metrics.talkRatio).toBe(0.4894);
    expect(A.words).toBe(33);
    expect(B.words).toBe(33);
    expect(A.wpm).toBe(71.223); // 33 / (27.8 / 60)
    expect(B.wpm).toBe(68.2759);
  });

  it("counts turns, interruptions and interactivity", () => {
    expect(A.turns).toBe(4);
    expect(B.turns).toBe(3);
    expect(A.interruptions).toBe(1); // 39.5 < 40 − 0.2
    expect(B.interruptions).toBe(0);
    expect(a.metrics.interactivity).toBe(6); // 6 switches in 1 minute
  });

  it("measures patience over customer → rep hand-offs", () => {
    // 25 → 25.5 (0.5), 40 → 39.5 (overlap: 0), 53 → 53.2 (0.2): mean 0.2333
    expect(a.metrics.patienceSec).toBe(0.233);
  });

  it("lets monologues and stories run through backchannels", () => {
    // rep: 39.5 → 60 across the customer's minor "Yes."; customer: 11 → 40 across the rep's "Right."
    expect(a.metrics.longestMonologueSec).toBe(20.5);
    expect(a.metrics.longestCustomerStorySec).toBe(29);
  });

  it("counts fillers per speaker", () => {
    expect(A.fillerWords).toBe(1);
    expect(B.fillerWords).toBe(1);
  });

  it("finds the rep's questions with their kinds and utterance starts", () => {
    expect(a.questions.map((q) => [q.speaker, q.start, q.kind])).toEqual([
      ["A", 0, "open"],
      ["A", 39.5, "closed"],
      ["A", 53.2, "open"],
    ]);
    expect(a.questions[0]!.text).toBe("What made you look at this now?");
    expect(a.metrics.questions).toEqual({ rep: { open: 2, closed: 1 }, customer: { open: 0, closed: 0 } });
    expect(A.questions).toBe(3);
    expect(B.questions).toBe(0);
  });
});

describe("analyzeTranscript: edge cases", () => {
  it("gives null (never 0) for every timing metric of an untimed transcript, and still counts text", () => {
    const untimed: Transcript = {
      utterances: call.utterances.map((x) => ({ ...x, start: null, end: null })),
    };
    const a = analyzeTranscript(untimed, { rep: ["A"] });
    expect(a.durationSec).toBeNull();
    for (const s of a.speakers) {
      expect(s.talkTimeSec).toBeNull();
      expect(s.talkShare).toBeNull();
      expect(s.wpm).toBeNull();
      expect(s.turns).toBeNull();
      expect(s.interruptions).toBeNull();
    }
    const { questions, ...timing } = a.metrics;
    for (const v of Object.values(timing)) expect(v).toBeNull();
    expect(a.speakers.map((s) => s.words)).toEqual([33, 33]);
    expect(questions.rep).toEqual({ open: 2, closed: 1 });
    expect(a.questions.every((q) => q.start === null)).toBe(true);
  });

  it("handles empty input", () => {
    const a = analyzeTranscript({ utterances: [] });
    expect(a.speakers).toEqual([]);
    expect(a.questions).toEqual([]);
    expect(a.durationSec).toBeNull();
    expect(a.metrics.talkRatio).toBeNull();
    expect(a.metrics.interactivity).toBeNull();
  });

  it("handles one speaker only: guessed rep, no ratio, no patience, no customer story", () => {
    const a = analyzeTranscript({
      utterances: [
        u("0", 0, 30, "Hi, it's Dana from Acme. Call me back when you can."),
        u("0", 31, 40, "Thanks."),
      ],
    });
    expect(a.roleSource).toBe("guessed");
    expect(a.speakers).toHaveLength(1);
    expect(a.speakers[0]!.role).toBe("rep");
    expect(a.speakers[0]!.talkShare).toBe(1);
    expect(a.speakers[0]!.turns).toBe(1); // consecutive utterances merge into one turn
    expect(a.metrics.talkRatio).toBeNull();
    expect(a.metrics.patienceSec).toBeNull();
    expect(a.metrics.longestCustomerStorySec).toBeNull();
    expect(a.metrics.longestMonologueSec).toBe(40);
    expect(a.metrics.interactivity).toBe(0);
    expect(a.metrics.silenceSec).toBe(1);
  });

  it("measures overlapping speech once in the union and flags the interruption", () => {
    const a = analyzeTranscript(
      {
        utterances: [
          u("A", 0, 10, "Let me show you the dashboard first and then"),
          u("B", 5, 8, "sorry can I ask something"),
        ],
      },
      { rep: ["A"] },
    );
    expect(a.durationSec).toBe(10);
    expect(a.metrics.silenceSec).toBe(0);
    expect(a.speakers.find((s) => s.id === "B")!.interruptions).toBe(1);
    expect(a.metrics.talkRatio).toBe(0.7692); // 10 / 13: talk times add up even when speech overlaps
  });

  it("uses word intervals as segments when every utterance has words", () => {
    const a = analyzeTranscript(
      {
        utterances: [
          {
            speaker: "A",
            start: 0,
            end: 3,
            text: "um okay so",
            words: [
              { text: "um", start: 0, end: 0.5 },
              { text: "okay", start: 1.5, end: 2 },
              { text: "so", start: 2, end: 3 },
            ],
          },
          {
            speaker: "B",
            start: 6,
            end: 7,
            text: "sure",
            words: [
              { text: "sure", start: 6, end: 7 },
              { text: "-", start: 7, end: 7 },
            ],
          },
        ],
      },
      { rep: ["A"] },
    );
    const [A, B] = a.speakers;
    expect(A!.talkTimeSec).toBe(2); // 0.5 + 0.5 + 1: the 1 s gap inside the utterance is silence
    expect(B!.words).toBe(1); // "-" is punctuation, not a word
    expect(a.durationSec).toBe(7);
    expect(a.metrics.silenceSec).toBe(4);
    expect(a.metrics.pauses).toBe(1); // 3 → 6
    expect(a.metrics.longestPauseSec).toBe(3);
    expect(A!.fillerWords).toBe(1);
  });

  it("merges consecutive utterances of one speaker before judging a turn minor", () => {
    const a = analyzeTranscript(
      {
        utterances: [
          u("A", 0, 20, "Here is how the pricing tiers work for teams your size"),
          u("B", 20.1, 20.5, "Yes"),
          u("B", 20.6, 21.0, "right sure okay"), // merged: 4 words → not minor, so the monologue stops
          u("A", 21.2, 30, "Great so the next tier adds coaching"),
        ],
      },
      { rep: ["A"] },
    );
    expect(a.speakers.find((s) => s.id === "B")!.turns).toBe(1);
    expect(a.metrics.longestMonologueSec).toBe(20);
  });

  it("ignores zero-length and inverted intervals in timing metrics but counts their words", () => {
    const a = analyzeTranscript({ utterances: [u("A", 5, 5, "hello there"), u("A", 6, 8, "how are you")] });
    expect(a.durationSec).toBe(2);
    expect(a.speakers[0]!.words).toBe(5);
    expect(a.speakers[0]!.turns).toBe(1);
  });

  it("sorts turns by start so out-of-order input gives the same numbers", () => {
    const shuffled: Transcript = { utterances: [...call.utterances].reverse() };
    const a = analyzeTranscript(shuffled, { rep: ["A"] });
    const b = analyzeTranscript(call, { rep: ["A"] });
    expect(a.metrics).toEqual(b.metrics);
    expect(a.questions).toEqual(b.questions);
  });
});

describe("roles", () => {
  it("takes roles from the transcript when every speaker has one", () => {
    const a = analyzeTranscript({
      speakers: [
        { id: "A", role: "customer" },
        { id: "B", role: "rep" },
      ],
      utterances: call.utterances,
    });
    expect(a.roleSource).toBe("transcript");
    expect(a.metrics.talkRatio).toBe(0.5106);
  });

  it("guesses the questioner as the rep, and says so", () => {
    const a = analyzeTranscript(call);
    expect(a.roleSource).toBe("guessed");
    expect(a.speakers.find((s) => s.id === "A")!.role).toBe("rep");
  });

  it("matches option values against display names and reports the ones that match nobody", () => {
    const { analysis, unmatchedRoleOptions } = analyzeTranscriptDetailed(
      { speakers: [{ id: "0", name: "Dana" }], utterances: [u("0", 0, 1, "hi"), u("1", 1, 2, "hello")] },
      { rep: ["dana", "Sam"] },
    );
    expect(analysis.speakers.map((s) => s.role)).toEqual(["rep", "customer"]);
    expect(unmatchedRoleOptions).toEqual(["Sam"]);
  });

  it("with --customer only, everyone else is a rep", () => {
    const a = analyzeTranscript(call, { customer: ["B"] });
    expect(a.speakers.map((s) => s.role)).toEqual(["rep", "customer"]);
  });
});

describe("utterance readings for coaching", () => {
  it("are kept only when asked for, with the same questions either way", () => {
    const plain = analyzeTranscript(call);
    const kept = analyzeTranscript(call, { keepReadings: true });
    expect(utteranceReadings(plain)).toBeUndefined();
    const readings = utteranceReadings(kept);
    expect(readings?.size).toBe(call.utterances.length);
    for (const ut of call.utterances) expect(readings?.get(ut)?.text).toBe(ut.text);
    expect(kept).toEqual(plain);
  });
});
