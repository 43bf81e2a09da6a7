/** `debrief serve` from the sources (what `npm run bench:api` measures over HTTP). */
import { runCli } from "../src/cli/main.js";

process.exitCode = await runCli(["serve"]);
