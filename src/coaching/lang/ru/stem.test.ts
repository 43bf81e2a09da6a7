import { describe, expect, it } from "vitest";
import { stemRu } from "./stem.js";

describe("stemRu (Snowball Russian)", () => {
  it("gives the Snowball stems of common word forms", () => {
    // Reference outputs of the Snowball Russian stemmer (snowballstem.org).
    const cases: Array<[string, string]> = [
      ["бюджет", "бюджет"],
      ["бюджета", "бюджет"],
      ["бюджетом", "бюджет"],
      ["планировали", "планирова"],
      ["договорились", "договор"],
      ["встречи", "встреч"],
      ["встречу", "встреч"],
      ["сложность", "сложност"],
      ["возможность", "возможн"],
      ["красивейший", "красив"],
      ["подписывает", "подписыва"],
      ["ёлки", "елк"],
    ];
    for (const [word, stem] of cases) expect(stemRu(word), word).toBe(stem);
  });

  it("maps the inflected forms of one word to one stem", () => {
    const forms = ["решение", "решения", "решению", "решением", "решении", "решений"];
    expect(new Set(forms.map(stemRu)).size).toBe(1);
    const verbs = ["назначим", "назначить", "назначили", "назначила"];
    expect(new Set(verbs.map(stemRu)).size).toBe(1);
  });

  it("is case-insensitive and leaves Latin words to the English stemmer", () => {
    expect(stemRu("Бюджетом")).toBe(stemRu("бюджетом"));
    expect(stemRu("budgets")).toBe("budget");
    expect(stemRu("CRM")).toBe("crm");
  });
});
