import { describe, expect, it } from "vitest";
import { splitSentences } from "./sentences.js";

describe("splitSentences", () => {
  it("splits on terminal punctuation and keeps the text as it stands", () => {
    expect(splitSentences("Great. So what's your budget?  We start in May!")).toEqual([
      "Great.",
      "So what's your budget?",
      "We start in May!",
    ]);
  });
  it("does not split after abbreviations, initials or decimals", () => {
    expect(splitSentences("Mr. Smith from Acme Inc. called. J. Doe paid 3.5 million.")).toEqual([
      "Mr. Smith from Acme Inc. called.",
      "J. Doe paid 3.5 million.",
    ]);
  });
  it("keeps a bare check tag with the preceding statement", () => {
    expect(splitSentences("We use Salesforce. Right? Okay.")).toEqual(["We use Salesforce. Right?", "Okay."]);
  });
  it("keeps the Spanish, German, French and Portuguese bare tags with their statements", () => {
    expect(splitSentences("Usan HubSpot. ¿Verdad? Bien.")).toEqual(["Usan HubSpot. ¿Verdad?", "Bien."]);
    expect(splitSentences("Sie nutzen HubSpot. Oder?")).toEqual(["Sie nutzen HubSpot. Oder?"]);
    expect(splitSentences("Vous utilisez HubSpot. N'est-ce pas ?")).toEqual([
      "Vous utilisez HubSpot. N'est-ce pas ?",
    ]);
    expect(splitSentences("Vocês usam HubSpot. Né?")).toEqual(["Vocês usam HubSpot. Né?"]);
  });
  it("returns unpunctuated text as one sentence and nothing for empty text", () => {
    expect(splitSentences("so what does your process look like")).toEqual([
      "so what does your process look like",
    ]);
    expect(splitSentences("")).toEqual([]);
    expect(splitSentences("  ?! ")).toEqual([]);
  });
  it("splits on newlines and ellipses", () => {
    expect(splitSentences("first line\nsecond line… third")).toEqual(["first line", "second line…", "third"]);
  });
});

describe("splitSentences fast paths", () => {
  it("keeps a bare tag with any number of question marks attached to its statement", () => {
    expect(splitSentences("We use Salesforce. Is that correct ?????????????????")).toEqual([
      "We use Salesforce. Is that correct ?????????????????",
    ]);
  });
  it("drops spans without letters or digits, in any script", () => {
    expect(splitSentences("... Привет. ?! 42.")).toEqual(["Привет. ?!", "42."]);
  });
});
