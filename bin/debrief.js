#!/usr/bin/env -S node --no-regexp-tier-up --max-semi-space-size=32
// Thin launcher: the CLI is compiled to dist/ by `npm install` (the "prepare" script).
//
// The shebang's `--no-regexp-tier-up` compiles each regular expression to machine code once, on
// first use, instead of V8's default of bytecode first and machine code on the second run: the
// coaching lexicons are a few large expressions run a few hundred times per call, and compiling
// them twice was a third of a short `debrief analyze` (bench/cli-start.ts). Matching is the same
// either way; only start-up changes. It must be given on the command line: set from here with
// `v8.setFlagsFromString` (after Node's own start-up had run expressions) it crashed 3 of 40
// server starts with a segmentation fault inside V8's expression code.
//
// `--max-semi-space-size=32` gives V8's young generation 32 MB semi-spaces instead of 16: an
// hour-long call allocates tens of megabytes, and with 16 MB each call's transcript and analysis
// were copied by several scavenges and promoted to the old generation. In batches of 288 hour-long
// calls the scavenges' pauses fell from 0.5–1.2 s to 0.25–0.3 s and the batch ran ~10% faster; a
// short call is unchanged (docs/benchmarks.md, session 21). It too is only honoured at start-up.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const main = new URL("../dist/src/cli/main.js", import.meta.url);
if (!existsSync(fileURLToPath(main))) {
  process.stderr.write(
    "debrief: not built yet — run `npm install` (or `npm run build`) in the project first.\n",
  );
  process.exit(70);
}
// A reader that stops early (`debrief analyze … --json | head`) closes the pipe, and the next write
// fails with EPIPE: stop quietly with the status of a program stopped by SIGPIPE (128 + 13), as
// `cat` would, not with an unhandled 'error' event and its stack trace. Any other failure to
// write (a full disk) is said once, plainly, with EX_IOERR.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (err) => {
    if (err.code === "EPIPE") process.exit(141);
    if (stream !== process.stderr) process.stderr.write(`debrief: cannot write the output: ${err.message}\n`);
    process.exit(74);
  });
}
const { runCli } = await import(main.href);
try {
  process.exitCode = await runCli(process.argv.slice(2));
} catch (err) {
  // Bad input never lands here (the CLI reports it itself); this is a bug worth a stack trace.
  process.stderr.write(`debrief: internal error: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exitCode = 70;
}
