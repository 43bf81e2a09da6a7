import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../src/db/database.js";
import { testDatabases } from "../helpers/db.js";
import { createWebTestApp, type WebClient, type WebTestApp } from "./web-client.js";

const VTT = readFileSync(new URL("../../fixtures/calls/discovery-acme.vtt", import.meta.url), "utf8");

/** The calls list's deal-outcome filter and its search in titles and in what was said. */
describe.each(testDatabases)("dashboard calls list: outcome and transcript search ($name)", ({ open }) => {
  let h: DatabaseHandle;
  let t: WebTestApp;
  let manager: WebClient;
  let repBrowser: WebClient;

  async function upload(key: string, body: Record<string, unknown>): Promise<string> {
    const res = await t.request("/v1/calls", {
      method: "POST",
      headers: t.auth(key, { "content-type": "application/json" }),
      body: JSON.stringify(body),
    });
    expect(res.status).toBe(202);
    return ((await res.json()) as { id: string }).id;
  }
  async function deal(id: string, status: "open" | "won" | "lost") {
    const res = await t.request(`/v1/crm/deals/${id}`, {
      method: "PUT",
      headers: t.auth(t.adminKey, { "content-type": "application/json" }),
      body: JSON.stringify({
        id,
        createdAt: "2026-01-05T10:00:00Z",
        status,
        ...(status === "open" ? {} : { closedAt: "2026-02-05T10:00:00Z" }),
      }),
    });
    expect(res.status, await res.clone().text()).toBeLessThan(300);
  }
  const titles = async (b: WebClient, path: string) =>
    [...(await (await b.request(path)).text()).matchAll(/<a href="\/calls\/call_[^"]+">([^<]+)<\/a>/g)].map(
      (m) => m[1],
    );

  beforeAll(async () => {
    h = await open();
    t = await createWebTestApp(h.db);
    const m = await t.user("manager", "Mona");
    const rep = await t.user("rep", "Rita");
    const colleague = await t.user("rep", "Carl");
    await upload(rep.key, { transcript: VTT, title: "Won call", crmDealId: "D-won" });
    await upload(colleague.key, {
      transcript: VTT.replace("loud and clear", "loud and clear, the zeppelin fleet too"),
      title: "Lost call",
      crmDealId: "D-lost",
    });
    await upload(rep.key, {
      transcript: VTT.replace("WEBVTT", "WEBVTT\n\nNOTE third"),
      title: "Open call",
      crmDealId: "D-open",
    });
    await upload(rep.key, { transcript: VTT.replace("WEBVTT", "WEBVTT\n\nNOTE fourth"), title: "No deal" });
    await deal("D-won", "won");
    await deal("D-lost", "lost");
    await deal("D-open", "open");
    manager = t.browser();
    await manager.signIn(m.key);
    repBrowser = t.browser();
    await repBrowser.signIn(rep.key);
  });
  afterAll(async () => {
    await h?.close();
  });

  it("filters by the outcome of the call's CRM deal and shows it in a column", async () => {
    expect(await titles(manager, "/calls?outcome=won")).toEqual(["Won call"]);
    expect(await titles(manager, "/calls?outcome=lost")).toEqual(["Lost call"]);
    expect(await titles(manager, "/calls?outcome=open")).toEqual(["Open call"]);
    const all = await (await manager.request("/calls")).text();
    expect(all).toContain("<td>Won</td>");
    expect(all).toContain("<td>Lost</td>");
    // Combined with the other filters, and kept by the sort links.
    expect(await titles(manager, "/calls?outcome=won&status=failed")).toEqual([]);
    expect(all).not.toContain("outcome=");
    expect(await (await manager.request("/calls?outcome=won")).text()).toContain("outcome=won");
  });

  it("refuses an unknown outcome with a message and the unfiltered list", async () => {
    const res = await manager.request("/calls?outcome=maybe");
    expect(res.status).toBe(422);
    expect(await res.text()).toContain("Some filters were not understood");
  });

  it("searches what was said, not only titles, case-insensitively", async () => {
    expect(await titles(manager, "/calls?q=ZEPPELIN")).toEqual(["Lost call"]);
    expect((await titles(manager, "/calls?q=loud%20and%20clear")).sort()).toEqual(
      ["Lost call", "No deal", "Open call", "Won call"].sort(),
    );
    expect(await titles(manager, "/calls?q=won%20CALL")).toEqual(["Won call"]); // the title only
    // A word of the transcript's JSON structure is not something anyone said.
    expect(await titles(manager, "/calls?q=utterances")).toEqual([]);
    // Characters JSON escapes, and LIKE wildcards, are searched literally.
    expect(await titles(manager, "/calls?q=%22zeppelin")).toEqual([]);
    expect(await titles(manager, "/calls?q=100%25")).toEqual([]);
  });

  it("keeps a rep's search to their own calls", async () => {
    expect(await titles(repBrowser, "/calls?q=zeppelin")).toEqual([]);
    expect(await titles(repBrowser, "/calls?outcome=lost")).toEqual([]);
    expect(await titles(repBrowser, "/calls?q=loud%20and%20clear&outcome=won")).toEqual(["Won call"]);
  });
});
