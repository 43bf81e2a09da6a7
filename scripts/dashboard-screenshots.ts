/**
 * `npx tsx scripts/dashboard-screenshots.ts`: regenerate the README's dashboard screenshots
 * (docs/screenshots/calls.png, call.png and team.png) from the demo organization, with Debian's
 * Chromium.
 */

import { mkdtempSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serve } from "@hono/node-server";
import { chromium } from "playwright-core";
import { demoDashboard } from "../test/web/web-client.js";

const { h, t, keyFor } = await demoDashboard();
const key = await keyFor("renee");
const server = await new Promise<ReturnType<typeof serve>>((r) => {
  const s = serve({ fetch: t.app.fetch, hostname: "127.0.0.1", port: 0 }, () => r(s));
});
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const ctx = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), "shots-")), {
  executablePath: "/usr/bin/chromium",
  headless: true,
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
  ],
  viewport: { width: 1200, height: 860 },
});
const page = ctx.pages()[0] ?? (await ctx.newPage());
await page.goto(`${base}/login`);
await page.getByLabel("API key", { exact: true }).fill(key);
await page.getByRole("button", { name: "Sign in" }).click();
await page.waitForURL(`${base}/calls`);
await page.screenshot({ path: "docs/screenshots/calls.png" });
await page.goto(`${base}/calls?q=Metro`);
await page.locator("tbody a").first().click();
await page.waitForURL(/call_/);
await page.evaluate("window.scrollTo(0, 0)");
await page.screenshot({
  path: "docs/screenshots/call.png",
  clip: { x: 0, y: 0, width: 1200, height: 1500 },
  fullPage: true,
});
await page.goto(`${base}/team`);
await page.screenshot({
  path: "docs/screenshots/team.png",
  clip: { x: 0, y: 0, width: 1200, height: 1600 },
  fullPage: true,
});
await ctx.close();
server.close();
await h.close();
