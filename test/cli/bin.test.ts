import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
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

async function bin(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ["bin/debrief.js", ...args], { env });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number | null; signal: string | null; stdout: string; stderr: string };
    return { code: e.code ?? -1, stdout: e.stdout, stderr: `${e.signal ?? ""}${e.stderr}` };
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
  // Worker threads from the build (the bundle's analyze-worker.js) and from the sources.
  [
    "analyze",
    "-j",
    "2",
    "fixtures/formats/zoom.vtt",
    "fixtures/formats/malformed/truncated.json",
    "fixtures/formats/teams.vtt",
    "--json",
  ],
  ["analyze", "--jobs", "0", "fixtures/formats/zoom.vtt"],
  ["schema"],
  ["schema", "transcript"],
];

describe("bin/debrief.js", () => {
  // V8 flags changed after start-up are undefined behaviour: v8.setFlagsFromString("--no-regexp-tier-up")
  // in the launcher crashed ~1 server start in 13 with a segmentation fault in V8's expression code.
  it("takes V8's flags on its command line (the shebang), never sets them at run time", async () => {
    const source = readFileSync("bin/debrief.js", "utf8");
    expect(source.split("\n")[0]).toBe("#!/usr/bin/env -S node --no-regexp-tier-up");
    expect(source).not.toMatch(/setFlagsFromString\s*\(/);
    if (process.platform === "win32") return;
    // Run as `npx debrief` runs it: the file itself, through its shebang.
    const { stdout } = await run("bin/debrief.js", ["--version"], { env });
    expect(stdout).toBe((await cli(["--version"])).stdout);
  });

  it.each(COMMANDS.map((args) => [args.join(" "), args] as const))("debrief %s", async (_label, args) => {
    const [real, inProcess] = await Promise.all([bin([...args]), cli([...args])]);
    expect(real).toEqual(inProcess);
  });
});
