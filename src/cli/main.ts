import { pathToFileURL } from "node:url";
import { DebriefError } from "../errors.js";
import { ADMIN_HELP, adminCommand } from "./admin.js";
import { ANALYZE_HELP, analyzeCommand } from "./analyze.js";
import { type CliIO, nodeIO, UsageError } from "./io.js";
import { schemaCommand } from "./schema-command.js";
import { serveCommand } from "./serve.js";

const HELP = `debrief — sales-call coaching analyzer

Usage:
  debrief analyze FILE… [--format F] [--rep ID,…] [--customer ID,…] [--json]
  debrief schema [analysis|transcript]      print the JSON Schema of the output or input
  debrief serve                             start the API server (see README for settings)
  debrief migrate | orgs | users | keys     administration (debrief help admin)
  debrief help [COMMAND]

Run "debrief analyze --help" for the analysis options.
`;

/**
 * Run the CLI with `argv` (without node and script). Returns the exit status: 0 ok, 1 some input
 * failed, 2 bad usage. Never throws for bad input; unexpected bugs propagate with their stack.
 */
export async function runCli(argv: string[], io: CliIO = nodeIO): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case "analyze":
        return await analyzeCommand(rest, io);
      case "schema":
        return schemaCommand(rest, io);
      case "serve":
      case "start":
        return await serveCommand(io);
      case "migrate":
      case "orgs":
      case "users":
      case "keys":
        return await adminCommand(command, rest, io);
      case undefined:
      case "help":
      case "--help":
      case "-h":
        io.stdout(rest[0] === "analyze" ? ANALYZE_HELP : rest[0] === "admin" ? ADMIN_HELP : HELP);
        return 0;
      case "--version":
      case "-v":
        io.stdout("debrief 0.1.0\n");
        return 0;
      default:
        throw new UsageError(`unknown command '${command}'`);
    }
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
