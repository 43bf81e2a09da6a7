import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { generateCall } from "../../bench/synthetic.js";
import { runCoaching } from "../../src/coaching-service/run.js";
import type { Logger } from "../../src/services.js";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { openMigratedPglite } from "../helpers/db.js";

// The rules engine as the upload's own CPU task calls it, made to fail while `engineFails` is set.
const engine = vi.hoisted(() => ({ fails: false }));
vi.mock("../../src/coaching/rules-coaching.js", async (importOriginal) => {
  const real = await importOriginal<typeof import("../../src/coaching/rules-coaching.js")>();
  return {
    ...real,
    coachWithRules: (...args: Parameters<typeof real.coachWithRules>) => {
      if (engine.fails) throw new Error("engine bug");
      return real.coachWithRules(...args);
    },
  };
});

// Coaching in the upload's request is an optimisation: when it fails, the upload still succeeds
// and a coach job coaches the call, with its retries and failure status, as without it.
describe("an upload whose coaching fails in its request", () => {
  let handle: Awaited<ReturnType<typeof openMigratedPglite>>;
  let t: TestApp;
  let coachFailures = 0;
  const warnings: Array<{ msg: string; fields: unknown }> = [];
  const logger: Logger = {
    debug() {},
    info() {},
    error() {},
    warn(msg, fields) {
      warnings.push({ msg, fields });
    },
  };

  beforeAll(async () => {
    handle = await openMigratedPglite();
    t = await createTestApp(handle.db, {
      coachOnUpload: true,
      logger,
      // The coaching of a large JSON body that names its playbook goes through services.coach.
      coach: async (input) => {
        if (coachFailures-- > 0) throw new Error(`engine bug near "${input.transcript.utterances[0]?.text}"`);
        return runCoaching(input, {});
      },
    });
  }, 120_000);
  afterAll(async () => {
    await handle?.close();
  });

  const uploadThenJob = async (body: Record<string, unknown>) => {
    const res = await t.request("/v1/calls", {
      method: "POST",
      headers: t.auth(t.adminKey, { "content-type": "application/json" }),
      body: JSON.stringify(body),
    });
    expect(res.status).toBe(202);
    const call = (await res.json()) as { id: string; status: string; coachingStatus: string };
    expect(call).toMatchObject({ status: "done", coachingStatus: "pending" });
    engine.fails = false;
    expect(await t.runJobs()).toBe(1);
    const got = await t.request(`/v1/calls/${call.id}`, { headers: t.auth(t.adminKey) });
    expect(await got.json()).toMatchObject({
      coachingStatus: "done",
      analysis: { engineInfo: { engine: "rules" } },
    });
  };

  it("in the analysis task: stores the call analysed and leaves the coaching to a job", async () => {
    const vtt = await readFile(new URL("../../fixtures/calls/discovery-acme.vtt", import.meta.url), "utf8");
    engine.fails = true;
    await uploadThenJob({ transcript: vtt });
    engine.fails = true;
    await uploadThenJob({ transcript: JSON.stringify(generateCall({ minutes: 30, seed: 3 })) });
  });

  it("in a task of its own: the same, and the log names no transcript text", async () => {
    coachFailures = 1;
    warnings.length = 0;
    await uploadThenJob({
      transcript: JSON.stringify(generateCall({ minutes: 30, seed: 4 })),
      playbook: "demo",
    });
    expect(warnings.map((w) => w.msg)).toEqual(["coaching on upload failed; a job coaches the call"]);
    expect(JSON.stringify(warnings)).not.toContain("engine bug");
  });
});
