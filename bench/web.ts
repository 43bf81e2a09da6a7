/**
 * `npx tsx bench/web.ts`: server time of every dashboard page on the demo organization (embedded
 * PGlite, the default install), measured in process around `app.request` — no network, no browser.
 * The target is under 100 ms per page; the median and the slowest of the runs are printed.
 */
import { demoDashboard } from "../test/web/web-client.js";

const RUNS = Number(process.env.RUNS ?? 30);
const { h, t, keyFor } = await demoDashboard();

const manager = t.browser();
await manager.signIn(await keyFor("renee"));
const rep = t.browser();
await rep.signIn(await keyFor("greg"));
const adminBrowser = t.browser();
await adminBrowser.signIn(t.adminKey);
const firstCall = /href="(\/calls\/call_[^"]+)"/.exec(await (await manager.request("/calls")).text())![1]!;
const gregId = /href="\/reps\/([^"?]+)"/.exec(await (await rep.request("/calls")).text())![1]!;

const pages: Array<[string, ReturnType<typeof t.browser>, string]> = [
  ["login (signed out)", t.browser(), "/login"],
  ["calls (manager)", manager, "/calls"],
  ["calls sorted by talk ratio, page 2", manager, "/calls?sort=talkRatio&page=2"],
  ["calls filtered (rep, status, dates)", manager, `/calls?status=done&from=2026-10-01&to=2026-11-30&q=demo`],
  ["calls (rep)", rep, "/calls"],
  ["call page", manager, firstCall],
  ["call status (JSON)", manager, `${firstCall}/status`],
  ["calls: search in transcripts", manager, "/calls?q=pricing"],
  ["calls: deal outcome won", manager, "/calls?outcome=won"],
  ["calls: search, rep", rep, "/calls?q=budget"],
  ["team page (default period)", manager, "/team"],
  ["rep page (manager)", manager, `/reps/${gregId}`],
  ["rep page (rep, own)", rep, `/reps/${gregId}`],
  ["upload form", manager, "/calls/new"],
  ["settings: users and keys", adminBrowser, "/settings/users"],
  ["settings: playbooks", adminBrowser, "/settings/playbooks"],
  ["settings: playbook editor", adminBrowser, "/settings/playbooks/discovery"],
  ["settings: webhooks", adminBrowser, "/settings/webhooks"],
  ["settings: CRM connections", adminBrowser, "/settings/crm"],
];

console.log(`Dashboard server time, demo organization (${RUNS} runs each, PGlite)\n`);
console.log("| page | median ms | slowest ms |\n|---|---:|---:|");
for (const [name, client, path] of pages) {
  const times: number[] = [];
  for (let i = 0; i < RUNS + 3; i++) {
    const start = performance.now();
    const res = await client.request(path);
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
    if (i >= 3) times.push(performance.now() - start); // the first runs warm caches and JIT
  }
  times.sort((a, b) => a - b);
  console.log(
    `| ${name} | ${times[Math.floor(times.length / 2)]!.toFixed(1)} | ${times[times.length - 1]!.toFixed(1)} |`,
  );
}
await h.close();
