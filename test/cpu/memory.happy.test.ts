import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * After a large upload is analysed and coached, the heap returns near its baseline: measured in a
 * child process with --expose-gc (bench/memory.ts), heap after forced GCs before and after.
 */
describe("memory after a large upload", () => {
  it("keeps under 10 MB of heap once a 3,000-utterance call is analysed and coached", () => {
    const root = join(import.meta.dirname, "../..");
    const run = spawnSync(
      process.execPath,
      ["--expose-gc", "--import", "tsx", join(root, "bench/memory.ts"), "3000"],
      { cwd: root, encoding: "utf8", timeout: 240_000 },
    );
    expect(run.status, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout.trim().split("\n").pop()!) as {
      retainedHeapMB: number;
      baselineHeapMB: number;
    };
    expect(result.baselineHeapMB).toBeGreaterThan(0);
    expect(result.retainedHeapMB).toBeLessThan(10);
  }, 300_000);
});
