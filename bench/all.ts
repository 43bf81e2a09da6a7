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
  "bench/cli-batch.ts",
  "bench/web.ts",
  "bench/availability.ts",
  "bench/memory.ts",
];
for (const script of scripts) {
  // bench/memory.ts measures the heap after forced collections; the API benchmark runs the app
  // in its own process with the young generation `npm start` gives the server.
  const flags =
    script === "bench/memory.ts"
      ? ["--expose-gc"]
      : script === "bench/api.ts"
        ? ["--max-semi-space-size=64"]
        : [];
  const args = script === "bench/memory.ts" ? [] : process.argv.slice(2);
  const run = spawnSync(process.execPath, [...flags, "--import", "tsx", join(root, script), ...args], {
    stdio: "inherit",
    cwd: root,
  });
  if (run.status !== 0) {
    console.error(`${script} failed (exit ${run.status ?? run.signal})`);
    process.exit(1);
  }
  console.log();
}
