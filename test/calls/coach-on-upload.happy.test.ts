import { readFile } from "node:fs/promises";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateCall } from "../../bench/synthetic.js";
import { createApp } from "../../src/app.js";
import { workerPool } from "../../src/cpu/worker-pool.js";
import { resultRows } from "../../src/db/database.js";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { recording } from "../helpers/cpu.js";
import { testDatabases } from "../helpers/db.js";

// The Node server coaches an upload in its request (Services.coachOnUpload) instead of queueing a
// coach job. The call must come out as the job would have left it: the same coaching, metrics and
// events, visible in the upload's own 202, with no job left behind.
describe.each(testDatabases)("an upload coached in its request, on $name", (database) => {
  let handle: Awaited<ReturnType<typeof database.open>>;
  let t: TestApp;
  const cpu = recording(workerPool(1));
  let viaJob: ReturnType<typeof createApp>;

  beforeAll(async () => {
    handle = await database.open();
    t = await createTestApp(handle.db, { cpu, coachOnUpload: true });
    // The same services as the Node server without coachOnUpload: the coach job coaches.
    const jobServices = { ...t.services, coachOnUpload: false };
    viaJob = createApp({ services: () => jobServices });
  }, 300_000);
  afterAll(async () => {
    await cpu.close();
    await handle?.close();
  });

  const upload = async (app: { request: TestApp["request"] }, body: Record<string, unknown>) => {
    const res = await app.request("/v1/calls", {
      method: "POST",
      headers: t.auth(t.adminKey, { "content-type": "application/json" }),
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> & { id: string } };
  };
  const stored = async (id: string) => {
    const [row] = resultRows<{ coaching: string | null; status: string; metrics: string; events: string[] }>(
      await handle.db.execute(sql`select c.coaching::text as coaching, c.coaching_status as status,
        (select row_to_json(m)::text from call_metrics m where m.call_id = c.id) as metrics,
        (select array_agg(e.type order by e.created_at, e.id) from events e where e.subject = c.id) as events
        from calls c where c.id = ${id}`),
    );
    const metrics = JSON.parse(row!.metrics) as Record<string, unknown>;
    for (const k of ["call_id", "updated_at", "occurred_at"]) delete metrics[k];
    return { coaching: row!.coaching, status: row!.status, metrics, events: row!.events };
  };
  const pendingJobs = async () =>
    resultRows<{ n: number }>(await handle.db.execute(sql`select count(*)::int as n from jobs`))[0]!.n;

  it("answers the 202 with the coaching and leaves the same call a coach job would, without a job", async () => {
    const vtt = await readFile(new URL("../../fixtures/calls/discovery-acme.vtt", import.meta.url), "utf8");
    // A 30-minute word-timed call is a large JSON body, read on the CPU pool and coached in that
    // task with the default playbook; one naming a playbook is coached once it is resolved, in a
    // second task; a WebVTT is a small body, parsed, analysed and coached in one task.
    const large = (seed: number) => JSON.stringify(generateCall({ minutes: 30, seed }));
    const cases = [
      { body: { transcript: large(11), speakerRoles: { rep: ["rep-dana"] } }, tasks: ["jsonUpload"] },
      {
        body: { transcript: large(12), speakerRoles: { rep: ["rep-dana"] }, playbook: "negotiation" },
        tasks: ["jsonUpload", "coachRules"],
      },
      {
        body: { transcript: vtt, speakerRoles: { rep: ["Dana"] }, playbook: "demo" },
        tasks: ["parseAnalyze"],
      },
    ];
    for (const { body, tasks: expectedTasks } of cases) {
      const jobsBefore = await pendingJobs();
      const tasks = cpu.tasks.length;
      const now = await upload(t, body);
      expect(now.status).toBe(202);
      expect(now.body.coachingStatus).toBe("done");
      const analysis = now.body.analysis as Record<string, unknown>;
      expect(analysis.playbook).toMatchObject({ id: body.playbook ?? "discovery" });
      expect(analysis.engineInfo).toMatchObject({ engine: "rules" });
      expect(await pendingJobs()).toBe(jobsBefore); // no coach job
      expect(cpu.tasks.slice(tasks)).toEqual(expectedTasks); // coached on the pool, off the event loop

      // The same transcript (one byte apart, so it is not the same upload) through the coach job.
      const later = await upload(viaJob, { ...body, transcript: `${body.transcript}\n` });
      expect(later.body.coachingStatus).toBe("pending");
      expect(await t.runJobs()).toBe(1);

      const [a, b] = [await stored(now.body.id), await stored(later.body.id)];
      expect(a.status).toBe("done");
      expect(a.coaching).toBe(b.coaching);
      expect(a.metrics).toEqual(b.metrics);
      expect(a.events).toEqual(["call.analyzed", "call.coached"]);
      expect(a.events).toEqual(b.events);
      // GET shows what the 202 showed.
      const got = await t.request(`/v1/calls/${now.body.id}`, { headers: t.auth(t.adminKey) });
      expect(((await got.json()) as { analysis: unknown }).analysis).toEqual(now.body.analysis);
    }
  });

  it("coaches with the organization's own playbook, and refuses one it does not have", async () => {
    const yaml = (await readFile(new URL("../../fixtures/playbooks/discovery.yaml", import.meta.url), "utf8"))
      .replace(/^id: .*$/m, "id: house-discovery")
      .replace(/^name: .*$/m, "name: House discovery");
    const put = await t.request("/v1/playbooks/house-discovery", {
      method: "PUT",
      headers: t.auth(t.adminKey, { "content-type": "application/yaml" }),
      body: yaml,
    });
    expect(put.status).toBeLessThan(300);
    const vtt = await readFile(new URL("../../fixtures/formats/teams.vtt", import.meta.url), "utf8");
    const own = await upload(t, { transcript: vtt, playbook: "house-discovery" });
    expect(own.status).toBe(202);
    expect((own.body.analysis as { playbook: { id: string } }).playbook.id).toBe("house-discovery");

    const missing = await upload(t, { transcript: `${vtt}\n\n`, playbook: "no-such-playbook" });
    const refused = await upload(viaJob, { transcript: `${vtt}\n\n`, playbook: "no-such-playbook" });
    expect(missing.status).toBe(422);
    expect({ ...missing.body, instance: null, requestId: null }).toEqual({
      ...refused.body,
      instance: null,
      requestId: null,
    });
  });

  it("answers a repeated upload with the call it made, adding nothing", async () => {
    const vtt = await readFile(new URL("../../fixtures/formats/zoom.vtt", import.meta.url), "utf8");
    const first = await upload(t, { transcript: vtt });
    const events = (await stored(first.body.id)).events;
    const again = await upload(t, { transcript: vtt });
    expect(again.body.id).toBe(first.body.id);
    expect(again.body.coachingStatus).toBe("done");
    expect((await stored(first.body.id)).events).toEqual(events);
  });
});
