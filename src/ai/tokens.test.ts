import { describe, expect, it } from "vitest";
import { estimateTokens } from "./tokens.js";

/**
 * Reference counts are o200k_base (gpt-4o / gpt-4.1 family) as computed by js-tiktoken once;
 * the estimator must stay within 25% on short strings (it is within −5%…+9% on whole calls,
 * see docs/ai.md).
 */
const REFERENCE: Array<[string, number]> = [
  ["What would success look like for you ninety days from now?", 12],
  [
    "Honestly, it's the late deliveries. We went from about ninety-six percent on time to ninety-one in six months.",
    23,
  ],
  ["Нам нужно согласовать бюджет с финансовым директором до конца квартала.", 16],
  ["A: Two people, about two and a half hours each. More on Mondays.", 17],
];

describe("estimateTokens", () => {
  it("is 0 for nothing and grows with text", () => {
    expect(estimateTokens("")).toBe(0);
    expect(estimateTokens("   \n ")).toBe(0);
    expect(estimateTokens("hello world")).toBeLessThan(
      estimateTokens("hello world, how are you doing today?"),
    );
  });

  it.each(REFERENCE)("%s ≈ %i tokens", (text, reference) => {
    const est = estimateTokens(text);
    expect(est).toBeGreaterThanOrEqual(Math.floor(reference * 0.75));
    expect(est).toBeLessThanOrEqual(Math.ceil(reference * 1.25));
  });

  it("counts digits in groups of three and punctuation in pairs", () => {
    expect(estimateTokens('{"a":')).toBe(3);
    expect(estimateTokens("123456")).toBe(2);
    expect(estimateTokens("[12:34]")).toBe(5);
  });

  it("counts CJK characters at two tokens per three", () => {
    expect(estimateTokens("我们的预算")).toBe(4);
  });
});
