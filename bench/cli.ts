/**
 * What the CLI benchmarks (cli-start.ts, cli-batch.ts, run.ts) share: their flags, running the
 * launcher, and V8's flags as the launcher gives them.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";

/**
 * The value after `flag` on the command line, if any.
 *
 * @example
 * Number(argAfter("--rounds") ?? 15)
 */
export function argAfter(flag: string): string | undefined {
  const i = process.argv.indexOf(flag);
  return i < 0 ? undefined : process.argv[i + 1];
}

/** The CLI's environment: no colours, no OpenAI key (the rules engine: no network, the same work on every run). */
export function cliEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: "1" };
  delete env.OPENAI_API_KEY;
  return env;
}

/**
 * The command and arguments that run `bin` as `npx debrief` runs it: the file itself, so its
 * shebang's V8 flags apply (Windows has no shebangs: there it is handed to node).
 *
 * @example
 * const [command, ...args] = launcher("bin/debrief.js", "--help");
 * spawnSync(command, args);
 */
export function launcher(bin: string, ...args: string[]): [string, ...string[]] {
  return process.platform === "win32" ? [process.execPath, bin, ...args] : [bin, ...args];
}

/**
 * The V8 flags `bin/debrief.js` runs the CLI with, read from its shebang (one source of truth).
 *
 * @example
 * cliNodeFlags() // ["--no-regexp-tier-up", "--max-semi-space-size=32"]
 */
export function cliNodeFlags(): string[] {
  const shebang = readFileSync(join(import.meta.dirname, "..", "bin", "debrief.js"), "utf8").split("\n")[0]!;
  const m = /^#!\/usr\/bin\/env -S node((?: --[\w=-]+)*)$/.exec(shebang);
  if (m === null) throw new Error(`unexpected shebang in bin/debrief.js: ${shebang}`);
  return m[1]!.split(" ").filter((f) => f !== "");
}

/**
 * Makes this benchmark process run with the CLI's V8 flags: when they are missing, runs the same
 * script again in a child process that has them (and exits with its status), so numbers measured
 * in process are those of the engine as `debrief analyze` runs it, however the script was started.
 *
 * @example
 * asTheCliRuns(import.meta.filename); // first thing in a benchmark script
 */
export function asTheCliRuns(script: string): void {
  const flags = cliNodeFlags();
  if (flags.every((f) => process.execArgv.includes(f))) return;
  const run = spawnSync(process.execPath, [...flags, "--import", "tsx", script, ...process.argv.slice(2)], {
    stdio: "inherit",
  });
  process.exit(run.status ?? 1);
}
