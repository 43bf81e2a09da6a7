/**
 * The team report over a year of data (`npm run bench:reports`, also part of `npm run bench`):
 * 50 reps, 100,000 calls with their call_metrics rows and a year of CRM records (~1,000,000
 * activities, bench/crm-data.ts), all generated in SQL (`INSERT … SELECT generate_series`), on
 * PostgreSQL (a temporary database, created and dropped) and, unless --postgres-only, in-memory
 * PGlite. Times the whole team report (call metrics per rep with percentile_cont, the behaviour ↔
 * outcome joins and the outcome metrics) for a quarter and the year, and prints the plans of its
 * call queries. `--write` records the table in docs/benchmarks.md.
 */
import { sql } from "drizzle-orm";
import { bootstrap } from "../src/admin/operations.js";
import { type Database, resultRows } from "../src/db/database.js";
import { migrate } from "../src/db/migrate.js";
import { openPglite } from "../src/db/pglite.js";
import { openPostgres } from "../src/db/postgres.js";
import { periodInstants } from "../src/outcomes/operations.js";
import { parsePeriod } from "../src/outcomes/period.js";
import { teamQueries, teamReport } from "../src/reports/operations.js";
import { createTempDatabase } from "../test/helpers/db.js";
import { generateCrmYear } from "./crm-data.js";
import { benchServices, machineLine, report } from "./record.js";

const adminUrl =
  process.env.BENCH_DATABASE_URL ??
  process.env.TEST_DATABASE_URL ??
  "postgres://postgres@127.0.0.1:5432/postgres";
const RUNS = 9;
const CALLS = 100_000;

/** 100,000 analysed calls of 2026 over the 50 reps, a third linked to a deal, with their metrics. */
async function generateCalls(db: Database, orgId: string): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`select setseed(0.17)`);
    await tx.execute(sql`insert into calls (id, org_id, rep_user_id, occurred_at, status, source, content_hash, crm_deal_id, coaching_status)
      select 'BC' || g, ${orgId}, 'brep' || (g % 50), timestamptz '2026-01-01 00:00Z' + random() * interval '365 days',
        'done', 'transcript', 'bench-' || g, case when g % 3 = 0 then 'D' || (g % 40000) end, 'done'
      from generate_series(0, ${CALLS - 1}) g`);
    await tx.execute(sql`insert into call_metrics (call_id, org_id, rep_user_id, occurred_at, crm_deal_id, language,
        duration_sec, talk_ratio, longest_monologue_sec, longest_customer_story_sec, patience_sec, interactivity,
        silence_sec, pauses, longest_pause_sec, rep_questions_open, rep_questions_closed, customer_questions_open,
        customer_questions_closed, rep_fillers_per_min, rep_wpm, objections, objections_resolved, playbook_score, playbook)
      select c.id, c.org_id, c.rep_user_id, c.occurred_at, c.crm_deal_id, 'en',
        600 + random() * 2400, 0.25 + random() * 0.5, 30 + random() * 300, 20 + random() * 200, 0.3 + random() * 1.5,
        1 + random() * 5, random() * 120, (random() * 20)::int, random() * 10, (random() * 12)::int, (random() * 8)::int,
        (random() * 4)::int, (random() * 4)::int, random() * 6, 120 + random() * 60, (random() * 4)::int, 0, random(), 'discovery'
      from calls c where c.org_id = ${orgId}`);
  });
  await db.execute(sql`vacuum analyze`);
}

async function time(run: () => Promise<unknown>): Promise<number> {
  await run();
  await run();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

async function plans(db: Database, orgId: string, from: string, to: string): Promise<string> {
  const bounds = await periodInstants(db, parsePeriod({ from, to, timeZone: "Europe/Berlin" }));
  const out: string[] = [];
  for (const [name, q] of Object.entries(teamQueries(orgId, bounds))) {
    const rows = resultRows<Record<string, string>>(
      await db.execute(sql`explain (analyze, costs off, timing off, summary off) ${q}`),
    );
    out.push(`-- ${name}\n${rows.map((r) => Object.values(r)[0]).join("\n")}`);
  }
  return out.join("\n\n");
}

async function measure(name: string, db: Database): Promise<{ row: string; plans: string }> {
  await migrate(db);
  const boot = await bootstrap(db, { orgName: "Bench" });
  if (!boot) throw new Error("the bench needs an empty database");
  await db.execute(sql`update organizations set time_zone = 'Europe/Berlin' where id = ${boot.orgId}`);
  const t0 = performance.now();
  const counts = await generateCrmYear(db, boot.orgId);
  await generateCalls(db, boot.orgId);
  const genSec = (performance.now() - t0) / 1000;
  const ctx = {
    services: benchServices(db),
    actor: { orgId: boot.orgId, userId: "bench", role: "admin" as const, keyId: "bench", operator: false },
  };
  const quarter = await time(() => teamReport(ctx, { from: "2026-04-01", to: "2026-07-01" }));
  const year = await time(() => teamReport(ctx, { from: "2026-01-01", to: "2027-01-01" }));
  // The call side alone (what the reports add to the outcome report): its three queries at once.
  const bounds = await periodInstants(
    db,
    parsePeriod({ from: "2026-01-01", to: "2027-01-01", timeZone: "Europe/Berlin" }),
  );
  const callsOnly = await time(() =>
    Promise.all(Object.values(teamQueries(boot.orgId, bounds)).map((q) => db.execute(q))),
  );
  const fmt = (n: number) => n.toLocaleString("en-US");
  return {
    row: `| ${name} | ${fmt(CALLS)} | ${fmt(counts.crm_activities!)} | ${genSec.toFixed(1)} | ${quarter.toFixed(0)} | ${year.toFixed(0)} | ${callsOnly.toFixed(0)} |`,
    plans: await plans(db, boot.orgId, "2026-01-01", "2027-01-01"),
  };
}

const rows: string[] = [];
let pgPlans = "";
{
  const { url, drop } = await createTempDatabase(adminUrl);
  const h = openPostgres(url, { max: 5 });
  try {
    const r = await measure("PostgreSQL", h.db);
    rows.push(r.row);
    pgPlans = r.plans;
  } finally {
    await h.close();
    await drop();
  }
}
if (!process.argv.includes("--postgres-only")) {
  const h = await openPglite();
  try {
    rows.push((await measure("PGlite (in memory)", h.db)).row);
  } finally {
    await h.close();
  }
}
console.log(`Plans on PostgreSQL, year 2026 (Europe/Berlin):\n\n${pgPlans}\n`);
report(
  "reports",
  machineLine(`, median of ${RUNS} after 2 warm-ups, Europe/Berlin, 50 reps`),
  [
    "| database | calls | CRM activities | generate s | team report, quarter ms | team report, year ms | its call queries only, year ms |",
    "|---|---|---|---|---|---|---|",
    ...rows,
  ].join("\n"),
);
