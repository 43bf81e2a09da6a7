import { analyzeTranscriptDetailed } from "../analysis/analyze.js";
import type { FileAnalysis } from "../analysis/result.js";
import type { Playbook } from "../coaching/contract.js";
import { type CoachedAnalysis, withCoaching } from "../coaching/output.js";
import { type RunCoachingDeps, runCoaching } from "../coaching-service/run.js";
import { DebriefError } from "../errors.js";
import type { TranscriptFormat } from "../transcript/model.js";
import { parseTranscript } from "../transcript/parse.js";
import { formatSummary } from "./summary.js";

/**
 * How `debrief analyze` reads every file of a run: plain data, so a worker thread of a batch
 * (src/cli/analyze-worker.ts) receives it as is.
 */
export interface AnalyzeFileOptions {
  format?: TranscriptFormat;
  rep: string[];
  customer: string[];
  language?: string;
  /** The playbook to coach against; null: `--no-coaching`. */
  playbook: Playbook | null;
  json: boolean;
  color: boolean;
}

/** What one file gives: the text for stdout, warnings for stderr, or the error that stopped it. */
export interface FileOutcome {
  /** One NDJSON line, or the human summary (without the blank line between files). */
  output: string;
  /** Lines for stderr, each ending with a newline, printed before `output`. */
  warnings: string[];
  /** The message of the DebriefError that stopped this file (bad input); "" when it did not fail. */
  error: string;
}

/**
 * Parse, analyse and coach one file's content, as `debrief analyze` prints it. Bad input is an
 * outcome (`error`), not a throw, so one bad file never stops the others; any other error is a
 * defect and is thrown.
 *
 * @example
 * const { output } = await analyzeFileContent("call.vtt", text, options, { openai: null, cache: memoryCoachingCache() });
 */
export async function analyzeFileContent(
  name: string,
  content: string,
  options: AnalyzeFileOptions,
  deps: RunCoachingDeps,
): Promise<FileOutcome> {
  const warnings: string[] = [];
  try {
    const parsed = parseTranscript(content, {
      file: name,
      ...(options.format ? { format: options.format } : {}),
    });
    const { analysis, unmatchedRoleOptions } = analyzeTranscriptDetailed(parsed.transcript, {
      rep: options.rep,
      customer: options.customer,
      ...(options.language ? { language: options.language } : {}),
      keepReadings: options.playbook !== null,
    });
    for (const v of unmatchedRoleOptions)
      warnings.push(
        `debrief: warning: ${name}: no speaker '${v}' (speakers: ${analysis.speakers.map((s) => s.id).join(", ")})\n`,
      );
    const base: FileAnalysis = { file: name, format: parsed.format, ...analysis };
    const result: CoachedAnalysis = options.playbook
      ? withCoaching(
          base,
          await runCoaching({ transcript: parsed.transcript, analysis, playbook: options.playbook }, deps),
        )
      : base;
    if (result.engineInfo?.fallback)
      warnings.push(
        `debrief: warning: ${name}: OpenAI not used (${result.engineInfo.fallback}); rules engine result\n`,
      );
    const output = options.json
      ? `${JSON.stringify(result)}\n`
      : formatSummary(result, { color: options.color });
    return { output, warnings, error: "" };
  } catch (err) {
    if (!(err instanceof DebriefError)) throw err;
    return { output: "", warnings, error: err.message };
  }
}
