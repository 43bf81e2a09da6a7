import { readFileSync } from "node:fs";
import { eq } from "drizzle-orm";
import { delay, HttpResponse, http } from "msw";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callJobHandlers } from "../../src/calls/jobs/index.js";
import { setCallStatus } from "../../src/calls/status.js";
import { createServices } from "../../src/compose.js";
import { syncJobHandlers } from "../../src/crm/sync-jobs.js";
import { calls, crmWritebacks, webhookDeliveries } from "../../src/db/schema/index.js";
import { executeJob } from "../../src/jobs/executor.js";
import { jobRegistry } from "../../src/jobs/registry.js";
import { claimJob } from "../../src/jobs/store.js";
import { createTestApp, silentLogger, type TestApp } from "../helpers/app.js";
import { testDatabases } from "../helpers/db.js";
import { mswServer } from "../helpers/msw.js";
import { createConnection, referenceSignature, TEST_SECRETS_KEY, testClock } from "./helpers.js";

const server = mswServer();
const T = { timeout: 300_000 };
const HOOK = "https://hooks.example.com/debrief";

const transcript = {
  language: "en",
  utterances: [
    {
      speaker: "A",
      start: 0,
      end: 4,
      text: "Thanks for joining. What made you look at new tools this quarter?",
    },
    {
      speaker: "B",
      start: 4.5,
      end: 12,
      text: "Our reps spend hours on notes and we lose deals in handoffs.",
    },
    { speaker: "A", start: 12.5, end: 16, text: "How do you handle handoffs today?" },
    { speaker: "B", start: 16.5, end: 24, text: "Honestly it is too expensive for us right now." },
  ],
};

interface Received {
  id: string;
  ts: string;
  signatures: string[];
  body: string;
}

/** Signatures of a request that verify under `secret` with the reference algorithm. */
function verifies(r: Received, secret: string): boolean {
  const expected = referenceSignature(secret, r.id, r.ts, r.body);
  return r.signatures.some((s) => s === `v1,${expected}`);
}

describe.each(testDatabases)("webhooks out on $name", (database) => {
  let handle: Awaited<ReturnType<typeof database.open>>;
  let t: TestApp;
  const clock = testClock("2026-03-02T09:00:00Z");
  let repId: string;
  let uploads = 0;

  beforeAll(async () => {
    handle = await database.open();
    t = await createTestApp(handle.db, { config: { DEBRIEF_SECRETS_KEY: TEST_SECRETS_KEY }, now: clock.now });
    // deliveries give up after 300 ms in tests (15 s in production)
    t.services.jobs = jobRegistry([...callJobHandlers, ...syncJobHandlers({ timeoutMs: 300 })]);
    repId = (await t.user("rep", "dana")).id;
  }, 300_000);
  afterAll(async () => {
    await handle?.close();
  });

  const admin = (extra: Record<string, string> = {}) =>
    t.auth(t.adminKey, { "content-type": "application/json", ...extra });

  async function createEndpoint(body: Record<string, unknown>) {
    const res = await t.request("/v1/webhooks", {
      method: "POST",
      headers: admin(),
      body: JSON.stringify(body),
    });
    expect(res.status).toBe(201);
    return (await res.json()) as { id: string; secret: string };
  }

  async function upload(crmDealId: string | null = "D-1"): Promise<string> {
    const res = await t.request("/v1/calls", {
      method: "POST",
      headers: admin(),
      body: JSON.stringify({
        repUserId: repId,
        ...(crmDealId ? { crmDealId } : {}),
        crmContactId: "C-9",
        title: "Discovery – Acme",
        occurredAt: "2026-03-02T08:00:00.000Z",
        speakerRoles: { rep: ["A"], customer: ["B"] },
        // distinct content: uploads are idempotent by content
        transcript: {
          ...transcript,
          utterances: [
            ...transcript.utterances,
            { speaker: "B", start: 25, end: 27, text: `Call ${++uploads}.` },
          ],
        },
      }),
    });
    expect(res.status).toBe(202);
    return ((await res.json()) as { id: string }).id;
  }

  function receiver(answers: Array<"fail" | "slow" | "ok">, got: Received[]) {
    server.use(
      http.post(HOOK, async ({ request }) => {
        const body = await request.text();
        got.push({
          id: request.headers.get("webhook-id") ?? "",
          ts: request.headers.get("webhook-timestamp") ?? "",
          signatures: (request.headers.get("webhook-signature") ?? "").split(" "),
          body,
        });
        const answer = answers[got.length - 1] ?? "ok";
        if (answer === "fail") return HttpResponse.text("boom", { status: 500 });
        if (answer === "slow") await delay(2_000);
        return HttpResponse.json({ ok: true });
      }),
    );
  }

  it("delivers call.coached through failure and timeout, same id, every attempt verifiable", T, async () => {
    const endpoint = await createEndpoint({ url: HOOK, events: ["call.coached"] });
    expect(endpoint.secret).toMatch(/^whsec_/);
    const got: Received[] = [];
    receiver(["fail", "slow", "ok"], got);
    const callId = await upload();
    await t.runJobs(); // analyse, coach, dispatch, first attempt (500)
    expect(got).toHaveLength(1);
    clock.advance(5_000);
    await t.runJobs(); // second attempt: times out
    expect(got).toHaveLength(2);
    clock.advance(5 * 60_000);
    await t.runJobs(); // third attempt: 200
    clock.advance(60 * 60_000);
    await t.runJobs(); // nothing more
    expect(got).toHaveLength(3);
    expect(new Set(got.map((g) => g.id)).size).toBe(1);
    expect(got[0]!.id).toMatch(/^msg_/);
    for (const g of got) expect(verifies(g, endpoint.secret)).toBe(true);
    expect(new Set(got.map((g) => g.body)).size).toBe(1);
    const payload = JSON.parse(got[0]!.body);
    expect(payload.type).toBe("call.coached");
    expect(payload.data.call).toMatchObject({ id: callId, title: "Discovery – Acme" });
    expect(payload.data.rep.id).toBe(repId);
    expect(payload.data.crm).toEqual({ dealId: "D-1", contactId: "C-9" });
    expect(payload.data.metrics.talkRatio).toBeGreaterThan(0);
    expect(typeof payload.data.summary).toBe("string");

    const log = await t.request(`/v1/webhooks/${endpoint.id}/deliveries`, { headers: admin() });
    const items = ((await log.json()) as { items: Array<Record<string, unknown>> }).items;
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      status: "succeeded",
      attempts: 3,
      responseStatus: 200,
      lastError: null,
    });

    // replay: the same message again, same webhook-id
    const replay = await t.request(`/v1/webhooks/${endpoint.id}/deliveries/${items[0]!.id}/replay`, {
      method: "POST",
      headers: admin(),
    });
    expect(replay.status).toBe(202);
    await t.runJobs();
    expect(got).toHaveLength(4);
    expect(got[3]!.id).toBe(got[0]!.id);
    await t.request(`/v1/webhooks/${endpoint.id}`, { method: "DELETE", headers: admin() });
  });

  it("a crash between the event commit and the delivery: a new instance delivers once", T, async () => {
    const endpoint = await createEndpoint({ url: HOOK, events: ["call.failed"] });
    const got: Received[] = [];
    receiver([], got);
    const callId = await upload(null);
    await t.runJobs();
    // the event is written; the process "dies" before any dispatcher runs
    const [call] = await handle.db.select().from(calls).where(eq(calls.id, callId));
    await handle.db.transaction((tx) =>
      setCallStatus(tx, {
        call: call!,
        now: clock.now(),
        status: "failed",
        failure: { code: "internal", message: "x" } as never,
      }),
    );
    const fresh = createServices(t.services.config, {
      db: handle.db,
      blobs: t.blobs,
      transcriber: null,
      logger: silentLogger,
      now: clock.now,
      jobs: t.services.jobs,
    });
    const runAll = async () => {
      for (;;) {
        const job = await claimJob(handle.db, { leaseMs: 60_000, now: clock.now() });
        if (!job) return;
        await executeJob(fresh, job, { leaseMs: 60_000 });
      }
    };
    await runAll();
    // a second dispatcher run (e.g. a duplicate kick) creates nothing new
    await handle.db.transaction(async (tx) => {
      const { scheduleDispatch } = await import("../../src/webhooks/jobs.js");
      await scheduleDispatch(tx, t.orgId, clock.now());
    });
    await runAll();
    expect(got.filter((g) => JSON.parse(g.body).type === "call.failed")).toHaveLength(1);
    const rows = await handle.db
      .select()
      .from(webhookDeliveries)
      .where(eq(webhookDeliveries.endpointId, endpoint.id));
    expect(rows).toHaveLength(1);
    await t.request(`/v1/webhooks/${endpoint.id}`, { method: "DELETE", headers: admin() });
  });

  it("signs with both secrets during a rotation, only the new one after 24 h", T, async () => {
    const endpoint = await createEndpoint({ url: HOOK, events: ["call.coached"] });
    const rotated = await t.request(`/v1/webhooks/${endpoint.id}/rotate`, {
      method: "POST",
      headers: admin(),
    });
    expect(rotated.status).toBe(200);
    const { secret: next } = (await rotated.json()) as { secret: string };
    expect(next).not.toBe(endpoint.secret);
    const got: Received[] = [];
    receiver([], got);
    await upload();
    await t.runJobs();
    expect(got).toHaveLength(1);
    expect(got[0]!.signatures).toHaveLength(2);
    expect(verifies(got[0]!, next)).toBe(true);
    expect(verifies(got[0]!, endpoint.secret)).toBe(true);
    clock.advance(25 * 60 * 60_000);
    await upload("D-2");
    await t.runJobs();
    const last = got.at(-1)!;
    expect(last.signatures).toHaveLength(1);
    expect(verifies(last, next)).toBe(true);
    expect(verifies(last, endpoint.secret)).toBe(false);
    await t.request(`/v1/webhooks/${endpoint.id}`, { method: "DELETE", headers: admin() });
  });

  it("disables an endpoint that has failed for 5 days, with the reason", T, async () => {
    const endpoint = await createEndpoint({ url: HOOK, events: ["call.coached"] });
    server.use(http.post(HOOK, () => HttpResponse.text("down", { status: 503 })));
    await upload("D-3");
    await t.runJobs(); // first failure: failing since now
    clock.advance(5 * 24 * 60 * 60_000);
    await t.runJobs(); // the next attempt (5 s later was due long ago) fails after 5 days
    const res = await t.request(`/v1/webhooks/${endpoint.id}`, { headers: admin() });
    const ep = (await res.json()) as { enabled: boolean; disabledReason: string | null };
    expect(ep.enabled).toBe(false);
    expect(ep.disabledReason).toMatch(/5 days/);
    await t.request(`/v1/webhooks/${endpoint.id}`, { method: "DELETE", headers: admin() });
  });

  it("writes the coached call back to HubSpot, Pipedrive and Salesforce", T, async () => {
    const cases = [
      {
        conn: {
          vendor: "hubspot",
          portalId: 62515,
          clientSecret: "cs",
          accessToken: "pat-na1-test",
          writeBack: true,
        },
        url: "https://api.hubapi.com/crm/v3/objects/notes",
        reply: "fixtures/crm/hubspot/writeback/note-created.json",
        deal: "18225469034",
        id: "51234567890",
      },
      {
        conn: {
          vendor: "pipedrive",
          companyId: 7654321,
          companyDomain: "acme",
          apiToken: "pd-token",
          writeBack: true,
        },
        url: "https://acme.pipedrive.com/api/v1/notes",
        reply: "fixtures/crm/pipedrive/writeback/note-created.json",
        deal: "1042",
        id: "3012",
      },
      {
        conn: {
          vendor: "salesforce",
          organizationId: "00D5e000000AbCdEAK",
          instanceUrl: "https://acme.my.salesforce.com",
          accessToken: "00D!AQ-test",
          writeBack: true,
        },
        url: "https://acme.my.salesforce.com/services/data/v60.0/sobjects/Task",
        reply: "fixtures/crm/salesforce/writeback/task-created.json",
        deal: "0065e00000Q1w2eAAB",
        id: "00T5e00000AbCdEAAV",
      },
    ];
    for (const c of cases) {
      const conn = await createConnection(t, c.conn);
      const bodies: unknown[] = [];
      server.use(
        http.post(c.url, async ({ request }) => {
          bodies.push(await request.json());
          return HttpResponse.json(JSON.parse(readFileSync(c.reply, "utf8")), { status: 201 });
        }),
      );
      const callId = await upload(c.deal);
      await t.runJobs();
      const [wb] = await handle.db.select().from(crmWritebacks).where(eq(crmWritebacks.callId, callId));
      expect(wb).toMatchObject({
        status: "done",
        vendorObjectId: c.id,
        connectionId: conn.id,
        dealId: c.deal,
      });
      expect(bodies).toHaveLength(1);
      await t.request(`/v1/crm/connections/${conn.id}`, { method: "DELETE", headers: admin() });
    }
  });
});
