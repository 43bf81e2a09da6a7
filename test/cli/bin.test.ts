import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { cli } from "../helpers/cli.js";

/**
 * The real launcher (bin/debrief.js → dist/, as `npm ci` builds it, with the bundled commands)
 * prints exactly what the in-process CLI built from src/ prints, for every kind of command.
 * A failure here after editing src/ may only mean dist/ is stale: run `npm run build`.
 */
const run = promisify(execFile);
const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: "1" };
delete env.OPENAI_API_KEY;

async function bin(args: string[], attempt = 1): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ["bin/debrief.js", ...args], { env });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number | null; signal: string | null; stdout: string; stderr: string };
    // Killed by a signal from outside (seen once in a full CI run, with nothing printed): that is
    // the machine's doing, not the CLI's answer, so it runs once more. Exit codes are compared.
    if (e.code === null && e.signal && attempt === 1) return bin(args, 2);
    return { code: e.code ?? -1, stdout: e.stdout, stderr: e.stderr };
  }
}

const COMMANDS: string[][] = [
  ["--help"],
  [],
  ["help", "analyze"],
  ["help", "admin"],
  ["analyze", "--help"],
  ["--version"],
  ["nonsense"],
  ["analyze"],
  ["analyze", "fixtures/calls/discovery-acme.vtt"],
  ["analyze", "fixtures/formats/zoom.vtt", "fixtures/formats/plain.txt", "--json"],
  ["analyze", "fixtures/formats/teams.vtt", "--rep", "Dana Whitfield", "--playbook", "demo", "--json"],
  ["analyze", "fixtures/formats/malformed/truncated.json", "fixtures/formats/russian.txt", "--no-coaching"],
  ["analyze", "fixtures/formats/call.srt", "--format", "nope"],
  ["schema"],
  ["schema", "transcript"],
];

describe("bin/debrief.js", () => {
  it.each(COMMANDS.map((args) => [args.join(" "), args] as const))("debrief %s", async (_label, args) => {
    const [real, inProcess] = await Promise.all([bin([...args]), cli([...args])]);
    expect(real).toEqual(inProcess);
  });
});
