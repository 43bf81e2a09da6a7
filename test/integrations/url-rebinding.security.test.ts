import { and, eq } from "drizzle-orm";
import { HttpResponse, http } from "msw";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { crmWritebacks, jobs, webhookDeliveries } from "../../src/db/schema/index.js";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { testDatabases } from "../helpers/db.js";
import { mswServer } from "../helpers/msw.js";
import {
  createConnection,
  HUBSPOT_WRITEBACK,
  hubspotNotesHandler,
  stubResolver,
  TEST_SECRETS_KEY,
  testClock,
  uploadCall,
} from "./helpers.js";

const server = mswServer();
const T = { timeout: 300_000 };
const HOST = "hooks.example.com";
const HOOK = `https://${HOST}/debrief`;
const PUBLIC = "93.184.216.34";

/**
 * DNS rebinding: a destination that was public when it was registered resolves to an internal
 * address when Debrief sends to it. The host is resolved at send time (the stub resolver), the
 * refusal is recorded as a final failure, and nothing reaches the address.
 */
describe.each(testDatabases)("outbound URL guard at send time on $name", (database) => {
  let handle: Awaited<ReturnType<typeof database.open>>;
  let t: TestApp;
  const clock = testClock("2026-03-02T09:00:00Z");
  const dns = stubResolver({ [HOST]: [PUBLIC], "api.hubapi.com": ["104.16.249.5"] });
  let salt = 0;
  const sent: string[] = [];

  beforeAll(async () => {
    handle = await database.open();
    t = await createTestApp(handle.db, {
      config: { DEBRIEF_SECRETS_KEY: TEST_SECRETS_KEY },
      now: clock.now,
      resolve: dns.resolve,
    });
  }, 300_000);
  afterAll(async () => {
    await handle?.close();
  });

  const admin = () => t.auth(t.adminKey, { "content-type": "application/json" });
  async function endpoint(): Promise<string> {
    const res = await t.request("/v1/webhooks", {
      method: "POST",
      headers: admin(),
      body: JSON.stringify({ url: HOOK, events: ["call.analyzed"] }),
    });
    expect(res.status).toBe(201);
    return ((await res.json()) as { id: string }).id;
  }
  const deliveriesOf = (endpointId: string) =>
    handle.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, endpointId));
  const queuedDeliverJobs = () =>
    handle.db
      .select()
      .from(jobs)
      .where(and(eq(jobs.kind, "webhooks.deliver"), eq(jobs.status, "queued")));

  it("a name still public at delivery time is resolved then, and delivered", T, async () => {
    server.use(
      http.post(HOOK, async ({ request }) => {
        sent.push(await request.text());
        return HttpResponse.json({});
      }),
    );
    const id = await endpoint();
    dns.lookups.length = 0;
    await uploadCall(t, String(++salt));
    await t.runJobs();
    expect(dns.lookups).toContain(HOST); // looked up for the attempt itself
    const [d] = await deliveriesOf(id);
    expect(d).toMatchObject({ status: "succeeded", attempts: 1, responseStatus: 200 });
    expect(sent).toHaveLength(1);
    await t.request(`/v1/webhooks/${id}`, { method: "DELETE", headers: admin() });
  });

  it.each([
    ["the cloud metadata address", ["169.254.169.254"]],
    ["loopback", ["127.0.0.1"]],
    ["a private address among public ones", [PUBLIC, "10.0.0.7"]],
    ["IPv6 link-local", ["fe80::1"]],
  ])(
    "a name that rebinds to %s is refused at delivery: failed at once, not retried, nothing sent",
    T,
    async (_label, addresses) => {
      dns.point(HOST, [PUBLIC]);
      const id = await endpoint(); // registered while public
      sent.length = 0;
      server.use(
        http.post(HOOK, async ({ request }) => {
          sent.push(await request.text());
          return HttpResponse.json({});
        }),
      );
      dns.point(HOST, addresses);
      await uploadCall(t, String(++salt));
      await t.runJobs();
      const [d] = await deliveriesOf(id);
      expect(d).toMatchObject({ status: "failed", attempts: 1, responseStatus: null, nextAttemptAt: null });
      expect(d!.lastError).toMatch(/^refused, not retried: .*resolves to/);
      expect(d!.lastError).toContain(addresses.at(-1));
      expect(await queuedDeliverJobs()).toEqual([]);
      // the delivery log shows it
      const log = await t.request(`/v1/webhooks/${id}/deliveries`, { headers: admin() });
      const items = ((await log.json()) as { items: Array<Record<string, unknown>> }).items;
      expect(items[0]).toMatchObject({ status: "failed", lastError: d!.lastError, nextAttemptAt: null });
      clock.advance(24 * 60 * 60_000);
      await t.runJobs();
      expect((await deliveriesOf(id))[0]!.attempts).toBe(1);
      expect(sent).toEqual([]);
      await t.request(`/v1/webhooks/${id}`, { method: "DELETE", headers: admin() });
    },
  );

  it("a name that does not resolve at delivery is retried on the schedule, not refused", T, async () => {
    dns.point(HOST, [PUBLIC]);
    const id = await endpoint();
    dns.point(HOST, []);
    await uploadCall(t, String(++salt));
    await t.runJobs();
    const [d] = await deliveriesOf(id);
    expect(d).toMatchObject({ status: "pending", attempts: 1 });
    expect(d!.lastError).toMatch(/has no addresses/);
    expect(await queuedDeliverJobs()).toHaveLength(1);
    await t.request(`/v1/webhooks/${id}`, { method: "DELETE", headers: admin() });
  });

  it("an endpoint whose name resolves to a private address is refused when registered (422)", T, async () => {
    dns.point(HOST, ["192.168.1.20"]);
    const res = await t.request("/v1/webhooks", {
      method: "POST",
      headers: admin(),
      body: JSON.stringify({ url: HOOK }),
    });
    expect(res.status).toBe(422);
    expect(((await res.json()) as { code: string }).code).toBe("url.forbidden");
    dns.point(HOST, [PUBLIC]);
  });

  it(
    "CRM write-back: the vendor host resolving to loopback is a final url.forbidden failure",
    T,
    async () => {
      const conn = await createConnection(t, HUBSPOT_WRITEBACK);
      const notes = hubspotNotesHandler();
      server.use(notes.handler);
      dns.point("api.hubapi.com", ["127.0.0.1"]);
      const refusedCall = await uploadCall(t, String(++salt), "18225469034");
      await t.runJobs();
      clock.advance(60 * 60_000);
      await t.runJobs();
      const [wb] = await handle.db.select().from(crmWritebacks).where(eq(crmWritebacks.callId, refusedCall));
      expect(wb?.status).toBe("failed");
      expect(wb?.error).toMatch(/^url\.forbidden: .*resolves to 127\.0\.0\.1/);
      expect(notes.count()).toBe(0);
      // and once the name is public again, the next call's note is written
      dns.point("api.hubapi.com", ["104.16.249.5"]);
      const okCall = await uploadCall(t, String(++salt), "18225469035");
      await t.runJobs();
      const [ok] = await handle.db.select().from(crmWritebacks).where(eq(crmWritebacks.callId, okCall));
      expect(ok).toMatchObject({ status: "done", vendorObjectId: "51234567890" });
      expect(notes.count()).toBe(1);
      await t.request(`/v1/crm/connections/${conn.id}`, { method: "DELETE", headers: admin() });
    },
  );
});
