// A worker thread of `debrief analyze` (src/cli/analyze-threads.ts): analyses the files the CLI's
// thread reads and sends, one per message, with the run's options and playbook from workerData.
import { parentPort, workerData } from "node:worker_threads";
import type { Playbook } from "../coaching/contract.js";
import { DebriefError } from "../errors.js";
import { analyzeContent, type FileOptions } from "./analyze.js";

const { options, playbook } = workerData as { options: FileOptions; playbook: Playbook | null };
const coaching = playbook ? { playbook, deps: {} } : null;

parentPort?.on("message", async (msg: { id: number; name: string; content: string }) => {
  try {
    const outcome = await analyzeContent(msg.content, msg.name, options, coaching);
    parentPort?.postMessage({ id: msg.id, outcome });
  } catch (err) {
    // Bad input is the file's failure; anything else is a bug, reported with its stack.
    if (err instanceof DebriefError)
      parentPort?.postMessage({ id: msg.id, outcome: { ok: false, message: err.message, warnings: [] } });
    else
      parentPort?.postMessage({
        id: msg.id,
        bug: err instanceof Error ? (err.stack ?? err.message) : String(err),
      });
  }
});
parentPort?.postMessage({ ready: true });
