import { readFileSync } from "node:fs";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { crmDeals, inboundEvents, jobs } from "../../src/db/schema/index.js";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { fixtureBodyJson } from "../helpers/crm-fixtures.js";
import { testDatabases } from "../helpers/db.js";
import { createConnection, referenceSignature, TEST_SECRETS_KEY, testClock } from "./helpers.js";

const T = { timeout: 300_000 };
type Obj = Record<string, unknown>;
/** The parts of the vendors' bodies the scenarios edit (each body has only some of them). */
type Json = { meta: Obj; data: Obj; current: Obj; timestamp: string; retry?: number };

/**
 * The delivery guarantees of every non-HubSpot source (HubSpot's are in crm-inbound.happy): the same
 * event delivered twice (a vendor's retry) is stored and applied once; an older event arriving after
 * a newer one never undoes it (Salesforce documents that outbound messages "can be delivered out of
 * order" and "more than one time"; Pipedrive v1 retries carry a `retry` counter, v2 an `attempt`);
 * a request that fails verification is a 401 with nothing stored. Bodies are the vendors' recorded
 * fixtures, edited only where the scenario needs (ids, times, status).
 */
describe.each(testDatabases)("CRM webhooks in: duplicates and order on $name", (database) => {
  let handle: Awaited<ReturnType<typeof database.open>>;
  let t: TestApp;
  const clock = testClock("2026-03-02T09:20:00Z");

  beforeAll(async () => {
    handle = await database.open();
    t = await createTestApp(handle.db, { config: { DEBRIEF_SECRETS_KEY: TEST_SECRETS_KEY }, now: clock.now });
  }, 300_000);
  afterAll(async () => {
    await handle?.close();
  });

  const eventsOf = (connectionId: string) =>
    handle.db.select().from(inboundEvents).where(eq(inboundEvents.connectionId, connectionId));
  const applyJobsOf = (connectionId: string) =>
    handle.db
      .select()
      .from(jobs)
      .where(and(eq(jobs.kind, "crm.apply"), eq(jobs.subject, connectionId)));
  const deal = async (id: string) => (await handle.db.select().from(crmDeals).where(eq(crmDeals.id, id)))[0];
  const statuses = async (connectionId: string) => (await eventsOf(connectionId)).map((e) => e.status).sort();

  /** Post, run the jobs, and say what the receiver answered. */
  async function deliver(path: string, headers: Record<string, string>, body: string): Promise<number> {
    const res = await t.request(path, { method: "POST", headers, body });
    await t.runJobs();
    return res.status;
  }

  describe("Pipedrive", () => {
    let conn: { id: string; credentials: Record<string, string> };
    const basic = (user: string, password: string) => ({
      "content-type": "application/json",
      authorization: `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`,
    });
    const post = (body: Json, password = conn.credentials.httpAuthPassword!) =>
      deliver(
        `/v1/crm/webhooks/${conn.id}`,
        basic(conn.credentials.httpAuthUser!, password),
        JSON.stringify(body),
      );

    beforeAll(async () => {
      conn = await createConnection(t, { vendor: "pipedrive", companyId: 7654321, companyDomain: "acme" });
    });

    it(
      "v2: a retried event (attempt 2) is applied once; an older change arriving late is skipped",
      T,
      async () => {
        const won = fixtureBodyJson<Json>("pipedrive", "v2-deal-won");
        expect(await post(won)).toBe(200);
        expect(await post({ ...won, meta: { ...won.meta, attempt: 2 } })).toBe(200);
        expect(await eventsOf(conn.id)).toHaveLength(1);
        expect(await applyJobsOf(conn.id)).toHaveLength(1); // the retry stored nothing, queued nothing
        expect(await deal("1042")).toMatchObject({ status: "won", amount: 24000 });

        // the deal's earlier edit (still open, lower value) is delivered after the win
        const older = structuredClone(won);
        older.meta.id = "8d1e4b2a-6c3f-4a9e-b7d5-0e2f1a3c4b5d";
        older.meta.timestamp = "2026-03-02T09:10:00.000Z";
        Object.assign(older.data, { status: "open", value: 20000, close_time: null, won_time: null });
        expect(await post(older)).toBe(200);
        expect(await deal("1042")).toMatchObject({ status: "won", amount: 24000 });
        expect(await statuses(conn.id)).toEqual(["applied", "skipped"]);
      },
    );

    it(
      "v1: a retried event (retry 1) is applied once; an older change arriving late is skipped",
      T,
      async () => {
        const lost = fixtureBodyJson<Json>("pipedrive", "v1-deal-updated");
        const before = (await eventsOf(conn.id)).length;
        expect(await post(lost)).toBe(200);
        expect(await post({ ...lost, retry: 1 })).toBe(200);
        expect(await eventsOf(conn.id)).toHaveLength(before + 1);
        expect(await deal("1044")).toMatchObject({ status: "lost", amount: 8000, currency: "USD" });

        const older = structuredClone(lost);
        older.meta.timestamp = 1772442300; // ten minutes earlier
        older.meta.timestamp_micro = 1772442300654321;
        Object.assign(older.current, { status: "open", lost_time: null, close_time: null, value: 9000 });
        expect(await post(older)).toBe(200);
        expect(await deal("1044")).toMatchObject({ status: "lost", amount: 8000 });
        expect((await eventsOf(conn.id)).filter((e) => e.status === "skipped")).toHaveLength(2);
      },
    );

    it("wrong Basic credentials or another company: 401, nothing stored", T, async () => {
      const before = (await eventsOf(conn.id)).length;
      const fresh = fixtureBodyJson<Json>("pipedrive", "v2-deal-won");
      fresh.meta.id = "0c9b8a7f-6e5d-4c3b-a291-8f7e6d5c4b3a";
      expect(await post(fresh, "not-the-password")).toBe(401);
      expect(await post(fixtureBodyJson<Json>("pipedrive", "v1-deal-updated"), "")).toBe(401);
      expect(await post({ ...fresh, meta: { ...fresh.meta, company_id: "1111111" } })).toBe(401);
      expect(await eventsOf(conn.id)).toHaveLength(before);
    });
  });

  describe("Salesforce outbound messages", () => {
    let conn: { id: string; webhookUrl: string };
    const xml = readFileSync("fixtures/crm/salesforce/opportunity-lead.xml", "utf8");
    /** The fixture's Opportunity 0065e00000Q1w2eAAB re-sent from an earlier state (still open). */
    const olderXml = xml
      .replace("<Id>04l5e00000ABCd1AAD</Id>", "<Id>04l5e00000ABCx1AAD</Id>")
      .replace(
        "<sf:LastModifiedDate>2026-03-02T09:15:07.000Z</sf:LastModifiedDate>",
        "<sf:LastModifiedDate>2026-03-02T08:40:00.000Z</sf:LastModifiedDate>",
      )
      .replace("<sf:IsClosed>true</sf:IsClosed>", "<sf:IsClosed>false</sf:IsClosed>")
      .replace("<sf:IsWon>true</sf:IsWon>", "<sf:IsWon>false</sf:IsWon>");
    const post = (body: string, search = new URL(conn.webhookUrl).search) =>
      deliver(
        `/v1/crm/webhooks/${conn.id}${search}`,
        { "content-type": "text/xml; charset=utf-8", soapaction: '""' },
        body,
      );

    beforeAll(async () => {
      conn = await createConnection(t, { vendor: "salesforce", organizationId: "00D5e000000AbCdEAK" });
    });

    it("a message delivered twice is applied once; an older state delivered late is skipped", T, async () => {
      expect(olderXml).not.toBe(xml);
      expect(await post(xml)).toBe(200);
      const first = await eventsOf(conn.id);
      expect(await post(xml)).toBe(200); // Salesforce re-sends when it missed the Ack
      expect(await eventsOf(conn.id)).toHaveLength(first.length);
      expect(await applyJobsOf(conn.id)).toHaveLength(1);
      expect(await deal("0065e00000Q1w2eAAB")).toMatchObject({ status: "won", amount: 48000 });

      expect(await post(olderXml)).toBe(200);
      expect(await deal("0065e00000Q1w2eAAB")).toMatchObject({ status: "won" });
      const late = (await eventsOf(conn.id)).find((e) => e.vendorEventId === "04l5e00000ABCx1AAD");
      expect(late?.status).toBe("skipped");
    });

    it("a wrong URL token or another org's message: 401, nothing stored", T, async () => {
      const before = (await eventsOf(conn.id)).length;
      expect(await post(olderXml.replace("ABCx1AAD", "ABCy1AAD"), "?token=guessed")).toBe(401);
      expect(await post(readFileSync("fixtures/crm/salesforce/other-org.xml", "utf8"))).toBe(401);
      expect(await eventsOf(conn.id)).toHaveLength(before);
    });
  });

  describe("generic (Standard Webhooks)", () => {
    let conn: { id: string; credentials: Record<string, string> };
    const secret = () => conn.credentials.signingSecret!;
    const post = (id: string, body: Json, at = clock.now(), key = secret()) => {
      const text = JSON.stringify(body);
      const ts = String(Math.floor(at.getTime() / 1000));
      return deliver(
        `/v1/crm/webhooks/${conn.id}`,
        {
          "content-type": "application/json",
          "webhook-id": id,
          "webhook-timestamp": ts,
          "webhook-signature": `v1,${referenceSignature(key, id, ts, text)}`,
        },
        text,
      );
    };
    const won = () => {
      const body = fixtureBodyJson<Json>("generic", "valid");
      delete body.data.owner_email;
      return body;
    };

    beforeAll(async () => {
      conn = await createConnection(t, { vendor: "generic" });
    });

    it(
      "a redelivery (same webhook-id, new timestamp) is applied once; an older event is skipped",
      T,
      async () => {
        expect(await post("msg_order_2", won())).toBe(200);
        clock.advance(30_000);
        expect(await post("msg_order_2", won())).toBe(200); // the sender's retry, re-signed
        expect(await eventsOf(conn.id)).toHaveLength(1);
        expect(await deal("D-1042")).toMatchObject({ status: "won", amount: 24000.5 });

        const older = won();
        older.timestamp = "2026-03-02T08:45:00+01:00";
        Object.assign(older.data, { status: "open", closed_at: null, amount: 1 });
        expect(await post("msg_order_1", older)).toBe(200);
        expect(await deal("D-1042")).toMatchObject({ status: "won", amount: 24000.5 });
        expect(await statuses(conn.id)).toEqual(["applied", "skipped"]);
      },
    );

    it("another secret or a stale timestamp: 401, nothing stored", T, async () => {
      const before = (await eventsOf(conn.id)).length;
      const other = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
      expect(await post("msg_order_3", won(), clock.now(), other)).toBe(401);
      expect(await post("msg_order_4", won(), new Date(clock.now().getTime() - 6 * 60_000))).toBe(401);
      expect(await eventsOf(conn.id)).toHaveLength(before);
    });
  });
});
