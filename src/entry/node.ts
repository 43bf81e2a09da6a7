/**
 * Node entry: `node dist/src/entry/node.js` starts the API server with the job workers
 * (the same as `debrief serve`). Configuration comes from the environment (see README).
 */
import { runCli } from "../cli/main.js";

process.exitCode = await runCli(["serve"]);
