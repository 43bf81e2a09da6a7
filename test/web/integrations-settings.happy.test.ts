import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../src/db/database.js";
import { events, webhookDeliveries } from "../../src/db/schema/index.js";
import { readEvents } from "../../src/events/outbox.js";
import { testDatabases } from "../helpers/db.js";
import { TEST_SECRETS_KEY } from "../integrations/helpers.js";
import { createWebTestApp, type WebClient, type WebTestApp } from "./web-client.js";

/**
 * The admin settings for integrations through the plain forms: webhook endpoints (secret shown
 * once, edit, delivery log, replay, delete) and CRM connections (receiver URL shown, secrets never).
 */
describe.each(testDatabases)("dashboard settings: webhooks and CRM connections ($name)", ({ open }) => {
  let h: DatabaseHandle;
  let t: WebTestApp;
  let admin: WebClient;
  let csrf: string;

  beforeAll(async () => {
    h = await open();
    t = await createWebTestApp(h.db, { config: { DEBRIEF_SECRETS_KEY: TEST_SECRETS_KEY } });
    admin = t.browser();
    await admin.signIn(t.adminKey);
    csrf = await admin.csrfFrom("/settings/webhooks");
  });
  afterAll(async () => {
    await h?.close();
  });

  const post = (path: string, fields: Array<[string, string]>) =>
    admin.request(path, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams([["csrf", csrf], ...fields]).toString(),
    });

  it("creates a webhook endpoint and shows its secret once", async () => {
    const res = await post("/settings/webhooks", [
      ["url", "https://hooks.example.com/debrief"],
      ["events", "call.coached"],
      ["events", "call.bogus"],
    ]);
    expect(res.status).toBe(200);
    const html = await res.text();
    const secret = /id="new-secret">([^<]+)</.exec(html)?.[1];
    expect(secret).toMatch(/^whsec_/);
    expect(html).toContain(">call.coached</td>");
    const again = await (await admin.request("/settings/webhooks")).text();
    expect(again).toContain("https://hooks.example.com/debrief");
    expect(again).not.toContain(secret!);
  });

  it("shows a refused URL in place, keeping what was typed", async () => {
    const res = await post("/settings/webhooks", [["url", "http://127.0.0.1/x"]]);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    const html = await res.text();
    expect(html).toContain('role="alert"');
    expect(html).toContain('value="http://127.0.0.1/x"');
  });

  it("edits an endpoint's URL, events and state, lists its deliveries and replays one", async () => {
    const list = await (await admin.request("/settings/webhooks")).text();
    const id = /href="\/settings\/webhooks\/(ep_[^"]+)"/.exec(list)![1]!;
    const saved = await post(`/settings/webhooks/${id}`, [
      ["url", "https://hooks.example.com/v2"],
      ["events", "call.failed"],
    ]);
    expect(saved.status).toBe(303);
    const page = await (await admin.request(saved.headers.get("location")!)).text();
    expect(page).toContain("The endpoint is saved.");
    expect(page).toContain('value="https://hooks.example.com/v2"');
    expect(page).toMatch(/id="wh-edit-call.failed" name="events" value="call.failed" checked/);
    expect(page).not.toMatch(/id="wh-enabled" name="enabled" value="on" checked/); // unticked: disabled
    expect(page).toContain("Nothing was sent yet.");

    await h.db
      .insert(events)
      .values({ id: "evt_settings_1", orgId: t.orgId, type: "call.failed", subject: "call_x", payload: {} });
    const evt = (await readEvents({ db: h.db, orgId: t.orgId, afterSeq: 0, limit: 1000 })).find(
      (e) => e.id === "evt_settings_1",
    );
    await h.db.insert(webhookDeliveries).values({
      id: "msg_settings_1",
      orgId: t.orgId,
      endpointId: id,
      eventId: "evt_settings_1",
      eventSeq: evt!.seq,
      eventType: "call.failed",
      body: "{}",
      status: "failed",
      attempts: 8,
      responseStatus: 500,
      lastError: "HTTP 500",
    });
    const log = await (await admin.request(`/settings/webhooks/${id}`)).text();
    expect(log).toContain("msg_settings_1");
    expect(log).toContain("HTTP 500");
    const replay = await post(`/settings/webhooks/${id}/deliveries/msg_settings_1/replay`, []);
    expect(replay.status).toBe(303);
    const after = await (await admin.request(replay.headers.get("location")!)).text();
    expect(after).toContain("The message is queued to be sent again.");
    expect(after).toMatch(/badge warn">Pending/);
    expect((await post(`/settings/webhooks/${id}/deliveries/msg_nope/replay`, [])).status).toBe(404);

    const deleted = await post(`/settings/webhooks/${id}/delete`, []);
    expect(deleted.status).toBe(303);
    expect(await (await admin.request("/settings/webhooks?notice=deleted")).text()).not.toContain(id);
    expect((await admin.request(`/settings/webhooks/${id}`)).status).toBe(404);
  });

  it("connects a CRM: shows the receiver URL and generated credentials once, never the secrets", async () => {
    const res = await post("/settings/crm", [
      ["vendor", "pipedrive"],
      ["name", "Sales Pipedrive"],
      ["companyId", "4242"],
      ["companyDomain", "acme"],
      ["apiToken", "pd-token-never-shown"],
      ["writeBack", "on"],
    ]);
    expect(res.status).toBe(200);
    const html = await res.text();
    const url = /id="new-webhook-url">([^<]+)</.exec(html)?.[1];
    expect(url).toMatch(/^http:\/\/localhost\/v1\/crm\/webhooks\/conn_/);
    expect(html).toContain("httpAuthPassword");
    expect(html).not.toContain("pd-token-never-shown");
    const list = await (await admin.request("/settings/crm")).text();
    expect(list).toContain("Sales Pipedrive");
    expect(list).toContain(url!);
    expect(list).not.toContain("httpAuthPassword");
    expect(list).not.toContain("pd-token-never-shown");

    const id = /action="\/settings\/crm\/(conn_[^/]+)\/delete"/.exec(list)![1]!;
    const del = await post(`/settings/crm/${id}/delete`, []);
    expect(del.status).toBe(303);
    expect(await (await admin.request("/settings/crm")).text()).not.toContain("Sales Pipedrive");
  });

  it("names the field a CRM form got wrong, keeping the rest but no secret", async () => {
    const res = await post("/settings/crm", [
      ["vendor", "hubspot"],
      ["portalId", "not-a-number"],
      ["clientSecret", "s3cret-value"],
    ]);
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toMatch(/role="alert">portalId: /);
    expect(html).toContain('value="not-a-number"');
    expect(html).not.toContain("s3cret-value");
  });
});
