import { readlinkSync } from "node:fs";
import { getPriority, setPriority } from "node:os";

/**
 * How far below the event loop the CPU pool's threads run (a nice increment). With one pool thread
 * per core at the same priority, the pool took the event loop's core under load (a read's median
 * wait while uploads ran was 2.6–3.5× that with one pool thread, docs/benchmarks.md); 10 below
 * it, the event loop wins a core when it has work and the pool keeps the cycles it leaves.
 */
export const POOL_NICENESS = 10;

/**
 * The kernel's id of the calling thread, on Linux: `/proc/thread-self` links to `<pid>/task/<tid>`.
 * Null elsewhere (macOS, Windows), where a thread cannot be named to `setPriority`.
 *
 * @example
 * currentThreadId() // 48213, in a worker thread of process 48190
 */
export function currentThreadId(): number | null {
  try {
    const tid = Number(readlinkSync("/proc/thread-self").split("/").pop());
    return Number.isInteger(tid) && tid > 0 ? tid : null;
  } catch {
    return null;
  }
}

/**
 * Lowers the calling thread's CPU priority by `niceness` from where it is (at most to 19, the
 * lowest), so a server started under `nice` keeps its order (Linux: `setpriority` on a thread id
 * applies to that thread alone, and lowering one's own priority needs no privilege). Returns
 * whether it did; elsewhere it changes nothing, as `os.setPriority` could only renice the whole
 * process, event loop included.
 *
 * @example
 * lowerThreadPriority(POOL_NICENESS) // true on Linux: this worker yields to the event loop
 */
export function lowerThreadPriority(niceness: number): boolean {
  const tid = currentThreadId();
  if (tid === null) return false;
  try {
    setPriority(tid, Math.min(19, getPriority(tid) + niceness));
    return true;
  } catch {
    // A sandbox that forbids setpriority: the pool still works, at the event loop's priority.
    return false;
  }
}

/**
 * Whether the pool's threads can run below the event loop here (Linux).
 *
 * @example
 * canLowerThreadPriority() // true on Linux
 */
export function canLowerThreadPriority(): boolean {
  return process.platform === "linux" && currentThreadId() !== null;
}
