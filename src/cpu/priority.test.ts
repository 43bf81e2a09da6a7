import { describe, expect, it } from "vitest";
import { canLowerThreadPriority, currentThreadId } from "./priority.js";

describe.skipIf(process.platform !== "linux")("thread priority on Linux", () => {
  it("names the main thread by the process id (the kernel's id of a process' first thread)", () => {
    expect(currentThreadId()).toBe(process.pid);
  });

  it("can run the CPU pool below the event loop", () => {
    expect(canLowerThreadPriority()).toBe(true);
  });
});
