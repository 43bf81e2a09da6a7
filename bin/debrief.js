#!/usr/bin/env node
// Thin launcher: the CLI is compiled to dist/ by `npm install` (the "prepare" script).
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { setFlagsFromString } from "node:v8";

// Compile each regular expression to machine code once, on first use, instead of V8's default of
// bytecode first and machine code on the second run: the coaching lexicons are a few large
// expressions run a few hundred times per call, and compiling them twice was a third of a short
// `debrief analyze` (bench/cli-start.ts). Matching is the same either way; only start-up changes.
setFlagsFromString("--no-regexp-tier-up");

const main = new URL("../dist/src/cli/main.js", import.meta.url);
if (!existsSync(fileURLToPath(main))) {
  process.stderr.write(
    "debrief: not built yet — run `npm install` (or `npm run build`) in the project first.\n",
  );
  process.exit(70);
}
const { runCli } = await import(main.href);
try {
  process.exitCode = await runCli(process.argv.slice(2));
} catch (err) {
  // Bad input never lands here (the CLI reports it itself); this is a bug worth a stack trace.
  process.stderr.write(`debrief: internal error: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exitCode = 70;
}
