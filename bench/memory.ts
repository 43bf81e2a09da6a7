/**
 * Memory after a maximal upload (`node --expose-gc --import tsx bench/memory.ts [utterances]`):
 * heap and RSS after a forced GC at a baseline (app started, one small call uploaded and coached),
 * then after a maximal transcript (default 19,000 utterances × 25 words, just under the caps) was
 * uploaded, analysed and coached through the API (CPU work inline, so its allocations are in this
 * heap), and the references dropped. Prints one JSON line (MB). Needs --expose-gc.
 */
import { createOrganization } from "../src/admin/operations.js";
import { createApp } from "../src/app.js";
import { memoryBlobStore } from "../src/blobs/memory.js";
import { runCoaching } from "../src/coaching-service/run.js";
import { createServices } from "../src/compose.js";
import { loadConfig } from "../src/config/env.js";
import { executeJob } from "../src/jobs/executor.js";
import { claimJob } from "../src/jobs/store.js";
import { testDatabases } from "../test/helpers/db.js";

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error("run with node --expose-gc");
const UTTERANCES = Number(process.argv[2] ?? 19_000);

const settle = async () => {
  for (let i = 0; i < 3; i++) {
    gc();
    await new Promise((r) => setImmediate(r));
  }
  const m = process.memoryUsage();
  return { heapMB: m.heapUsed / 1e6, rssMB: m.rss / 1e6 };
};

const handle = await testDatabases[0]!.open();
const config = { ...loadConfig({ DEBRIEF_SEED_DEMO: "false" }), DEBRIEF_RATE_LIMIT_PER_MINUTE: 0 };
const services = createServices(config, {
  db: handle.db,
  blobs: memoryBlobStore(),
  transcriber: null,
  coach: (input) => runCoaching(input, {}),
  logger: { debug() {}, info() {}, warn() {}, error() {} },
});
const app = createApp({ services: () => services });
const org = await createOrganization(handle.db, { name: "Memory", adminEmail: "m@m.test" });
const upload = async (transcript: string) => {
  const res = await app.request("/v1/calls", {
    method: "POST",
    headers: { authorization: `Bearer ${org.key.key}`, "content-type": "application/json" },
    body: JSON.stringify({ transcript }),
  });
  if (res.status !== 202) throw new Error(`upload: ${res.status} ${await res.text()}`);
  await res.arrayBuffer();
  for (;;) {
    const job = await claimJob(handle.db, { leaseMs: 600_000, now: new Date() });
    if (!job) break;
    await executeJob(services, job, { leaseMs: 600_000 });
  }
};

await upload("Dana: Hello there, what brought you here?\nLee: Routing is slow.");
const baseline = await settle();
{
  const big = Array.from(
    { length: UTTERANCES },
    (_, i) => `${i % 2 ? "Lee" : "Dana"}: ${"word ".repeat(25).trim()}`,
  ).join("\n");
  await upload(big);
}
const peakRss = process.memoryUsage().rss / 1e6;
const after = await settle();
await handle.close();
console.log(
  JSON.stringify({
    utterances: UTTERANCES,
    baselineHeapMB: +baseline.heapMB.toFixed(1),
    afterHeapMB: +after.heapMB.toFixed(1),
    retainedHeapMB: +(after.heapMB - baseline.heapMB).toFixed(1),
    baselineRssMB: +baseline.rssMB.toFixed(1),
    rssAfterUploadMB: +peakRss.toFixed(1),
    afterRssMB: +after.rssMB.toFixed(1),
  }),
);
