import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyzeTranscript } from "../analysis/analyze.js";
import { matchKey } from "../text/match.js";
import type { Transcript } from "../transcript/model.js";
import { parseTranscript } from "../transcript/parse.js";
import type { CoachingContent } from "./engine.js";
import { parsePlaybook } from "./playbook/parse.js";
import { createVerifier, fillResponseDelays, playbookScore, settleItem, utteranceOf } from "./verify.js";

const { transcript } = parseTranscript(readFileSync("fixtures/calls/discovery-acme.vtt", "utf8"));
const playbook = parsePlaybook(readFileSync("fixtures/playbooks/discovery.yaml", "utf8"), "discovery.yaml");
const input = { transcript, analysis: analyzeTranscript(transcript), playbook };

const content = (over: Partial<CoachingContent>): CoachingContent => ({
  objections: [],
  playbook: null,
  summary: { text: "", wentWell: [], toChange: [], nextSteps: [] },
  crm: { nextStep: null, painPoints: [], decisionMakers: [], competitors: [], budget: null, timeline: null },
  ...over,
});
const handling = { acknowledged: true, clarified: false, responded: true, confirmed: false };

describe("createVerifier", () => {
  const verifier = createVerifier(input);

  it("re-anchors model quotes (no start) and keeps engine quotes at their claimed position", () => {
    const { content: c, dropped } = verifier.verify(
      content({
        objections: [
          {
            speaker: "",
            start: null,
            text: "they don't love change",
            category: "trust",
            handling,
            responseDelaySec: null,
            resolved: true,
            response: { speaker: "Dana Reyes", start: null, quote: "That's the most common concern we hear" },
          },
          {
            speaker: "Marcus Lee",
            start: 248.9,
            text: "our budget for next year isn't final until December.",
            category: "price",
            handling,
            responseDelaySec: 1.2,
            resolved: false,
            response: null,
          },
        ],
      }),
    );
    expect(dropped).toBe(0);
    expect(c.objections.map((o) => [o.speaker, o.start, o.text])).toEqual([
      ["Marcus Lee", 248.9, "our budget for next year isn't final until December."],
      ["Jia Chen", 315.7, "they don't love change."],
    ]);
    expect(c.objections[1]?.response).toEqual({
      speaker: "Dana Reyes",
      start: 328,
      quote: "That's the most common concern we hear",
    });
    expect(fillResponseDelays(c.objections, transcript).map((o) => o.responseDelaySec)).toEqual([1.2, 0.8]);
  });

  it("drops an objection the rep raised and a quote at the wrong position", () => {
    const { content: c, dropped } = verifier.verify(
      content({
        objections: [
          {
            speaker: "Dana Reyes",
            start: null,
            text: "That's a big jump.",
            category: "other",
            handling,
            responseDelaySec: null,
            resolved: false,
            response: null,
          },
          {
            speaker: "Marcus Lee",
            start: 10,
            text: "We did a trial of RouteWise last year.",
            category: "competitor",
            handling,
            responseDelaySec: null,
            resolved: false,
            response: null,
          },
        ],
      }),
    );
    // The second is real words at a wrong time: re-anchored through the index, not dropped.
    expect(dropped).toBe(1);
    expect(c.objections.map((o) => [o.speaker, o.start])).toEqual([["Marcus Lee", 221]]);
  });

  it("caps summary lists to the contract", () => {
    const { content: c } = verifier.verify(
      content({
        summary: {
          text: "x",
          wentWell: ["1", "2", "3", "4", "5", "6"],
          toChange: ["a", "b", "c"],
          nextSteps: [],
        },
      }),
    );
    expect(c.summary.wentWell).toHaveLength(5);
    expect(c.summary.toChange).toEqual(["a", "b"]);
  });
});

describe("settleItem", () => {
  const roleOf = (s: string) => (s === "Dana Reyes" ? "rep" : "customer") as "rep" | "customer";
  const item = { id: "budget", title: "Budget", coveredBy: null };
  const rep = { speaker: "Dana Reyes", start: 1, quote: "what is the budget" };
  const cust = { speaker: "Marcus Lee", start: 2, quote: "we have forty thousand" };

  it("covered needs evidence from the item's side; the other side's makes it partly; none makes it missed", () => {
    expect(settleItem({ ...item, status: "covered", evidence: [cust, rep] }, "rep", roleOf)).toMatchObject({
      status: "covered",
      coveredBy: "Dana Reyes",
      evidence: [rep, cust],
    });
    expect(settleItem({ ...item, status: "covered", evidence: [cust] }, "rep", roleOf).status).toBe("partly");
    expect(settleItem({ ...item, status: "covered", evidence: [cust] }, "any", roleOf).status).toBe(
      "covered",
    );
    expect(settleItem({ ...item, status: "partly", evidence: [] }, "rep", roleOf)).toMatchObject({
      status: "missed",
      coveredBy: null,
    });
    // A missed item keeps its evidence (the rules engine shows forbidden phrases that way).
    expect(settleItem({ ...item, status: "missed", evidence: [rep] }, "rep", roleOf).evidence).toEqual([rep]);
  });

  it("score = (covered + ½ partly) ÷ items", () => {
    const i = (status: "covered" | "partly" | "missed") => ({ ...item, status, evidence: [] });
    expect(playbookScore([i("covered"), i("partly"), i("missed"), i("missed")])).toBe(0.375);
    expect(playbookScore([])).toBe(0);
  });
});

describe("utteranceOf", () => {
  // The plain scan it replaces: every utterance in order, speaker, time and words checked.
  const reference = (t: Transcript, e: { speaker: string; start: number | null; quote: string }) => {
    const q = matchKey(e.quote);
    if (q === "") return null;
    const short = q.split(" ").length < 3;
    for (let i = 0; i < t.utterances.length; i++) {
      const u = t.utterances[i]!;
      if (u.speaker !== e.speaker) continue;
      if (e.start !== null) {
        if (u.start === null || u.start > e.start + 1e-6) continue;
        if (u.end !== null && u.end < e.start - 1e-6) continue;
      }
      const k = ` ${matchKey(u.text)} `;
      if (short ? k === ` ${q} ` : k.includes(` ${q} `)) return i;
    }
    return null;
  };
  const WORDS = ["we", "need", "a", "pilot", "budget", "is", "tight", "okay"];
  const time = fc.option(
    fc.integer({ min: 0, max: 40 }).map((n) => n / 2),
    { nil: null },
  );
  const utterance = fc.record({
    speaker: fc.constantFrom("A", "B"),
    start: time,
    length: fc.option(
      fc.integer({ min: 0, max: 12 }).map((n) => n / 2),
      { nil: null },
    ),
    text: fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 5 }).map((w) => w.join(" ")),
  });

  it("finds the utterance the plain scan finds, in order or not, timed or not", () => {
    fc.assert(
      fc.property(
        fc.array(utterance, { minLength: 1, maxLength: 12 }),
        fc.boolean(),
        fc.constantFrom("A", "B"),
        time,
        fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 3 }),
        (list, sortByStart, speaker, start, quote) => {
          const rows = sortByStart ? [...list].sort((a, b) => (a.start ?? 0) - (b.start ?? 0)) : list;
          const t: Transcript = {
            utterances: rows.map((u) => ({
              speaker: u.speaker,
              start: u.start,
              end: u.start === null || u.length === null ? null : u.start + u.length,
              text: u.text,
            })),
          };
          const e = { speaker, start, quote: quote.join(" ") };
          expect(utteranceOf(t, e)?.index ?? null).toBe(reference(t, e));
        },
      ),
      { numRuns: 3000 },
    );
  });
});
