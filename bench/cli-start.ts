/**
 * `npx tsx bench/cli-start.ts [--rounds N] [--bin PATH] [--write]`: start-up cost of the real CLI
 * (`bin/debrief.js`, as `npm ci` builds it), side by side with a bare `node -e 0`: `debrief --help`
 * and one short `debrief analyze` (rules engine, as a user without OPENAI_API_KEY runs it).
 * Runs alternate (node, help, analyze, node, help, …) so all three see the same machine load;
 * the table gives medians of wall time and of CPU time (user + system, read from the children's
 * accounting in /proc on Linux) and each command's ratio to the bare Node start.
 * Targets: `--help` ≤ 4× and the short analysis ≤ 6× bare Node. `--bin` measures another build.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { argAfter, cliEnv, launcher } from "./cli.js";
import { machineLine, report } from "./record.js";
import { statFields, ticksMs } from "./thread-cpu.js";

const root = join(import.meta.dirname, "..");
const bin = resolve(argAfter("--bin") ?? join(root, "bin", "debrief.js"));
const rounds = Number(argAfter("--rounds") ?? 15);
const SHORT_CALL = "fixtures/calls/discovery-acme.vtt";

const debrief = (...args: string[]): string[] => launcher(bin, ...args);
const cases: Array<{ label: string; args: string[] }> = [
  { label: "`node -e 0` (bare Node)", args: [process.execPath, "-e", "0"] },
  { label: "`debrief --help`", args: debrief("--help") },
  { label: `\`debrief analyze ${SHORT_CALL}\``, args: debrief("analyze", SHORT_CALL) },
];

/** CPU seconds used by this process's waited-for children so far (Linux), else null. */
function childrenCpu(): number | null {
  const fields = statFields("/proc/self/stat");
  return fields ? ticksMs(fields, 13) / 1000 : null; // cutime + cstime
}

const env = cliEnv();

function runOnce(args: string[]): { wall: number; cpu: number | null } {
  const cpu0 = childrenCpu();
  const t0 = performance.now();
  const [command, ...rest] = args;
  const run = spawnSync(command!, rest, { cwd: root, env, stdio: ["ignore", "ignore", "pipe"] });
  const wall = performance.now() - t0;
  const cpu1 = childrenCpu();
  if (run.status !== 0) throw new Error(`${args.join(" ")} exited ${run.status}: ${run.stderr}`);
  return { wall, cpu: cpu0 === null || cpu1 === null ? null : (cpu1 - cpu0) * 1000 };
}

if (!existsSync(bin)) throw new Error(`${bin} not found`);
for (const c of cases) runOnce(c.args); // warm the file cache
const samples = cases.map(() => ({ wall: [] as number[], cpu: [] as number[] }));
for (let r = 0; r < rounds; r++) {
  cases.forEach((c, i) => {
    const { wall, cpu } = runOnce(c.args);
    samples[i]?.wall.push(wall);
    if (cpu !== null) samples[i]?.cpu.push(cpu);
  });
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[m] ?? Number.NaN) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2;
};
const base = samples[0] ?? { wall: [], cpu: [] };
const baseWall = median(base.wall);
const baseCpu = base.cpu.length > 0 ? median(base.cpu) : Number.NaN;
const rows = [
  "| command | wall ms (median) | × bare Node | CPU ms (median) | × bare Node |",
  "|---|---|---|---|---|",
  ...cases.map((c, i) => {
    const s = samples[i] ?? { wall: [], cpu: [] };
    const wall = median(s.wall);
    const cpu = s.cpu.length > 0 ? median(s.cpu) : Number.NaN;
    const x = (v: number, b: number) => (Number.isFinite(v / b) ? (v / b).toFixed(2) : "–");
    const ms = (v: number) => (Number.isFinite(v) ? v.toFixed(0) : "–");
    return `| ${c.label} | ${ms(wall)} | ${x(wall, baseWall)} | ${ms(cpu)} | ${x(cpu, baseCpu)} |`;
  }),
];
report("cli", machineLine(`, ${rounds} alternating rounds`), rows.join("\n"));
