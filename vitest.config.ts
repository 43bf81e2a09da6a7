import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    globalSetup: ["test/global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Vitest's default (one worker per core but one) runs the files one at a time on 2 cores; much
    // of a storage, CLI or browser test waits on PostgreSQL, a child process or Chromium, so two
    // workers there finish the suite sooner (587 s → 460–502 s in two runs on the development machine).
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
