import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { promisify } from "node:util";
import { Worker } from "node:worker_threads";
import { describe, expect, it } from "vitest";
import { loadDefaultPlaybook } from "../../src/coaching/playbook/builtins.js";
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
  // A batch of hour-long calls: after the first, helper threads (dist/src/cli/analyze-worker.js) join.
  [
    "analyze",
    "--json",
    "--jobs",
    "2",
    ...Array.from({ length: 6 }, () => "fixtures/bench/call-60min.json"),
    "fixtures/formats/malformed/truncated.json",
    "fixtures/formats/zoom.vtt",
  ],
  ["analyze", "fixtures/formats/zoom.vtt", "--jobs", "none"],
  ["schema"],
  ["schema", "transcript"],
];

describe("bin/debrief.js", () => {
  it.each(COMMANDS.map((args) => [args.join(" "), args] as const))("debrief %s", async (_label, args) => {
    const [real, inProcess] = await Promise.all([bin([...args]), cli([...args])]);
    expect(real).toEqual(inProcess);
  });

  it("ships a batch helper thread that loads and analyses like the command itself", async () => {
    const file = "fixtures/calls/discovery-acme.vtt";
    const options = {
      rep: [],
      customer: [],
      playbook: loadDefaultPlaybook("discovery"),
      json: true,
      color: false,
    };
    const worker = new Worker(new URL("../../dist/src/cli/analyze-worker.js", import.meta.url), {
      workerData: { options },
    });
    try {
      const replies: unknown[] = [];
      const answered = new Promise<void>((resolve, reject) => {
        worker.on("error", reject);
        worker.on("message", (m: { ready?: boolean; seq?: number }) => {
          replies.push(m);
          if (m.ready) worker.postMessage({ seq: 7, name: file, content: readFileSync(file, "utf8") });
          else resolve();
        });
      });
      await answered;
      const { stdout } = await cli(["analyze", file, "--json"]);
      expect(replies).toEqual([
        { ready: true },
        { seq: 7, ok: true, outcome: { output: stdout, warnings: [], error: "" } },
      ]);
    } finally {
      await worker.terminate();
    }
  });
});
