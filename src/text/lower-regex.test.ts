import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { COACHING_LANGUAGES, coachingLanguage } from "../coaching/lang/index.js";
import { anyOf, countMatches, LowerRegex, lowerPlain, matchesWithin, twin } from "./lower-regex.js";

const hex = (c: number) => `\\u{${c.toString(16)}}`;
/** A code unit escape, which means the same with and without u. */
const unit = (c: number) => `\\u${c.toString(16).padStart(4, "0")}`;
const char = (c: number) => String.fromCodePoint(c);

/** The non-ASCII code units `lowerPlain` lets through. */
const PLAIN: number[] = [];
for (let c = 0x80; c <= 0xffff; c++) if (lowerPlain(String.fromCharCode(c)) !== null) PLAIN.push(c);
const PLAIN_CLASS = `[${PLAIN.map(unit).join("")}]`;

describe("lowerPlain's characters (the steps of src/text/lower-regex.ts's proof)", () => {
  it("lets through ASCII and a set of non-ASCII characters, no surrogate", () => {
    for (let c = 0; c < 0x80; c++) expect(lowerPlain(char(c))).toBe(char(c).toLowerCase());
    expect(PLAIN.length).toBeGreaterThan(100);
    expect(PLAIN.some((c) => c >= 0xd800 && c <= 0xdfff)).toBe(false);
    expect(lowerPlain("Größe")).toBeNull();
    expect(lowerPlain("Next Steps: €5k — ok")).toBe("next steps: €5k — ok");
  });

  it("the non-ASCII ones are caseless: their own lower case, no word character, equal only to themselves", () => {
    for (const c of PLAIN) {
      const ch = char(c);
      expect(ch.toLowerCase(), hex(c)).toBe(ch);
      expect(/\w/iu.test(ch) || /\w/i.test(ch), hex(c)).toBe(false);
    }
    // Nothing else is equal under i to one of them (with u: every code point; without: every code unit)...
    const iu = new RegExp(`^${PLAIN_CLASS}$`, "iu");
    const u = new RegExp(`^${PLAIN_CLASS}$`, "u");
    for (let d = 0; d <= 0x10ffff; d++) if (iu.test(char(d)) !== u.test(char(d))) expect.fail(hex(d));
    const i = new RegExp(`^${PLAIN_CLASS}$`, "i");
    const plain = new RegExp(`^${PLAIN_CLASS}$`);
    for (let d = 0; d <= 0xffff; d++) {
      const ch = String.fromCharCode(d);
      if (i.test(ch) !== plain.test(ch)) expect.fail(hex(d));
    }
    // ...and no two of them are equal to each other.
    for (const c of PLAIN) {
      const one = new RegExp(`^${hex(c)}$`, "iu");
      expect(PLAIN.filter((d) => one.test(char(d)))).toEqual([c]);
    }
  });

  it("ASCII characters are equal under i exactly when their lower cases are; only ſ and K join them", () => {
    const iu = /^[\0-\x7f]$/iu;
    for (let d = 0x80; d <= 0x10ffff; d++)
      if (iu.test(char(d)) !== (d === 0x17f || d === 0x212a)) expect.fail(hex(d));
    const i = /^[\0-\x7f]$/i;
    for (let d = 0x80; d <= 0xffff; d++) if (i.test(String.fromCharCode(d))) expect.fail(hex(d));
    for (let c = 0; c < 0x80; c++) {
      const one = [
        new RegExp(`^${hex(c)}$`, "iu"),
        new RegExp(`^\\x${c.toString(16).padStart(2, "0")}$`, "i"),
      ];
      for (let d = 0; d < 0x80; d++)
        for (const re of one) expect(re.test(char(d))).toBe(char(c).toLowerCase() === char(d).toLowerCase());
    }
  });

  it("classes classify a plain character and its lower case alike", () => {
    const classes = [/\w/iu, /\w/i, /\d/u, /\s/u, /\p{L}/iu, /\p{N}/iu, /\w/u, /\w/];
    for (const c of [...Array.from({ length: 0x80 }, (_, k) => k), ...PLAIN]) {
      const ch = String.fromCharCode(c);
      const low = ch.toLowerCase();
      expect(low.length).toBe(1);
      for (const re of classes) {
        const noI = new RegExp(re.source, re.flags.replace("i", ""));
        expect(noI.test(low), `${re} ${hex(c)}`).toBe(re.test(ch));
      }
    }
  });
});

describe("twin", () => {
  it("drops i from patterns that cannot tell case apart", () => {
    expect(twin(/\bnext steps?\s+(?:is|are)\b/iu)?.flags).toBe("u");
    expect(twin(/[$€£₽¥]\s?\d|q[1-4]|[\p{L}\p{N}]/iu)?.flags).toBe("u");
    expect(twin(/\bbudget\b/gi)?.flags).toBe("g");
  });

  it("refuses the others", () => {
    for (const re of [
      /budget/u,
      /\bThe\b/iu,
      /\p{Lu}/iu,
      /\x41/iu,
      /\u0041/iu,
      /(a)\1/iu,
      /(?<x>a)\k<x>/iu,
      /[0-Z]/iu,
      /[\u0100-\u0200]/iu,
      /[ſ]/iu,
      /p{L}/i,
      /\cJ/iu,
      /[\x30-z]/iu,
    ])
      expect(twin(re), String(re)).toBeNull();
  });
});

describe("anyOf and matchesWithin", () => {
  it("anyOf joins expressions of one kind only", () => {
    expect(anyOf([/a/iu, /b/iu])?.source).toBe("(?:a)|(?:b)");
    expect(anyOf([/a/iu, /b/u])).toBeNull();
    expect(anyOf([/a/giu, /b/giu])).toBeNull();
    expect(anyOf([/(a)\1/iu, /b/iu])).toBeNull();
    expect(anyOf([/(?<x>a)/iu, /b/iu])).toBeNull();
    expect(anyOf([])).toBeNull();
  });

  it("matchesWithin refuses anchors, lookarounds and \\B, outside classes", () => {
    expect(matchesWithin(/[$€£^]\s?\d|\bbudget\b|(?:a)/iu)).toBe(true);
    for (const re of [/^a/, /a$/, /a(?=b)/, /a(?!b)/, /(?<=a)b/, /(?<!a)b/, /a\B/])
      expect(matchesWithin(re)).toBe(false);
  });
});

/** Every expression the rules summary runs through LowerRegex, anyOf or matchesWithin, per language. */
function expressions(code: string): RegExp[] {
  const r = coachingLanguage(code).summary;
  const list = [
    ...r.commitSelf,
    r.commitOther,
    r.nextStepLead,
    r.clauseSplit,
    ...r.commitSplits,
    r.painStrong,
    r.painWeak,
    r.number,
    r.decisionCue,
    r.money,
    r.budget,
    r.budgetVerb,
    r.notBudget,
    r.deadline,
    r.date,
  ];
  const all = anyOf([...r.commitSelf, r.commitOther, r.nextStepLead]);
  const budget = anyOf([r.budget, r.money]);
  const once = (re: RegExp) => new RegExp(re.source, re.flags.replace(/[gy]/g, ""));
  const pain = anyOf([once(r.painStrong), once(r.painWeak)]);
  return [...list, ...[all, budget, pain].filter((re): re is RegExp => re !== null)];
}

/** Random texts from the patterns' own words, in any case, with punctuation, digits, signs and odd letters. */
function texts(list: RegExp[]): fc.Arbitrary<string> {
  const words = new Set<string>();
  for (const re of list)
    for (const w of re.source.match(/[\p{L}'’]+/gu) ?? []) words.add(w.replace(/^[pu]$/, "x"));
  const pieces = [
    ...words,
    "5",
    "20",
    "2026",
    "40k",
    "$",
    "€",
    "£",
    "₽",
    "¥",
    "ſ",
    "\u212a",
    "é",
    "É",
    "ß",
    "İ",
    "Ж",
    "ж",
  ];
  const cases = [
    (w: string) => w,
    (w: string) => w.toUpperCase(),
    (w: string) => w[0]!.toUpperCase() + w.slice(1),
    // Letters equal under i to a pattern's letter but not lower-cased to it.
    (w: string) => w.replace(/s/g, "ſ").replace(/k/g, "\u212a").replace(/i/g, "İ").replace(/в/g, "\u1c80"),
  ];
  const seps = [" ", " ", " ", "", ", ", "; ", ". ", "? ", "-", "’", "\u00a0", ", and ", ", и "];
  return fc
    .array(fc.tuple(fc.constantFrom(...pieces), fc.nat(cases.length - 1), fc.constantFrom(...seps)), {
      maxLength: 9,
    })
    .map((parts) => parts.map(([w, c, s]) => cases[c]!(w) + s).join(""));
}

describe("the twins answer as the expressions do, in every coaching language", () => {
  for (const code of COACHING_LANGUAGES) {
    it(code, () => {
      const list = expressions(code);
      const testers = list.filter((re) => !re.global && !re.sticky).map((re) => new LowerRegex(re));
      const counted = list.filter((re) => re.global).map((re) => ({ re, low: twin(re) }));
      fc.assert(
        fc.property(texts(list), (text) => {
          const lower = lowerPlain(text);
          for (const t of testers) expect(t.test(text, lower), `${t.re} on ${text}`).toBe(t.re.test(text));
          for (const { re, low } of counted)
            expect(countMatches(re, low, text, lower), `${re} on ${text}`).toBe(
              (text.match(re) ?? []).length,
            );
        }),
        { numRuns: 1500 },
      );
    });
  }
});

describe("a rule that matches a piece of a sentence matches the sentence (the summary's sentence gates)", () => {
  for (const code of COACHING_LANGUAGES) {
    it(code, () => {
      const r = coachingLanguage(code).summary;
      const commitAny = anyOf([...r.commitSelf, r.commitOther, r.nextStepLead]);
      // Clauses (budget, timeline) and commitment parts (next steps): the cuts and the rules read in pieces.
      const cuts: Array<{ splits: RegExp[]; rules: RegExp[] }> = [
        { splits: [r.clauseSplit], rules: [r.budget, r.money, r.date] },
        { splits: r.commitSplits, rules: [...(commitAny ? [commitAny] : []), ...(r.named ? [r.named] : [])] },
      ];
      for (const { splits, rules } of cuts) {
        const within = rules.filter(matchesWithin);
        fc.assert(
          fc.property(texts([...within, ...splits]), (text) => {
            // Pieces are cut where a separator starts and ends with no letter or digit, then trimmed.
            let parts = [text];
            for (const split of splits) {
              for (const m of text.matchAll(new RegExp(split.source, `${split.flags.replace("g", "")}g`))) {
                expect(/^[^\p{L}\p{N}_]/u.test(m[0]), m[0]).toBe(true);
                expect(/[^\p{L}\p{N}_]$/u.test(m[0]), m[0]).toBe(true);
              }
              parts = parts.flatMap((p) => p.split(split));
            }
            for (const part of parts.map((p) => p.trim()))
              for (const re of within)
                if (re.test(part)) expect(re.test(text), `${re} on ${text}`).toBe(true);
          }),
          { numRuns: 1500 },
        );
      }
    });
  }
});
