// A worker thread of the CPU pool (src/cpu/worker-pool.ts): runs one named task per message.
import { parentPort } from "node:worker_threads";
import { serializeError } from "./errors.js";
import { CPU_TASKS, type CpuTask } from "./tasks.js";

parentPort?.on("message", async (msg: { id: number; task: CpuTask; input: unknown }) => {
  try {
    const result = await (CPU_TASKS[msg.task] as (i: unknown) => unknown)(msg.input);
    parentPort?.postMessage({ id: msg.id, ok: true, result });
  } catch (err) {
    parentPort?.postMessage({ id: msg.id, ok: false, error: serializeError(err) });
  }
});
