/**
 * `npm run bench [-- --write]`: every benchmark in turn — the analysis engine, the coaching token
 * budget, the API on PostgreSQL, the outcome metrics over a year of CRM data and the CLI's start-up —
 * each in its own process (so one's heap does not skew the
 * next), with this command's flags passed to all of them.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";

const root = join(import.meta.dirname, "..");
const scripts = [
  "bench/run.ts",
  "scripts/token-budget.ts",
  "bench/api.ts",
  "bench/outcomes.ts",
  "bench/reports.ts",
  "bench/cli-start.ts",
  "bench/web.ts",
  "bench/availability.ts",
];
for (const script of scripts) {
  const run = spawnSync(process.execPath, ["--import", "tsx", join(root, script), ...process.argv.slice(2)], {
    stdio: "inherit",
    cwd: root,
  });
  if (run.status !== 0) {
    console.error(`${script} failed (exit ${run.status ?? run.signal})`);
    process.exit(1);
  }
  console.log();
}
