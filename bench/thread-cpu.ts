import { readdirSync, readFileSync } from "node:fs";

/**
 * CPU time per thread and per process from Linux's /proc, for benchmarks that say where a unit of
 * work's CPU goes (the event loop, the CPU pool's thread, V8's helpers, PostgreSQL's backends).
 * Empty where there is no /proc (macOS, Windows): the caller prints "n/a".
 */

/** Clock ticks per second of /proc's utime and stime: 100 on every Linux this runs on. */
const TICKS_PER_SECOND = 100;

/**
 * The fields of a /proc …/stat file after the command name (which is in parentheses and may hold
 * spaces): [0] is the state, [11] utime, [12] stime, [13] cutime, [14] cstime. Undefined when the
 * file cannot be read (no /proc, or the thread or process has ended).
 *
 * @example
 * statFields("/proc/self/stat")?.[11] // "1234" (clock ticks in user mode)
 */
export function statFields(path: string): string[] | undefined {
  let stat: string;
  try {
    stat = readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
  return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
}

/** Milliseconds of CPU from a stat file's two tick fields at `at` and `at + 1`. */
export function ticksMs(fields: readonly string[], at: number): number {
  return ((Number(fields[at]) + Number(fields[at + 1])) * 1000) / TICKS_PER_SECOND;
}

function readCpuMs(path: string): number | undefined {
  const fields = statFields(path);
  return fields && ticksMs(fields, 11);
}

/**
 * This process's threads: thread id → CPU ms so far.
 *
 * @example
 * const before = threadCpuMs(); work(); const spent = cpuDelta(before, threadCpuMs());
 */
export function threadCpuMs(): Map<number, number> {
  const out = new Map<number, number>();
  let tids: string[];
  try {
    tids = readdirSync("/proc/self/task");
  } catch {
    return out;
  }
  for (const tid of tids) {
    const ms = readCpuMs(`/proc/self/task/${tid}/stat`);
    if (ms !== undefined) out.set(Number(tid), ms);
  }
  return out;
}

/**
 * Processes of this machine by pid (e.g. PostgreSQL backends): pid → CPU ms so far.
 *
 * @example
 * processesCpuMs([4711, 4712]) // Map { 4711 => 1230, 4712 => 80 }
 */
export function processesCpuMs(pids: readonly number[]): Map<number, number> {
  const out = new Map<number, number>();
  for (const pid of pids) {
    const ms = readCpuMs(`/proc/${pid}/stat`);
    if (ms !== undefined) out.set(pid, ms);
  }
  return out;
}

/**
 * CPU ms spent between two readings, by id (an id first seen in `after` counts whole: a thread or
 * connection that started in between).
 *
 * @example
 * cpuDelta(new Map([[1, 10]]), new Map([[1, 25], [2, 5]])) // Map { 1 => 15, 2 => 5 }
 */
export function cpuDelta(before: Map<number, number>, after: Map<number, number>): Map<number, number> {
  const out = new Map<number, number>();
  for (const [id, ms] of after) out.set(id, ms - (before.get(id) ?? 0));
  return out;
}
