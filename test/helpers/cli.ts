import { readFileSync } from "node:fs";
import { runCli } from "../../src/cli/main.js";

/**
 * Run the CLI in-process with captured output.
 *
 * @example
 * const { code, stdout, stderr } = await cli(["analyze", "call.vtt", "--json"]);
 */
export async function cli(args: string[], opts: { stdin?: string; env?: Record<string, string> } = {}) {
  let stdout = "";
  let stderr = "";
  const code = await runCli(args, {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    readFile: async (p) => readFileSync(p, "utf8"),
    readStdin: async () => opts.stdin ?? "",
    env: { NO_COLOR: "1", ...opts.env },
  });
  return { code, stdout, stderr };
}
