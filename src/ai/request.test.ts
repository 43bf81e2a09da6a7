import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { generateCall } from "../../bench/synthetic.js";
import { analyzeTranscript } from "../analysis/analyze.js";
import { parsePlaybook } from "../coaching/playbook/parse.js";
import { parseTranscript } from "../transcript/parse.js";
import { buildCoachingRequests, estimateRequestTokens, transcriptTokens } from "./request.js";

const playbook = parsePlaybook(readFileSync("fixtures/playbooks/discovery.yaml", "utf8"), "discovery.yaml");
const load = (file: string) => {
  const { transcript } = parseTranscript(readFileSync(file, "utf8"), { file });
  return { transcript, analysis: analyzeTranscript(transcript), playbook };
};

type Schema = {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: unknown;
  items?: Schema;
  anyOf?: Schema[];
};

/** OpenAI strict mode: every object lists all its properties as required and forbids others. */
function assertStrict(s: Schema, path = "$"): void {
  if (s.properties) {
    expect(s.additionalProperties, path).toBe(false);
    expect([...(s.required ?? [])].sort(), path).toEqual(Object.keys(s.properties).sort());
    for (const [k, v] of Object.entries(s.properties)) assertStrict(v, `${path}.${k}`);
  }
  if (s.items) assertStrict(s.items, `${path}[]`);
  for (const a of s.anyOf ?? []) assertStrict(a, path);
}

describe("buildCoachingRequests", () => {
  it("derives a strict structured-output schema from the zod schema", () => {
    const plan = buildCoachingRequests(load("fixtures/calls/discovery-acme.vtt"), { model: "gpt-4.1-mini" });
    const rf = plan.bodies[0]!.response_format;
    expect(rf?.type).toBe("json_schema");
    if (rf?.type !== "json_schema") return;
    expect(rf.json_schema.strict).toBe(true);
    assertStrict(rf.json_schema.schema as Schema);
  });

  it("omits temperature for reasoning models", () => {
    const input = load("fixtures/calls/discovery-acme.vtt");
    expect(buildCoachingRequests(input, { model: "o4-mini" }).bodies[0]).not.toHaveProperty("temperature");
    expect(buildCoachingRequests(input, { model: "gpt-4o" }).bodies[0]?.temperature).toBe(0);
  });

  it("is deterministic (same input, same bodies: the cache key and prompt caching rely on it)", () => {
    const a = buildCoachingRequests(load("fixtures/calls/discovery-acme.vtt"), { model: "gpt-4.1-mini" });
    const b = buildCoachingRequests(load("fixtures/calls/discovery-acme.vtt"), { model: "gpt-4.1-mini" });
    expect(JSON.stringify(b.bodies)).toBe(JSON.stringify(a.bodies));
  });

  it("token budget: one full analysis of the 60-minute bench call costs ≤ 1.3× the transcript's own tokens", () => {
    const input = load("fixtures/bench/call-60min.json");
    const plan = buildCoachingRequests(input, { model: "gpt-4.1-mini" });
    const prompt = plan.bodies.reduce((s, b) => s + estimateRequestTokens(b), 0);
    expect(prompt / transcriptTokens(input)).toBeLessThanOrEqual(1.3);
  });

  it("token budget holds when the 4-hour bench call is chunked", () => {
    // The same call as fixtures/bench/call-240min.json, which is generated on demand, not committed.
    const transcript = generateCall({ minutes: 240, seed: 42 });
    const input = { transcript, analysis: analyzeTranscript(transcript), playbook };
    const plan = buildCoachingRequests(input, { model: "gpt-4.1-mini" });
    expect(plan.bodies.length).toBeGreaterThan(1);
    const prompt = plan.bodies.reduce((s, b) => s + estimateRequestTokens(b), 0);
    expect(prompt / transcriptTokens(input)).toBeLessThanOrEqual(1.3);
  });
});
