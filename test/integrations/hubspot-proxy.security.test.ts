import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { inboundEvents } from "../../src/db/schema/index.js";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { fixtureJson } from "../helpers/crm-fixtures.js";
import { testDatabases } from "../helpers/db.js";
import { createConnection, hubspotSignature, TEST_SECRETS_KEY, testClock } from "./helpers.js";

const hub = fixtureJson<{ clientSecret: string; portalId: number }>("hubspot", "connection.json");
const T = { timeout: 300_000 };
const PUBLIC = "https://debrief.example.com";

/**
 * HubSpot signs the URL it called. Behind a reverse proxy Debrief sees another one (here the test
 * app's http://localhost), so the receiver verifies against the public URL: DEBRIEF_PUBLIC_URL, or
 * the proxy's X-Forwarded-Proto/Host when DEBRIEF_TRUST_PROXY says the proxy sets them.
 */
describe.each(testDatabases)("HubSpot signatures behind a reverse proxy on $name", (database) => {
  let handle: Awaited<ReturnType<typeof database.open>>;
  let t: TestApp;
  const clock = testClock("2026-03-02T09:20:00Z");
  let connId: string;
  let eventId = 9000;

  beforeAll(async () => {
    handle = await database.open();
    t = await createTestApp(handle.db, { config: { DEBRIEF_SECRETS_KEY: TEST_SECRETS_KEY }, now: clock.now });
    connId = (
      await createConnection(t, { vendor: "hubspot", portalId: hub.portalId, clientSecret: hub.clientSecret })
    ).id;
  }, 300_000);
  afterEach(() => {
    t.services.config.DEBRIEF_PUBLIC_URL = undefined;
    t.services.config.DEBRIEF_TRUST_PROXY = false;
  });
  afterAll(async () => {
    await handle?.close();
  });

  /** A one-event batch signed for `signedUrl`, sent to the app's internal URL with `headers`. */
  async function post(signedUrl: string, headers: Record<string, string> = {}) {
    const id = ++eventId;
    const body = JSON.stringify([
      {
        eventId: id,
        subscriptionId: 1,
        portalId: hub.portalId,
        appId: 1,
        occurredAt: 1772442000000,
        subscriptionType: "deal.creation",
        attemptNumber: 0,
        objectId: 7000 + id,
        changeSource: "CRM_UI",
      },
    ]);
    const ts = String(clock.now().getTime());
    const res = await t.request(`/v1/crm/webhooks/${connId}`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-hubspot-request-timestamp": ts,
        "x-hubspot-signature-v3": hubspotSignature(hub.clientSecret, signedUrl, body, ts),
        ...headers,
      },
      body,
    });
    const stored = await handle.db
      .select()
      .from(inboundEvents)
      .where(eq(inboundEvents.vendorEventId, String(id)));
    return { status: res.status, stored: stored.length };
  }
  const publicHook = () => `${PUBLIC}/v1/crm/webhooks/${connId}`;
  const internalHook = () => `http://localhost/v1/crm/webhooks/${connId}`;
  const proxied = { "x-forwarded-proto": "https", "x-forwarded-host": "debrief.example.com" };

  it(
    "DEBRIEF_PUBLIC_URL: the public URL verifies, the internal one does not; webhookUrl is public",
    T,
    async () => {
      t.services.config.DEBRIEF_PUBLIC_URL = `${PUBLIC}/`;
      expect(await post(publicHook())).toEqual({ status: 200, stored: 1 });
      expect(await post(internalHook())).toEqual({ status: 401, stored: 0 });
      const res = await t.request(`/v1/crm/connections/${connId}`, { headers: t.auth(t.adminKey) });
      expect(((await res.json()) as { webhookUrl: string }).webhookUrl).toBe(publicHook());
    },
  );

  it("DEBRIEF_TRUST_PROXY: X-Forwarded-Proto/Host give the signed URL", T, async () => {
    t.services.config.DEBRIEF_TRUST_PROXY = true;
    expect(await post(publicHook(), proxied)).toEqual({ status: 200, stored: 1 });
    // a proxy that sets no forwarded headers: the request's own URL
    expect(await post(internalHook())).toEqual({ status: 200, stored: 1 });
    const res = await t.request(`/v1/crm/connections/${connId}`, { headers: t.auth(t.adminKey, proxied) });
    expect(((await res.json()) as { webhookUrl: string }).webhookUrl).toBe(publicHook());
  });

  it("an untrusted proxy's forwarded headers are ignored: 401, nothing stored", T, async () => {
    expect(await post(publicHook(), proxied)).toEqual({ status: 401, stored: 0 });
    // a client forging X-Forwarded-Host to match its own signature gains nothing either
    expect(await post("https://evil.example/x", { ...proxied, "x-forwarded-host": "evil.example" })).toEqual({
      status: 401,
      stored: 0,
    });
    expect(await post(internalHook(), proxied)).toEqual({ status: 200, stored: 1 });
  });
});
