import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { JobError } from "../../src/errors.js";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { testDatabases } from "../helpers/db.js";
import { scriptedTranscriber } from "../jobs/helpers.js";

describe.each(testDatabases)("a failed call can be retried on $name", (database) => {
  let handle: Awaited<ReturnType<typeof database.open>>;
  let t: TestApp;
  const transcriber = scriptedTranscriber([
    new JobError("transcription.failed", "Deepgram refused the audio: corrupt or unsupported data", false),
    "ok",
  ]);

  beforeAll(async () => {
    handle = await database.open();
    t = await createTestApp(handle.db, { transcriber });
  });
  afterAll(async () => {
    await handle?.close();
  });

  it("fails with the reason, keeps the upload, and succeeds on retry", async () => {
    const created = await t.request("/v1/calls", {
      method: "POST",
      headers: t.auth(t.adminKey, { "content-type": "application/json" }),
      body: JSON.stringify({ audioUrl: "https://media.example.test/calls/42.mp3", title: "Retry me" }),
    });
    expect(created.status).toBe(202);
    const { id } = (await created.json()) as { id: string };

    await t.runJobs();
    const failed = (await (await t.request(`/v1/calls/${id}`, { headers: t.auth(t.adminKey) })).json()) as {
      status: string;
      failure: { code: string; message: string; attempts: number } | null;
    };
    expect(failed.status).toBe("failed");
    expect(failed.failure).toMatchObject({ code: "transcription.failed", attempts: 1 });
    expect(failed.failure?.message).toContain("corrupt");

    const retried = await t.request(`/v1/calls/${id}/retry`, { method: "POST", headers: t.auth(t.adminKey) });
    expect(retried.status).toBe(202);
    expect(((await retried.json()) as { status: string }).status).toBe("queued");
    // Retrying a call that is not failed is a conflict.
    expect(
      (await t.request(`/v1/calls/${id}/retry`, { method: "POST", headers: t.auth(t.adminKey) })).status,
    ).toBe(409);

    await t.runJobs(); // transcribe, then coach
    const done = (await (await t.request(`/v1/calls/${id}`, { headers: t.auth(t.adminKey) })).json()) as {
      status: string;
      failure: unknown;
      coachingStatus: string;
      analysis: { format: string; speakers: unknown[]; engine?: string };
    };
    expect(done.status).toBe("done");
    expect(done.failure).toBeNull();
    expect(done.coachingStatus).toBe("done");
    expect(done.analysis.format).toBe("deepgram");
    expect(done.analysis.engine).toBe("rules");
    expect(transcriber.calls).toBe(2);
  });

  it("a call of another organization cannot be retried (404)", async () => {
    const res = await t.request("/v1/calls/call_unknown/retry", {
      method: "POST",
      headers: t.auth(t.adminKey),
    });
    expect(res.status).toBe(404);
  });
});
