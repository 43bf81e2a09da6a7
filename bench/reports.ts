/**
 * The team report over a year of data (`npm run bench:reports`, also part of `npm run bench`):
 * 50 reps, 100,000 calls with their call_metrics rows and a year of CRM records (~1,000,000
 * activities), all generated in SQL (bench/crm-data.ts), on PostgreSQL (a temporary database, or
 * the one at BENCH_KEEP_URL) and, unless --postgres-only, on in-memory PGlite. Times the whole team
 * report (call metrics per rep with percentile_cont, the behaviour ↔ outcome joins and the outcome
 * metrics) for a quarter and the year, and its call queries alone for the year — wall time, CPU
 * time and queries per report (bench/harness.ts) — and prints the plans of its call queries.
 * `--write` records the table in docs/benchmarks.md.
 */
import type { Database } from "../src/db/database.js";
import { periodInstants } from "../src/outcomes/operations.js";
import { parsePeriod } from "../src/outcomes/period.js";
import { teamQueries, teamReport } from "../src/reports/operations.js";
import { benchYear, cell, onEachDatabase, plansOf, RUNS, timed } from "./harness.js";
import { benchServices, machineLine, report } from "./record.js";

const results = await onEachDatabase(async (b) => {
  const { orgId, counts, genSec } = await benchYear(b.db);
  const actor = { orgId, userId: "bench", role: "admin" as const, keyId: "bench", operator: false };
  const services = new Map([b.db, b.cpuDb].map((db) => [db, benchServices(db)]));
  const run = (from: string, to: string) => (db: Database) =>
    teamReport({ services: services.get(db)!, actor }, { from, to });
  const quarter = await timed(b, run("2026-04-01", "2026-07-01"));
  const year = await timed(b, run("2026-01-01", "2027-01-01"));
  // The call side alone (what the reports add to the outcome report), its queries at once.
  const period = parsePeriod({ from: "2026-01-01", to: "2027-01-01", timeZone: "Europe/Berlin" });
  const queries = teamQueries(orgId, await periodInstants(b.db, period));
  const callsOnly = await timed(b, (db) => Promise.all(Object.values(queries).map((q) => db.execute(q))));
  const n = (table: string) => counts[table]!.toLocaleString("en-US");
  return {
    row: `| ${b.name} | ${n("call_metrics")} | ${n("crm_activities")} | ${Number.isNaN(genSec) ? "kept" : genSec.toFixed(1)} | ${cell(quarter)} | ${cell(year)} | ${cell(callsOnly)} |`,
    plans: `${b.name}, year 2026 (Europe/Berlin):\n\n${await plansOf(b.db, queries)}`,
  };
});
for (const r of results) console.log(`Plans on ${r.plans}\n`);
report(
  "reports",
  machineLine(`, median of ${RUNS} after 2 warm-ups, Europe/Berlin, 50 reps`),
  [
    "Each cell after `generate s`: wall ms (median) / CPU ms (client + server, mean) / queries.",
    "",
    "| database | calls | CRM activities | generate s | team report, quarter | team report, year | its call queries only, year |",
    "|---|---|---|---|---|---|---|",
    ...results.map((r) => r.row),
  ].join("\n"),
);
