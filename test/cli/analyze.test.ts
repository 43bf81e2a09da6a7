import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { FileAnalysisSchema } from "../../src/analysis/result.js";
import { CoachedAnalysisSchema } from "../../src/coaching/output.js";
import { cli } from "../helpers/cli.js";

const ndjson = (s: string) =>
  s
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as unknown);

describe("debrief analyze --json", () => {
  it("prints one contract line per file, in order, and nothing else", async () => {
    const files = [
      "fixtures/formats/teams.vtt",
      "fixtures/formats/deepgram-diarized.json",
      "fixtures/formats/plain.txt",
    ];
    const { code, stdout, stderr } = await cli(["analyze", ...files, "--json", "--no-coaching"]);
    expect(code).toBe(0);
    expect(stderr).toBe("");
    const lines = ndjson(stdout).map((l) => FileAnalysisSchema.parse(l));
    expect(lines.map((l) => [l.file, l.format])).toEqual([
      ["fixtures/formats/teams.vtt", "webvtt"],
      ["fixtures/formats/deepgram-diarized.json", "deepgram"],
      ["fixtures/formats/plain.txt", "text"],
    ]);
    // Section 4's key order, so diffs of NDJSON output stay readable.
    expect(Object.keys(lines[0]!)).toEqual([
      "file",
      "format",
      "language",
      "roleSource",
      "durationSec",
      "speakers",
      "metrics",
      "questions",
    ]);
    expect(lines[2]!.durationSec).toBeNull(); // plain text without timestamps
  });

  it("adds objections, playbook, summary, crm and engine when coaching (the default)", async () => {
    const { code, stdout } = await cli([
      "analyze",
      "fixtures/calls/discovery-acme.vtt",
      "--rep",
      "Dana Reyes",
      "--json",
    ]);
    expect(code).toBe(0);
    const a = CoachedAnalysisSchema.parse(ndjson(stdout)[0]);
    expect(a.engine).toBe("rules");
    expect(a.playbook?.id).toBe("discovery");
    expect(a.crm?.competitors).toContain("RouteWise");
    expect(a.metrics.objections?.count).toBe(a.objections?.length);
    expect(a.engineInfo?.unverifiedEvidenceDropped).toBe(0);
  });

  it("uses roles from options, reports options that match no speaker", async () => {
    const { code, stdout, stderr } = await cli([
      "analyze",
      "fixtures/formats/teams.vtt",
      "--rep",
      "Nobody",
      "--json",
      "--no-coaching",
    ]);
    expect(code).toBe(0);
    expect(stderr).toContain("no speaker 'Nobody'");
    expect(FileAnalysisSchema.parse(ndjson(stdout)[0]).roleSource).toBe("options");
  });

  it("reads standard input with '-'", async () => {
    const { code, stdout } = await cli(["analyze", "-", "--json", "--no-coaching"], {
      stdin: "Ann: So what brings you here?\nBob: Pricing.",
    });
    expect(code).toBe(0);
    const a = FileAnalysisSchema.parse(ndjson(stdout)[0]);
    expect(a.file).toBe("<stdin>");
    expect(a.questions).toEqual([
      { speaker: "Ann", start: null, text: "So what brings you here?", kind: "open" },
    ]);
  });
});

describe("debrief analyze: bad input", () => {
  it("reports a bad file with its name and line, still analyses the others, exits 1", async () => {
    const { code, stdout, stderr } = await cli([
      "analyze",
      "fixtures/formats/malformed/bad-timestamp.vtt",
      "fixtures/formats/call.srt",
      "does/not/exist.vtt",
      "--json",
      "--no-coaching",
    ]);
    expect(code).toBe(1);
    expect(ndjson(stdout)).toHaveLength(1);
    expect(stderr).toMatch(/^debrief: fixtures\/formats\/malformed\/bad-timestamp\.vtt:\d+: webvtt: /m);
    expect(stderr).toContain("debrief: does/not/exist.vtt: cannot read: no such file");
    expect(stderr).not.toMatch(/\n\s+at /); // never a stack trace
  });

  it("exits 2 with usage help for unknown options and formats", async () => {
    const a = await cli(["analyze", "x.vtt", "--format", "docx"]);
    expect(a.code).toBe(2);
    expect(a.stderr).toContain("unknown --format 'docx'");
    const b = await cli(["analyze", "x.vtt", "--bogus"]);
    expect(b.code).toBe(2);
    expect((await cli(["analyze"])).code).toBe(2);
    expect((await cli(["frobnicate"])).code).toBe(2);
  });

  it("refuses a playbook with errors, pointing at the field", async () => {
    const dir = mkdtempSync(join(tmpdir(), "debrief-cli-"));
    const file = join(dir, "broken.yaml");
    writeFileSync(file, "id: broken\nname: Broken\nversion: 1\nstage: discovery\nitems: []\n");
    const { code, stderr } = await cli(["analyze", "fixtures/formats/teams.vtt", "--playbook", file]);
    expect(code).toBe(1);
    expect(stderr).toContain("broken.yaml");
    expect(stderr).toContain("items");
  });
});

describe("debrief analyze --jobs", () => {
  // Explicit --jobs starts its worker threads at once (the default waits for a long batch). How many
  // of these small files a thread takes depends on timing (the CLI's thread goes on while threads
  // start): these tests hold the batch's order, failures and exit code; the threads' own output is
  // proved in analyze-threads.test.ts and the scheduling in src/cli/in-order.test.ts.
  const batch = [
    "fixtures/calls/discovery-acme.vtt",
    "fixtures/formats/malformed/truncated.json",
    "fixtures/formats/zoom.vtt",
    "does/not/exist.vtt",
    "fixtures/formats/russian.txt",
    "fixtures/formats/deepgram-diarized.json",
    "fixtures/formats/teams.vtt",
  ];

  it("prints what one thread prints, in the files' order, with the same failures and exit code", async () => {
    const one = await cli(["analyze", "-j", "1", ...batch, "--json", "--rep", "Dana Whitfield"]);
    const three = await cli(["analyze", "--jobs", "3", ...batch, "--json", "--rep", "Dana Whitfield"]);
    expect(three).toEqual(one);
    expect(one.code).toBe(1);
    expect(ndjson(one.stdout).map((l) => (l as { file: string }).file)).toEqual(
      batch.filter((f) => !f.includes("malformed") && !f.includes("does/not")),
    );
    expect(one.stderr).toContain("debrief: does/not/exist.vtt: cannot read: no such file");
    expect(one.stderr).toContain("no speaker 'Dana Whitfield'"); // warnings come with their file
  });

  it("keeps the human summaries' order and separators", async () => {
    const files = ["fixtures/formats/zoom.vtt", "fixtures/formats/plain.txt", "fixtures/formats/call.srt"];
    const one = await cli(["analyze", "-j", "1", ...files, "--no-coaching"]);
    expect(await cli(["analyze", "-j", "2", ...files, "--no-coaching"])).toEqual(one);
    expect(one.code).toBe(0);
  });

  it("exits 2 for a --jobs that is not a whole number from 1 to 256", async () => {
    for (const bad of ["0", "two", "1.5", "-3", "257"]) {
      const r = await cli(["analyze", "fixtures/formats/zoom.vtt", `--jobs=${bad}`]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`--jobs must be a whole number from 1 to 256 (got '${bad}')`);
    }
  });
});

describe("debrief analyze: human summary", () => {
  it("shows metrics against benchmarks, the playbook, objections, next steps and questions", async () => {
    const { code, stdout } = await cli([
      "analyze",
      "fixtures/calls/discovery-acme.vtt",
      "--rep",
      "Dana Reyes",
    ]);
    expect(code).toBe(0);
    for (const heading of [
      "Speakers",
      "Call metrics",
      "Rep talk ratio",
      "43% (35–50%)",
      "Playbook: Discovery",
      "Objections",
      "Summary",
      "Work on",
      "Rep questions",
    ]) {
      expect(stdout).toContain(heading);
    }
  });
});

describe("debrief schema", () => {
  it("prints the JSON Schema of the output and of the canonical transcript", async () => {
    const out = JSON.parse((await cli(["schema"])).stdout) as { properties: Record<string, unknown> };
    expect(Object.keys(out.properties)).toEqual(
      expect.arrayContaining(["file", "format", "metrics", "questions"]),
    );
    const tr = JSON.parse((await cli(["schema", "transcript"])).stdout) as {
      properties: Record<string, unknown>;
    };
    expect(Object.keys(tr.properties)).toContain("utterances");
  });
});

describe("the debrief process", () => {
  it("exits non-zero with a one-line message and no stack trace for bad input", async () => {
    const run = promisify(execFile);
    const err = await run(process.execPath, [
      "--import",
      "tsx",
      "src/cli/main.ts",
      "analyze",
      "fixtures/formats/malformed/truncated.json",
    ]).catch((e: { code: number; stderr: string; stdout: string }) => e);
    expect("code" in err && err.code).toBe(1);
    expect(err.stderr.trim().split("\n")).toHaveLength(1);
    expect(err.stderr).toMatch(/^debrief: fixtures\/formats\/malformed\/truncated\.json:\d+: /);
  });
});
