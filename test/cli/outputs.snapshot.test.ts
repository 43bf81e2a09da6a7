/**
 * Output snapshots of `debrief analyze --json --engine rules` (metrics, questions, objections,
 * playbook, summary) over every fixture call, under each built-in playbook. They were recorded
 * before the coaching speed work of issue 13 and guard it: an optimisation must leave every byte of
 * the output unchanged. Regenerate (`npx vitest run test/cli/outputs.snapshot.test.ts -u`) only for a
 * change that is meant to alter the output, and review the diff.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { root, runAnalyze } from "../coaching/helpers.js";

const list = (dir: string, ext: RegExp) =>
  readdirSync(join(root, dir))
    .filter((f) => ext.test(f))
    .sort()
    .map((f) => `${dir}/${f}`);

const FILES = [
  ...list("fixtures/calls", /\.(vtt|txt|srt|json)$/),
  ...list("fixtures/demo/calls", /\.(vtt|txt|srt|json)$/),
  ...list("fixtures/formats", /\.(vtt|txt|srt|json)$/).filter((f) => !f.endsWith("ids.txt")),
  "fixtures/bench/call-60min.json",
];
const PLAYBOOKS = ["discovery", "demo", "negotiation", "renewal"];

describe("analyze --json output snapshots (rules coaching)", () => {
  for (const playbook of PLAYBOOKS) {
    it(`playbook ${playbook}: every fixture call`, async () => {
      const { stdout, stderr } = await runAnalyze([
        ...FILES,
        "--json",
        "--engine",
        "rules",
        "--playbook",
        playbook,
      ]);
      const lines = stdout.trim().split("\n");
      expect(lines.length).toBeGreaterThan(30);
      // One pretty-printed JSON document per file, so a diff names the file and the field.
      const text = `${lines.map((l) => JSON.stringify(JSON.parse(l), null, 1)).join("\n")}\n--- stderr ---\n${stderr}`;
      await expect(text).toMatchFileSnapshot(join("..", "__snapshots__", "outputs", `${playbook}.txt`));
    });
  }

  it("metrics only (--no-coaching): every fixture call", async () => {
    const { stdout, stderr } = await runAnalyze([...FILES, "--json", "--no-coaching"]);
    const text = `${stdout
      .trim()
      .split("\n")
      .map((l) => JSON.stringify(JSON.parse(l), null, 1))
      .join("\n")}\n--- stderr ---\n${stderr}`;
    await expect(text).toMatchFileSnapshot(join("..", "__snapshots__", "outputs", "metrics.txt"));
  });
});
