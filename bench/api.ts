/**
 * API throughput on a real PostgreSQL server (`npm run bench:api`; BENCH_DATABASE_URL or
 * TEST_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres — a temporary database is
 * created and dropped). Measures, in-process through `app.request` (the app + database cost,
 * without a network hop):
 *  - uploads of distinct 30-minute transcripts per second, parsed and analysed inline (their
 *    metrics are complete when the 202 returns), for a Teams WebVTT export and for canonical JSON
 *    with word timings (Deepgram-like, ~6x larger);
 *  - latency of GET /v1/calls/{id} (p50/p99) over the stored calls;
 *  - coaching jobs (rules engine) drained per second by the Node workers, and word-timed calls
 *    uploaded and coached per second end to end (uploads while the workers run), with the CPU
 *    tasks inline and on a worker pool of one thread, with coach jobs, then coached in the upload's
 *    request: on that pool, and (as `npm start` runs) on one pool thread per core below the event
 *    loop's priority — with the latency of a dashboard's reads meanwhile, also at equal priority;
 *  - then the same uploads and reads over real HTTP: `debrief serve` in its own process (as
 *    `npm start` runs it, PostgreSQL, no job workers), driven by a keep-alive client from this one;
 *    the uploads also with the server on PostgreSQL's Unix socket, when it is local.
 * Prints a markdown table; `--write` records it in docs/benchmarks.md.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { bootstrap } from "../src/admin/operations.js";
import { createApp } from "../src/app.js";
import { memoryBlobStore } from "../src/blobs/memory.js";
import { runCoaching } from "../src/coaching-service/run.js";
import { createServices } from "../src/compose.js";
import { loadConfig } from "../src/config/env.js";
import type { CpuRunner } from "../src/cpu/tasks.js";
import { defaultPoolSize, workerPool } from "../src/cpu/worker-pool.js";
import { resultRows } from "../src/db/database.js";
import { migrate } from "../src/db/migrate.js";
import { openPostgres } from "../src/db/postgres.js";
import { postgresConnection } from "../src/db/postgres-url.js";
import { pgJobQueue } from "../src/jobs/pg-queue.js";
import { startWorkers } from "../src/jobs/poller.js";
import type { Transcript } from "../src/transcript/model.js";
import { createTempDatabase, localSocketUrl } from "../test/helpers/db.js";
import { machineLine, report } from "./record.js";
import { generateCall } from "./synthetic.js";
import { cpuDelta, processesCpuMs, threadCpuMs } from "./thread-cpu.js";

const adminUrl =
  process.env.BENCH_DATABASE_URL ??
  process.env.TEST_DATABASE_URL ??
  "postgres://postgres@127.0.0.1:5432/postgres";
const CONCURRENCY = 16;

function toVtt(t: Transcript): string {
  const ts = (s: number) => {
    const ms = Math.round(s * 1000);
    const h = Math.floor(ms / 3_600_000);
    const m = Math.floor((ms % 3_600_000) / 60_000);
    const sec = Math.floor((ms % 60_000) / 1000);
    return `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}:${String(sec).padStart(2, "0")}.${String(ms % 1000).padStart(3, "0")}`;
  };
  const name = new Map((t.speakers ?? []).map((s) => [s.id, s.name ?? s.id]));
  const cues = t.utterances.map(
    (u, i) => `${i + 1}\n${ts(u.start ?? 0)} --> ${ts(u.end ?? 0)}\n<v ${name.get(u.speaker)}>${u.text}</v>`,
  );
  return `WEBVTT\n\n${cues.join("\n\n")}\n`;
}

async function pool<T>(items: readonly T[], n: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: n }, async () => {
      while (next < items.length) await fn(items[next++]!);
    }),
  );
}

/** Runs `fn` over `items` with `n` in flight; the latency of each call, in ms. */
async function timed<T>(items: readonly T[], n: number, fn: (item: T) => Promise<void>): Promise<number[]> {
  const lat: number[] = [];
  await pool(items, n, async (item) => {
    const s = performance.now();
    await fn(item);
    lat.push(performance.now() - s);
  });
  return lat;
}

/**
 * Where a coached call's CPU went, ms per call: the event loop, the busiest other thread (the CPU
 * pool's, when there is one), the rest of Node's threads, PostgreSQL's backends.
 */
interface CallCpu {
  eventLoop: number;
  busiest: number;
  otherThreads: number;
  postgres: number;
}

/** A row of the end-to-end CPU table (null: no /proc); inline, the busiest other thread is a V8 helper. */
function cpuRow(label: string, cpu: CallCpu | null, pooled: boolean): string {
  if (!cpu) return `| ${label} | n/a | n/a | n/a | n/a | n/a |`;
  const f = (ms: number) => ms.toFixed(1);
  const pool = pooled ? f(cpu.busiest) : "—";
  const others = pooled ? cpu.otherThreads : cpu.otherThreads + cpu.busiest;
  const total = cpu.eventLoop + cpu.busiest + cpu.otherThreads + cpu.postgres;
  return `| ${label} | ${f(cpu.eventLoop)} | ${pool} | ${f(others)} | ${f(cpu.postgres)} | ${f(total)} |`;
}

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

const temp = await createTempDatabase(adminUrl);
const handle = openPostgres(temp.url, { max: 20 });
const rows: string[] = [];
try {
  await migrate(handle.db);
  const config = loadConfig({
    DEBRIEF_SEED_DEMO: "false",
    // A benchmark is one client hammering one key: no rate limit of any kind.
    DEBRIEF_RATE_LIMIT_PER_MINUTE: "0",
    DEBRIEF_RATE_LIMIT_USER_PER_MINUTE: "0",
    DEBRIEF_RATE_LIMIT_ORG_PER_MINUTE: "0",
    LOG_LEVEL: "silent",
  });
  let wake = () => {};
  const services = createServices(config, {
    db: handle.db,
    blobs: memoryBlobStore(),
    queue: pgJobQueue(handle.db, () => wake()),
    transcriber: null,
    coach: (input) => runCoaching(input, {}),
    logger: { debug() {}, info() {}, warn() {}, error() {} },
  });
  const app = createApp({ services: () => services });
  const boot = await bootstrap(handle.db, { orgName: "Bench" });
  const auth = { authorization: `Bearer ${boot!.key}` };
  const headers = { ...auth, "content-type": "application/json" };

  // JSON bodies carry the file's text in `transcript` (parsed twice: the body, then the transcript);
  // multipart sends the file as a part, as `curl -F file=@call.json` does.
  const variants: Array<{
    label: string;
    n: number;
    mode: "json" | "multipart";
    body: (i: number) => string;
  }> = [
    {
      label: "Teams WebVTT, JSON body",
      n: 400,
      mode: "json",
      body: (i) => toVtt(generateCall({ minutes: 30, seed: 1000 + i })),
    },
    {
      label: "canonical JSON with word timings, JSON body",
      n: 150,
      mode: "json",
      body: (i) => JSON.stringify(generateCall({ minutes: 30, seed: 5000 + i })),
    },
    {
      label: "canonical JSON with word timings, multipart file",
      n: 150,
      mode: "multipart",
      body: (i) => JSON.stringify(generateCall({ minutes: 30, seed: 9000 + i })),
    },
  ];
  const ids: string[] = [];
  rows.push(
    "| 30-minute upload | calls | file size KB | uploads/s (analysed) | p50 ms | p99 ms |",
    "|---|---|---|---|---|---|",
  );
  for (const v of variants) {
    const files = Array.from({ length: v.n }, (_, i) => v.body(i));
    const bodies = files.map((text) =>
      v.mode === "json"
        ? JSON.stringify({
            transcript: text,
            fileName: "call",
            speakerRoles: { rep: ["rep-dana", "Dana Reyes (Debrief)"] },
          })
        : text,
    );
    const kb = files.reduce((a, b) => a + b.length, 0) / files.length / 1024;
    const lat: number[] = [];
    const t0 = performance.now();
    await pool(bodies, CONCURRENCY, async (body) => {
      const s = performance.now();
      let init: RequestInit = { method: "POST", headers, body };
      if (v.mode === "multipart") {
        const form = new FormData();
        form.set("file", new File([body], "call.json", { type: "application/json" }));
        form.set("rep", "rep-dana");
        init = { method: "POST", headers: auth, body: form };
      }
      const res = await app.request("/v1/calls", init);
      if (res.status !== 202) throw new Error(`upload failed: ${res.status} ${await res.text()}`);
      ids.push(((await res.json()) as { id: string }).id);
      lat.push(performance.now() - s);
    });
    const secs = (performance.now() - t0) / 1000;
    rows.push(
      `| ${v.label} | ${v.n} | ${kb.toFixed(0)} | ${(v.n / secs).toFixed(1)} | ${pct(lat, 50).toFixed(1)} | ${pct(lat, 99).toFixed(1)} |`,
    );
  }

  // GET latency, sequential (one client) and concurrent.
  const get = async () => {
    const id = ids[Math.floor(Math.random() * ids.length)]!;
    const s = performance.now();
    const res = await app.request(`/v1/calls/${id}`, { headers });
    if (res.status !== 200) throw new Error(`get failed: ${res.status}`);
    await res.arrayBuffer();
    return performance.now() - s;
  };
  for (let i = 0; i < 50; i++) await get(); // warm-up
  const seq: number[] = [];
  for (let i = 0; i < 1000; i++) seq.push(await get());
  const conc: number[] = [];
  const tc = performance.now();
  await pool(Array.from({ length: 2000 }), CONCURRENCY, async () => {
    conc.push(await get());
  });
  const concRate = 2000 / ((performance.now() - tc) / 1000);
  rows.push(
    "",
    "| GET /v1/calls/{id} | requests | p50 ms | p99 ms | requests/s |",
    "|---|---|---|---|---|",
    `| one client | 1000 | ${pct(seq, 50).toFixed(2)} | ${pct(seq, 99).toFixed(2)} | ${(1000 / (seq.reduce((a, b) => a + b, 0) / 1000)).toFixed(0)} |`,
    `| ${CONCURRENCY} concurrent clients | 2000 | ${pct(conc, 50).toFixed(2)} | ${pct(conc, 99).toFixed(2)} | ${concRate.toFixed(0)} |`,
  );

  // Drain the coaching jobs the uploads queued (rules engine).
  const pending = async () =>
    Number(
      resultRows<{ n: number }>(
        await handle.db.execute(
          sql`select count(*)::int as n from jobs where status in ('queued','running')`,
        ),
      )[0]?.n ?? 0,
    );
  const before = await pending();
  const td = performance.now();
  const workers = startWorkers(services, { concurrency: 2, pollIntervalMs: 20 });
  wake = () => workers.wake();
  while ((await pending()) > 0) await new Promise((r) => setTimeout(r, 100));
  const drainSecs = (performance.now() - td) / 1000;

  // End to end: word-timed uploads while the workers run, until every call is coached — first
  // with the CPU tasks inline (one thread for everything), then on a worker pool of one thread as
  // `npm start` has it on two cores (the event loop beside one CPU thread).
  const E2E = 100;
  /** PostgreSQL's backends serving the benchmark database (their CPU is the database's share). */
  const backends = async () =>
    resultRows<{ pid: number }>(
      await handle.db.execute(sql`select pid from pg_stat_activity where datname = current_database()`),
    ).map((r) => r.pid);
  const endToEnd = async (
    target: typeof app,
    seed: number,
    /** `probe`: time a dashboard's reads meanwhile; `poolThreads`: the pool's size, for the CPU split. */
    { probe = false, poolThreads = 1 }: { probe?: boolean; poolThreads?: number } = {},
  ): Promise<{ rate: number; cpu: CallCpu | null; reads: number[] }> => {
    const bodies = Array.from({ length: E2E }, (_, i) =>
      JSON.stringify({
        transcript: JSON.stringify(generateCall({ minutes: 30, seed: seed + i })),
        fileName: "call",
        speakerRoles: { rep: ["rep-dana", "Dana Reyes (Debrief)"] },
      }),
    );
    const threads0 = threadCpuMs();
    const pg0 = processesCpuMs(await backends());
    const te = performance.now();
    // With `probe`, a dashboard's read every 10 ms while the uploads run: how long the event loop
    // makes it wait.
    let uploading = true;
    const reads: number[] = [];
    const prober = (async () => {
      while (probe && uploading) {
        const s = performance.now();
        const res = await target.request("/v1/calls?limit=1", { headers: auth });
        await res.arrayBuffer();
        reads.push(performance.now() - s);
        await new Promise((r) => setTimeout(r, 10));
      }
    })();
    await pool(bodies, CONCURRENCY, async (body) => {
      const res = await target.request("/v1/calls", { method: "POST", headers, body });
      if (res.status !== 202) throw new Error(`upload failed: ${res.status} ${await res.text()}`);
      await res.arrayBuffer();
    });
    uploading = false;
    await prober;
    while ((await pending()) > 0) await new Promise((r) => setTimeout(r, 20));
    const rate = E2E / ((performance.now() - te) / 1000);
    const threads = cpuDelta(threads0, threadCpuMs());
    const pg = cpuDelta(pg0, processesCpuMs(await backends()));
    if (threads.size === 0) return { rate, cpu: null, reads };
    const eventLoop = threads.get(process.pid) ?? 0;
    const others = [...threads].filter(([tid]) => tid !== process.pid).map(([, ms]) => ms);
    // The pool's threads are the busiest besides the event loop (one, or one per core).
    const busiest = others.sort((a, b) => b - a).slice(0, Math.max(1, poolThreads));
    const sum = (xs: Iterable<number>) => [...xs].reduce((a, b) => a + b, 0);
    const cpu: CallCpu = {
      eventLoop: eventLoop / E2E,
      busiest: sum(busiest) / E2E,
      otherThreads: (sum(others) - sum(busiest)) / E2E,
      postgres: sum(pg.values()) / E2E,
    };
    return { rate, cpu, reads };
  };
  const inline = await endToEnd(app, 13_000);
  await workers.stop();
  const pooledWith = (cpu: CpuRunner, coachOnUpload: boolean) =>
    createServices(config, {
      db: handle.db,
      blobs: memoryBlobStore(),
      queue: pgJobQueue(handle.db, () => wake()),
      transcriber: null,
      cpu,
      coach: (input) => runCoaching(input, { cpu }),
      logger: services.logger,
      coachOnUpload,
    });
  // As `npm start` ran until session 14 (a pool of one thread, a coach job per upload), as it ran
  // in session 14 (each upload coached in its request), then as it runs now: one pool thread per
  // core below the event loop's priority (src/cpu/priority.ts) — and, for the reads' latency,
  // the same threads at the event loop's priority.
  const one = workerPool(1);
  const pooled = pooledWith(one, false);
  const pooledApp = createApp({ services: () => pooled });
  const pooledWorkers = startWorkers(pooled, { concurrency: 2, pollIntervalMs: 20 });
  wake = () => pooledWorkers.wake();
  await endToEnd(pooledApp, 17_000); // warm-up: the pool thread's first calls compile its code
  const onPool = await endToEnd(pooledApp, 18_000);
  const inUploadApp = createApp({ services: () => pooledWith(one, true) });
  const inUploadRun = await endToEnd(inUploadApp, 19_000);
  const oneProbed = await endToEnd(inUploadApp, 20_000, { probe: true });
  await one.close();
  const poolThreads = defaultPoolSize();
  const perCore = async (lowPriority: boolean, seed: number) => {
    const cpu = workerPool(poolThreads, { lowPriority });
    const target = createApp({ services: () => pooledWith(cpu, true) });
    // Warm-up of the new threads: each reaches its speed over its first ~150 calls.
    for (let round = 0; round < 3; round++)
      await endToEnd(target, seed + 5_000 + round * 100, { poolThreads });
    const run = await endToEnd(target, seed + 1_000, { poolThreads });
    const probed = await endToEnd(target, seed + 2_000, { probe: true, poolThreads });
    await cpu.close();
    return { run, probed };
  };
  const sameRun = await perCore(false, 21_000);
  const lowRun = await perCore(true, 30_000);
  await pooledWorkers.stop();
  const readRow = (label: string, { reads, rate }: { reads: number[]; rate: number }) =>
    `| ${label} | ${reads.length} | ${pct(reads, 50).toFixed(1)} | ${pct(reads, 99).toFixed(1)} | ${rate.toFixed(1)} |`;
  rows.push(
    "",
    "| coaching jobs (rules engine, 2 workers) | jobs | jobs/s |",
    "|---|---|---|",
    `| drained after the uploads | ${before} | ${(before / drainSecs).toFixed(1)} |`,
    `| end to end: word-timed uploads (${CONCURRENCY} clients) with the workers running, calls coached/s | ${E2E} | ${inline.rate.toFixed(1)} |`,
    `| … the same with the CPU tasks on a pool of one thread | ${E2E} | ${onPool.rate.toFixed(1)} |`,
    `| … on that pool, each upload coached in its request, no job | ${E2E} | ${inUploadRun.rate.toFixed(1)} |`,
    `| … coached in the request on ${poolThreads} pool threads (one per core) at the event loop's priority | ${E2E} | ${sameRun.run.rate.toFixed(1)} |`,
    `| … on ${poolThreads} pool threads below the event loop's priority (as \`npm start\` runs) | ${E2E} | ${lowRun.run.rate.toFixed(1)} |`,
    "",
    "| CPU per coached call, end to end (ms, from /proc) | event loop | pool threads | Node's other threads | PostgreSQL | total |",
    "|---|---|---|---|---|---|",
    cpuRow("CPU tasks inline, coach jobs", inline.cpu, false),
    cpuRow("pool of one thread, coach jobs", onPool.cpu, true),
    cpuRow("pool of one thread, coached in the upload", inUploadRun.cpu, true),
    cpuRow(
      `${poolThreads} pool threads below the event loop, coached in the upload (\`npm start\`)`,
      lowRun.run.cpu,
      true,
    ),
    "",
    `| GET /v1/calls?limit=1 every 10 ms while ${CONCURRENCY} clients upload (coached in the request) | reads | p50 ms | p99 ms | uploads/s (with the reads) |`,
    "|---|---|---|---|---|",
    readRow("pool of one thread", oneProbed),
    readRow(`${poolThreads} pool threads at the event loop's priority`, sameRun.probed),
    readRow(`${poolThreads} pool threads below it (\`npm start\`)`, lowRun.probed),
  );
} finally {
  await handle.close();
  await temp.drop();
}

// ---- over HTTP: the server in its own process ----
const KEY = "dbf_benchHttpKey0123456789abcdefghijkl";
const httpRows: string[] = [];

/**
 * `debrief serve` in its own process on a fresh database: 300 word-timed uploads to warm it up,
 * then 200 timed ones from 16 keep-alive clients, then, with `reads`, GETs.
 */
async function overHttp(
  label: string,
  env: Record<string, string>,
  reads: boolean,
  serverAdminUrl = adminUrl,
): Promise<void> {
  const httpDb = await createTempDatabase(serverAdminUrl);
  const dataDir = mkdtempSync(join(tmpdir(), "debrief-bench-"));
  const port = 18_000 + Math.floor(Math.random() * 2000);
  const server = spawn(
    process.execPath,
    ["--max-semi-space-size=64", "--import", "tsx", join(import.meta.dirname, "serve.ts")],
    {
      env: {
        ...process.env,
        PORT: String(port),
        DATABASE_URL: httpDb.url,
        DEBRIEF_ADMIN_KEY: KEY,
        DEBRIEF_DATA_DIR: dataDir,
        DEBRIEF_SEED_DEMO: "false",
        DEBRIEF_WORKERS: "0",
        DEBRIEF_RATE_LIMIT_PER_MINUTE: "0",
        DEBRIEF_RATE_LIMIT_USER_PER_MINUTE: "0",
        DEBRIEF_RATE_LIMIT_ORG_PER_MINUTE: "0",
        LOG_LEVEL: "warn",
        ...env,
      },
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  try {
    await new Promise<void>((resolve, reject) => {
      server.once("exit", (code) => reject(new Error(`debrief serve exited (${code})`)));
      server.stdout?.on("data", (d: Buffer) => {
        if (d.toString().includes("listening")) resolve();
      });
    });
    const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
    const call = (method: string, path: string, body?: Buffer) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const headers: Record<string, string | number> = { authorization: `Bearer ${KEY}` };
        if (body !== undefined) {
          headers["content-type"] = "application/json";
          headers["content-length"] = body.length;
        }
        const req = http.request({ host: "127.0.0.1", port, path, method, agent, headers }, (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () =>
            resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }),
          );
        });
        req.on("error", reject);
        req.end(body);
      });

    const n = 200;
    const bodiesFrom = (seed: number, count: number) =>
      Array.from({ length: count }, (_, i) =>
        // Encoded once here: a client's own CPU is not the server's (it shares these two cores).
        Buffer.from(
          JSON.stringify({
            transcript: JSON.stringify(generateCall({ minutes: 30, seed: seed + i })),
            fileName: "call.json",
          }),
        ),
      );
    // Warm-up: a new server's pool threads reach their speed over their first ~150 calls each
    // (two threads over HTTP: ~26 uploads/s over the first 100, 46 over the next 200, then 48–50).
    await timed(bodiesFrom(40_000, 300), CONCURRENCY, async (body) => {
      const res = await call("POST", "/v1/calls", body);
      if (res.status !== 202) throw new Error(`upload failed: ${res.status} ${res.body}`);
    });
    const bodies = bodiesFrom(20_000, n);
    const ids: string[] = [];
    const t0 = performance.now();
    const up = await timed(bodies, CONCURRENCY, async (body) => {
      const res = await call("POST", "/v1/calls", body);
      if (res.status !== 202) throw new Error(`upload failed: ${res.status} ${res.body}`);
      ids.push((JSON.parse(res.body) as { id: string }).id);
    });
    const upRate = n / ((performance.now() - t0) / 1000);
    httpRows.push(
      `| upload: 30-minute canonical JSON with word timings, ${CONCURRENCY} clients, ${label} | ${n} | ${pct(up, 50).toFixed(1)} | ${pct(up, 99).toFixed(1)} | ${upRate.toFixed(1)} |`,
    );
    if (reads) {
      const get = async () => {
        const res = await call("GET", `/v1/calls/${ids[Math.floor(Math.random() * ids.length)]}`);
        if (res.status !== 200) throw new Error(`get failed: ${res.status}`);
      };
      await timed(Array.from({ length: 100 }), 1, get); // warm-up
      const seq = await timed(Array.from({ length: 1000 }), 1, get);
      const tc = performance.now();
      const conc = await timed(Array.from({ length: 3000 }), CONCURRENCY, get);
      const concRate = 3000 / ((performance.now() - tc) / 1000);
      httpRows.push(
        `| GET /v1/calls/{id}, one client | 1000 | ${pct(seq, 50).toFixed(2)} | ${pct(seq, 99).toFixed(2)} | ${(1000 / (seq.reduce((a, b) => a + b, 0) / 1000)).toFixed(0)} |`,
        `| GET /v1/calls/{id}, ${CONCURRENCY} clients | 3000 | ${pct(conc, 50).toFixed(2)} | ${pct(conc, 99).toFixed(2)} | ${concRate.toFixed(0)} |`,
      );
    }
    agent.destroy();
  } finally {
    server.kill();
    await new Promise((r) => (server.exitCode === null ? server.once("exit", r) : r(null)));
    await httpDb.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await overHttp("a pool of one thread (`DEBRIEF_CPU_THREADS=1`)", { DEBRIEF_CPU_THREADS: "1" }, false);
await overHttp(`the default pool (${defaultPoolSize()} threads here)`, {}, true);
// The same server reaching the local PostgreSQL over its Unix socket (libpq's URL form), not TCP.
const socketUrl = localSocketUrl(adminUrl);
if (socketUrl) {
  const dir = postgresConnection(socketUrl).options.host;
  await overHttp(
    `the default pool, PostgreSQL over its Unix socket (\`?host=${dir}\`)`,
    {},
    false,
    socketUrl,
  );
}
rows.push(
  "",
  "| over HTTP (`debrief serve` in its own process) | requests | p50 ms | p99 ms | per second |",
  "|---|---|---|---|---|",
  ...httpRows,
);

report("api", machineLine(", PostgreSQL on 127.0.0.1"), rows.join("\n"));
