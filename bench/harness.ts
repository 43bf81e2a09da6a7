/**
 * What the outcome and report benchmarks share: the databases they run on, the year of data, and
 * the measures — wall time, CPU time and queries per run — plus the plans of named queries.
 *
 * CPU time is the evidence that survives a busy machine: wall time stretches with the load, the
 * CPU a run burns barely does. On PostgreSQL it is this process's plus its connections' server
 * processes' (read from /proc, so only for a server on this machine; "n/a" otherwise), measured in
 * separate runs over connections with parallel query off (a parallel worker is a process of its
 * own, gone before it could be read); on in-process PGlite it is this process's alone.
 */
import { type SQL, sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/postgres-js";
import { bootstrap } from "../src/admin/operations.js";
import { type Database, resultRows } from "../src/db/database.js";
import { migrate } from "../src/db/migrate.js";
import { openPglite } from "../src/db/pglite.js";
import { openPostgres, postgresClient } from "../src/db/postgres.js";
import * as schema from "../src/db/schema/index.js";
import { createTempDatabase } from "../test/helpers/db.js";
import { generateCalls, generateCrmYear } from "./crm-data.js";
import { processesCpuMs } from "./thread-cpu.js";

export const RUNS = 9;

const adminUrl =
  process.env.BENCH_DATABASE_URL ??
  process.env.TEST_DATABASE_URL ??
  "postgres://postgres@127.0.0.1:5432/postgres";

export interface BenchDatabase {
  name: "PostgreSQL" | "PGlite (in memory)";
  db: Database;
  /** The same database for the CPU runs (PostgreSQL: serial connections). */
  cpuDb: Database;
  /** CPU milliseconds used so far by this process and (PostgreSQL) cpuDb's server processes, or null. */
  cpuMs: () => Promise<number | null>;
}

export interface BenchYear {
  orgId: string;
  /** Rows per table. */
  counts: Record<string, number>;
  /** Seconds the generation took (NaN when a kept database was reused). */
  genSec: number;
}

/**
 * Runs `measure` on PostgreSQL — a temporary database, or the database at BENCH_KEEP_URL, filled
 * on first use and kept (to iterate on queries) — then, unless `--postgres-only`, on in-memory
 * PGlite.
 */
export async function onEachDatabase<T>(measure: (b: BenchDatabase) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  const kept = process.env.BENCH_KEEP_URL;
  const { url, drop } = kept ? { url: kept, drop: async () => {} } : await createTempDatabase(adminUrl);
  const pg = openPostgres(url, { max: 5 });
  const serial = postgresClient(url, {
    max: 5,
    prepare: false,
    onnotice: () => {},
    connection: { max_parallel_workers_per_gather: 0 },
  });
  const cpuDb = drizzle(serial, { schema }) as unknown as Database;
  try {
    out.push(await measure({ name: "PostgreSQL", db: pg.db, cpuDb, cpuMs: () => serverCpuMs(cpuDb) }));
  } finally {
    await serial.end({ timeout: 5 });
    await pg.close();
    await drop();
  }
  if (!process.argv.includes("--postgres-only")) {
    const lite = await openPglite();
    try {
      const cpuMs = async () => processCpuMs();
      out.push(await measure({ name: "PGlite (in memory)", db: lite.db, cpuDb: lite.db, cpuMs }));
    } finally {
      await lite.close();
    }
  }
  return out;
}

/**
 * One organization's year (bench/crm-data.ts), in Europe/Berlin: generated into an empty database,
 * or found in a kept one.
 */
export async function benchYear(db: Database): Promise<BenchYear> {
  await migrate(db);
  const boot = await bootstrap(db, { orgName: "Bench" });
  let orgId: string;
  let genSec = Number.NaN;
  if (boot) {
    orgId = boot.orgId;
    await db.execute(sql`update organizations set time_zone = 'Europe/Berlin' where id = ${orgId}`);
    const t0 = performance.now();
    await generateCrmYear(db, orgId);
    await generateCalls(db, orgId);
    genSec = (performance.now() - t0) / 1000;
  } else {
    const [org] = resultRows<{ id: string }>(await db.execute(sql`select id from organizations limit 1`));
    orgId = org!.id;
  }
  const counts: Record<string, number> = {};
  for (const table of [
    "crm_leads",
    "crm_deals",
    "crm_activities",
    "crm_customers",
    "crm_costs",
    "call_metrics",
  ]) {
    const [row] = resultRows<{ n: unknown }>(await db.execute(sql.raw(`select count(*) as n from ${table}`)));
    counts[table] = Number(row?.n);
  }
  return { orgId, counts, genSec };
}

export interface Timing {
  /** Median wall milliseconds of RUNS runs after 2 warm-ups. */
  ms: number;
  /** Mean CPU milliseconds per run (client and server), or null where it cannot be read. */
  cpuMs: number | null;
  /** Database queries per run. */
  queries: number;
}

/**
 * Times `run` (given the database to use) on `b`: 2 warm-ups, then RUNS runs for the wall time
 * and, on PostgreSQL, RUNS more over the serial connections for the CPU time.
 */
export async function timed(b: BenchDatabase, run: (db: Database) => Promise<unknown>): Promise<Timing> {
  await run(b.db);
  const counter = countQueries(b.db);
  await run(b.db);
  const queries = counter.stop();
  const times: number[] = [];
  let cpu0 = await b.cpuMs();
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await run(b.db);
    times.push(performance.now() - start);
  }
  if (b.cpuDb !== b.db) {
    await run(b.cpuDb);
    cpu0 = await b.cpuMs();
    for (let i = 0; i < RUNS; i++) await run(b.cpuDb);
  }
  const cpu1 = await b.cpuMs();
  times.sort((x, y) => x - y);
  return {
    ms: times[Math.floor(times.length / 2)]!,
    cpuMs: cpu0 === null || cpu1 === null ? null : (cpu1 - cpu0) / RUNS,
    queries,
  };
}

/** "wall ms / CPU ms / queries" for a table cell. */
export function cell(t: Timing): string {
  return `${t.ms.toFixed(0)} / ${t.cpuMs === null ? "n/a" : t.cpuMs.toFixed(0)} / ${t.queries}`;
}

/** The `EXPLAIN (ANALYZE)` of each named query, without timings (they vary run to run). */
export async function plansOf(db: Database, queries: Record<string, SQL>): Promise<string> {
  const out: string[] = [];
  for (const [name, q] of Object.entries(queries)) {
    const rows = resultRows<Record<string, string>>(
      await db.execute(sql`explain (analyze, costs off, timing off, summary off) ${q}`),
    );
    out.push(`-- ${name}\n${rows.map((r) => Object.values(r)[0]).join("\n")}`);
  }
  return out.join("\n\n");
}

/** Counts the queries Drizzle sends through `db` until `stop()`. */
export function countQueries(db: Database): { stop: () => number } {
  const session = (db as unknown as { session: { prepareQuery: (...args: unknown[]) => unknown } }).session;
  const original = session.prepareQuery;
  let n = 0;
  session.prepareQuery = function (this: unknown, ...args: unknown[]) {
    n++;
    return original.apply(this, args);
  };
  return {
    stop: () => {
      session.prepareQuery = original;
      return n;
    },
  };
}

function processCpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** This process's CPU plus that of the server processes of `db`'s connections (null if unreadable). */
async function serverCpuMs(db: Database): Promise<number | null> {
  const pids = resultRows<{ pid: unknown }>(
    await db.execute(
      sql`select pid from pg_stat_activity where datname = current_database() and backend_type = 'client backend'`,
    ),
  ).map(({ pid }) => Number(pid));
  const backends = processesCpuMs(pids);
  if (backends.size < pids.length) return null;
  return [...backends.values()].reduce((a, b) => a + b, 0) + processCpuMs();
}
