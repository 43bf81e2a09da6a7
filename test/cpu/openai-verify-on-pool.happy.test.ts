import { readFileSync } from "node:fs";
import { eq } from "drizzle-orm";
import { HttpResponse, http } from "msw";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Coaching } from "../../src/coaching/contract.js";
import type { CoachingInput } from "../../src/coaching/engine.js";
import { runCoaching } from "../../src/coaching-service/run.js";
import { workerPool } from "../../src/cpu/worker-pool.js";
import { calls } from "../../src/db/schema/index.js";
import { resolvePlaybook } from "../../src/playbooks/store.js";
import { parseTranscript } from "../../src/transcript/parse.js";
import {
  COMPLETIONS,
  completionWith,
  injectedAcmeTranscript,
  inputFor,
  openaiResponse,
  testClient,
  transcriptLines,
} from "../ai/helpers.js";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { recording } from "../helpers/cpu.js";
import { testDatabases } from "../helpers/db.js";
import { mswServer } from "../helpers/msw.js";

const server = mswServer();
const MODEL = "gpt-4.1-mini";

/** The same coaching with the verification inline and on the pool; the pool's tasks. */
async function bothWays(input: CoachingInput, cpu: ReturnType<typeof recording>, chunking?: object) {
  const openai = { client: testClient(), model: MODEL, chunking };
  const inline = await runCoaching(structuredClone(input), { openai });
  cpu.tasks.length = 0;
  const pooled = await runCoaching(structuredClone(input), { openai, cpu });
  return { inline, pooled, tasks: [...cpu.tasks] };
}

/**
 * With the OpenAI engine, the request bodies are rendered (`planLlm`) and the model's answers
 * verified against the whole transcript (`verifyLlm`) on the CPU pool, not on the event loop,
 * with the same result as inline.
 */
describe.each(testDatabases)("the OpenAI engine's verification on the worker pool, on $name", (database) => {
  let handle: Awaited<ReturnType<typeof database.open>>;
  let t: TestApp;
  const cpu = recording(workerPool(1));

  beforeAll(async () => {
    handle = await database.open();
    t = await createTestApp(handle.db, {
      cpu,
      // The server's coaching with OPENAI_API_KEY set (no cache: every run asks the model).
      coach: (input) => runCoaching(input, { openai: { client: testClient(), model: MODEL }, cpu }),
    });
  }, 300_000);
  afterAll(async () => {
    await cpu.close();
    await handle?.close();
  });

  it("the coach job plans the requests and verifies the model's answer on the pool, as inline", async () => {
    server.use(http.post(COMPLETIONS, () => openaiResponse("chat-completion-acme.json")));
    const vtt = readFileSync("fixtures/calls/discovery-acme.vtt", "utf8");
    const form = new FormData();
    form.append("file", new File([vtt], "discovery-acme.vtt"));
    const res = await t.request("/v1/calls", { method: "POST", headers: t.auth(t.adminKey), body: form });
    expect(res.status).toBe(202);
    const { id } = (await res.json()) as { id: string };
    cpu.tasks.length = 0;
    expect(await t.runJobs()).toBe(1);
    expect(cpu.tasks).toEqual(["planLlm", "verifyLlm"]);

    const [call] = await handle.db.select().from(calls).where(eq(calls.id, id));
    expect(call!.coachingStatus).toBe("done");
    const coaching = call!.coaching as Coaching;
    expect(coaching.engine).toBe("openai");
    expect(coaching.objections.length).toBeGreaterThan(0);
    const playbook = await resolvePlaybook(handle.db, call!.orgId, call!.playbook);
    const inline = await runCoaching(
      { transcript: call!.transcript!, analysis: call!.analysis!, playbook },
      { openai: { client: testClient(), model: MODEL } },
    );
    expect(coaching).toEqual(inline);
  });

  it("an answer that obeys an injection is scrubbed on the pool as inline", async () => {
    server.use(http.post(COMPLETIONS, () => openaiResponse("chat-completion-injection-obeyed.json")));
    const { inline, pooled, tasks } = await bothWays(inputFor(injectedAcmeTranscript()), cpu);
    expect(tasks).toEqual(["planLlm", "verifyLlm"]);
    expect(pooled.engineInfo.unverifiedEvidenceDropped).toBe(7);
    expect(pooled).toEqual(inline);
  });

  it("a long call's chunks are verified in their own scope on the pool, as inline", async () => {
    const file = "fixtures/bench/call-60min.json";
    const input = inputFor(parseTranscript(readFileSync(file, "utf8"), { file }).transcript);
    // Each chunk's answer quotes its first and last lines as objections and as evidence, plus
    // one invented quote (dropped).
    server.use(
      http.post(COMPLETIONS, async ({ request }) => {
        const lines = transcriptLines(await request.json()).filter((l) => !l.startsWith("["));
        const parse = (l: string) => ({
          speaker: l.slice(0, l.indexOf(":")),
          quote: l.slice(l.indexOf(":") + 2),
        });
        const edges = [lines[0]!, lines.at(-1)!].map(parse);
        return completionWith({
          objections: edges.map((e) => ({
            ...e,
            category: "other",
            handling: { acknowledged: true, clarified: false, responded: true, confirmed: false },
            resolved: false,
            response: null,
          })),
          playbook: [
            { id: "pain", status: "covered", evidence: edges },
            {
              id: "champion",
              status: "covered",
              evidence: [{ ...edges[0]!, quote: "Invented words here." }],
            },
          ],
          summary: { text: "A call.", wentWell: ["Agenda"], toChange: [], nextSteps: [] },
          crm: {
            nextStep: null,
            painPoints: [],
            decisionMakers: [],
            competitors: [],
            budget: null,
            timeline: null,
          },
        });
      }),
    );
    const { inline, pooled, tasks } = await bothWays(input, cpu, { maxTokens: 3_000, overlap: 3 });
    expect(tasks).toEqual(["planLlm", "verifyLlm"]);
    expect(pooled.engine).toBe("openai");
    expect(pooled.engineInfo.unverifiedEvidenceDropped).toBeGreaterThan(0);
    expect(pooled.objections.length).toBeGreaterThan(0);
    expect(pooled).toEqual(inline);
  });

  it("a fallback to the rules engine runs the rules on the pool and verifies nothing else", async () => {
    server.use(
      http.post(COMPLETIONS, () => HttpResponse.json({ error: { message: "bad key" } }, { status: 401 })),
    );
    const { inline, pooled, tasks } = await bothWays(inputFor(injectedAcmeTranscript()), cpu);
    expect(tasks).toEqual(["planLlm", "coachRules"]);
    expect(pooled.engineInfo.fallback).toBe("OPENAI_API_KEY rejected (401)");
    expect(pooled).toEqual(inline);
  });
});
