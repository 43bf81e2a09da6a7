import { readFile } from "node:fs/promises";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateCall } from "../../bench/synthetic.js";
import { runCoaching } from "../../src/coaching-service/run.js";
import { inlineCpu } from "../../src/cpu/tasks.js";
import { workerPool } from "../../src/cpu/worker-pool.js";
import { resultRows } from "../../src/db/database.js";
import { calls } from "../../src/db/schema/index.js";
import { executeJob } from "../../src/jobs/executor.js";
import { claimJob, enqueue } from "../../src/jobs/store.js";
import { resolvePlaybook } from "../../src/playbooks/store.js";
import type { Services } from "../../src/services.js";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { recording } from "../helpers/cpu.js";
import { testDatabases } from "../helpers/db.js";

// The coach job sends a stored call's transcript and analysis to the pool as their JSON text and
// parses them there; inline it parses the same text on this thread. Both must store the coaching,
// metrics and events that coaching the driver's parsed objects stored, with the upload's question
// readings and the transcript's text the upload kept on the pool's one thread (the first run) and
// without them (a re-coaching, which reads the text from the database).
describe.each(testDatabases)("a coach job on the worker pool and inline, on $name", (database) => {
  let handle: Awaited<ReturnType<typeof database.open>>;
  let t: TestApp;
  const cpu = recording(workerPool(1));
  let inline: Services;

  beforeAll(async () => {
    handle = await database.open();
    t = await createTestApp(handle.db, { cpu });
    inline = { ...t.services, cpu: inlineCpu(), coach: (input) => runCoaching(input, {}) };
  }, 300_000);
  afterAll(async () => {
    await cpu.close();
    await handle?.close();
  });

  const upload = async (body: Record<string, unknown>) => {
    const res = await t.request("/v1/calls", {
      method: "POST",
      headers: t.auth(t.adminKey, { "content-type": "application/json" }),
      body: JSON.stringify(body),
    });
    expect(res.status).toBe(202);
    return ((await res.json()) as { id: string }).id;
  };
  const stored = async (id: string) => {
    const [row] = resultRows<{ coaching: string | null; status: string; metrics: string }>(
      await handle.db.execute(sql`select c.coaching::text as coaching, c.coaching_status as status,
        (select row_to_json(m)::text from call_metrics m where m.call_id = c.id) as metrics
        from calls c where c.id = ${id}`),
    );
    const metrics = JSON.parse(row!.metrics) as Record<string, unknown>;
    delete metrics.updated_at;
    return { coaching: row!.coaching, status: row!.status, metrics };
  };
  const coachAgain = async (services: Services, id: string) => {
    await enqueue(handle.db, services.jobs, {
      kind: "coach",
      orgId: t.orgId,
      subject: id,
      runAt: services.now(),
    });
    const job = await claimJob(handle.db, { leaseMs: 60_000, now: services.now() });
    expect(job?.kind).toBe("coach");
    expect(await executeJob(services, job!, { leaseMs: 60_000 })).toEqual({ kind: "done" });
  };

  it("stores byte-identical coaching for a word-timed call, a WebVTT call and a chosen playbook", async () => {
    const vtt = await readFile(new URL("../../fixtures/calls/discovery-acme.vtt", import.meta.url), "utf8");
    const ids = [
      await upload({
        transcript: JSON.stringify(generateCall({ minutes: 10, seed: 7 })),
        speakerRoles: { rep: ["rep-dana", "Dana Reyes (Debrief)"] },
      }),
      await upload({ transcript: vtt, speakerRoles: { rep: ["Dana"] } }),
      await upload({ transcript: `${vtt}\n`, speakerRoles: { rep: ["Dana"] }, playbook: "demo" }),
    ];
    // Each upload's coach job carries the metric pass's readings: the first run restores them.
    const [withReadings] = resultRows<{ n: number }>(
      await handle.db.execute(
        sql`select count(*)::int as n from jobs where kind = 'coach' and payload->>'readings' like '[1,%'`,
      ),
    );
    expect(withReadings?.n).toBe(3);
    const [kept] = resultRows<{ n: number }>(
      await handle.db.execute(
        sql`select count(*)::int as n from jobs where kind = 'coach' and payload ? 'keptTranscript'`,
      ),
    );
    expect(kept?.n).toBe(3);
    cpu.tasks.length = 0;
    expect(await t.runJobs()).toBe(3);
    expect(cpu.tasks).toEqual(["coachRules", "coachRules", "coachRules"]);
    for (const id of ids) {
      const onPool = await stored(id);
      expect(onPool.status).toBe("done");
      expect(onPool.coaching).toContain('"engine": "rules"');
      // What coaching the driver's parsed objects gives (the job's input before it read text).
      const [call] = await handle.db.select().from(calls).where(eq(calls.id, id));
      const playbook = await resolvePlaybook(handle.db, call!.orgId, call!.playbook);
      const fromObjects = await runCoaching({
        transcript: call!.transcript!,
        analysis: call!.analysis!,
        playbook,
      });
      expect(JSON.parse(onPool.coaching!)).toEqual(fromObjects);
      await coachAgain(inline, id);
      expect(await stored(id)).toEqual(onPool);
      await coachAgain(t.services, id);
      expect(await stored(id)).toEqual(onPool);
    }
    // Each coaching announced once per run: three runs per call.
    const [events] = resultRows<{ n: number }>(
      await handle.db.execute(sql`select count(*)::int as n from events where type = 'call.coached'`),
    );
    expect(events?.n).toBe(9);
  }, 120_000);

  it("reads the transcript from the database when the pool's thread no longer keeps it", async () => {
    const lost = await upload({
      transcript: JSON.stringify(generateCall({ minutes: 5, seed: 11 })),
      speakerRoles: { rep: ["rep-dana", "Dana Reyes (Debrief)"] },
    });
    // A token the thread never had: as after a restart, an eviction or on another server.
    await handle.db.execute(
      sql`update jobs set payload = jsonb_set(payload, '{keptTranscript}', '"elsewhere"') where subject = ${lost}`,
    );
    cpu.tasks.length = 0;
    expect(await t.runJobs()).toBe(1);
    // Asked once with the token, once with the text read from the database.
    expect(cpu.tasks).toEqual(["coachRules", "coachRules"]);
    const first = await stored(lost);
    expect(first.status).toBe("done");
    await coachAgain(inline, lost);
    expect(await stored(lost)).toEqual(first);
  }, 120_000);
});
