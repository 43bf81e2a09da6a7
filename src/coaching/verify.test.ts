import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { analyzeTranscript } from "../analysis/analyze.js";
import { parseTranscript } from "../transcript/parse.js";
import type { CoachingContent } from "./engine.js";
import { parsePlaybook } from "./playbook/parse.js";
import { createVerifier, fillResponseDelays, playbookScore, settleItem } from "./verify.js";

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
