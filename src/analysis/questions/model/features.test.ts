import { describe, expect, it } from "vitest";
import { extractFeatures, lastWordCount, MAX_FEATURES, newFeatureVector } from "./features.js";
import { FEATURE_COUNT } from "./hash.js";

const features = (
  sentence: string,
  rule: "open" | "closed" | null = null,
  previous?: string,
  next?: string,
): { set: number[]; ending: number } => {
  const v = newFeatureVector();
  const ending = extractFeatures(v, sentence, rule, previous, next);
  return { set: [...v.idx.slice(0, v.n)].sort((a, b) => a - b), ending };
};

describe("extractFeatures", () => {
  it("counts features by hand for a three-word sentence", () => {
    // bias 1; unigrams 3; bigrams 4 (<s> do, do you, you agree, agree </s>); trigrams 3
    // (<s> do you, do you agree, you agree </s>); first, first2, first3, last, last2 and the regime
    // copies of all but first3: 9; ending 1; length 1; rule 2; who speaks around 2; short-text 2;
    // next absent 1; previous absent 1 → 30.
    const v = newFeatureVector();
    extractFeatures(v, "do you agree?", null, undefined, undefined);
    expect(v.n).toBe(30);
    expect(lastWordCount()).toBe(3);
    for (let i = 0; i < v.n; i++) expect(v.idx[i]).toBeLessThan(FEATURE_COUNT);
  });

  it("reports how the sentence ends", () => {
    expect(features("you use it").ending).toBe(0);
    expect(features("you use it?").ending).toBe(1);
    expect(features("what? no, fine").ending).toBe(2);
    expect(features("you use it.").ending).toBe(3);
    expect(features("you use it,").ending).toBe(4);
  });

  it("ignores case, typographic apostrophes and spacing", () => {
    expect(features("Don’t  you   AGREE?").set).toEqual(features("don't you agree?").set);
  });

  it("changes with the rules' decision and with the next speaker's reply", () => {
    const base = features("you use salesforce").set;
    expect(features("you use salesforce", "closed").set).not.toEqual(base);
    expect(features("you use salesforce", null, undefined, "yeah").set).not.toEqual(base);
    expect(features("you use salesforce", null, undefined, "yeah").set).not.toEqual(
      features("you use salesforce", null, undefined, "no").set,
    );
  });

  it("stays within its buffer on a very long sentence", () => {
    const v = newFeatureVector();
    extractFeatures(v, "word ".repeat(5000), null, "before ".repeat(50), "after ".repeat(50));
    expect(v.n).toBeLessThanOrEqual(MAX_FEATURES);
    expect(lastWordCount()).toBe(5000);
  });

  it("yields only bias-like features for empty text", () => {
    const v = newFeatureVector();
    extractFeatures(v, "", null, undefined, undefined);
    expect(lastWordCount()).toBe(0);
    expect(v.n).toBeGreaterThan(0);
  });
});
