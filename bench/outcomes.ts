/**
 * Outcome metrics over a year of CRM data (`npm run bench:outcomes`, also part of `npm run bench`):
 * 50 reps, 100,000 leads, 40,000 deals, ~1,000,000 activities, 20,000 customers and monthly costs
 * (with the reports' 100,000 calls), generated in SQL (bench/crm-data.ts), on PostgreSQL
 * (BENCH_DATABASE_URL or TEST_DATABASE_URL, default the local server; a temporary database, or the
 * one at BENCH_KEEP_URL, filled once and kept) and, unless --postgres-only, on in-memory PGlite.
 * Times the whole report (its queries and the division) for a quarter and for the year, in
 * Europe/Berlin — wall time, CPU time and queries per report (bench/harness.ts) — and prints each
 * query's plan. `--write` records the table in docs/benchmarks.md.
 */
import type { Database } from "../src/db/database.js";
import { outcomeQueries, outcomeReport, periodInstants } from "../src/outcomes/operations.js";
import { parsePeriod } from "../src/outcomes/period.js";
import { benchYear, cell, onEachDatabase, plansOf, RUNS, timed } from "./harness.js";
import { benchServices, machineLine, report } from "./record.js";

const QUARTER = { from: "2026-04-01", to: "2026-07-01" };
const YEAR = { from: "2026-01-01", to: "2027-01-01" };

async function queriesOf(db: Database, orgId: string, p: { from: string; to: string }) {
  const period = parsePeriod({ ...p, timeZone: "Europe/Berlin" });
  return outcomeQueries(orgId, await periodInstants(db, period), period);
}

const results = await onEachDatabase(async (b) => {
  const { orgId, counts, genSec } = await benchYear(b.db);
  const actor = { orgId, userId: "bench", role: "admin" as const, keyId: "bench", operator: false };
  const services = new Map([b.db, b.cpuDb].map((db) => [db, benchServices(db)]));
  const run = (p: typeof QUARTER) => (db: Database) =>
    outcomeReport({ services: services.get(db)!, actor }, { ...p, timeZone: "Europe/Berlin" });
  const quarter = await timed(b, run(QUARTER));
  const year = await timed(b, run(YEAR));
  const n = (table: string) => counts[table]!.toLocaleString("en-US");
  return {
    row: `| ${b.name} | ${n("crm_activities")} | ${n("crm_leads")} / ${n("crm_deals")} / ${n("crm_customers")} | ${Number.isNaN(genSec) ? "kept" : genSec.toFixed(1)} | ${cell(quarter)} | ${cell(year)} |`,
    plans: `${b.name}, quarter ${QUARTER.from}..${QUARTER.to}:\n\n${await plansOf(b.db, await queriesOf(b.db, orgId, QUARTER))}\n\n${b.name}, year:\n\n${await plansOf(b.db, await queriesOf(b.db, orgId, YEAR))}`,
  };
});
for (const r of results) console.log(`Plans on ${r.plans}\n`);
report(
  "outcomes",
  machineLine(`, median of ${RUNS} after 2 warm-ups, Europe/Berlin`),
  [
    "Each report cell: wall ms (median) / CPU ms (client + server, mean) / queries.",
    "",
    "| database | activities | leads / deals / customers | generate s | quarter report | year report |",
    "|---|---|---|---|---|---|",
    ...results.map((r) => r.row),
  ].join("\n"),
);
