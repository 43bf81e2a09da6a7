import { readFileSync } from "node:fs";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { revokeKey } from "../../src/admin/operations.js";
import type { DatabaseHandle } from "../../src/db/database.js";
import { calls, magicLinks, users, webSessions } from "../../src/db/schema/index.js";
import { testDatabases } from "../helpers/db.js";
import { createWebTestApp, type WebTestApp } from "./web-client.js";

const VTT = readFileSync(new URL("../../fixtures/calls/discovery-acme.vtt", import.meta.url), "utf8");

describe.each(testDatabases)("dashboard sessions, CSRF and authorization ($name)", ({ open }) => {
  let h: DatabaseHandle;
  let t: WebTestApp;
  let clock = Date.parse("2026-03-02T09:00:00Z");
  let manager: Awaited<ReturnType<WebTestApp["user"]>>;
  let rep: Awaited<ReturnType<WebTestApp["user"]>>;
  let colleague: Awaited<ReturnType<WebTestApp["user"]>>;
  let colleagueCall: string;
  let repCall: string;

  async function upload(key: string, title: string, content: string): Promise<string> {
    const res = await t.request("/v1/calls", {
      method: "POST",
      headers: t.auth(key, { "content-type": "application/json" }),
      body: JSON.stringify({ transcript: content, title }),
    });
    expect(res.status).toBe(202);
    return ((await res.json()) as { id: string }).id;
  }

  beforeAll(async () => {
    h = await open();
    t = await createWebTestApp(h.db, { now: () => new Date(clock) });
    manager = await t.user("manager", "Mona Manager");
    rep = await t.user("rep", "Rita Rep");
    colleague = await t.user("rep", "Carl Colleague");
    repCall = await upload(rep.key, "Rita's discovery", VTT);
    colleagueCall = await upload(
      colleague.key,
      "Carl's discovery",
      VTT.replace("WEBVTT", "WEBVTT\n\nNOTE copy"),
    );
  });
  afterAll(async () => {
    await h?.close();
  });

  it("sends a signed-out visitor from / and from every page to /login", async () => {
    const b = t.browser();
    const root = await b.request("/");
    expect(root.status).toBe(303);
    expect(root.headers.get("location")).toBe("/login");
    const calls = await b.request("/calls?status=done");
    expect(calls.status).toBe(303);
    expect(calls.headers.get("location")).toBe("/login?next=%2Fcalls%3Fstatus%3Ddone");
    const status = await b.request(`/calls/${repCall}/status`, { headers: { accept: "application/json" } });
    expect(status.status).toBe(401);
  });

  it("signs in with an API key: an HttpOnly SameSite=Lax cookie, only its hash stored", async () => {
    const b = t.browser();
    const res = await b.signIn(rep.key);
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/calls");
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith("debrief_session="))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/); // http://localhost: development
    const token = b.cookies.get("debrief_session")!;
    const rows = await h.db.select().from(webSessions).where(eq(webSessions.userId, rep.id));
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(rows[0]!.apiKeyId).toBe(rep.keyId);
    const page = await b.request("/calls");
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Rita Rep");
  });

  it("marks the cookie Secure on a non-local host", async () => {
    const b = t.browser();
    const csrf = await b.csrfFrom("https://debrief.example.com/login");
    const res = await b.form("https://debrief.example.com/login", { csrf, key: rep.key });
    expect(res.status).toBe(303);
    expect(res.headers.getSetCookie().find((c) => c.startsWith("debrief_session="))).toMatch(/Secure/);
  });

  it("refuses an unknown key, and a sign-in without its CSRF token", async () => {
    const b = t.browser();
    const bad = await b.signIn("dbf_not_a_key_at_all_000000000000");
    expect(bad.status).toBe(401);
    expect(await bad.text()).toContain("unknown or has been revoked");
    expect(b.cookies.has("debrief_session")).toBe(false);
    const noCsrf = await t.browser().form("/login", { key: rep.key });
    expect(noCsrf.status).toBe(403);
    expect(noCsrf.headers.get("content-type")).toMatch(/text\/html/);
    expect(noCsrf.headers.getSetCookie().some((c) => c.startsWith("debrief_session="))).toBe(false);
  });

  it("ends the session when the key it came from is revoked", async () => {
    const extra = await t.user("rep", "Kim Keyholder");
    const b = t.browser();
    await b.signIn(extra.key);
    expect((await b.request("/calls")).status).toBe(200);
    await revokeKey(
      {
        services: t.services,
        actor: { orgId: t.orgId, userId: t.adminUserId, role: "admin", keyId: "x", operator: true },
      },
      extra.keyId,
      new Date(clock),
    );
    const after = await b.request("/calls");
    expect(after.status).toBe(303);
    expect(after.headers.get("location")).toMatch(/^\/login/);
  });

  it("signs out: the session is revoked server-side, the old cookie is useless", async () => {
    const b = t.browser();
    await b.signIn(manager.key);
    const token = b.cookies.get("debrief_session")!;
    const csrf = await b.csrfFrom("/calls");
    const out = await b.form("/logout", { csrf });
    expect(out.status).toBe(303);
    expect(b.cookies.has("debrief_session")).toBe(false);
    const replay = await t.browser().request("/calls", { headers: { cookie: `debrief_session=${token}` } });
    expect(replay.status).toBe(303);
  });

  it("expires sessions after 12 hours", async () => {
    const b = t.browser();
    await b.signIn(manager.key);
    clock += 12 * 3600 * 1000 + 1000;
    try {
      expect((await b.request("/calls")).status).toBe(303);
    } finally {
      clock -= 12 * 3600 * 1000 + 1000;
    }
  });

  it("refuses forms with a missing or wrong CSRF token (403 page), and does nothing", async () => {
    const b = t.browser();
    await b.signIn(t.adminKey);
    const missing = await b.form("/settings/users", {
      name: "Eve",
      email: "eve@example.test",
      role: "admin",
    });
    expect(missing.status).toBe(403);
    expect(await missing.text()).toContain("This form was refused");
    const wrong = await b.form("/settings/users", {
      csrf: "0".repeat(64),
      name: "Eve",
      email: "eve@example.test",
      role: "admin",
    });
    expect(wrong.status).toBe(403);
    // Another session's token is wrong too: tokens are bound to their session.
    const other = t.browser();
    await other.signIn(t.adminKey);
    const foreign = await b.form("/settings/users", {
      csrf: await other.csrfFrom("/calls"),
      name: "Eve",
      email: "eve@example.test",
      role: "admin",
    });
    expect(foreign.status).toBe(403);
    expect(await h.db.select().from(users).where(eq(users.email, "eve@example.test"))).toHaveLength(0);
    const logout = await b.form("/logout", {});
    expect(logout.status).toBe(403);
    expect((await b.request("/calls")).status).toBe(200);
  });

  it("refuses an upload without the CSRF token before storing anything", async () => {
    const b = t.browser();
    await b.signIn(rep.key);
    const before = (await h.db.select({ id: calls.id }).from(calls)).length;
    const form = new FormData();
    form.set("title", "forged");
    form.set("file", new Blob([VTT.replace("WEBVTT", "WEBVTT\n\nNOTE forged")]), "forged.vtt");
    // Sent as the bytes a client puts on the wire (as test/api/upload.error.test.ts does): handed
    // a FormData, undici's multipart stream throws ERR_INVALID_STATE after the refusal cancels it.
    const wire = new Request("http://wire.test/", { method: "POST", body: form });
    const type = wire.headers.get("content-type") ?? "";
    const bytes = new Uint8Array(await wire.arrayBuffer());
    const noToken = await b.request("/calls/new", {
      method: "POST",
      body: bytes,
      headers: { "content-type": type },
    });
    expect(noToken.status).toBe(403);
    const wrongHeader = await b.request("/calls/new", {
      method: "POST",
      body: bytes,
      headers: { "content-type": type, "x-csrf-token": "f".repeat(64), accept: "application/json" },
    });
    expect(wrongHeader.status).toBe(403);
    expect((await h.db.select({ id: calls.id }).from(calls)).length).toBe(before);
  });

  it("a rep sees only their own calls: a colleague's call page and status are 404, settings 403", async () => {
    const b = t.browser();
    await b.signIn(rep.key);
    const list = await (await b.request("/calls")).text();
    expect(list).toContain("Rita&#39;s discovery");
    expect(list).not.toContain("Carl");
    expect((await b.request(`/calls/${repCall}`)).status).toBe(200);
    const other = await b.request(`/calls/${colleagueCall}`);
    expect(other.status).toBe(404);
    expect(await other.text()).not.toContain("Carl");
    expect((await b.request(`/calls/${colleagueCall}/status`)).status).toBe(404);
    // Filtering by a colleague's id does not widen what a rep sees.
    expect(await (await b.request(`/calls?rep=${colleague.id}`)).text()).not.toContain("Carl&#39;s");
    expect((await b.request("/settings/users")).status).toBe(403);
    expect((await b.request("/settings/playbooks")).status).toBe(403);
  });

  it("a manager sees the organization's calls but not the admin settings", async () => {
    const b = t.browser();
    await b.signIn(manager.key);
    const list = await (await b.request("/calls")).text();
    expect(list).toContain("Rita&#39;s discovery");
    expect(list).toContain("Carl&#39;s discovery");
    expect((await b.request(`/calls/${colleagueCall}`)).status).toBe(200);
    expect((await b.request("/settings/users")).status).toBe(403);
  });

  it("only redirects to same-site paths after sign-in", async () => {
    const b = t.browser();
    const csrf = await b.csrfFrom("/login");
    const res = await b.form("/login", { csrf, key: rep.key, next: "//evil.example/x" });
    expect(res.headers.get("location")).toBe("/calls");
  });

  describe("magic links", () => {
    it("mails a single-use link to a known address, and answers unknown addresses the same way", async () => {
      const person = await t.user("rep", "Mia");
      const [row] = await h.db.select({ email: users.email }).from(users).where(eq(users.id, person.id));
      const email = row!.email;
      const b = t.browser();
      const csrf = await b.csrfFrom("/login");
      const known = await b.form("/login/magic", { csrf, email: email.toUpperCase() });
      const unknown = await b.form("/login/magic", { csrf, email: "nobody@example.test" });
      expect(known.status).toBe(200);
      expect(unknown.status).toBe(200);
      const strip = (s: string) => s.replace(/value="[0-9a-f]{64}"/g, "");
      expect(strip(await known.text())).toBe(strip(await unknown.text()));
      const mails = t.mail.filter((m) => m.to === email);
      expect(mails).toHaveLength(1);
      expect(t.mail.some((m) => m.to === "nobody@example.test")).toBe(false);
      const token = /token=([0-9a-f]{64})/.exec(mails[0]!.text)![1]!;
      const stored = await h.db.select().from(magicLinks).where(eq(magicLinks.userId, person.id));
      expect(JSON.stringify(stored)).not.toContain(token);

      // Opening the link shows a confirmation form; only posting it signs in.
      const landing = await b.request(`/login/magic?token=${token}`);
      expect(landing.status).toBe(200);
      expect(b.cookies.has("debrief_session")).toBe(false);
      const confirmCsrf = await b.csrfFrom(`/login/magic?token=${token}`);
      const ok = await b.form("/login/magic/confirm", { csrf: confirmCsrf, token });
      expect(ok.status).toBe(303);
      expect(await (await b.request("/calls")).text()).toContain("Mia");
      const [session] = await h.db.select().from(webSessions).where(eq(webSessions.userId, person.id));
      expect(session!.apiKeyId).toBeNull();

      const again = t.browser();
      const againCsrf = await again.csrfFrom("/login");
      const reused = await again.form("/login/magic/confirm", { csrf: againCsrf, token });
      expect(reused.status).toBe(400);
      expect(again.cookies.has("debrief_session")).toBe(false);
    });

    it("expires links after 15 minutes and rate-limits requests per address", async () => {
      const person = await t.user("rep", "Ola");
      const [row] = await h.db.select({ email: users.email }).from(users).where(eq(users.id, person.id));
      const email = row!.email;
      const b = t.browser();
      const csrf = await b.csrfFrom("/login");
      for (let i = 0; i < 5; i++) expect((await b.form("/login/magic", { csrf, email })).status).toBe(200);
      const mails = t.mail.filter((m) => m.to === email);
      expect(mails).toHaveLength(3);
      const token = /token=([0-9a-f]{64})/.exec(mails[0]!.text)![1]!;
      clock += 15 * 60 * 1000 + 1;
      try {
        const late = await b.form("/login/magic/confirm", { csrf, token });
        expect(late.status).toBe(400);
        // A new window allows a new link.
        await b.form("/login/magic", { csrf, email });
        expect(t.mail.filter((m) => m.to === email)).toHaveLength(4);
      } finally {
        clock -= 15 * 60 * 1000 + 1;
      }
    });

    it("never puts a forged Host into a link: off loopback it needs DEBRIEF_PUBLIC_URL", async () => {
      const person = await t.user("rep", "Hal");
      const [row] = await h.db.select({ email: users.email }).from(users).where(eq(users.id, person.id));
      const b = t.browser();
      const csrf = await b.csrfFrom("https://evil.example/login");
      const res = await b.form("https://evil.example/login/magic", { csrf, email: row!.email });
      expect(res.status).toBe(200);
      expect(t.mail.filter((m) => m.to === row!.email)).toHaveLength(0);
    });
  });
});
