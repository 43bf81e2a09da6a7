import { readFile } from "node:fs/promises";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analyzeForCall } from "../../src/calls/analyze-upload.js";
import { runCoaching } from "../../src/coaching-service/run.js";
import { workerPool } from "../../src/cpu/worker-pool.js";
import { calls } from "../../src/db/schema/index.js";
import { enqueue } from "../../src/jobs/store.js";
import { resolvePlaybook } from "../../src/playbooks/store.js";
import { parseTranscript } from "../../src/transcript/parse.js";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { recording } from "../helpers/cpu.js";
import { testDatabases } from "../helpers/db.js";
import { wav } from "../helpers/wav.js";

describe.each(testDatabases)("the background jobs' CPU work on the worker pool, on $name", (database) => {
  let handle: Awaited<ReturnType<typeof database.open>>;
  let t: TestApp;
  const cpu = recording(workerPool(1));
  let vtt: string;
  // Deepgram stand-in: the transcript of the fixture call, as a transcription would give it.
  const transcriber = {
    transcribe: async () => ({ transcript: parseTranscript(vtt, { file: "x.vtt" }).transcript, raw: {} }),
  };

  beforeAll(async () => {
    vtt = await readFile(new URL("../../fixtures/calls/discovery-acme.vtt", import.meta.url), "utf8");
    handle = await database.open();
    t = await createTestApp(handle.db, { cpu, transcriber });
  }, 300_000);
  afterAll(async () => {
    await cpu.close();
    await handle?.close();
  });

  const stored = async (id: string) => {
    const [call] = await handle.db.select().from(calls).where(eq(calls.id, id));
    return call!;
  };

  it("coaches an uploaded call on the pool, with the same result as inline", async () => {
    const form = new FormData();
    form.append("file", new File([vtt], "discovery-acme.vtt"));
    form.append("roles", JSON.stringify({ rep: ["Dana"] }));
    const res = await t.request("/v1/calls", { method: "POST", headers: t.auth(t.adminKey), body: form });
    expect(res.status).toBe(202);
    const { id } = (await res.json()) as { id: string };
    cpu.tasks.length = 0;
    expect(await t.runJobs()).toBe(1);
    expect(cpu.tasks).toEqual(["coachRules"]);

    const call = await stored(id);
    expect(call.coachingStatus).toBe("done");
    expect(call.coaching?.engine).toBe("rules");
    expect(call.coaching?.objections.length).toBeGreaterThan(0);
    const playbook = await resolvePlaybook(handle.db, call.orgId, call.playbook);
    const inline = await runCoaching({ transcript: call.transcript!, analysis: call.analysis!, playbook });
    expect(call.coaching).toEqual(inline);
  });

  it("re-analyses a stored call (the analyze job) on the pool, with the same result as inline", async () => {
    const res = await t.request("/v1/calls", {
      method: "POST",
      headers: t.auth(t.adminKey, { "content-type": "application/json" }),
      body: JSON.stringify({ transcript: `${vtt}\n` }),
    });
    expect(res.status).toBe(202);
    const { id } = (await res.json()) as { id: string };
    await t.runJobs();
    const before = await stored(id);
    await enqueue(handle.db, t.services.jobs, {
      kind: "analyze",
      orgId: before.orgId,
      subject: id,
      runAt: t.services.now(),
    });
    cpu.tasks.length = 0;
    expect(await t.runJobs()).toBe(1);
    expect(cpu.tasks).toEqual(["analyze"]);
    const after = await stored(id);
    const inline = analyzeForCall(before.transcript!, {
      fileName: before.fileName ?? id,
      format: before.analysis!.format,
      roles: before.speakerRoles,
    });
    expect(after.analysis).toEqual(inline);
  });

  it("analyses a transcription (the transcribe job) and coaches it on the pool", async () => {
    const form = new FormData();
    form.append("file", new File([wav(1).slice()], "call.wav", { type: "audio/wav" }));
    const res = await t.request("/v1/calls", { method: "POST", headers: t.auth(t.adminKey), body: form });
    expect(res.status).toBe(202);
    const { id } = (await res.json()) as { id: string };
    cpu.tasks.length = 0;
    expect(await t.runJobs()).toBe(2);
    // The analysis comes with the question readings that the coach job then restores.
    expect(cpu.tasks).toEqual(["analyzeForCoaching", "coachRules"]);
    const call = await stored(id);
    expect(call.status).toBe("done");
    expect(call.analysis).toEqual(
      analyzeForCall(call.transcript!, {
        fileName: "call.wav",
        format: "deepgram",
        roles: call.speakerRoles,
      }),
    );
    expect(call.coachingStatus).toBe("done");
    const playbook = await resolvePlaybook(handle.db, call.orgId, call.playbook);
    expect(call.coaching).toEqual(
      await runCoaching({ transcript: call.transcript!, analysis: call.analysis!, playbook }),
    );
  });
});
