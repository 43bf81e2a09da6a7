import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { analyzeTranscript } from "../../src/analysis/analyze.js";
import type { CliIO } from "../../src/cli/io.js";
import type { CoachingContent } from "../../src/coaching/engine.js";
import { defaultPlaybookFor } from "../../src/coaching/playbook/builtins.js";
import { rulesCoaching } from "../../src/coaching/rules.js";
import { parseTranscript } from "../../src/transcript/parse.js";

export const root = join(import.meta.dirname, "..", "..");

export interface Coached extends CoachingContent {
  analysis: ReturnType<typeof analyzeTranscript>;
}

/** A fixture call coached by the rules engine, its language set explicitly (no detection involved). */
export function coachFixture(
  file: string,
  opts: { language: string; rep: string; playbook: string },
): Coached {
  const { transcript } = parseTranscript(readFileSync(join(root, file), "utf8"), { file });
  const analysis = analyzeTranscript(transcript, { rep: [opts.rep], language: opts.language });
  return {
    analysis,
    ...rulesCoaching({ transcript, analysis, playbook: defaultPlaybookFor(opts.playbook) }),
  };
}

/** Status of every playbook item, by id. */
export function statuses(c: Coached): Record<string, string> {
  return Object.fromEntries((c.playbook?.items ?? []).map((i) => [i.id, i.status]));
}

/** The rep's questions as the analysis found them. */
export function repQuestions(c: Coached, rep: string): string[] {
  return c.analysis.questions.filter((q) => q.speaker === rep).map((q) => q.text);
}

/** `debrief analyze` with an in-memory IO. */
export async function runAnalyze(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const { analyzeCommand } = await import("../../src/cli/analyze.js");
  let stdout = "";
  let stderr = "";
  const io: CliIO = {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    readFile: (p) => readFile(join(root, p), "utf8"),
    readStdin: async () => "",
    env: {},
  };
  const code = await analyzeCommand(args, io);
  return { code, stdout, stderr };
}
