import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EN_QUESTION_MODEL } from "./en.generated.js";
import { FEATURE_COUNT } from "./hash.js";
import { closesAsStatement, decideEnglish, englishModel, loadModel, questionProbability } from "./index.js";
import { decodeWeights, encodeWeights } from "./weights.js";

describe("weights encoding", () => {
  it("round-trips within half a quantisation step and drops zeros", () => {
    const w = new Float32Array(FEATURE_COUNT);
    w[0] = 1.27;
    w[5] = -0.5;
    w[200_000] = 0.001; // under half a step (1.27 / 127 / 2 = 0.005): dropped
    w[FEATURE_COUNT - 1] = 0.64;
    const packed = encodeWeights(w);
    expect(packed.count).toBe(3);
    const back = decodeWeights(packed);
    expect(back[0]).toBeCloseTo(1.27, 5);
    expect(Math.abs(back[5]! - -0.5)).toBeLessThanOrEqual(packed.scale / 2);
    expect(back[200_000]).toBe(0);
    expect(Math.abs(back[FEATURE_COUNT - 1]! - 0.64)).toBeLessThanOrEqual(packed.scale / 2);
  });

  it("rejects a corrupt or mismatched table", () => {
    const packed = encodeWeights(
      Float32Array.from({ length: FEATURE_COUNT }, (_, i) => (i % 1000 === 0 ? 1 : 0)),
    );
    expect(() => decodeWeights({ ...packed, count: packed.count + 1 })).toThrow(/count/);
    expect(() => decodeWeights({ ...packed, data: packed.data.slice(0, 8) })).toThrow();
    expect(() => loadModel({ ...EN_QUESTION_MODEL, bits: 16 })).toThrow(/16-bit/);
  });
});

describe("the embedded English model", () => {
  it("loads with no file or download and has sane thresholds", () => {
    const m = englishModel();
    expect(m.question).toHaveLength(FEATURE_COUNT);
    expect(m.kind).toHaveLength(FEATURE_COUNT);
    for (const t of m.thresholds) {
      expect(t).toBeGreaterThan(0.05);
      expect(t).toBeLessThan(0.95);
    }
    expect(EN_QUESTION_MODEL.question.count).toBeGreaterThan(1000);
  });

  // Hand-written sentences, not from any dataset.
  it.each([
    ["Do you run the pilot with the whole sales team?", "closed"],
    ["What does onboarding look like for a new rep?", "open"],
    ["How long have you been on the current vendor?", "open"],
    ["Are you the one who signs off on the budget?", "closed"],
  ] as const)("asks: %s", (s, kind) => {
    expect(decideEnglish(s, kind, undefined, undefined)).toBe(kind);
    expect(questionProbability(s, kind, undefined, undefined)).toBeGreaterThan(0.5);
  });

  it.each([
    "We rolled the tool out to the whole team last spring.",
    "I think the renewal is in March.",
    "Our reps log every call in the CRM.",
  ])("does not ask: %s", (s) => {
    expect(decideEnglish(s, null, undefined, undefined)).toBeNull();
  });

  it("reads a reply: an unpunctuated 'do you' clause is likelier a question when answered 'yeah'", () => {
    const s = "so do you still use the old dialer for outbound";
    const answered = questionProbability(s, null, undefined, "yeah we do");
    const continued = questionProbability(s, null, undefined, undefined);
    expect(answered).toBeGreaterThan(continued);
  });

  it("leaves the rules' contract categories alone", () => {
    // A firm rules' answer is final whatever the probability.
    expect(decideEnglish("Who cares?", null, undefined, "yeah", englishModel(), true)).toBeNull();
    expect(
      decideEnglish("Walk me through your process.", "open", undefined, undefined, englishModel(), true),
    ).toBe("open");
  });
});

describe("closesAsStatement", () => {
  it("says what the end-anchored expression says, on every short string of the characters that matter", () => {
    const re = /[.!…]["')\]”»]*\s*$/;
    const chars = [
      ".",
      "!",
      "…",
      '"',
      "'",
      ")",
      "]",
      "”",
      "»",
      " ",
      "\u00a0",
      "\t",
      "\u2028",
      "\ufeff",
      "a",
      "?",
      "(",
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...chars), { maxLength: 8 }), (parts) => {
        const s = parts.join("");
        expect(closesAsStatement(s)).toBe(re.test(s));
      }),
      { numRuns: 5000 },
    );
  });
});
