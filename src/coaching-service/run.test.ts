import { readFileSync } from "node:fs";
import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import OpenAI from "openai";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { analyzeTranscript } from "../analysis/analyze.js";
import { type Coaching, CoachingSchema } from "../coaching/contract.js";
import type { CoachingInput } from "../coaching/engine.js";
import { parsePlaybook } from "../coaching/playbook/parse.js";
import { rulesCoaching } from "../coaching/rules.js";
import { parseTranscript } from "../transcript/parse.js";
import { type CoachingCache, coachingCacheKey, memoryCoachingCache } from "./cache.js";
import { runCoaching } from "./run.js";

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const COMPLETIONS = "https://api.openai.com/v1/chat/completions";
const fixture = (name: string) => readFileSync(`fixtures/openai/${name}`, "utf8");

const playbook = parsePlaybook(readFileSync("fixtures/playbooks/discovery.yaml", "utf8"), "discovery.yaml");
function acme(): CoachingInput {
  const { transcript } = parseTranscript(readFileSync("fixtures/calls/discovery-acme.vtt", "utf8"));
  return { transcript, analysis: analyzeTranscript(transcript), playbook: structuredClone(playbook) };
}
const client = () =>
  new OpenAI({ apiKey: "sk-test", baseURL: "https://api.openai.com/v1", maxRetries: 0, timeout: 5_000 });
const MODEL = "gpt-4.1-mini";

describe("runCoaching without OpenAI", () => {
  it("uses the rules engine, with no model, no prompt and no tokens", async () => {
    for (const deps of [undefined, {}, { openai: null }]) {
      const c = await runCoaching(acme(), deps);
      expect(CoachingSchema.parse(c)).toEqual(c);
      expect(c.engine).toBe("rules");
      expect(c.engineInfo).toEqual({
        engine: "rules",
        model: null,
        promptVersion: null,
        fallback: null,
        cached: false,
        promptTokens: 0,
        completionTokens: 0,
        estimatedCostUsd: 0,
        unverifiedEvidenceDropped: 0,
      });
    }
  });

  it("passes the rules engine's judgement through verification unchanged when its quotes are real", async () => {
    const input = acme();
    const raw = rulesCoaching(input);
    const c = await runCoaching(input);
    expect(c.objections).toEqual(raw.objections);
    expect(c.playbook?.items.map((i) => [i.id, i.status])).toEqual(
      raw.playbook?.items.map((i) => [i.id, i.status]),
    );
    expect(c.playbook?.score).toBe(raw.playbook?.score);
    expect(c.summary).toEqual(raw.summary);
    expect(c.crm).toEqual(raw.crm);
  });
});

describe("coachingCacheKey", () => {
  const engine = { model: MODEL, promptVersion: "coaching@1" };

  it("is a stable hex SHA-256 that changes with the transcript, roles, playbook, prompt and model", async () => {
    const base = await coachingCacheKey(acme(), engine);
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    expect(await coachingCacheKey(acme(), engine)).toBe(base);

    const keys = new Set([base]);
    const add = async (input: CoachingInput, e = engine) => keys.add(await coachingCacheKey(input, e));
    await add(acme(), { ...engine, model: "gpt-4.1" });
    await add(acme(), { ...engine, promptVersion: "coaching@2" });
    await add({ ...acme(), playbook: null });
    await add({ ...acme(), playbook: { ...playbook, version: "2" } });
    const edited = structuredClone(playbook);
    edited.items[0]!.title = "Pain, edited without a version bump";
    await add({ ...acme(), playbook: edited });
    const swapped = acme();
    swapped.analysis.speakers[0]!.role = "customer";
    await add(swapped);
    const other = acme();
    other.transcript.utterances[0]!.text = "Hello.";
    await add(other);
    expect(keys.size).toBe(8);
  });
});

describe("runCoaching with OpenAI and a cache", () => {
  it("returns a cached result without any request", async () => {
    const input = acme();
    const cache = memoryCoachingCache();
    const stored: Coaching = {
      ...(await runCoaching(input)),
      engine: "openai",
      engineInfo: {
        engine: "openai",
        model: MODEL,
        promptVersion: "coaching@1",
        fallback: null,
        cached: false,
        promptTokens: 1712,
        completionTokens: 640,
        estimatedCostUsd: 0.001709,
        unverifiedEvidenceDropped: 2,
      },
    };
    await cache.set(await coachingCacheKey(input, { model: MODEL, promptVersion: "coaching@1" }), stored);
    // No handler: any request would fail the test (onUnhandledRequest: "error").
    const c = await runCoaching(input, { openai: { client: client(), model: MODEL }, cache });
    expect(c.engineInfo).toEqual({
      ...stored.engineInfo,
      cached: true,
      promptTokens: 0,
      completionTokens: 0,
      estimatedCostUsd: 0,
    });
    expect(c.objections).toEqual(stored.objections);
  });

  it("recomputes when the cache fails or holds something that is not a coaching result", async () => {
    let requests = 0;
    server.use(
      http.post(COMPLETIONS, () => {
        requests++;
        return new HttpResponse(fixture("chat-completion-acme.json"), {
          headers: { "content-type": "application/json" },
        });
      }),
    );
    const warnings: string[] = [];
    const logger = { debug() {}, info() {}, error() {}, warn: (m: string) => void warnings.push(m) };
    const broken: CoachingCache = {
      get: async () => {
        throw new Error("connection refused");
      },
      set: async () => {
        throw new Error("connection refused");
      },
    };
    const c1 = await runCoaching(acme(), {
      openai: { client: client(), model: MODEL },
      cache: broken,
      logger,
    });
    expect(c1.engine).toBe("openai");
    expect(warnings).toEqual(["coaching cache read failed", "coaching cache write failed"]);

    const junk: CoachingCache = {
      get: async () => ({ engine: "openai" }) as unknown as Coaching,
      set: async () => {},
    };
    const c2 = await runCoaching(acme(), { openai: { client: client(), model: MODEL }, cache: junk, logger });
    expect(c2.engine).toBe("openai");
    expect(requests).toBe(2);
  });
});
