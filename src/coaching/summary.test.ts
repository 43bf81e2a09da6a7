import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { analyzeTranscript } from "../analysis/analyze.js";
import type { Transcript } from "../transcript/model.js";
import { parseTranscript } from "../transcript/parse.js";
import { CrmFieldsSchema, type Objection, SummarySchema } from "./contract.js";
import type { CoachingInput } from "./engine.js";
import { createEvidenceIndex } from "./evidence.js";
import { defaultPlaybookFor } from "./playbook/builtins.js";
import { evaluatePlaybookRules } from "./playbook/engine.js";
import { summarizeRules } from "./summary.js";

const acme = parseTranscript(readFileSync("fixtures/calls/discovery-acme.vtt", "utf8"), {
  file: "discovery-acme.vtt",
}).transcript;
const input: CoachingInput = {
  transcript: acme,
  analysis: analyzeTranscript(acme, { rep: ["Dana Reyes"] }),
  playbook: defaultPlaybookFor("discovery"),
};
const playbook = evaluatePlaybookRules(input);
const { summary, crm } = summarizeRules(input, [], playbook);

function call(rows: Array<[string, string]>, rep: string, language?: string): CoachingInput {
  const transcript: Transcript = {
    ...(language ? { language } : {}),
    utterances: rows.map(([speaker, text], i) => ({ speaker, text, start: i * 10, end: i * 10 + 8 })),
  };
  return { transcript, analysis: analyzeTranscript(transcript, { rep: [rep] }), playbook: null };
}

describe("summarizeRules on the Acme discovery call", () => {
  it("fits the contract", () => {
    expect(SummarySchema.parse(summary)).toEqual(summary);
    expect(CrmFieldsSchema.parse(crm)).toEqual(crm);
  });

  it("finds the next steps with owner and due", () => {
    expect(summary.nextSteps).toEqual(
      expect.arrayContaining([
        {
          text: "I'll send a summary today with the device list and a draft pilot plan",
          owner: "Dana Reyes",
          due: "today",
        },
        {
          text: "I'll book forty-five minutes with you, Sam and Jia for Thursday",
          owner: "Dana Reyes",
          due: "Thursday at two",
        },
        { text: "Let's get him on a call this week", owner: "Marcus Lee", due: "this week" },
        { text: "I can send you the device list after the call", owner: "Dana Reyes", due: "after the call" },
      ]),
    );
    expect(summary.nextSteps).toHaveLength(4);
  });

  it("fills the CRM fields", () => {
    expect(crm.nextStep).toBe(
      "I'll book forty-five minutes with you, Sam and Jia for Thursday (Thursday at two)",
    );
    expect(crm.competitors).toEqual(["RouteWise"]);
    expect(crm.decisionMakers).toContain("CFO");
    expect(crm.decisionMakers).toContain("Sam (IT lead)");
    expect(crm.decisionMakers).toContain("the board");
    expect(crm.budget).toBe("our budget for next year isn't final until December");
    expect(crm.timeline).toMatch(/March/);
    expect(crm.timeline).toMatch(/renewal/);
    expect(crm.painPoints).toContain("Honestly, it's the late deliveries.");
    expect(crm.painPoints).toContain("If we lose that account, it's twelve percent of revenue.");
    expect(crm.painPoints.length).toBeLessThanOrEqual(5);
  });

  it("quotes the transcript verbatim", () => {
    const index = createEvidenceIndex(acme);
    for (const p of crm.painPoints) expect(index.find(p)?.quote).toBe(p);
    for (const s of [crm.budget!, crm.timeline!, ...summary.nextSteps.map((n) => n.text)]) {
      expect(index.find(s), s).not.toBeNull();
    }
  });

  it("says what went well and the two most important things to change", () => {
    expect(summary.wentWell[0]).toMatch(/^Covered 7 of 11 Discovery/);
    expect(summary.wentWell).toContain("Rep talk ratio on target: 40% (benchmark 43% (35–50%)).");
    expect(summary.toChange).toEqual([
      'Cover "Decision process" next time — for example: "What does the process look like from here to a signed contract?".',
      'Cover "Champion" next time — for example: "Would you be willing to present this to the CFO?".',
    ]);
  });

  it("writes a two-or-three-sentence summary", () => {
    expect(summary.text).toBe(
      'Dana Reyes spoke with Marcus Lee and Jia Chen (7 min); the main pain raised: "Honestly, it\'s the late deliveries". ' +
        "The Discovery (BANT + MEDDICC) playbook scored 73% (7 of 11 items covered, 2 partly); competition mentioned: RouteWise. " +
        "Next step: I'll book forty-five minutes with you, Sam and Jia for Thursday (Thursday at two).",
    );
  });

  it("is deterministic", () => {
    expect(summarizeRules(input, [], playbook)).toEqual({ summary, crm });
  });
});

describe("summarizeRules: coaching points", () => {
  const objection = (over: Partial<Objection>): Objection => ({
    speaker: "Marcus Lee",
    start: 221,
    text: "the price was hard to justify for what we got.",
    category: "price",
    handling: { acknowledged: false, clarified: false, responded: false, confirmed: false },
    responseDelaySec: null,
    resolved: false,
    response: null,
    ...over,
  });

  it("puts an unanswered objection first", () => {
    const r = summarizeRules(input, [objection({})], playbook);
    expect(r.summary.toChange).toHaveLength(2);
    expect(r.summary.toChange[0]).toMatch(/^Answer objections before moving on: the price objection/);
    expect(r.summary.text).toMatch(/1 objection came up \(price\), 0 handled/);
  });

  it("asks for an answer when an objection was acknowledged but never answered", () => {
    const r = summarizeRules(
      input,
      [
        objection({
          handling: { acknowledged: true, clarified: true, responded: false, confirmed: false },
          resolved: true,
        }),
      ],
      playbook,
    );
    expect(r.summary.toChange[0]).toBe(
      'When the price objection ("the price was hard to justify for what we got.") came up, you acknowledged it and asked about it but never answered it: respond with proof (a result, a number, a reference) before moving on.',
    );
  });

  it("praises a well-handled objection", () => {
    const handled = objection({
      handling: { acknowledged: true, clarified: true, responded: true, confirmed: false },
      resolved: true,
    });
    const r = summarizeRules(input, [handled], playbook);
    expect(r.summary.wentWell).toContain(
      'Handled the price objection ("the price was hard to justify for what we got."): acknowledged, clarified, responded.',
    );
  });

  it("mentions a forbidden phrase the rep said", () => {
    const i = call(
      [
        ["Rep", "Is there budget set aside for this project this year?"],
        ["Buyer", "Yes, we have about fifty thousand dollars approved for it."],
        ["Rep", "Great. If you sign this month I can give you a twenty percent discount."],
      ],
      "Rep",
    );
    i.playbook = defaultPlaybookFor("discovery");
    const r = summarizeRules(i, [], evaluatePlaybookRules(i));
    expect(r.summary.toChange[0]).toMatch(
      /^Avoid what the playbook forbids for "Budget": you said "If you sign this month I can give you a twenty percent discount."/,
    );
    expect(r.crm.budget).toBe("Yes, we have about fifty thousand dollars approved for it");
  });

  it("falls back to benchmark advice without a playbook", () => {
    const r = summarizeRules({ ...input, playbook: null }, [], null);
    // The two benchmark warnings that come first (rep questions, open share, patience are all "warn").
    expect(r.summary.toChange).toEqual([
      "You asked 15 questions: past ~14 a discovery call starts to feel like an interrogation.",
      '47% of your questions were open: ask more "what/how/walk me through" questions.',
    ]);
    expect(r.summary.text).not.toMatch(/playbook/);
  });
});

describe("summarizeRules: next steps and due phrases", () => {
  const steps = (rows: Array<[string, string]>, language?: string) =>
    summarizeRules(call(rows, "Rep", language), [], null).summary.nextSteps;

  it("resolves owners: I → the speaker, you → the other side, a named person", () => {
    expect(
      steps([
        ["Rep", "I'll send the proposal by Friday."],
        ["Buyer", "Great. Can you also send the security questionnaire by end of month?"],
        ["Rep", "Sure. We'll loop in Sam next week, and Priya will review the contract on March 15."],
      ]),
    ).toEqual([
      { text: "I'll send the proposal by Friday", owner: "Rep", due: "by Friday" },
      {
        text: "Can you also send the security questionnaire by end of month?",
        owner: "Rep",
        due: "by end of month",
      },
      { text: "We'll loop in Sam next week", owner: "Rep", due: "next week" },
      { text: "Priya will review the contract on March 15", owner: "Priya", due: "on March 15" },
    ]);
  });

  it("reads 'next step is …' and ignores plain questions", () => {
    expect(
      steps([
        ["Rep", "Does that make sense?"],
        ["Buyer", "The next step is a call with our CFO in two weeks."],
      ]),
    ).toEqual([
      { text: "The next step is a call with our CFO in two weeks", owner: "Buyer", due: "in two weeks" },
    ]);
  });

  it("handles Russian commitments and dates", () => {
    expect(
      steps(
        [
          ["Rep", "Пришлю договор 15 марта."],
          ["Buyer", "Хорошо, созвонимся в четверг в 15:00."],
        ],
        "ru",
      ),
    ).toEqual([
      { text: "Пришлю договор 15 марта", owner: "Rep", due: "15 марта" },
      { text: "Хорошо, созвонимся в четверг в 15:00", owner: "Buyer", due: "в четверг в 15:00" },
    ]);
  });

  it("returns no steps and says so when nothing was agreed", () => {
    const r = summarizeRules(
      call(
        [
          ["Rep", "Thanks for your time."],
          ["Buyer", "Bye."],
        ],
        "Rep",
      ),
      [],
      null,
    );
    expect(r.summary.nextSteps).toEqual([]);
    expect(r.crm.nextStep).toBeNull();
    expect(r.summary.text).toMatch(/No concrete next step was agreed\.$/);
  });

  it("survives an empty transcript", () => {
    const r = summarizeRules(call([], "Rep"), [], null);
    expect(r.crm).toEqual({
      nextStep: null,
      painPoints: [],
      decisionMakers: [],
      competitors: [],
      budget: null,
      timeline: null,
    });
    expect(SummarySchema.parse(r.summary)).toEqual(r.summary);
  });
});

describe("summarizeRules: CRM extraction", () => {
  it("finds well-known tools, switching-from products and C-level buyers", () => {
    const r = summarizeRules(
      call(
        [
          ["Rep", "What are you using for pipeline today?"],
          ["Buyer", "We're switching from Pipedrive, and we also looked at Acme Route Pro last spring."],
          ["Rep", "Who signs off?"],
          ["Buyer", "Our CEO decides, and my boss has to approve the budget of $40k per year."],
          ["Buyer", "We need it live before the Q3 launch."],
        ],
        "Rep",
      ),
      [],
      null,
    );
    expect(r.crm.competitors).toEqual(["Pipedrive", "Acme Route Pro"]);
    expect(r.crm.decisionMakers).toEqual(["CEO", "my boss"]);
    expect(r.crm.budget).toBe("my boss has to approve the budget of $40k per year");
    expect(r.crm.timeline).toBe("We need it live before the Q3 launch");
  });
});
