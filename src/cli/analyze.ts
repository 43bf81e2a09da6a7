import { availableParallelism } from "node:os";
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
import { analyzeThreads } from "./analyze-threads.js";
import { inOrder } from "./in-order.js";
import { type CliIO, UsageError } from "./io.js";
import { readAhead } from "./read-ahead.js";
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
  -j, --jobs N        analyse up to N files at once on worker threads; output keeps the files'
                      order. Default: one per CPU core (here ${availableParallelism()}), for a batch
                      long enough to repay a thread's start (a few seconds of work); 1: no threads
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
      jobs: { type: "string", short: "j" },
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
  const jobs = values.jobs === undefined ? availableParallelism() : Number(values.jobs);
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > 256)
    throw new UsageError(`--jobs must be a whole number from 1 to 256 (got '${values.jobs}')`);
  const rep = splitList(values.rep);
  const customer = splitList(values.customer);
  const coaching = values["no-coaching"] ? null : await coachingSetup(values.engine, values.playbook, io);
  const color =
    !values.json &&
    io.env.NO_COLOR === undefined &&
    io.env.FORCE_COLOR !== "0" &&
    process.stdout.isTTY === true;

  const options: FileOptions = {
    ...(format ? { format } : {}),
    rep,
    customer,
    ...(values.language ? { language: values.language } : {}),
    json: values.json,
    color,
  };
  // The rules engine is CPU work: a long batch spreads over worker threads beside this one, started
  // once the files left would take THREADS_AFTER_MS here (or at once for an explicit --jobs). OpenAI
  // coaching waits on the network, one call after another as before.
  const threads = coaching?.deps.openai ? 1 : Math.min(jobs, positionals.length);
  const content = readAhead(
    positionals,
    (file) => (file === "-" ? io.readStdin() : readOrExplain(io, file)),
    (file) => file !== "-",
  );
  const analyzeFile = (i: number, analyze: (text: string, name: string) => Promise<FileOutcome>) =>
    fileOutcome(positionals[i]!, content(i), analyze);
  const startThreads = () =>
    analyzeThreads(threads - 1, options, coaching?.playbook ?? null).map((t) => ({
      ...t,
      run: (i: number) => analyzeFile(i, (text, name) => t.run({ name, content: text })),
    }));
  let failures = 0;
  let first = true;
  await inOrder(
    positionals.map((_, i) => i),
    {
      local: (i) => analyzeFile(i, (text, name) => analyzeContent(text, name, options, coaching)),
      ...(threads > 1
        ? {
            helpers: {
              start: startThreads,
              when: values.jobs === undefined ? { ms: THREADS_AFTER_MS } : "now",
            },
          }
        : {}),
      deliver(outcome) {
        for (const w of outcome.warnings) io.stderr(w);
        if (!outcome.ok) {
          failures++;
          io.stderr(`debrief: ${outcome.message}\n`);
          return;
        }
        if (!values.json && !first) io.stdout("\n");
        io.stdout(outcome.out);
        first = false;
      },
    },
  );
  return failures > 0 ? 1 : 0;
}

// The build bundles this module with its threads' code (scripts/bundle-cli.mjs); test/cli checks
// that the bundle's threads start.
export { analyzeThreads };

/**
 * Worker threads join a batch whose files left would take this long on the CLI's thread: a thread
 * starts in ~0.1 s and pays the engine's warm-up again (its first hour-long call took ~0.5 s), which 288 hour-long calls
 * repay and 72 do not on two cores (bench/cli-batch.ts, docs/benchmarks.md).
 */
const THREADS_AFTER_MS = 5000;

/** How one file is analysed: the options every file of a run shares (a worker thread gets them once). */
export interface FileOptions {
  format?: TranscriptFormat;
  rep: string[];
  customer: string[];
  language?: string;
  json: boolean;
  color: boolean;
}

/** One file's result as the run prints it: its output (an NDJSON line or a summary) and warnings. */
export type FileOutcome =
  | { ok: true; out: string; warnings: string[] }
  | { ok: false; message: string; warnings: string[] };

/** Analyse one file once read; a DebriefError (bad input, unreadable file) becomes a failed outcome. */
async function fileOutcome(
  file: string,
  read: Promise<string>,
  analyze: (content: string, name: string) => Promise<FileOutcome>,
): Promise<FileOutcome> {
  const name = file === "-" ? "<stdin>" : file;
  try {
    return await analyze(await read, name);
  } catch (err) {
    if (!(err instanceof DebriefError)) throw err;
    return { ok: false, message: err.message, warnings: [] };
  }
}

/**
 * Parse, analyse and (with `coaching`) coach one transcript, formatted as the run prints it.
 * Throws DebriefError for bad input. Runs on the CLI's thread or on a worker thread (./analyze-worker.ts).
 */
export async function analyzeContent(
  content: string,
  name: string,
  options: FileOptions,
  coaching: { playbook: Playbook; deps: RunCoachingDeps } | null,
): Promise<FileOutcome> {
  const parsed = parseTranscript(content, {
    file: name,
    ...(options.format ? { format: options.format } : {}),
  });
  const { analysis, unmatchedRoleOptions } = analyzeTranscriptDetailed(parsed.transcript, {
    rep: options.rep,
    customer: options.customer,
    ...(options.language ? { language: options.language } : {}),
    keepReadings: coaching !== null,
  });
  const warnings = unmatchedRoleOptions.map(
    (v) =>
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
    warnings.push(
      `debrief: warning: ${name}: OpenAI not used (${result.engineInfo.fallback}); rules engine result\n`,
    );
  const out = options.json ? `${JSON.stringify(result)}\n` : formatSummary(result, { color: options.color });
  return { ok: true, out, warnings };
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
