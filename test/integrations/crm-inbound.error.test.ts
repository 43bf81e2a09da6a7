import { readFileSync } from "node:fs";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inboundEvents, jobs } from "../../src/db/schema/index.js";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { fixtureJson, type RequestFixture } from "../helpers/crm-fixtures.js";
import { testDatabases } from "../helpers/db.js";
import {
  createConnection,
  hubspotSignature,
  referenceSignature,
  TEST_SECRETS_KEY,
  testClock,
} from "./helpers.js";

const fixture = (vendor: string, name: string) =>
  JSON.parse(readFileSync(`fixtures/crm/${vendor}/${name}.json`, "utf8")) as RequestFixture;
const hub = fixtureJson<{ clientSecret: string; portalId: number }>("hubspot", "connection.json");
const T = { timeout: 300_000 };

describe.each(testDatabases)("CRM webhooks refused on $name", (database) => {
  let handle: Awaited<ReturnType<typeof database.open>>;
  let t: TestApp;
  const clock = testClock("2026-03-02T09:20:00Z");
  let hubspot: { id: string };
  let generic: { id: string; credentials: Record<string, string> };
  let pipedrive: { id: string; credentials: Record<string, string> };
  let salesforce: { id: string; webhookUrl: string };

  beforeAll(async () => {
    handle = await database.open();
    t = await createTestApp(handle.db, { config: { DEBRIEF_SECRETS_KEY: TEST_SECRETS_KEY }, now: clock.now });
    hubspot = await createConnection(t, {
      vendor: "hubspot",
      portalId: hub.portalId,
      clientSecret: hub.clientSecret,
    });
    generic = await createConnection(t, { vendor: "generic" });
    pipedrive = await createConnection(t, { vendor: "pipedrive", companyId: 7654321, companyDomain: "acme" });
    salesforce = await createConnection(t, { vendor: "salesforce", organizationId: "00D5e000000AbCdEAK" });
  }, 300_000);
  afterAll(async () => {
    await handle?.close();
  });

  async function nothingStored() {
    expect(await handle.db.select().from(inboundEvents)).toEqual([]);
    expect(await handle.db.select().from(jobs).where(eq(jobs.kind, "crm.apply"))).toEqual([]);
  }

  const hubspotPost = (body: string, ts: string, signature: string) =>
    t.request(`/v1/crm/webhooks/${hubspot.id}`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-hubspot-request-timestamp": ts,
        "x-hubspot-signature-v3": signature,
      },
      body,
    });
  const hubUrl = () => `http://localhost/v1/crm/webhooks/${hubspot.id}`;

  async function expectProblem(res: Response, status: number) {
    expect(res.status).toBe(status);
    expect(res.headers.get("content-type")).toMatch(/problem\+json/);
  }

  it("HubSpot: a body changed after signing → 401, nothing stored", T, async () => {
    const body = fixture("hubspot", "valid").body;
    const ts = String(clock.now().getTime());
    const forged = fixture("hubspot", "forged-signature").body;
    await expectProblem(
      await hubspotPost(forged, ts, hubspotSignature(hub.clientSecret, hubUrl(), body, ts)),
      401,
    );
    await expectProblem(
      await hubspotPost(body, ts, hubspotSignature("not-the-secret", hubUrl(), body, ts)),
      401,
    );
    await nothingStored();
  });

  it("HubSpot: a correctly signed request older than 5 minutes → 401", T, async () => {
    const body = fixture("hubspot", "valid").body;
    const ts = String(clock.now().getTime() - 5 * 60_000 - 1_000);
    await expectProblem(
      await hubspotPost(body, ts, hubspotSignature(hub.clientSecret, hubUrl(), body, ts)),
      401,
    );
    await nothingStored();
  });

  it("HubSpot: a signed but malformed body → 422; unsigned malformed → 401 (verified first)", T, async () => {
    const body = fixture("hubspot", "malformed").body;
    const ts = String(clock.now().getTime());
    await expectProblem(
      await hubspotPost(body, ts, hubspotSignature(hub.clientSecret, hubUrl(), body, ts)),
      422,
    );
    await expectProblem(await hubspotPost(body, ts, "bm90IGEgc2lnbmF0dXJl"), 401);
    await nothingStored();
  });

  it("generic: forged, stale and malformed", T, async () => {
    const secret = generic.credentials.signingSecret!;
    const body = fixture("generic", "valid").body;
    const post = (b: string, ts: string, sig: string) =>
      t.request(`/v1/crm/webhooks/${generic.id}`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "webhook-id": "msg_1",
          "webhook-timestamp": ts,
          "webhook-signature": sig,
        },
        body: b,
      });
    const now = String(Math.floor(clock.now().getTime() / 1000));
    const stale = String(Math.floor(clock.now().getTime() / 1000) - 301);
    await expectProblem(
      await post(body.replace("24000.5", "1"), now, `v1,${referenceSignature(secret, "msg_1", now, body)}`),
      401,
    );
    await expectProblem(
      await post(body, stale, `v1,${referenceSignature(secret, "msg_1", stale, body)}`),
      401,
    );
    const bad = '{"type":"deal.exploded","timestamp":"2026-03-02T09:15:00Z","data":{}}';
    await expectProblem(await post(bad, now, `v1,${referenceSignature(secret, "msg_1", now, bad)}`), 422);
    await nothingStored();
  });

  it("Pipedrive: wrong or missing Basic credentials → 401; malformed → 422", T, async () => {
    const body = fixture("pipedrive", "v2-deal-won").body;
    const post = (b: string, auth?: string) =>
      t.request(`/v1/crm/webhooks/${pipedrive.id}`, {
        method: "POST",
        headers: { "content-type": "application/json", ...(auth ? { authorization: auth } : {}) },
        body: b,
      });
    const basic = (u: string, p: string) => `Basic ${Buffer.from(`${u}:${p}`).toString("base64")}`;
    await expectProblem(await post(body), 401);
    await expectProblem(await post(body, basic("debrief", "wrong")), 401);
    const { httpAuthUser, httpAuthPassword } = pipedrive.credentials;
    await expectProblem(await post("[1,2]", basic(httpAuthUser!, httpAuthPassword!)), 422);
    await nothingStored();
  });

  it("Salesforce: a wrong URL token → 401; entity expansion refused → 4xx", T, async () => {
    const xml = readFileSync("fixtures/crm/salesforce/opportunity-lead.xml", "utf8");
    const post = (search: string, body: string) =>
      t.request(`/v1/crm/webhooks/${salesforce.id}${search}`, {
        method: "POST",
        headers: { "content-type": "text/xml" },
        body,
      });
    await expectProblem(await post("?token=guess", xml), 401);
    await expectProblem(await post("", xml), 401);
    const search = new URL(salesforce.webhookUrl).search;
    const res = await post(search, readFileSync("fixtures/crm/salesforce/entity-expansion.xml", "utf8"));
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    await nothingStored();
  });

  it("an unknown connection → 404; a body over 1 MB → 413", T, async () => {
    await expectProblem(await t.request("/v1/crm/webhooks/conn_nope", { method: "POST", body: "[]" }), 404);
    const big = "x".repeat(1_000_001);
    await expectProblem(
      await t.request(`/v1/crm/webhooks/${hubspot.id}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: big,
      }),
      413,
    );
    await nothingStored();
  });
});
