/**
 * `npx tsx bench/cli-batch.ts [--calls N] [--rounds R] [--write]`: a batch of N hour-long calls
 * (the 60-minute bench call, default 12) through the real CLI, `debrief analyze --json` with the
 * rules engine, on one thread (`--jobs 1`) and on the default threads (one per core), alternating.
 * Medians of wall time per call, next to one `JSON.parse` of the same file in this process (the
 * floor the analysis is held against). Process start-up is included: it is what a user waits for.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { machineLine, report } from "./record.js";

const root = join(import.meta.dirname, "..");
const argAfter = (flag: string): string | undefined => {
  const i = process.argv.indexOf(flag);
  return i < 0 ? undefined : process.argv[i + 1];
};
const calls = Number(argAfter("--calls") ?? 12);
const rounds = Number(argAfter("--rounds") ?? 5);
const bin = join(root, "bin", "debrief.js");
if (!existsSync(bin)) throw new Error(`${bin} not found: npm run build`);

const content = readFileSync(join(root, "fixtures", "bench", "call-60min.json"), "utf8");
const dir = mkdtempSync(join(tmpdir(), "debrief-batch-"));
const files = Array.from({ length: calls }, (_, i) => {
  const file = join(dir, `call-${i}.json`);
  writeFileSync(file, content);
  return file;
});
const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: "1" };
delete env.OPENAI_API_KEY; // the rules engine: no network

function runOnce(jobs: string[]): number {
  const t0 = performance.now();
  const run = spawnSync(process.execPath, [bin, "analyze", "--json", ...jobs, ...files], {
    cwd: root,
    env,
    stdio: ["ignore", "ignore", "pipe"],
    maxBuffer: 1 << 30,
  });
  if (run.status !== 0) throw new Error(`debrief analyze exited ${run.status}: ${run.stderr}`);
  return performance.now() - t0;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
function parseFloor(): number {
  const times: number[] = [];
  for (let i = 0; i < 30; i++) {
    const t0 = performance.now();
    JSON.parse(content);
    times.push(performance.now() - t0);
  }
  return median(times.slice(10));
}

const cases = [
  { label: "`--jobs 1`", args: ["--jobs", "1"] },
  { label: `default (${availableParallelism()} threads)`, args: [] },
];
runOnce(["--jobs", "1"]); // warm the file cache
const walls = cases.map(() => [] as number[]);
const floors: number[] = [];
try {
  for (let r = 0; r < rounds; r++) {
    cases.forEach((c, i) => {
      walls[i]!.push(runOnce(c.args));
    });
    floors.push(parseFloor());
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
const floor = median(floors);
const rows = [
  `| ${calls} hour-long calls | wall ms (median) | ms per call | × JSON.parse per call |`,
  "|---|---|---|---|",
  ...cases.map((c, i) => {
    const wall = median(walls[i]!);
    return `| ${c.label} | ${wall.toFixed(0)} | ${(wall / calls).toFixed(1)} | ${(wall / calls / floor).toFixed(2)} |`;
  }),
];
report(
  "cli-batch",
  machineLine(`, ${rounds} alternating rounds, JSON.parse ${floor.toFixed(2)} ms`),
  rows.join("\n"),
);
