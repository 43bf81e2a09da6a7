import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../src/db/database.js";
import { testDatabases } from "../helpers/db.js";
import { createWebTestApp, type WebTestApp } from "./web-client.js";

const VTT = readFileSync(new URL("../../fixtures/calls/discovery-acme.vtt", import.meta.url), "utf8");

/**
 * Who may open the report pages: a rep only their own rep page (a colleague's is a 404, the team
 * page a 403), managers and admins every rep of their organization, nobody another organization's.
 */
describe.each(testDatabases)("dashboard report pages: authorization ($name)", ({ open }) => {
  let h: DatabaseHandle;
  let t: WebTestApp;
  let manager: Awaited<ReturnType<WebTestApp["user"]>>;
  let rep: Awaited<ReturnType<WebTestApp["user"]>>;
  let colleague: Awaited<ReturnType<WebTestApp["user"]>>;

  beforeAll(async () => {
    h = await open();
    t = await createWebTestApp(h.db, { now: () => new Date("2026-03-20T09:00:00Z") });
    manager = await t.user("manager", "Mona Manager");
    rep = await t.user("rep", "Rita Rep");
    colleague = await t.user("rep", "Carl Colleague");
    const res = await t.request("/v1/calls", {
      method: "POST",
      headers: t.auth(colleague.key, { "content-type": "application/json" }),
      body: JSON.stringify({
        transcript: VTT,
        title: "Carl's discovery",
        occurredAt: "2026-03-10T10:00:00Z",
      }),
    });
    expect(res.status).toBe(202);
  });
  afterAll(async () => {
    await h?.close();
  });

  it("sends a signed-out visitor to sign in", async () => {
    const b = t.browser();
    const res = await b.request(`/reps/${rep.id}`);
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`/login?next=%2Freps%2F${rep.id}`);
    expect((await b.request("/team")).status).toBe(303);
  });

  it("a rep opens their own page, gets a 404 for a colleague's and a 403 for the team page", async () => {
    const b = t.browser();
    await b.signIn(rep.key);
    const own = await b.request(`/reps/${rep.id}`);
    expect(own.status).toBe(200);
    expect(await own.text()).toContain("<h1>My coaching</h1>");
    const other = await b.request(`/reps/${colleague.id}?from=2026-03-01&to=2026-03-31`);
    expect(other.status).toBe(404);
    const otherHtml = await other.text();
    expect(otherHtml).not.toContain("Carl");
    expect((await b.request(`/reps/${manager.id}`)).status).toBe(404);
    expect((await b.request("/reps/usr_nobody")).status).toBe(404);
    const team = await b.request("/team");
    expect(team.status).toBe(403);
    expect(await team.text()).not.toContain("Carl");
    // The navigation offers a rep their own page, never the team page.
    const nav = await (await b.request("/calls")).text();
    expect(nav).toContain(`href="/reps/${rep.id}"`);
    expect(nav).not.toContain('href="/team"');
  });

  it("a manager opens the team page and every rep's page of the organization", async () => {
    const b = t.browser();
    await b.signIn(manager.key);
    expect((await b.request("/team")).status).toBe(200);
    const carl = await b.request(`/reps/${colleague.id}`);
    expect(carl.status).toBe(200);
    expect(await carl.text()).toContain("Coaching: Carl Colleague");
  });

  it("nobody reads another organization's rep", async () => {
    const create = await t.request("/v1/orgs", {
      method: "POST",
      headers: t.auth(t.adminKey, { "content-type": "application/json" }),
      body: JSON.stringify({ name: "Other Org", adminEmail: "boss@other.test", adminName: "Boss" }),
    });
    expect(create.status).toBe(201);
    const otherAdminKey = ((await create.json()) as { key: { key: string } }).key.key;
    const b = t.browser();
    await b.signIn(otherAdminKey);
    expect((await b.request(`/reps/${colleague.id}`)).status).toBe(404);
    const team = await (await b.request("/team")).text();
    expect(team).not.toContain("Carl");
  });
});
