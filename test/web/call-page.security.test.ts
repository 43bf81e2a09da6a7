import { readFileSync } from "node:fs";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../src/db/database.js";
import {
  calls,
  crmConnections,
  crmWritebacks,
  events,
  webhookDeliveries,
  webhookEndpoints,
} from "../../src/db/schema/index.js";
import { readEvents } from "../../src/events/outbox.js";
import { deepgramTranscriber } from "../../src/transcription/deepgram.js";
import { testDatabases } from "../helpers/db.js";
import { wav } from "../helpers/wav.js";
import { createWebTestApp, type WebClient, type WebTestApp } from "./web-client.js";

const VTT = readFileSync(new URL("../../fixtures/calls/discovery-acme.vtt", import.meta.url), "utf8");

/**
 * The call page's recording and integration status: the audio route streams the stored blob to
 * whoever may see the call (with byte ranges for seeking) and to nobody else; the CRM write-back
 * shows to everyone who sees the call, webhook deliveries only to managers and admins.
 */
describe.each(testDatabases)("dashboard call page: audio and sync status ($name)", ({ open }) => {
  let h: DatabaseHandle;
  let t: WebTestApp;
  let rep: WebClient;
  let colleague: WebClient;
  let manager: WebClient;
  let audioCall: string;
  let textCall: string;
  const audio = wav(1);

  async function upload(key: string, body: FormData): Promise<string> {
    const res = await t.request("/v1/calls", { method: "POST", headers: t.auth(key), body });
    expect(res.status, await res.clone().text()).toBe(202);
    return ((await res.json()) as { id: string }).id;
  }

  beforeAll(async () => {
    h = await open();
    t = await createWebTestApp(h.db, { transcriber: deepgramTranscriber({ apiKey: "dg_test_key" }) });
    const r = await t.user("rep", "Rita");
    const c = await t.user("rep", "Carl");
    const m = await t.user("manager", "Mona");
    const audioForm = new FormData();
    audioForm.set("title", "Recorded call");
    audioForm.set("file", new File([audio.slice()], "call.wav", { type: "audio/wav" }));
    audioCall = await upload(r.key, audioForm);
    const textForm = new FormData();
    textForm.set("title", "Typed call");
    textForm.set("crmDealId", "D-7");
    textForm.set("file", new File([VTT], "call.vtt", { type: "text/vtt" }));
    textCall = await upload(r.key, textForm);
    rep = t.browser();
    await rep.signIn(r.key);
    colleague = t.browser();
    await colleague.signIn(c.key);
    manager = t.browser();
    await manager.signIn(m.key);

    // A CRM write-back and a webhook delivery about the typed call, as the jobs leave them.
    await h.db
      .insert(crmConnections)
      .values({ id: "conn_1", orgId: t.orgId, vendor: "hubspot", secrets: "x" });
    await h.db.insert(crmWritebacks).values({
      id: "wb_1",
      orgId: t.orgId,
      callId: textCall,
      connectionId: "conn_1",
      dealId: "D-7",
      status: "failed",
      error: "HubSpot answered 403: missing scope crm.objects.deals.write",
    });
    await h.db.insert(webhookEndpoints).values({
      id: "ep_1",
      orgId: t.orgId,
      url: "https://hooks.example.test/secret-path-token",
      secret: "x",
    });
    await h.db
      .insert(events)
      .values({ id: "evt_web_1", orgId: t.orgId, type: "call.analyzed", subject: textCall, payload: {} });
    const evt = (await readEvents({ db: h.db, orgId: t.orgId, afterSeq: 0, limit: 1000 })).find(
      (e) => e.id === "evt_web_1",
    );
    await h.db.insert(webhookDeliveries).values({
      id: "msg_1",
      orgId: t.orgId,
      endpointId: "ep_1",
      eventId: "evt_web_1",
      eventSeq: evt!.seq,
      eventType: "call.analyzed",
      body: "{}",
      status: "succeeded",
      attempts: 1,
      responseStatus: 204,
    });
  });
  afterAll(async () => {
    await h?.close();
  });

  it("streams the recording whole, and a byte range as 206 for seeking", async () => {
    const whole = await rep.request(`/calls/${audioCall}/audio`);
    expect(whole.status).toBe(200);
    expect(whole.headers.get("content-type")).toBe("audio/wav");
    expect(whole.headers.get("accept-ranges")).toBe("bytes");
    expect(whole.headers.get("content-length")).toBe(String(audio.length));
    expect(new Uint8Array(await whole.arrayBuffer())).toEqual(audio);

    const part = await rep.request(`/calls/${audioCall}/audio`, { headers: { range: "bytes=100-199" } });
    expect(part.status).toBe(206);
    expect(part.headers.get("content-range")).toBe(`bytes 100-199/${audio.length}`);
    expect(new Uint8Array(await part.arrayBuffer())).toEqual(audio.subarray(100, 200));

    const tail = await rep.request(`/calls/${audioCall}/audio`, { headers: { range: "bytes=16000-" } });
    expect(tail.status).toBe(206);
    expect(tail.headers.get("content-range")).toBe(`bytes 16000-${audio.length - 1}/${audio.length}`);
    expect((await tail.arrayBuffer()).byteLength).toBe(audio.length - 16000);

    const past = await rep.request(`/calls/${audioCall}/audio`, { headers: { range: "bytes=999999-" } });
    expect(past.status).toBe(416);
    expect(past.headers.get("content-range")).toBe(`bytes */${audio.length}`);
  });

  it("shows the player and play links only for a call with a recording", async () => {
    const page = await (await rep.request(`/calls/${audioCall}`)).text();
    expect(page).toContain(
      `<audio id="call-audio" controls="" preload="metadata" src="/calls/${audioCall}/audio">`,
    );
    expect(await (await rep.request(`/calls/${textCall}`)).text()).not.toContain("<audio");
    expect((await rep.request(`/calls/${textCall}/audio`)).status).toBe(404);
    // The page's CSP lets the player load media from the app itself.
    expect((await rep.request(`/calls/${audioCall}`)).headers.get("content-security-policy")).toContain(
      "media-src 'self'",
    );
  });

  it("never serves a colleague's or a signed-out visitor's request for the recording", async () => {
    const other = await colleague.request(`/calls/${audioCall}/audio`);
    expect(other.status).toBe(404);
    expect(other.headers.get("content-type")).not.toContain("audio");
    expect(
      (await colleague.request(`/calls/${audioCall}/audio`, { headers: { range: "bytes=0-" } })).status,
    ).toBe(404);
    const anonymous = await t.browser().request(`/calls/${audioCall}/audio`);
    expect(anonymous.status).toBe(303);
    expect((await manager.request(`/calls/${audioCall}/audio`)).status).toBe(200);
  });

  it("never lets stored bytes run as a page of the dashboard", async () => {
    const whole = await rep.request(`/calls/${audioCall}/audio`);
    expect(whole.headers.get("content-security-policy")).toBe("default-src 'none'; sandbox");
    expect(whole.headers.get("x-content-type-options")).toBe("nosniff");
    await h.db.update(calls).set({ mediaType: "text/html" }).where(eq(calls.id, audioCall));
    const html = await rep.request(`/calls/${audioCall}/audio`);
    expect(html.headers.get("content-type")).toBe("application/octet-stream");
    expect(html.headers.get("content-disposition")).toBe("attachment");
    await h.db.update(calls).set({ mediaType: "audio/wav" }).where(eq(calls.id, audioCall));
  });

  it("shows the CRM write-back to the rep and webhook deliveries (host only) to a manager", async () => {
    const repPage = await (await rep.request(`/calls/${textCall}`)).text();
    expect(repPage).toContain("CRM sync and webhooks");
    expect(repPage).toContain("missing scope crm.objects.deals.write");
    expect(repPage).toContain("deal D-7");
    expect(repPage).not.toContain("Webhook deliveries");
    expect(repPage).not.toContain("hooks.example.test");
    const managerPage = await (await manager.request(`/calls/${textCall}`)).text();
    expect(managerPage).toContain("Webhook deliveries");
    expect(managerPage).toContain("<code>call.analyzed</code> to hooks.example.test");
    expect(managerPage).toContain("HTTP 204");
    expect(managerPage).not.toContain("secret-path-token");
    // Another call of the same organization shows none of it.
    const audioPage = await (await manager.request(`/calls/${audioCall}`)).text();
    expect(audioPage).toContain("No webhook message about this call.");
  });
});
