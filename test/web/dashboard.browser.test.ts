import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serve } from "@hono/node-server";
import { eq } from "drizzle-orm";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../src/db/database.js";
import { calls as callsTable } from "../../src/db/schema/index.js";
import { wav } from "../helpers/wav.js";
import { demoDashboard, type WebTestApp } from "./web-client.js";

/**
 * The dashboard in a real browser: Debian's Chromium driven by playwright-core (no browser
 * download). Signs in as a manager, a rep and an admin on the demo organization, uploads a call
 * and watches it complete, opens every page (screenshot + axe-core check), and checks what a rep
 * may not see and that a forged form is refused.
 *
 * Without a Chromium binary the suite is skipped with a message — except under CI=true, where
 * it fails (`.ci/run` installs Chromium with apt-get).
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const HAVE_CHROMIUM = existsSync(CHROMIUM);
const IN_CI = process.env.CI === "true";
const OUT = join(process.cwd(), "test-output", "screenshots");
const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];
const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const VTT = readFileSync(new URL("../../fixtures/calls/discovery-acme.vtt", import.meta.url), "utf8");

if (!HAVE_CHROMIUM && !IN_CI) {
  console.warn(
    `\n[debrief] ${CHROMIUM} not found: the dashboard browser tests are SKIPPED. Install it with ` +
      "`apt-get install -y chromium` (or set CHROMIUM_PATH) to run them.\n",
  );
}

describe("the dashboard's browser tests need Chromium", () => {
  it.runIf(IN_CI)("finds a Chromium binary under CI=true", () => {
    expect(HAVE_CHROMIUM, `${CHROMIUM} is missing: CI must install chromium (see .ci/run)`).toBe(true);
  });
});

// A real browser on a shared machine is slow: generous limits, never timed assertions.
describe.runIf(HAVE_CHROMIUM)("the dashboard in Chromium", { timeout: 180_000 }, () => {
  let h: DatabaseHandle;
  let t: WebTestApp;
  let base: string;
  let server: ReturnType<typeof serve>;
  let jobs: ReturnType<typeof setInterval>;
  const contexts: BrowserContext[] = [];
  const dirs: string[] = [];
  const keys: Record<"manager" | "rep" | "otherRep", string> = { manager: "", rep: "", otherRep: "" };
  const ids: Record<"rep" | "otherRep", string> = { rep: "", otherRep: "" };

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    const demo = await demoDashboard();
    h = demo.h;
    t = demo.t;
    keys.manager = await demo.keyFor("renee");
    keys.rep = await demo.keyFor("greg");
    keys.otherRep = await demo.keyFor("priya");
    ids.rep = demo.idOf("greg");
    ids.otherRep = demo.idOf("priya");

    server = await new Promise((resolve, reject) => {
      const s = serve({ fetch: t.app.fetch, hostname: "127.0.0.1", port: 0 }, () => resolve(s));
      s.once("error", reject);
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    // The worker: coach what was uploaded (as `debrief serve` does in the background).
    let busy = false;
    jobs = setInterval(() => {
      if (busy) return;
      busy = true;
      t.runJobs()
        .catch(() => {})
        .finally(() => {
          busy = false;
        });
    }, 200);
  }, 180_000);

  afterAll(async () => {
    clearInterval(jobs);
    for (const c of contexts) await c.close().catch(() => {});
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    await h?.close();
  });

  /** A fresh browser profile (its own user-data-dir, so no cookies are shared). */
  async function browser(viewport = { width: 1280, height: 900 }): Promise<Page> {
    const dir = mkdtempSync(join(tmpdir(), "debrief-chromium-"));
    dirs.push(dir);
    const context = await chromium.launchPersistentContext(dir, {
      executablePath: CHROMIUM,
      headless: true,
      args: ARGS,
      viewport,
    });
    contexts.push(context);
    const page = context.pages()[0] ?? (await context.newPage());
    // Our CSP must never block our own assets: the console reports any refusal.
    page.on("console", (m) => {
      if (m.type() === "error" && /Content Security Policy|Refused to/.test(m.text()))
        cspErrors.push(m.text());
    });
    return page;
  }
  const cspErrors: string[] = [];

  /** Screenshot, then axe-core (injected through the DevTools protocol, which CSP does not govern). */
  async function check(page: Page, name: string): Promise<void> {
    await page.screenshot({ path: join(OUT, `${name}.png`), fullPage: true });
    await page.evaluate(AXE);
    const violations = await page.evaluate(async () => {
      const axe = (
        globalThis as unknown as { axe: { run: (o: unknown) => Promise<{ violations: unknown[] }> } }
      ).axe;
      const r = await axe.run({ resultTypes: ["violations"] });
      return (r.violations as Array<{ id: string; impact: string; nodes: Array<{ target: unknown }> }>).map(
        (v) => ({
          id: v.id,
          impact: v.impact,
          targets: v.nodes.slice(0, 3).map((n) => n.target),
        }),
      );
    });
    const serious = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious, `${name}: ${JSON.stringify(serious)}`).toEqual([]);
  }

  async function signIn(page: Page, key: string): Promise<void> {
    await page.goto(`${base}/`);
    expect(new URL(page.url()).pathname).toBe("/login");
    await page.getByLabel("API key", { exact: true }).fill(key);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(`${base}/calls`);
  }

  it("signs a manager in, lists and sorts the calls, and opens a call page", async () => {
    const page = await browser();
    await page.goto(`${base}/`);
    await check(page, "login");
    await signIn(page, keys.manager);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Calls");
    expect(await page.locator("tbody tr").count()).toBe(25); // 30 demo calls, 25 a page
    await check(page, "calls");

    await page.getByRole("link", { name: /^Talk ratio/ }).click();
    await page.waitForURL(/sort=talkRatio/);
    const ratios = await page.locator("tbody tr td:nth-child(6)").allTextContents();
    const numbers = ratios.filter((r) => r !== "–").map((r) => Number.parseInt(r, 10));
    expect(numbers).toEqual([...numbers].sort((a, b) => b - a));
    await page.getByRole("link", { name: /Next page/ }).click();
    expect(await page.locator("tbody tr").count()).toBe(5);

    await page.goto(`${base}/calls`);
    await page.getByLabel("Rep", { exact: true }).selectOption(ids.rep);
    await page.getByRole("button", { name: "Apply filters" }).click();
    await page.waitForURL(/rep=/);
    const reps = await page.locator("tbody tr td:nth-child(2)").allTextContents();
    expect(new Set(reps)).toEqual(new Set(["Greg Tanner"]));

    await page.locator("tbody tr td:first-child a").first().click();
    await page.waitForURL(/\/calls\/call_/);
    expect(await page.locator("figure.timeline svg rect").count()).toBeGreaterThan(5);
    expect(await page.getByRole("heading", { name: "Metrics against the benchmarks" }).count()).toBe(1);
    expect(await page.locator("ol.transcript li").count()).toBeGreaterThan(5);
    const evidence = page.getByRole("link", { name: "in the transcript" }).first();
    const href = await evidence.getAttribute("href");
    expect(href).toMatch(/^#u-\d+$/);
    expect(await page.locator(href!).count()).toBe(1);
    await check(page, "call");
    await evidence.click();
    expect(new URL(page.url()).hash).toBe(href);
  });

  it("uploads a transcript with a progress bar and follows it until it is coached", async () => {
    const page = await browser();
    await signIn(page, keys.manager);
    await page.goto(`${base}/calls/new`);
    await check(page, "upload");
    await page.getByLabel("Title").fill("Browser upload");
    await page.getByLabel("Rep", { exact: true }).selectOption(ids.rep);
    await page.getByLabel("Deal id (optional)").fill("deal-browser-1");
    await page.getByLabel("Transcript or recording").setInputFiles({
      name: "browser.vtt",
      mimeType: "text/vtt",
      buffer: Buffer.from(VTT.replace("WEBVTT", "WEBVTT\n\nNOTE uploaded from the browser test")),
    });
    await page.getByRole("button", { name: "Upload" }).click();
    const link = page.getByRole("link", { name: "Open the call" });
    await link.waitFor({ state: "visible", timeout: 30_000 });
    expect(await page.locator("#upload-status .status-text").textContent()).toBe("Analyzed and coached");
    expect(new URL(page.url()).pathname).toBe("/calls/new"); // no page reload
    expect(
      await page
        .locator("#upload-progress")
        .evaluate((p: { value: number; max: number }) => p.value === p.max),
    ).toBe(true);
    await check(page, "upload-done");
    await link.click();
    await page.waitForURL(/\/calls\/call_/);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Browser upload");
    expect(await page.locator(".status-text").textContent()).toBe("Analyzed and coached");

    // A file that is neither a transcript nor audio: the API's problem detail, shown in place.
    await page.goto(`${base}/calls/new`);
    await page.getByLabel("Transcript or recording").setInputFiles({
      name: "picture.png",
      mimeType: "image/png",
      buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]),
    });
    await page.getByRole("button", { name: "Upload" }).click();
    const alert = page.locator("#upload-error");
    await alert.waitFor({ state: "visible" });
    expect(await alert.textContent()).toMatch(
      /^Unsupported media type: picture\.png: neither a supported transcript/,
    );
    await check(page, "upload-error");
  });

  it("keeps a rep to their own calls: a colleague's call is a 404, settings a 403", async () => {
    const page = await browser({ width: 375, height: 812 }); // phone width
    await signIn(page, keys.rep);
    const reps = await page.locator("tbody tr td:first-child a").count();
    expect(reps).toBeGreaterThan(0);
    // No horizontal scrolling of the page itself at phone width (wide tables scroll in their box).
    expect(Number(await page.evaluate("document.documentElement.scrollWidth"))).toBeLessThanOrEqual(375);
    await check(page, "calls-rep-phone");
    const own = await page.locator("tbody tr td:first-child a").first().getAttribute("href");
    await page.goto(`${base}${own}`);
    await check(page, "call-rep-phone");

    const other = await browser();
    await signIn(other, keys.otherRep);
    const colleagueCall = await other.locator("tbody tr td:first-child a").first().getAttribute("href");
    const res = await page.goto(`${base}${colleagueCall}`);
    expect(res?.status()).toBe(404);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Not found");
    await check(page, "not-found");
    const settings = await page.goto(`${base}/settings/users`);
    expect(settings?.status()).toBe(403);
    expect(await page.getByRole("link", { name: "Settings" }).count()).toBe(0);
    await check(page, "forbidden");
  });

  it("lets an admin manage users, keys and playbooks, with playbook errors at their line", async () => {
    const page = await browser();
    await signIn(page, t.adminKey);
    await page.getByRole("link", { name: "Settings" }).click();
    await page.waitForURL(`${base}/settings/users`);
    await check(page, "settings-users");
    await page.getByLabel("Name", { exact: true }).fill("Browser Person");
    await page.getByLabel("E-mail", { exact: true }).fill("browser.person@example.test");
    await page.getByRole("button", { name: "Add" }).click();
    await page.getByText("Browser Person was added as rep.").waitFor();
    // Exact: "For" is also inside random key ids ("Revoke key dbf_AgffoR of …" failed once).
    await page.getByLabel("For", { exact: true }).selectOption({ label: "Browser Person (rep)" });
    await page.getByLabel("Key name").fill("laptop");
    await page.getByRole("button", { name: "Create key" }).click();
    const key = (await page.locator("#new-key").textContent())?.trim() ?? "";
    expect(key).toMatch(/^dbf_/);
    await check(page, "settings-key-created");
    await page.getByRole("button", { name: /^Revoke key dbf_.* of Browser Person$/ }).click();
    await page.getByText("The key is revoked.").waitFor();

    await page.goto(`${base}/settings/playbooks`);
    await check(page, "settings-playbooks");
    await page.getByRole("link", { name: "New playbook" }).click();
    const broken =
      "id: broken\nname: Broken\nversion: 1\nstage: discovery\nitems:\n  - id: pain\n    title: Pain\n    description: d\n    why: w\n    examples: []\n";
    await page.getByLabel("Definition (YAML or JSON)").fill(broken);
    await page.getByRole("button", { name: "Save playbook" }).click();
    const errors = page.locator("#pb-errors");
    await errors.waitFor();
    expect(await errors.textContent()).toContain("Line 10, items[0].examples: must contain at least 1 item");
    expect(await page.locator("#line-10.bad").count()).toBe(1);
    await check(page, "settings-playbook-error");
    await page
      .getByLabel("Definition (YAML or JSON)")
      .fill(broken.replace("examples: []", "examples: [What hurts?]"));
    await page.getByRole("button", { name: "Save playbook" }).click();
    await page.getByText("Playbook broken saved.").waitFor();
  });

  it("shows a manager the team page and a rep's page, with weekly charts and habits, by keyboard", async () => {
    const page = await browser();
    await signIn(page, keys.manager);
    await page.getByRole("link", { name: "Team", exact: true }).click();
    await page.waitForURL(`${base}/team`);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Team");
    // The default period holds the demo's calls (seeded to end in the last week).
    expect(await page.locator("dl.card dd a").first().textContent()).toMatch(/^[1-9]\d* calls$/);
    expect(await page.locator("figure.chart svg[role=img]").count()).toBeGreaterThanOrEqual(5);
    expect(await page.getByRole("heading", { name: "Habits to work on" }).count()).toBe(1);
    await check(page, "team");

    // Keyboard: the first Tab reaches the skip link, with a visible focus ring, and it works.
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(
      "({ text: document.activeElement.textContent, outline: getComputedStyle(document.activeElement).outlineStyle })",
    );
    expect(focused).toEqual({ text: "Skip to content", outline: "solid" });
    await page.keyboard.press("Enter");
    expect(await page.evaluate("document.activeElement.id")).toBe("main");

    // The period selector, then a rep's page from the reps table.
    await page.getByLabel("From").fill("2026-01-05");
    await page.getByLabel("To (inclusive)").fill("2026-01-11");
    await page.getByRole("button", { name: "Show period" }).click();
    await page.waitForURL(/from=2026-01-05&to=2026-01-11/);
    expect(await page.getByRole("link", { name: "0 calls" }).count()).toBe(1);
    await page.goBack();
    await page.getByRole("link", { name: "Greg Tanner" }).click();
    await page.waitForURL(new RegExp(`/reps/${ids.rep}`));
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Coaching: Greg Tanner");
    expect(await page.locator("figure.chart svg").count()).toBe(5);
    await check(page, "rep");
  });

  it("keeps a rep to their own coaching page at phone width: a colleague's is a 404, the team a 403", async () => {
    const page = await browser({ width: 375, height: 812 });
    await signIn(page, keys.rep);
    await page.getByRole("link", { name: "My coaching" }).click();
    await page.waitForURL(`${base}/reps/${ids.rep}`);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("My coaching");
    expect(Number(await page.evaluate("document.documentElement.scrollWidth"))).toBeLessThanOrEqual(375);
    await check(page, "rep-phone");
    expect((await page.goto(`${base}/reps/${ids.otherRep}`))?.status()).toBe(404);
    expect((await page.goto(`${base}/team`))?.status()).toBe(403);
    expect(await page.getByRole("link", { name: "Team", exact: true }).count()).toBe(0);
  });

  it("plays a call's recording from an evidence link, and seeks without a page load", async () => {
    // A demo call gets a recording (the demo has transcripts only): a short WAV in the blob store.
    const [call] = await h.db
      .select({ id: callsTable.id })
      .from(callsTable)
      .where(eq(callsTable.repUserId, ids.rep))
      .limit(1);
    const key = `audio/${t.orgId}/browser-test`;
    await t.services.blobs.put(key, new Blob([wav(600).slice()]).stream(), {
      contentType: "audio/wav",
      maxBytes: 1e8,
    });
    await h.db
      .update(callsTable)
      .set({ source: "audio", blobKey: key, mediaType: "audio/wav" })
      .where(eq(callsTable.id, call!.id));

    const page = await browser({ width: 375, height: 812 });
    await signIn(page, keys.rep);
    await page.goto(`${base}/calls/${call!.id}`);
    const player = page.locator("audio#call-audio");
    await player.waitFor();
    await page.waitForFunction('document.getElementById("call-audio").readyState >= 1');
    expect(
      await player.evaluate((a: { duration: number; currentTime: number }) => Math.round(a.duration)),
    ).toBe(600);
    await check(page, "call-audio-phone");
    const play = page.locator("a.play").first();
    const at = Number(await play.getAttribute("data-seek"));
    expect(await play.getAttribute("href")).toBe(`/calls/${call!.id}/audio#t=${at}`);
    await play.click();
    expect(new URL(page.url()).pathname).toBe(`/calls/${call!.id}`); // no navigation with JavaScript
    expect(
      Math.abs((await player.evaluate((a: { duration: number; currentTime: number }) => a.currentTime)) - at),
    ).toBeLessThan(1.5);
    // The transcript link scrolls to the line and moves the player too.
    const line = page.locator("a[data-seek]:not(.play)").nth(1);
    const lineAt = Number(await line.getAttribute("data-seek"));
    await line.click();
    expect(new URL(page.url()).hash).toBe(await line.getAttribute("href"));
    expect(
      Math.abs(
        (await player.evaluate((a: { duration: number; currentTime: number }) => a.currentTime)) - lineAt,
      ),
    ).toBeLessThan(1.5);
  });

  it("lets an admin add a webhook endpoint and a CRM connection, each secret shown once", async () => {
    t.services.config.DEBRIEF_SECRETS_KEY = Buffer.alloc(32, 7).toString("base64");
    const page = await browser();
    await signIn(page, t.adminKey);
    await page.goto(`${base}/settings/webhooks`);
    await check(page, "settings-webhooks");
    await page.getByLabel("Endpoint URL (https)").fill("https://hooks.example.com/debrief");
    await page.getByLabel("call.coached").check();
    await page.getByRole("button", { name: "Add endpoint" }).click();
    expect((await page.locator("#new-secret").textContent())?.trim()).toMatch(/^whsec_/);
    await check(page, "settings-webhook-created");
    await page.getByRole("link", { name: "https://hooks.example.com/debrief" }).click();
    await page.getByRole("heading", { name: "Delivery log" }).waitFor();
    await check(page, "settings-webhook");

    await page.goto(`${base}/settings/crm`);
    await check(page, "settings-crm");
    await page.getByLabel("Vendor").selectOption("generic");
    await page.getByLabel("Name (optional)").fill("Browser CRM");
    await page.getByRole("button", { name: "Connect" }).click();
    expect(await page.locator("#new-webhook-url").textContent()).toContain("/v1/crm/webhooks/conn_");
    await check(page, "settings-crm-created");
    await page.getByRole("button", { name: "Delete connection Browser CRM" }).click();
    await page.getByText("The connection is deleted.").waitFor();
  });

  it("refuses a form whose CSRF token was tampered with, with a 403 page", async () => {
    const page = await browser();
    await signIn(page, keys.manager);
    await page.locator("header form input[name=csrf]").evaluate((el: { value: string }) => {
      el.value = "0".repeat(64);
    });
    const [res] = await Promise.all([
      page.waitForResponse((r) => r.url() === `${base}/logout`),
      page.getByRole("button", { name: "Sign out" }).click(),
    ]);
    expect(res.status()).toBe(403);
    await page.waitForLoadState();
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Not allowed");
    await check(page, "csrf-refused");
    // Still signed in: the forged request did nothing. The genuine form signs out.
    await page.goto(`${base}/calls`);
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL(`${base}/login`);
    expect(cspErrors).toEqual([]);
  });
});

// Keep the screenshots folder's purpose obvious to anyone who opens it.
if (HAVE_CHROMIUM) {
  mkdirSync(OUT, { recursive: true });
  writeFileSync(join(OUT, "README.txt"), "Written by test/web/dashboard.browser.test.ts; not committed.\n");
}
