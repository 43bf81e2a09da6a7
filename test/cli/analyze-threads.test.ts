import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { analyzeContent, type FileOptions } from "../../src/cli/analyze.js";
import { analyzeThreads } from "../../src/cli/analyze-threads.js";
import { BUILTIN_DEFAULT_PLAYBOOK, loadDefaultPlaybook } from "../../src/coaching/playbook/builtins.js";

const options: FileOptions = { rep: [], customer: [], json: true, color: false };

describe("analyzeThreads", () => {
  it("analyses and coaches on a worker thread exactly as on this one, and refuses bad input the same way", async () => {
    const playbook = loadDefaultPlaybook(BUILTIN_DEFAULT_PLAYBOOK)!;
    const [thread] = analyzeThreads(1, options, playbook);
    try {
      expect(await thread!.ready).toBe(true);
      const content = readFileSync("fixtures/calls/discovery-acme.vtt", "utf8");
      const there = await thread!.run({ name: "acme.vtt", content });
      const here = await analyzeContent(content, "acme.vtt", options, { playbook, deps: {} });
      expect(there).toEqual(here);
      expect(there.ok && JSON.parse(there.out).playbook).toBeTruthy();
      // Two at once (its depth) come back to their own callers.
      const [a, b] = await Promise.all([
        thread!.run({ name: "a.json", content: "{ not json" }),
        thread!.run({ name: "b.vtt", content }),
      ]);
      expect(a).toMatchObject({ ok: false, message: expect.stringContaining("a.json") });
      expect(b.ok && JSON.parse(b.out).file).toBe("b.vtt");
    } finally {
      await thread!.close();
    }
  });

  it("starts from the build too: the bundled command's threads load dist's analyze-worker.js", async () => {
    // bin.test.ts runs the built CLI; a thread that failed to load there would leave the work to the
    // CLI's thread without a word, so this asks the bundle's own threads directly.
    const built = (await import(new URL("../../dist/src/cli/analyze.js", import.meta.url).href)) as {
      analyzeThreads: typeof analyzeThreads;
    };
    const [thread] = built.analyzeThreads(1, options, null);
    try {
      expect(await thread!.ready).toBe(true);
      const content = readFileSync("fixtures/formats/zoom.vtt", "utf8");
      const outcome = await thread!.run({ name: "z.vtt", content });
      expect(outcome).toEqual(await analyzeContent(content, "z.vtt", options, null));
    } finally {
      await thread!.close();
    }
  });

  it("rejects the files a thread holds when it stops", async () => {
    const [thread] = analyzeThreads(1, options, null);
    expect(await thread!.ready).toBe(true);
    const content = readFileSync("fixtures/formats/zoom.vtt", "utf8");
    const pending = thread!.run({ name: "z.vtt", content });
    // The thread ends (a crash, or the batch stopped) while a file is in it: its caller hears so.
    await thread!.close();
    await expect(pending).rejects.toThrow("an analysis thread stopped");
  });
});
