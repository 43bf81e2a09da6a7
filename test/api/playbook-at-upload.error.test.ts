import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { testDatabases } from "../helpers/db.js";
import { wav } from "../helpers/wav.js";

/** A nonexistent playbook named at upload is a 422 naming `playbook`, and nothing is stored. */
describe.each(testDatabases)("an unknown playbook at upload on $name", (database) => {
  let handle: Awaited<ReturnType<typeof database.open>>;
  let t: TestApp;
  // Audio needs a transcriber to get as far as storing its bytes; it is never called here.
  const transcriber = { transcribe: async () => Promise.reject(new Error("not called")) };

  beforeAll(async () => {
    handle = await database.open();
    t = await createTestApp(handle.db, { transcriber });
  }, 300_000);
  afterAll(async () => {
    await handle?.close();
  });

  const transcript = "Dana: What brought you here today?\nLee: Routing.";
  const expectRefused = async (res: Response) => {
    expect(res.status).toBe(422);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    const p = (await res.json()) as { detail: string; errors: Array<{ path: string }> };
    expect(p.errors.map((e) => e.path)).toEqual(["playbook"]);
    expect(p.detail).toBe("playbook: no playbook 'nope' in this organization (GET /v1/playbooks lists them)");
  };
  const expectNothingStored = async () => {
    const res = await t.request("/v1/calls", { headers: t.auth(t.adminKey) });
    expect(((await res.json()) as { items: unknown[] }).items).toEqual([]);
    expect(await t.runJobs()).toBe(0);
  };

  it("refuses a JSON upload naming it", async () => {
    await expectRefused(
      await t.request("/v1/calls", {
        method: "POST",
        headers: t.auth(t.adminKey, { "content-type": "application/json" }),
        body: JSON.stringify({ transcript, playbook: "nope" }),
      }),
    );
    await expectNothingStored();
  });

  it("refuses a multipart transcript or audio upload naming it, keeping no audio bytes", async () => {
    for (const file of [new File([transcript], "call.txt"), new File([wav(1).slice()], "call.wav")]) {
      const form = new FormData();
      form.append("file", file);
      form.append("playbook", "nope");
      await expectRefused(
        await t.request("/v1/calls", { method: "POST", headers: t.auth(t.adminKey), body: form }),
      );
    }
    await expectNothingStored();
    expect(t.blobs.keys()).toEqual([]);
  });

  it("accepts a built-in playbook", async () => {
    const ok = await t.request("/v1/calls", {
      method: "POST",
      headers: t.auth(t.adminKey, { "content-type": "application/json" }),
      body: JSON.stringify({ transcript, playbook: "renewal" }),
    });
    expect(ok.status).toBe(202);
  });
});
