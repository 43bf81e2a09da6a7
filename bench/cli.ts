/** What the CLI benchmarks (cli-start.ts, cli-batch.ts) share: their flags, and running the launcher. */

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
