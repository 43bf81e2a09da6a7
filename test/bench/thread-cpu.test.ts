import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { cpuDelta, processesCpuMs, threadCpuMs } from "../../bench/thread-cpu.js";

const linux = existsSync("/proc/self/task");

describe("CPU time per thread for the benchmarks", () => {
  it("subtracts readings by id and counts an id first seen later whole", () => {
    const delta = cpuDelta(
      new Map([[1, 10]]),
      new Map([
        [1, 25],
        [2, 5],
      ]),
    );
    expect([...delta]).toEqual([
      [1, 15],
      [2, 5],
    ]);
  });

  it.runIf(linux)("reads this process's threads, the event loop's under the process id", () => {
    const before = threadCpuMs();
    expect(before.has(process.pid)).toBe(true);
    const until = performance.now() + 120;
    let spin = 0;
    while (performance.now() < until) spin += 1;
    expect(spin).toBeGreaterThan(0);
    const spent = cpuDelta(before, threadCpuMs()).get(process.pid) ?? 0;
    // 120 ms of busy wall time on this thread, read at 10 ms granularity (a loaded machine may take some of it).
    expect(spent).toBeGreaterThanOrEqual(10);
  });

  it.runIf(linux)("reads another process by pid and leaves out one that is gone", () => {
    const cpu = processesCpuMs([process.pid, 2 ** 22 + 1]);
    expect(cpu.get(process.pid)).toBeGreaterThan(0);
    expect(cpu.has(2 ** 22 + 1)).toBe(false);
  });
});
