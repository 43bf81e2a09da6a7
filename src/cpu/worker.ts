// A worker thread of the CPU pool (src/cpu/worker-pool.ts): runs one named task per message.
import { parentPort, workerData } from "node:worker_threads";
import { serializeError } from "./errors.js";
import { lowerThreadPriority } from "./priority.js";
import { CPU_TASKS, type CpuTask } from "./tasks.js";

// The pool's threads may run below the event loop (src/cpu/priority.ts).
const niceness = (workerData as { niceness?: number } | null)?.niceness;
if (niceness) lowerThreadPriority(niceness);

parentPort?.on("message", async (msg: { id: number; task: CpuTask; input: unknown }) => {
  try {
    const result = await (CPU_TASKS[msg.task] as (i: unknown) => unknown)(msg.input);
    parentPort?.postMessage({ id: msg.id, ok: true, result });
  } catch (err) {
    parentPort?.postMessage({ id: msg.id, ok: false, error: serializeError(err) });
  }
});
