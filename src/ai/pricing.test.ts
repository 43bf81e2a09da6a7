import { describe, expect, it } from "vitest";
import { estimateCost } from "./pricing.js";

describe("estimateCost", () => {
  it("prices known models and their dated snapshots", () => {
    expect(estimateCost("gpt-4.1-mini", 10_000, 1_000)).toEqual({ usd: 0.0056, note: null });
    expect(estimateCost("gpt-4.1-mini-2025-04-14", 10_000, 1_000)).toEqual({ usd: 0.0056, note: null });
    expect(estimateCost("gpt-4.1", 1_000_000, 0).usd).toBe(2);
    expect(estimateCost("gpt-4o", 0, 1_000_000).usd).toBe(10);
    expect(estimateCost("gpt-4o-mini", 1_000_000, 1_000_000).usd).toBe(0.75);
    expect(estimateCost("o4-mini", 1_000_000, 1_000_000).usd).toBe(5.5);
  });

  it("reports 0 with a note for an unknown model", () => {
    expect(estimateCost("llama-3.1-70b", 5_000, 500)).toEqual({
      usd: 0,
      note: "no price known for model 'llama-3.1-70b': cost reported as 0",
    });
  });
});
