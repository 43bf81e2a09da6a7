import { readFileSync } from "node:fs";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { crmDeals, crmLeads, inboundEvents, jobs } from "../../src/db/schema/index.js";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { fixtureJson, type RequestFixture } from "../helpers/crm-fixtures.js";
import { testDatabases } from "../helpers/db.js";
import { userWithEmail } from "../outcomes/helpers.js";
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
const T_OPTS = { timeout: 300_000 };

describe.each(testDatabases)("CRM webhooks in on $name", (database) => {
  let handle: Awaited<ReturnType<typeof database.open>>;
  let t: TestApp;
  const clock = testClock("2026-03-02T09:20:00Z");
  let danaEmail: string;

  beforeAll(async () => {
    handle = await database.open();
    t = await createTestApp(handle.db, { config: { DEBRIEF_SECRETS_KEY: TEST_SECRETS_KEY }, now: clock.now });
    danaEmail = (await userWithEmail(t, "rep", "dana")).email;
  }, 300_000);
  afterAll(async () => {
    await handle?.close();
  });

  async function postHubSpot(connId: string, body: string, tsMs: string, secret = hub.clientSecret) {
    const url = `http://localhost/v1/crm/webhooks/${connId}`;
    return t.request(`/v1/crm/webhooks/${connId}`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-hubspot-request-timestamp": tsMs,
        "x-hubspot-signature-v3": hubspotSignature(secret, url, body, tsMs),
      },
      body,
    });
  }

  it("HubSpot: a valid batch is stored, answered 200 and applied by the crm.apply job", T_OPTS, async () => {
    const conn = await createConnection(t, {
      vendor: "hubspot",
      portalId: hub.portalId,
      clientSecret: hub.clientSecret,
      stageMap: { lost: ["1049823"] },
      owners: { "81234567": danaEmail },
    });
    expect(conn.webhookUrl).toBe(`http://localhost/v1/crm/webhooks/${conn.id}`);
    const body = fixture("hubspot", "valid").body;
    const ts = String(clock.now().getTime() - 60_000);
    const res = await postHubSpot(conn.id, body, ts);
    expect(res.status).toBe(200);
    // stored, not yet applied
    expect(await handle.db.select().from(crmDeals).where(eq(crmDeals.id, "18225469034"))).toEqual([]);
    const applyJobs = await handle.db.select().from(jobs).where(eq(jobs.kind, "crm.apply"));
    expect(applyJobs).toHaveLength(1);
    await t.runJobs();
    const [deal] = await handle.db.select().from(crmDeals).where(eq(crmDeals.id, "18225469034"));
    expect(deal).toMatchObject({ status: "won", amount: 12500 });
    expect(deal!.createdAt.toISOString()).toBe("2026-03-02T09:01:12.345Z");
    expect(deal!.closedAt!.toISOString()).toBe(new Date(1772442899999).toISOString());
    expect(deal!.ownerUserId).not.toBeNull();
    const lost = await handle.db.select().from(crmDeals).where(eq(crmDeals.id, "18225470002"));
    expect(lost[0]?.status).toBe("lost"); // the custom stage of the stage map
    const open = await handle.db.select().from(crmDeals).where(eq(crmDeals.id, "18225470003"));
    expect(open[0]?.status).toBe("open");
    expect(await handle.db.select().from(crmLeads).where(eq(crmLeads.id, "97531"))).toHaveLength(1);

    // The same batch again (HubSpot retries): nothing new stored, no job, nothing changes.
    const again = await postHubSpot(conn.id, body, ts);
    expect(again.status).toBe(200);
    expect(await handle.db.select().from(jobs).where(eq(jobs.kind, "crm.apply"))).toHaveLength(1);
    const events = await handle.db
      .select()
      .from(inboundEvents)
      .where(eq(inboundEvents.connectionId, conn.id));
    // 11 events, of which closedate and contact.propertyChange are only acknowledged: 9 stored, once.
    expect(events).toHaveLength(9);
  });

  it("HubSpot: an older event arriving late never undoes a newer one; deletion deletes", T_OPTS, async () => {
    const conn = await createConnection(t, {
      vendor: "hubspot",
      portalId: hub.portalId,
      clientSecret: hub.clientSecret,
    });
    const ev = (eventId: number, occurredAt: number, propertyName: string, propertyValue: string) => ({
      eventId,
      subscriptionId: 1,
      portalId: hub.portalId,
      appId: 1,
      occurredAt,
      subscriptionType: "deal.propertyChange",
      attemptNumber: 0,
      objectId: 555,
      propertyName,
      propertyValue,
    });
    const ts = String(clock.now().getTime());
    const newer = JSON.stringify([ev(2, 1772442000000, "dealstage", "closedwon")]);
    const older = JSON.stringify([ev(1, 1772441000000, "dealstage", "appointmentscheduled")]);
    expect((await postHubSpot(conn.id, newer, ts)).status).toBe(200);
    await t.runJobs();
    expect((await postHubSpot(conn.id, older, ts)).status).toBe(200);
    await t.runJobs();
    const [deal] = await handle.db.select().from(crmDeals).where(eq(crmDeals.id, "555"));
    expect(deal?.status).toBe("won");
    const del = JSON.stringify([
      {
        eventId: 3,
        portalId: hub.portalId,
        occurredAt: 1772443000000,
        subscriptionType: "deal.deletion",
        objectId: 555,
      },
    ]);
    expect((await postHubSpot(conn.id, del, ts)).status).toBe(200);
    await t.runJobs();
    expect(await handle.db.select().from(crmDeals).where(eq(crmDeals.id, "555"))).toEqual([]);
    // a late upsert older than the deletion does not bring it back
    const late = JSON.stringify([ev(4, 1772442500000, "amount", "99")]);
    expect((await postHubSpot(conn.id, late, ts)).status).toBe(200);
    await t.runJobs();
    expect(await handle.db.select().from(crmDeals).where(eq(crmDeals.id, "555"))).toEqual([]);
  });

  it("generic: a Standard Webhooks signed record is upserted", T_OPTS, async () => {
    const conn = await createConnection(t, { vendor: "generic" });
    const secret = conn.credentials.signingSecret!;
    expect(secret).toMatch(/^whsec_/);
    const body = fixture("generic", "valid").body.replace("dana@acme.example", danaEmail);
    const ts = String(Math.floor(clock.now().getTime() / 1000));
    const res = await t.request(`/v1/crm/webhooks/${conn.id}`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "webhook-id": "msg_generic_1",
        "webhook-timestamp": ts,
        "webhook-signature": `v1,${referenceSignature(secret, "msg_generic_1", ts, body)}`,
      },
      body,
    });
    expect(res.status).toBe(200);
    await t.runJobs();
    const [deal] = await handle.db.select().from(crmDeals).where(eq(crmDeals.id, "D-1042"));
    expect(deal).toMatchObject({ name: "Acme Corp", amount: 24000.5, currency: "EUR", status: "won" });
  });

  it("Pipedrive: Basic-authenticated v2 deal event is upserted", T_OPTS, async () => {
    const conn = await createConnection(t, {
      vendor: "pipedrive",
      companyId: 7654321,
      companyDomain: "acme",
    });
    const { httpAuthUser, httpAuthPassword } = conn.credentials;
    const res = await t.request(`/v1/crm/webhooks/${conn.id}`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        authorization: `Basic ${Buffer.from(`${httpAuthUser}:${httpAuthPassword}`).toString("base64")}`,
      },
      body: fixture("pipedrive", "v2-deal-won").body,
    });
    expect(res.status).toBe(200);
    await t.runJobs();
    const [deal] = await handle.db.select().from(crmDeals).where(eq(crmDeals.id, "1042"));
    expect(deal).toMatchObject({ status: "won", amount: 24000, currency: "EUR" });
  });

  it(
    "Salesforce: an outbound message with the URL token gets the SOAP Ack and is applied",
    T_OPTS,
    async () => {
      const conn = await createConnection(t, { vendor: "salesforce", organizationId: "00D5e000000AbCdEAK" });
      const path = new URL(conn.webhookUrl).pathname + new URL(conn.webhookUrl).search;
      const res = await t.request(path, {
        method: "POST",
        headers: { "content-type": "text/xml; charset=utf-8", soapaction: '""' },
        body: readFileSync("fixtures/crm/salesforce/opportunity-lead.xml", "utf8"),
      });
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toMatch(/text\/xml/);
      expect(await res.text()).toContain("<Ack>true</Ack>");
      await t.runJobs();
      const events = await handle.db
        .select()
        .from(inboundEvents)
        .where(eq(inboundEvents.connectionId, conn.id));
      expect(events.length).toBeGreaterThan(0);
      expect(events.every((e) => e.status === "applied")).toBe(true);
    },
  );
});
