/**
 * `npx tsx bench/cli-batch.ts [--calls N] [--rounds R] [--write]`: hour-long calls through the real
 * CLI, `debrief analyze --json FILE…` (rules coaching, as a user without OPENAI_API_KEY runs it)
 * and `--no-coaching`, in batches of N and 3N copies of the 60-minute bench call (default N = 24).
 * Per call: the whole batch of N divided by N (start-up, the engine's first-run work and the
 * output included: what a user waits for), and the steady state, (batch of 3N − batch of N) / 2N,
 * which is what bench/run.ts measures in one process. Each is held against one `JSON.parse` of the
 * same file in this process. Then a long batch, 12N, with the worker threads the CLI starts for it
 * by default and with `--jobs 1`: per call after the first N, (batch of 12N − batch of N) / 11N.
 * Cases alternate, so all see the same machine load; medians of R rounds.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { argAfter, cliEnv, launcher } from "./cli.js";
import { machineLine, report } from "./record.js";

const root = join(import.meta.dirname, "..");
const calls = Number(argAfter("--calls") ?? 24);
const rounds = Number(argAfter("--rounds") ?? 3);
const bin = join(root, "bin", "debrief.js");
if (!existsSync(join(root, "dist", "src", "cli", "main.js"))) throw new Error("not built: npm run build");

const content = readFileSync(join(root, "fixtures", "bench", "call-60min.json"), "utf8");
const dir = mkdtempSync(join(tmpdir(), "debrief-batch-"));
const LONG = 12;
const files = Array.from({ length: LONG * calls }, (_, i) => {
  const file = join(dir, `call-${i}.json`);
  writeFileSync(file, content);
  return file;
});
const env = cliEnv();

function batch(flags: string[], n: number): number {
  const t0 = performance.now();
  const [command, ...args] = launcher(bin, "analyze", "--json", ...flags, ...files.slice(0, n));
  const run = spawnSync(command, args, {
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
  for (let i = 0; i < 40; i++) {
    const t0 = performance.now();
    JSON.parse(content);
    times.push(performance.now() - t0);
  }
  return median(times.slice(10));
}

const cases = [
  { label: "rules coaching (default)", flags: [] as string[] },
  { label: "`--no-coaching`", flags: ["--no-coaching"] },
];
batch([], 1); // warm the file cache
const small = cases.map(() => [] as number[]);
const large = cases.map(() => [] as number[]);
const threadCases = [
  { label: "rules coaching, worker threads (the default)", flags: [] as string[] },
  { label: "rules coaching, `--jobs 1`", flags: ["--jobs", "1"] },
];
const longSmall = threadCases.map(() => [] as number[]);
const long = threadCases.map(() => [] as number[]);
const floors: number[] = [];
try {
  for (let r = 0; r < rounds; r++) {
    cases.forEach((c, i) => {
      small[i]!.push(batch(c.flags, calls));
      large[i]!.push(batch(c.flags, 3 * calls));
    });
    threadCases.forEach((c, i) => {
      longSmall[i]!.push(batch(c.flags, calls));
      long[i]!.push(batch(c.flags, LONG * calls));
    });
    floors.push(parseFloor());
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
const floor = median(floors);
const rows = [
  `| \`debrief analyze --json\`, hour-long calls | batch of ${calls}, ms | per call, whole batch | × JSON.parse | per call, steady state | × JSON.parse |`,
  "|---|---|---|---|---|---|",
  ...cases.map((c, i) => {
    const whole = median(small[i]!);
    // Per round, so a slow round does not pair with a fast one.
    const steady = median(large[i]!.map((l, r) => (l - small[i]![r]!) / (2 * calls)));
    return `| ${c.label} | ${whole.toFixed(0)} | ${(whole / calls).toFixed(1)} | ${(whole / calls / floor).toFixed(2)} | ${steady.toFixed(1)} | ${(steady / floor).toFixed(2)} |`;
  }),
  "",
  `| long batch, hour-long calls | batch of ${LONG * calls}, ms | per call, whole batch | × JSON.parse | per call after the first ${calls} | × JSON.parse |`,
  "|---|---|---|---|---|---|",
  ...threadCases.map((c, i) => {
    const whole = median(long[i]!);
    const after = median(long[i]!.map((l, r) => (l - longSmall[i]![r]!) / ((LONG - 1) * calls)));
    const n = LONG * calls;
    return `| ${c.label} | ${whole.toFixed(0)} | ${(whole / n).toFixed(1)} | ${(whole / n / floor).toFixed(2)} | ${after.toFixed(1)} | ${(after / floor).toFixed(2)} |`;
  }),
];
report(
  "cli-batch",
  machineLine(`, ${rounds} alternating rounds, JSON.parse of the call ${floor.toFixed(2)} ms`),
  rows.join("\n"),
);
