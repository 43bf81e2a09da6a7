// A worker thread of the CPU pool (src/cpu/worker-pool.ts): runs one named task per message.
import { parentPort } from "node:worker_threads";
import { CPU_TASKS, type CpuTask, serializeError } from "./tasks.js";

parentPort?.on("message", async (msg: { id: number; task: CpuTask; input: unknown }) => {
  try {
    const result = await (CPU_TASKS[msg.task] as (i: unknown) => unknown)(msg.input);
    // Bytes at the result's top level are moved back, not copied (a large upload's text).
    const transfer =
      result && typeof result === "object"
        ? Object.values(result).flatMap((v) => (v instanceof Uint8Array ? [v.buffer as ArrayBuffer] : []))
        : [];
    parentPort?.postMessage({ id: msg.id, ok: true, result }, transfer);
  } catch (err) {
    parentPort?.postMessage({ id: msg.id, ok: false, error: serializeError(err) });
  }
});
