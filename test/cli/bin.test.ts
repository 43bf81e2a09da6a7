import { execFile, spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
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
    expect(source.split("\n")[0]).toBe("#!/usr/bin/env -S node --no-regexp-tier-up --max-semi-space-size=32");
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

  // `debrief analyze … | head`: the reader goes away mid-batch.
  it("stops quietly with status 141 when its reader closes the pipe early", async () => {
    const files = Array.from({ length: 40 }, () => "fixtures/formats/zoom.vtt");
    const child = spawn(
      process.execPath,
      ["bin/debrief.js", "analyze", "--json", "--no-coaching", ...files],
      {
        env,
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => {
      stderr += d.toString();
    });
    child.stdout.once("data", () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on("close", (c) => resolve(c)));
    expect(code).toBe(141);
    expect(stderr).toBe("");
  });

  it.skipIf(!existsSync("/dev/full"))(
    "says plainly that it cannot write its output to a full disk, exit 74",
    async () => {
      const out = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
        const child = execFile(
          "/bin/sh",
          [
            "-c",
            `"${process.execPath}" bin/debrief.js analyze --json --no-coaching fixtures/formats/zoom.vtt > /dev/full`,
          ],
          { env },
          (err, _stdout, stderr) =>
            resolve({ code: err ? ((err as { code?: number }).code ?? null) : 0, stderr }),
        );
        child.stdin?.end();
      });
      expect(out.code).toBe(74);
      expect(out.stderr).toMatch(/^debrief: cannot write the output: .*ENOSPC/);
      expect(out.stderr).not.toMatch(/\n\s+at /); // no stack trace
    },
  );
});
