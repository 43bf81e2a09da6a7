import { describe, expect, it } from "vitest";
import { readAhead } from "./read-ahead.js";

/** A reader that records the order of reads and fails on names starting with "bad". */
function recorder() {
  const reads: string[] = [];
  const read = async (f: string) => {
    reads.push(f);
    if (f.startsWith("bad")) throw new Error(`cannot read ${f}`);
    return `content of ${f}`;
  };
  return { reads, read };
}

describe("readAhead", () => {
  it("starts the next item's read when an item is asked for, and reads each item once", async () => {
    const { reads, read } = recorder();
    const content = readAhead(["a", "b", "c"], read);
    expect(await content(0)).toBe("content of a");
    expect(reads).toEqual(["a", "b"]);
    expect(await content(1)).toBe("content of b");
    expect(reads).toEqual(["a", "b", "c"]);
    expect(await content(2)).toBe("content of c");
    expect(reads).toEqual(["a", "b", "c"]);
  });

  it("holds at most one read beyond what was asked for, with several lanes asking out of turn", async () => {
    const { reads, read } = recorder();
    const content = readAhead(["a", "b", "c", "d", "e"], read);
    await Promise.all([content(0), content(1)]);
    expect(reads).toEqual(["a", "b", "c"]);
    await content(3); // item 2 is still held; 3 was not started, so it is read now and 4 starts
    expect(reads).toEqual(["a", "b", "c", "d", "e"]);
    expect(await content(2)).toBe("content of c");
    expect(reads).toHaveLength(5);
  });

  it("reports a failed read at its item's turn, and an unclaimed failure is never unhandled", async () => {
    const { read } = recorder();
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on("unhandledRejection", onUnhandled);
    try {
      const content = readAhead(["a", "bad-b", "c", "bad-d"], read);
      await content(0); // starts bad-b
      await expect(content(1)).rejects.toThrow("cannot read bad-b");
      await content(2); // starts bad-d, which the batch never asks for
      await new Promise((r) => setTimeout(r, 10));
      expect(unhandled).toEqual([]);
    } finally {
      process.off("unhandledRejection", onUnhandled);
    }
  });

  it("reads an item that must not be read early only at its turn", async () => {
    const { reads, read } = recorder();
    const content = readAhead(["a", "-", "c"], read, (f) => f !== "-");
    await content(0);
    expect(reads).toEqual(["a"]);
    await content(1);
    expect(reads).toEqual(["a", "-", "c"]);
  });
});
