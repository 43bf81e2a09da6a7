import { and, eq } from "drizzle-orm";
import { HttpResponse, http } from "msw";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { crmWritebacks, inboundEvents, jobs, webhookDeliveries } from "../../src/db/schema/index.js";
import { executeJob } from "../../src/jobs/executor.js";
import { claimJob } from "../../src/jobs/store.js";
import { sweepSync } from "../../src/webhooks/sweep.js";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { testDatabases } from "../helpers/db.js";
import { mswServer } from "../helpers/msw.js";
import {
  createConnection,
  HUBSPOT_WRITEBACK,
  hubspotNotesHandler,
  referenceSignature,
  TEST_SECRETS_KEY,
  testClock,
  uploadCall,
} from "./helpers.js";

const server = mswServer();
const T = { timeout: 300_000 };
const HOOK = "https://hooks.example.com/sweep";
const NOTHING = { dispatch: 0, deliver: 0, writeback: 0, apply: 0 };

/**
 * Work the outbox says is due but no job carries — a dispatch kick skipped in a race, a delivery,
 * write-back or CRM apply whose job died for good — is found by the sweep and done once; a second
 * sweep (or two at once) adds nothing.
 */
describe.each(testDatabases)("sync sweep on $name", (database) => {
  let handle: Awaited<ReturnType<typeof database.open>>;
  let t: TestApp;
  const clock = testClock("2026-03-02T09:00:00Z");
  let salt = 0;
  const got: Array<{ id: string; type: string }> = [];
  let answer = 200;

  beforeAll(async () => {
    handle = await database.open();
    t = await createTestApp(handle.db, { config: { DEBRIEF_SECRETS_KEY: TEST_SECRETS_KEY }, now: clock.now });
  }, 300_000);
  afterAll(async () => {
    await handle?.close();
  });

  const useReceiver = () =>
    server.use(
      http.post(HOOK, async ({ request }) => {
        got.push({
          id: request.headers.get("webhook-id") ?? "",
          type: (JSON.parse(await request.text()) as { type: string }).type,
        });
        return HttpResponse.json({}, { status: answer });
      }),
    );
  const liveJobs = (kind: string) =>
    handle.db
      .select()
      .from(jobs)
      .where(and(eq(jobs.kind, kind), eq(jobs.status, "queued")));
  /** What the job system leaves when a job's every attempt died (e.g. lost leases in an outage). */
  const killJobs = (kind: string) =>
    handle.db
      .update(jobs)
      .set({ status: "failed", lastError: "internal: lease lost 5 times" })
      .where(and(eq(jobs.kind, kind), eq(jobs.status, "queued")));

  it("nothing orphaned: the sweep enqueues nothing", T, async () => {
    expect(await sweepSync(t.services)).toEqual(NOTHING);
  });

  it("an outbox event whose dispatch kick was lost is delivered once after a sweep", T, async () => {
    useReceiver();
    const ep = await t.request("/v1/webhooks", {
      method: "POST",
      headers: t.auth(t.adminKey, { "content-type": "application/json" }),
      body: JSON.stringify({ url: HOOK, events: ["call.analyzed"] }),
    });
    expect(ep.status).toBe(201);
    await uploadCall(t, String(++salt));
    // the upload wrote call.analyzed and its dispatch kick in one transaction; the kick is lost
    // (scheduleDispatch skipped it because a dispatcher that had already read the outbox was queued)
    await handle.db.delete(jobs).where(eq(jobs.kind, "webhooks.dispatch"));
    // The next event would kick a dispatcher that reads from the cursor and so finds it too; here
    // there is none (coaching never finishes), which leaves the sweep as the only way out.
    await handle.db
      .update(jobs)
      .set({ status: "done" })
      .where(and(eq(jobs.kind, "coach"), eq(jobs.status, "queued")));
    await t.runJobs();
    expect(got).toEqual([]);
    expect(await sweepSync(t.services)).toEqual({ ...NOTHING, dispatch: 1 });
    expect(await sweepSync(t.services)).toEqual(NOTHING); // the job it wrote is live
    await t.runJobs();
    expect(got.map((g) => g.type)).toEqual(["call.analyzed"]);
    expect(await sweepSync(t.services)).toEqual(NOTHING);
    await t.runJobs();
    expect(got).toHaveLength(1);
  });

  it("a pending delivery whose job died is retried under the same webhook-id", T, async () => {
    useReceiver();
    got.length = 0;
    answer = 500;
    await uploadCall(t, String(++salt));
    await t.runJobs(); // first attempt: 500, next attempt queued in 5 s
    expect(got).toHaveLength(1);
    await killJobs("webhooks.deliver");
    answer = 200;
    clock.advance(60_000);
    await t.runJobs();
    expect(got).toHaveLength(1); // nothing carries it any more
    // two sweeps at once: one enqueues, the other finds its job (or the lock) and adds nothing
    const [a, b] = await Promise.all([sweepSync(t.services), sweepSync(t.services)]);
    expect(a.deliver + b.deliver).toBe(1);
    expect(await liveJobs("webhooks.deliver")).toHaveLength(1);
    await t.runJobs();
    expect(got).toHaveLength(2);
    expect(got[1]!.id).toBe(got[0]!.id);
    const [d] = await handle.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, got[0]!.id));
    expect(d).toMatchObject({ status: "succeeded", attempts: 2 });
    expect(await sweepSync(t.services)).toEqual(NOTHING);
  });

  it("a write-back whose job died is written once after a sweep", T, async () => {
    const notes = hubspotNotesHandler();
    server.use(notes.handler);
    useReceiver();
    const conn = await createConnection(t, HUBSPOT_WRITEBACK);
    const callId = await uploadCall(t, String(++salt), "18225469034");
    // run until the write-back row and its job exist, then let the job die before it runs
    for (let i = 0; i < 10 && (await liveJobs("crm.writeback")).length === 0; i++) {
      const job = await claimJob(handle.db, { leaseMs: 60_000, now: clock.now() });
      if (!job) break;
      await executeJob(t.services, job, { leaseMs: 60_000 });
    }
    await killJobs("crm.writeback");
    await t.runJobs();
    const row = () => handle.db.select().from(crmWritebacks).where(eq(crmWritebacks.callId, callId));
    expect((await row())[0]?.status).toBe("pending");
    expect(notes.count()).toBe(0);
    expect(await sweepSync(t.services)).toEqual({ ...NOTHING, writeback: 1 });
    await t.runJobs();
    expect((await row())[0]).toMatchObject({ status: "done", vendorObjectId: "51234567890" });
    expect(notes.count()).toBe(1);
    expect(await sweepSync(t.services)).toEqual(NOTHING);
    await t.request(`/v1/crm/connections/${conn.id}`, { method: "DELETE", headers: t.auth(t.adminKey) });
  });

  it("stored inbound changes whose crm.apply job died are applied after a sweep", T, async () => {
    const conn = await createConnection(t, { vendor: "generic" });
    const body = JSON.stringify({
      type: "deal.upserted",
      timestamp: "2026-03-02T08:59:00Z",
      data: { id: "D-SWEEP", created_at: "2026-02-01T10:00:00Z", name: "Sweep Co", status: "open" },
    });
    const ts = String(Math.floor(clock.now().getTime() / 1000));
    const res = await t.request(`/v1/crm/webhooks/${conn.id}`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "webhook-id": "msg_sweep_1",
        "webhook-timestamp": ts,
        "webhook-signature": `v1,${referenceSignature(conn.credentials.signingSecret!, "msg_sweep_1", ts, body)}`,
      },
      body,
    });
    expect(res.status).toBe(200);
    await killJobs("crm.apply");
    const pending = () =>
      handle.db
        .select()
        .from(inboundEvents)
        .where(and(eq(inboundEvents.connectionId, conn.id), eq(inboundEvents.status, "pending")));
    expect(await pending()).toHaveLength(1);
    expect(await sweepSync(t.services)).toEqual({ ...NOTHING, apply: 1 });
    await t.runJobs();
    expect(await pending()).toEqual([]);
    expect(await sweepSync(t.services)).toEqual(NOTHING);
  });
});
