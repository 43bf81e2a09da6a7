import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../src/db/database.js";
import { testDatabases } from "../helpers/db.js";
import { createWebTestApp, type WebClient, type WebTestApp } from "./web-client.js";

const VTT = readFileSync(new URL("../../fixtures/calls/discovery-acme.vtt", import.meta.url), "utf8");

/** A two-speaker call whose rep asks `questions` questions (one per sentence ending in "?"). */
function tinyCall(questions: string[]): string {
  return `WEBVTT

00:00:01.000 --> 00:00:09.000
<v Rep>${questions.join(" ")}</v>

00:00:10.000 --> 00:00:20.000
<v Client>We ship parcels across the region every day and it works well enough for now.</v>
`;
}

function uploadForm(
  fields: Record<string, string>,
  file: { name: string; body: string | Uint8Array<ArrayBuffer> },
): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  form.set("file", new Blob([file.body]), file.name);
  return form;
}

describe.each(testDatabases)("dashboard pages ($name)", ({ open }) => {
  let h: DatabaseHandle;
  let t: WebTestApp;
  let manager: WebClient;
  let csrf: string;

  beforeAll(async () => {
    h = await open();
    t = await createWebTestApp(h.db);
    const m = await t.user("manager", "Mona");
    manager = t.browser();
    await manager.signIn(m.key);
    csrf = await manager.csrfFrom("/calls/new");
  });
  afterAll(async () => {
    await h?.close();
  });

  it("uploads through the plain form (no JavaScript) and redirects to the call", async () => {
    const res = await manager.request("/calls/new", {
      method: "POST",
      // csrf first, empty optional fields as a browser sends them.
      body: uploadForm(
        { csrf, title: "Acme discovery", repUserId: "", rep: "Dana Reyes", crmDealId: "D-1", playbook: "" },
        { name: "acme.vtt", body: VTT },
      ),
    });
    expect(res.status).toBe(303);
    const location = res.headers.get("location")!;
    expect(location).toMatch(/^\/calls\/call_/);
    const page = await manager.request(location);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-security-policy")).toContain("script-src 'self'");
    const html = await page.text();
    expect(html).toContain("<h1>Acme discovery</h1>");
    expect(html).toContain("D-1");
    expect(html).toContain("Metrics ready; coaching in progress…");
    expect(html).toContain('id="u-0"');
    expect(html).toContain("<svg");
    expect(html).toContain("Metrics against the benchmarks");
    expect(html).toContain("Dana Reyes");
  });

  it("uploads by XHR: 202 with the call's URLs, then the status follows the coaching job", async () => {
    const res = await manager.request("/calls/new", {
      method: "POST",
      headers: { accept: "application/json", "x-csrf-token": csrf },
      body: uploadForm(
        { title: "Questions: three" },
        {
          name: "three.vtt",
          body: tinyCall(["What brings you here?", "How do you work today?", "Who decides?"]),
        },
      ),
    });
    expect(res.status).toBe(202);
    const body = (await res.json()) as { id: string; url: string; statusUrl: string };
    expect(body.url).toBe(`/calls/${body.id}`);
    const before = await (
      await manager.request(body.statusUrl, { headers: { accept: "application/json" } })
    ).json();
    expect(before).toMatchObject({ status: "done", coachingStatus: "pending", finished: false });
    expect(await t.runJobs()).toBeGreaterThan(0);
    const after = await (
      await manager.request(body.statusUrl, { headers: { accept: "application/json" } })
    ).json();
    expect(after).toMatchObject({ coachingStatus: "done", finished: true, label: "Analyzed and coached" });
    const html = await (await manager.request(body.url)).text();
    expect(html).toContain("Coaching summary");
    expect(html).toContain("Playbook:");
  });

  it("shows the API's problem detail for a bad file: JSON to the script, a page to the plain form", async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);
    const xhr = await manager.request("/calls/new", {
      method: "POST",
      headers: { accept: "application/json", "x-csrf-token": csrf },
      body: uploadForm({}, { name: "picture.png", body: png }),
    });
    expect(xhr.status).toBe(415);
    expect(xhr.headers.get("content-type")).toBe("application/problem+json");
    const problem = (await xhr.json()) as { title: string; detail: string };
    expect(problem.title).toBe("Unsupported media type");
    expect(problem.detail).toMatch(/^picture\.png: neither a supported transcript/);

    const plain = await manager.request("/calls/new", {
      method: "POST",
      body: uploadForm(
        { csrf },
        { name: "broken.vtt", body: "WEBVTT\n\n00:00:61.000 --> 00:00:62.000\n<v A>x</v>\n" },
      ),
    });
    expect(plain.status).toBe(422);
    expect(await plain.text()).toContain(
      '<p id="upload-error" class="error" role="alert" tabindex="-1">broken.vtt:3: webvtt: bad start timestamp &#39;00:00:61.000&#39;</p>',
    );
  });

  it("filters, searches and sorts the list by a metric", async () => {
    for (const [title, qs] of [
      ["Sort Alpha", ["Why now?", "What hurts?", "Who signs?"]],
      ["Sort Beta", ["Why now?"]],
      ["Sort Gamma", ["Why now?", "Who signs?"]],
    ] as const) {
      const res = await manager.request("/calls/new", {
        method: "POST",
        headers: { accept: "application/json", "x-csrf-token": csrf },
        body: uploadForm({ title, rep: "Rep" }, { name: `${title}.vtt`, body: tinyCall([...qs]) }),
      });
      expect(res.status).toBe(202);
    }
    const titles = async (query: string) =>
      [
        ...(await (await manager.request(`/calls?${query}`)).text()).matchAll(
          /<a href="\/calls\/call_[^"]+">([^<]+)<\/a>/g,
        ),
      ].map((m) => m[1]);
    expect(await titles("q=sort&sort=questions&dir=asc")).toEqual(["Sort Beta", "Sort Gamma", "Sort Alpha"]);
    expect(await titles("q=sort&sort=questions&dir=desc")).toEqual(["Sort Alpha", "Sort Gamma", "Sort Beta"]);
    expect(await titles("q=GAMMA")).toEqual(["Sort Gamma"]);
    expect(await titles("q=sort&status=failed")).toEqual([]);
    expect(await titles("q=sort&from=2000-01-01&to=2000-01-02")).toEqual([]);
    const bad = await manager.request("/calls?status=bogus&sort=nonsense");
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain("Some filters were not understood");
  });

  it("lets an admin add a person, show a new key once, and revoke it", async () => {
    const admin = t.browser();
    await admin.signIn(t.adminKey);
    const token = await admin.csrfFrom("/settings/users");
    const added = await admin.form("/settings/users", {
      csrf: token,
      name: "Pat",
      email: "pat@example.test",
      role: "rep",
    });
    expect(added.status).toBe(200);
    expect(await added.text()).toContain("Pat was added as rep.");
    const users = (await (await t.request("/v1/users", { headers: t.auth(t.adminKey) })).json()) as {
      items: Array<{ id: string; email: string }>;
    };
    const pat = users.items.find((u) => u.email === "pat@example.test")!;
    const created = await admin.form("/settings/keys", { csrf: token, userId: pat.id, name: "laptop" });
    const key = /<p class="secret" id="new-key">(dbf_[^<]+)<\/p>/.exec(await created.text())![1]!;
    expect((await t.request("/v1/me", { headers: t.auth(key) })).status).toBe(200);
    // Shown once: the listing carries only the key's start.
    expect(await (await admin.request("/settings/users")).text()).not.toContain(key);
    const keys = (await (await t.request("/v1/keys", { headers: t.auth(t.adminKey) })).json()) as {
      items: Array<{ id: string; userId: string }>;
    };
    const keyId = keys.items.find((k) => k.userId === pat.id)!.id;
    const revoked = await admin.form(`/settings/keys/${keyId}/revoke`, { csrf: token });
    expect(revoked.status).toBe(303);
    expect((await t.request("/v1/me", { headers: t.auth(key) })).status).toBe(401);
  });

  it("saves a playbook from the editor, and points at the line of a validation error", async () => {
    const admin = t.browser();
    await admin.signIn(t.adminKey);
    const token = await admin.csrfFrom("/settings/playbooks/new");
    const text =
      "id: short\nname: Short\nversion: 1\nstage: discovery\nitems:\n  - id: pain\n    title: Pain\n    description: d\n    why: w\n    examples: []\n";
    const bad = await admin.form("/settings/playbooks", { csrf: token, text });
    expect(bad.status).toBe(422);
    const html = await bad.text();
    expect(html).toContain('<a href="#line-10">Line 10</a>, items[0].examples: must contain at least 1 item');
    expect(html).toContain('<li id="line-10" class="bad">');
    const good = await admin.form("/settings/playbooks", {
      csrf: token,
      text: text.replace("[]", "[What hurts?]"),
    });
    expect(good.status).toBe(303);
    expect(good.headers.get("location")).toBe("/settings/playbooks?saved=short");
    const edit = await (await admin.request("/settings/playbooks/short")).text();
    expect(edit).toContain("What hurts?");
    // Editing keeps the id: a different id in the text is refused with a message.
    const renamed = await admin.form("/settings/playbooks/short", {
      csrf: token,
      text: text.replace("id: short", "id: other").replace("[]", "[x]"),
    });
    expect(renamed.status).toBe(422);
    expect(await renamed.text()).toContain("must be &#39;short&#39;");
  });

  it("serves its stylesheet and script from the app", async () => {
    const css = await t.request("/assets/app.css");
    expect(css.headers.get("content-type")).toBe("text/css; charset=utf-8");
    const js = await t.request("/assets/app.js");
    expect(js.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(await js.text()).toContain("x-csrf-token");
  });
});
