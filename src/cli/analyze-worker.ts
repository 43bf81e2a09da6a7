// A worker thread of a `debrief analyze` batch (src/cli/batch.ts): analyses the files it is sent,
// one at a time, with the rules engine, and answers each with its outcome.
import { parentPort, workerData } from "node:worker_threads";
import { memoryCoachingCache } from "../coaching-service/cache.js";
import { type AnalyzeFileOptions, analyzeFileContent } from "./analyze-file.js";

const options = (workerData as { options: AnalyzeFileOptions }).options;
// The rules engine only: a run with OpenAI coaching waits on the network and stays on one thread.
const deps = { openai: null, cache: memoryCoachingCache() };

parentPort?.on("message", async (msg: { seq: number; name: string; content: string }) => {
  try {
    const outcome = await analyzeFileContent(msg.name, msg.content, options, deps);
    parentPort?.postMessage({ seq: msg.seq, ok: true, outcome });
  } catch (err) {
    // A defect, not bad input: the main thread rethrows it, as a one-thread run would.
    const e = err instanceof Error ? err : new Error(String(err));
    parentPort?.postMessage({ seq: msg.seq, ok: false, message: e.message, stack: e.stack ?? "" });
  }
});
parentPort?.postMessage({ ready: true });
