import { pathToFileURL } from "node:url";
import { DebriefError } from "../errors.js";
import { type CliIO, nodeIO, UsageError } from "./io.js";

const HELP = `debrief — sales-call coaching analyzer

Usage:
  debrief analyze FILE… [--format F] [--rep ID,…] [--customer ID,…] [--json]
  debrief schema [analysis|transcript]      print the JSON Schema of the output or input
  debrief serve                             start the API server (see README for settings)
  debrief migrate | orgs | users | keys     administration (debrief help admin)
  debrief import crm --kind K FILE.csv      import CRM records (debrief help crm)
  debrief report outcomes --from D --to D   sales outcome metrics of a period
  debrief report team|rep U|call ID …       team, rep and post-call reports (debrief help report)
  debrief help [COMMAND]

Run "debrief analyze --help" for the analysis options.
`;

/** Runs one command with the arguments after its name; returns the exit status. */
type CommandRun = (args: string[], io: CliIO, command: string) => number | Promise<number>;

/**
 * The command table. Every entry LOADS its module only when that command runs, so `debrief
 * --help` or `debrief analyze` never pays for the server, the database drivers or the SDKs that
 * another command needs (startup time is measured by bench/cli-start.ts).
 *
 * To add a command, add one line here and keep its module out of this file's static imports:
 *
 *   report: () => import("./report.js").then((m) => m.reportCommand),
 *
 * where `reportCommand(args, io)` returns the exit status and throws UsageError for bad usage
 * or DebriefError for bad input (both are reported below). A command with subcommands
 * (`debrief import crm …`) gets the subcommand as `args[0]`. Add its line to HELP too, and a
 * `HELP_TOPICS` entry when it has a long help text of its own.
 */
const serve = (): Promise<CommandRun> =>
  import("./serve.js").then((m) => (_args: string[], io: CliIO) => m.serveCommand(io));
const admin = (): Promise<CommandRun> =>
  import("./admin.js").then(
    (m) => (args: string[], io: CliIO, command: string) => m.adminCommand(command, args, io),
  );

const COMMANDS: Readonly<Record<string, () => Promise<CommandRun>>> = {
  analyze: () => import("./analyze.js").then((m) => m.analyzeCommand),
  schema: () => import("./schema-command.js").then((m) => m.schemaCommand),
  serve,
  start: serve,
  migrate: admin,
  orgs: admin,
  users: admin,
  keys: admin,
  import: () => import("./crm.js").then((m) => m.importCommand),
  report: () => import("./report.js").then((m) => m.reportCommand),
};

/** `debrief help TOPIC`: the long help texts, loaded like the commands they describe. */
const HELP_TOPICS: Readonly<Record<string, () => Promise<string>>> = {
  analyze: () => import("./analyze.js").then((m) => m.ANALYZE_HELP),
  admin: () => import("./admin.js").then((m) => m.ADMIN_HELP),
  crm: () => import("./crm.js").then((m) => m.CRM_HELP),
  report: () => import("./report.js").then((m) => m.REPORT_HELP),
};

const HELP_FLAGS: ReadonlySet<string | undefined> = new Set([undefined, "help", "--help", "-h"]);

/**
 * Run the CLI with `argv` (without node and script). Returns the exit status: 0 ok, 1 some input
 * failed, 2 bad usage. Never throws for bad input; unexpected bugs propagate with their stack.
 */
export async function runCli(argv: string[], io: CliIO = nodeIO): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (HELP_FLAGS.has(command)) {
      const topic = rest[0];
      const load = topic !== undefined && Object.hasOwn(HELP_TOPICS, topic) ? HELP_TOPICS[topic] : undefined;
      io.stdout(load ? await load() : HELP);
      return 0;
    }
    if (command === "--version" || command === "-v") {
      io.stdout("debrief 0.1.0\n");
      return 0;
    }
    const load = command !== undefined && Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
    if (command === undefined || load === undefined) throw new UsageError(`unknown command '${command}'`);
    const run = await load();
    return await run(rest, io, command);
  } catch (err) {
    if (err instanceof UsageError || isParseArgsError(err)) {
      io.stderr(`debrief: ${(err as Error).message}\nRun "debrief help" for usage.\n`);
      return 2;
    }
    if (err instanceof DebriefError) {
      io.stderr(`debrief: ${err.message}\n`);
      return 1;
    }
    throw err;
  }
}

function isParseArgsError(err: unknown): boolean {
  return err instanceof TypeError && "code" in err && String(err.code).startsWith("ERR_PARSE_ARGS");
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  runCli(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(
        `debrief: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
      );
      process.exitCode = 70;
    },
  );
}
