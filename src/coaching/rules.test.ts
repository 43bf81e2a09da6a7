import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { analyzeTranscript } from "../analysis/analyze.js";
import type { Transcript } from "../transcript/model.js";
import { parseTranscript } from "../transcript/parse.js";
import { CoachingSchema } from "./contract.js";
import { defaultPlaybookFor } from "./playbook/builtins.js";
import { rulesCoaching } from "./rules.js";

// The objection detector is another module; a stand-in only when it is not there yet.
vi.mock("./objections.js", async (importOriginal) => {
  try {
    return await importOriginal();
  } catch {
    return { detectObjections: () => [] };
  }
});

const acme = parseTranscript(readFileSync("fixtures/calls/discovery-acme.vtt", "utf8"), {
  file: "discovery-acme.vtt",
}).transcript;

describe("rulesCoaching", () => {
  const input = {
    transcript: acme,
    analysis: analyzeTranscript(acme, { rep: ["Dana Reyes"] }),
    playbook: defaultPlaybookFor("discovery"),
  };
  const content = rulesCoaching(input);

  it("returns objections, playbook, summary and CRM fields in the coaching contract", () => {
    const engineInfo = {
      engine: "rules",
      model: null,
      promptVersion: null,
      fallback: null,
      cached: false,
      promptTokens: 0,
      completionTokens: 0,
      estimatedCostUsd: 0,
      unverifiedEvidenceDropped: 0,
    } as const;
    expect(CoachingSchema.parse({ engine: "rules", engineInfo, ...content })).toMatchObject(content);
    expect(content.playbook?.id).toBe("discovery");
    expect(content.crm.competitors).toContain("RouteWise");
    expect(content.summary.nextSteps.length).toBeGreaterThan(0);
  });

  it("is deterministic", () => {
    expect(rulesCoaching(input)).toEqual(content);
  });

  it("judges no playbook when none is given", () => {
    expect(rulesCoaching({ ...input, playbook: null }).playbook).toBeNull();
  });

  it("never crashes, whatever the transcript", () => {
    const playbook = defaultPlaybookFor("discovery");
    const text = fc.oneof(
      fc.string(),
      fc.constantFrom(
        "I'll send the proposal by Friday.",
        "What's the budget? We use Salesforce today.",
        "Our CFO decides. The renewal is in March.",
        "Пришлю договор 15 марта, созвонимся в четверг.",
        "??? ... !!!",
        "",
      ),
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom("A", "B", "C"), text), { maxLength: 12 }),
        fc.boolean(),
        (rows, timed) => {
          const transcript: Transcript = {
            utterances: rows.map(([speaker, t], i) => ({
              speaker,
              text: t,
              start: timed ? i * 5 : null,
              end: timed ? i * 5 + 4 : null,
            })),
          };
          const analysis = analyzeTranscript(transcript, { rep: ["A"] });
          const out = rulesCoaching({ transcript, analysis, playbook });
          expect(out.summary.toChange.length).toBeLessThanOrEqual(2);
          expect(out.summary.wentWell.length).toBeLessThanOrEqual(5);
        },
      ),
      { numRuns: 150 },
    );
  });
});
