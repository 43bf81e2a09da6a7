/**
 * Availability under a heavy upload (`node --import tsx bench/availability.ts [--write]`): one
 * tenant uploads maximal transcripts (19,000 utterances of 25 words, just under the default caps),
 * then their coaching jobs run (the rules engine, as the job workers would), while another tenant
 * calls /health and GET /v1/calls/{id} in a loop; prints that tenant's p50/p99 during each phase
 * with the CPU work on the worker pool (the Node server's default) and inline (as before issue
 * 12). The inline mode uploads smaller transcripts (3,000 utterances): it only has to show the
 * stall, and at full size it takes tens of minutes. In-process through `app.request`, embedded
 * PGlite. `--write` records the table in docs/benchmarks.md.
 *
 * BENCH_UPLOADS: uploads per mode (default 2); BENCH_UTTERANCES: utterances per upload on the
 * pool (default 19,000); BENCH_INLINE_UTTERANCES: inline (default 3,000, never more than
 * BENCH_UTTERANCES). A smoke run: BENCH_UTTERANCES=500 BENCH_UPLOADS=1.
 */
import { createOrganization } from "../src/admin/operations.js";
import { createApp } from "../src/app.js";
import { memoryBlobStore } from "../src/blobs/memory.js";
import { runCoaching } from "../src/coaching-service/run.js";
import { createServices } from "../src/compose.js";
import { loadConfig } from "../src/config/env.js";
import { inlineCpu } from "../src/cpu/tasks.js";
import { workerPool } from "../src/cpu/worker-pool.js";
import { executeJob } from "../src/jobs/executor.js";
import { claimJob } from "../src/jobs/store.js";
import { testDatabases } from "../test/helpers/db.js";
import { machineLine, report } from "./record.js";

const UPLOADS = Number(process.env.BENCH_UPLOADS ?? 2);
const SIZE = {
  pool: Number(process.env.BENCH_UTTERANCES ?? 19_000),
  inline: Math.min(
    Number(process.env.BENCH_INLINE_UTTERANCES ?? 3_000),
    Number(process.env.BENCH_UTTERANCES ?? 19_000),
  ),
};
/** A plain-text transcript of `n` lines alternating two speakers, 25 words each. */
const transcriptOf = (n: number) =>
  Array.from({ length: n }, (_, i) => `${i % 2 ? "Lee" : "Dana"}: ${"word ".repeat(25).trim()}`).join("\n");

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? Number.NaN;
};

async function scenario(mode: "inline" | "pool") {
  const big = transcriptOf(SIZE[mode]);
  const handle = await testDatabases[0]!.open();
  const cpu = mode === "pool" ? workerPool() : inlineCpu();
  const config = {
    ...loadConfig({ DEBRIEF_SEED_DEMO: "false" }),
    DEBRIEF_RATE_LIMIT_PER_MINUTE: 0,
    DEBRIEF_RATE_LIMIT_USER_PER_MINUTE: 0,
    DEBRIEF_RATE_LIMIT_ORG_PER_MINUTE: 0,
  };
  const services = createServices(config, {
    db: handle.db,
    blobs: memoryBlobStore(),
    transcriber: null,
    // The rules engine, on `cpu` (as the server's default coaching without OPENAI_API_KEY).
    coach: (input) => runCoaching(input, { cpu }),
    logger: { debug() {}, info() {}, warn() {}, error() {} },
    cpu,
  });
  const app = createApp({ services: () => services });
  const a = await createOrganization(handle.db, { name: "Uploader", adminEmail: "a@a.test" });
  const b = await createOrganization(handle.db, { name: "Reader", adminEmail: "b@b.test" });
  const auth = (key: string) => ({ authorization: `Bearer ${key}`, "content-type": "application/json" });
  const small = await app.request("/v1/calls", {
    method: "POST",
    headers: auth(b.key.key),
    body: JSON.stringify({ transcript: "Dana: Hello there.\nLee: Hi." }),
  });
  const id = ((await small.json()) as { id: string }).id;

  // Tenant B's small call is coached before the measurement starts.
  await runJobs();

  let phase: "upload" | "coach" | null = "upload";
  const samples = {
    upload: { health: [] as number[], gets: [] as number[] },
    coach: { health: [] as number[], gets: [] as number[] },
  };
  const reader = (async () => {
    while (phase) {
      // Yield to the event loop's other work (timers, I/O, the pool's replies), as requests from
      // sockets would: in-process requests that never wait on I/O would otherwise run as one
      // endless chain of microtasks and starve it, and the pool mode never finished.
      await new Promise((r) => setImmediate(r));
      if (!phase) break;
      const into = samples[phase];
      let t = performance.now();
      await app.request("/health");
      into.health.push(performance.now() - t);
      t = performance.now();
      await app.request(`/v1/calls/${id}`, { headers: auth(b.key.key) });
      into.gets.push(performance.now() - t);
    }
  })();
  let t0 = performance.now();
  for (let i = 0; i < UPLOADS; i++) {
    const res = await app.request("/v1/calls", {
      method: "POST",
      headers: auth(a.key.key),
      body: JSON.stringify({ transcript: `${big}\nDana: upload ${i}` }),
    });
    if (res.status !== 202) throw new Error(`upload ${i}: ${res.status} ${await res.text()}`);
  }
  const uploadMs = (performance.now() - t0) / UPLOADS;
  phase = "coach";
  t0 = performance.now();
  const coached = await runJobs();
  if (coached !== UPLOADS) throw new Error(`coached ${coached} calls, expected ${UPLOADS}`);
  const coachMs = (performance.now() - t0) / UPLOADS;
  phase = null;
  await reader;
  await cpu.close();
  await handle.close();
  return { mode, uploadMs, coachMs, samples };

  /** Run the due jobs (the coaching) as a job worker of the server would. */
  async function runJobs() {
    let n = 0;
    for (;;) {
      const job = await claimJob(handle.db, { leaseMs: 600_000, now: new Date() });
      if (!job) return n;
      await executeJob(services, job, { leaseMs: 600_000 });
      n++;
    }
  }
}

const rows = [
  "| CPU work | utterances per upload | phase | duration (ms, mean) | /health p50 / p99 (ms) | GET call p50 / p99 (ms) | samples |",
  "|---|---:|---|---:|---:|---:|---:|",
];
for (const mode of ["pool", "inline"] as const) {
  const r = await scenario(mode);
  const f = (x: number) => (Number.isNaN(x) ? "—" : x.toFixed(0));
  for (const phase of ["upload", "coach"] as const) {
    const { health, gets } = r.samples[phase];
    rows.push(
      `| ${mode} | ${SIZE[mode].toLocaleString("en-US")} | ${phase} | ${f(phase === "upload" ? r.uploadMs : r.coachMs)} | ${f(pct(health, 50))} / ${f(pct(health, 99))} | ${f(pct(gets, 50))} / ${f(pct(gets, 99))} | ${health.length} |`,
    );
  }
}
report("availability", machineLine(`, embedded PGlite, uploads per mode: ${UPLOADS}`), rows.join("\n"));
