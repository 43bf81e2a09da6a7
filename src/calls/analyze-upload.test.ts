import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { countWords } from "./analyze-upload.js";

describe("countWords", () => {
  it("counts what splitting on /\\s+/ counts, for any mix of words and every kind of space", () => {
    const spaces = [
      " ",
      "\t",
      "\n",
      "\v",
      "\f",
      "\r",
      "\u00a0",
      "\u1680",
      "\u2000",
      "\u200a",
      "\u2028",
      "\u2029",
      "\u202f",
      "\u205f",
      "\u3000",
      "\ufeff",
      "\u200b",
    ];
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom(...spaces), fc.string({ maxLength: 4 })), { maxLength: 12 }),
        (parts) => {
          const text = parts.join("");
          expect(countWords(text)).toBe(text.split(/\s+/).filter(Boolean).length);
        },
      ),
      { numRuns: 5000 },
    );
  });
});
