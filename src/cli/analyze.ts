import { parseArgs } from "node:util";
import { analyzeTranscriptDetailed } from "../analysis/analyze.js";
import type { FileAnalysis } from "../analysis/result.js";
import type { Playbook } from "../coaching/contract.js";
import { type CoachedAnalysis, withCoaching } from "../coaching/output.js";
import { BUILTIN_DEFAULT_PLAYBOOK, loadDefaultPlaybook } from "../coaching/playbook/builtins.js";
import { parsePlaybook } from "../coaching/playbook/parse.js";
import { memoryCoachingCache } from "../coaching-service/cache.js";
import { type RunCoachingDeps, runCoaching } from "../coaching-service/run.js";
import { loadConfig } from "../config/env.js";
import { DebriefError } from "../errors.js";
import { TRANSCRIPT_FORMATS, type TranscriptFormat, TranscriptFormatSchema } from "../transcript/model.js";
import { parseTranscript } from "../transcript/parse.js";
import { type CliIO, UsageError } from "./io.js";
import { formatSummary } from "./summary.js";

export const ANALYZE_HELP = `Usage: debrief analyze FILE… [options]

Analyse call transcripts: talk ratio, monologues, patience, pauses, interactivity,
questions (open/closed), fillers and interruptions, held against coaching benchmarks.

Formats (detected from content): ${TRANSCRIPT_FORMATS.join(", ")}.
Use "-" as FILE to read standard input.

Options:
  --format F          force the input format instead of detecting it
  --rep ID,…          speaker ids (or names) of your reps
  --customer ID,…     speaker ids (or names) of the customer side
  --language L        override the detected language (en, ru, es, de, fr, pt; others use English rules)
  --playbook P        judge against playbook P: a built-in id (discovery, demo, negotiation,
                      renewal) or a YAML/JSON file; default: discovery
  --engine E          coaching engine: auto (OpenAI when OPENAI_API_KEY is set), rules, openai
  --no-coaching       metrics and questions only (no objections, playbook, summary)
  --json              print one JSON object per file (NDJSON), as in the analysis contract
  -h, --help          show this help
`;

/**
 * `debrief analyze`: every file is analysed even when another fails; a failed file is reported on
 * stderr (naming the file and line) and makes the exit status 1.
 */
export async function analyzeCommand(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      format: { type: "string" },
      rep: { type: "string", multiple: true },
      customer: { type: "string", multiple: true },
      language: { type: "string" },
      playbook: { type: "string" },
      engine: { type: "string", default: "auto" },
      "no-coaching": { type: "boolean", default: false },
      json: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    io.stdout(ANALYZE_HELP);
    return 0;
  }
  if (positionals.length === 0) throw new UsageError("analyze needs at least one FILE");
  let format: TranscriptFormat | undefined;
  if (values.format !== undefined) {
    const f = TranscriptFormatSchema.safeParse(values.format);
    if (!f.success)
      throw new UsageError(`unknown --format '${values.format}' (one of: ${TRANSCRIPT_FORMATS.join(", ")})`);
    format = f.data;
  }
  const rep = splitList(values.rep);
  const customer = splitList(values.customer);
  const coaching = values["no-coaching"] ? null : await coachingSetup(values.engine, values.playbook, io);
  const color =
    !values.json &&
    io.env.NO_COLOR === undefined &&
    io.env.FORCE_COLOR !== "0" &&
    process.stdout.isTTY === true;

  let failures = 0;
  let first = true;
  for (const file of positionals) {
    const name = file === "-" ? "<stdin>" : file;
    try {
      const content = file === "-" ? await io.readStdin() : await readOrExplain(io, file);
      const parsed = parseTranscript(content, { file: name, ...(format ? { format } : {}) });
      const { analysis, unmatchedRoleOptions } = analyzeTranscriptDetailed(parsed.transcript, {
        rep,
        customer,
        ...(values.language ? { language: values.language } : {}),
        keepReadings: coaching !== null,
      });
      for (const v of unmatchedRoleOptions)
        io.stderr(
          `debrief: warning: ${name}: no speaker '${v}' (speakers: ${analysis.speakers.map((s) => s.id).join(", ")})\n`,
        );
      const base: FileAnalysis = { file: name, format: parsed.format, ...analysis };
      const result: CoachedAnalysis = coaching
        ? withCoaching(
            base,
            await runCoaching(
              { transcript: parsed.transcript, analysis, playbook: coaching.playbook },
              coaching.deps,
            ),
          )
        : base;
      if (result.engineInfo?.fallback)
        io.stderr(
          `debrief: warning: ${name}: OpenAI not used (${result.engineInfo.fallback}); rules engine result\n`,
        );
      if (values.json) io.stdout(`${JSON.stringify(result)}\n`);
      else {
        if (!first) io.stdout("\n");
        io.stdout(formatSummary(result, { color }));
      }
      first = false;
    } catch (err) {
      if (!(err instanceof DebriefError)) throw err;
      failures++;
      io.stderr(`debrief: ${err.message}\n`);
    }
  }
  return failures > 0 ? 1 : 0;
}

/**
 * Coaching for this run: the playbook (`--playbook FILE` or a built-in id; default discovery) and
 * the engine (`auto`: OpenAI when OPENAI_API_KEY is set, else rules). Results are cached for the run.
 */
async function coachingSetup(
  engine: string | undefined,
  playbookArg: string | undefined,
  io: CliIO,
): Promise<{ playbook: Playbook; deps: RunCoachingDeps }> {
  if (engine !== "auto" && engine !== "rules" && engine !== "openai") {
    throw new UsageError(`--engine must be auto, rules or openai (got '${engine}')`);
  }
  const playbook =
    playbookArg === undefined
      ? loadDefaultPlaybook(BUILTIN_DEFAULT_PLAYBOOK)
      : // Not a built-in id: a YAML or JSON file (parse errors name the file and the field).
        (loadDefaultPlaybook(playbookArg) ??
        parsePlaybook(await readOrExplain(io, playbookArg), playbookArg));
  if (!playbook) throw new DebriefError("internal", "the built-in playbooks are missing from this build");
  let openai: RunCoachingDeps["openai"] = null;
  if (engine !== "rules") {
    const config = loadConfig(io.env);
    // The OpenAI SDK loads only when a key is configured (startup time of rules-only runs).
    if (config.OPENAI_API_KEY) openai = (await import("../ai/client.js")).openaiFromConfig(config);
    if (!openai && engine === "openai")
      throw new UsageError(
        "--engine openai needs OPENAI_API_KEY (and optionally OPENAI_BASE_URL, OPENAI_MODEL)",
      );
  }
  return { playbook, deps: { openai, cache: memoryCoachingCache() } };
}

function splitList(values: string[] | undefined): string[] {
  return (values ?? [])
    .flatMap((v) => v.split(","))
    .map((v) => v.trim())
    .filter((v) => v.length > 0);
}

async function readOrExplain(io: CliIO, file: string): Promise<string> {
  try {
    return await io.readFile(file);
  } catch (err) {
    const code = typeof err === "object" && err !== null && "code" in err ? String(err.code) : "";
    const why =
      code === "ENOENT"
        ? "no such file"
        : code === "EISDIR"
          ? "is a directory"
          : code === "EACCES"
            ? "permission denied"
            : (err as Error).message;
    throw new DebriefError("io.read_failed", `${file}: cannot read: ${why}`, { cause: err });
  }
}
