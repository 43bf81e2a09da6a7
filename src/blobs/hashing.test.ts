import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hashingCounter } from "./hashing.js";

describe("hashingCounter", () => {
  it("matches node:crypto SHA-256 for any bytes in any chunking", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 600 }),
        fc.array(fc.nat(200), { maxLength: 8 }),
        async (bytes, cuts) => {
          const h = hashingCounter();
          let off = 0;
          for (const cut of cuts) {
            const end = Math.min(bytes.length, off + cut);
            h.update(bytes.subarray(off, end));
            off = end;
          }
          h.update(bytes.subarray(off));
          expect(await h.digest()).toBe(createHash("sha256").update(bytes).digest("hex"));
          expect(h.size).toBe(bytes.length);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("hashes the empty input", async () => {
    expect(await hashingCounter().digest()).toBe(
      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    );
  });
});
