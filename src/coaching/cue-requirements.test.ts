import { describe, expect, it, vi } from "vitest";

/** Each word index a list builds: how many alternatives it got from the table. */
const built = vi.hoisted(() => [] as Array<{ alternatives: number; fromTable: number }>);
vi.mock("./cue-words.js", async (importOriginal) => {
  const mod = await importOriginal<typeof import("./cue-words.js")>();
  return {
    ...mod,
    cueTest: (...args: Parameters<typeof mod.cueTest>) => {
      const [alternatives, , , , known] = args;
      built.push({
        alternatives: alternatives.length,
        fromTable: known === undefined ? 0 : alternatives.length,
      });
      return mod.cueTest(...args);
    },
  };
});

await import("./lang/index.js");
await import("./objections-negotiation.js");
const {
  compile,
  compileAny,
  cueRequirementsTable,
  embeddedCueRequirements,
  expectCueTexts,
  INDEX_AFTER_TEXTS,
  TABLE_INDEX_AFTER_TEXTS,
} = await import("./objections-lexicon.js");

describe("cue requirements analysed ahead of time", () => {
  it("are embedded up to date (run `npm run cues:embed` after editing a cue list)", () => {
    const fresh = cueRequirementsTable();
    const { letter, table } = embeddedCueRequirements();
    expect(Object.keys(fresh).length).toBeGreaterThan(500);
    expect(letter).toBe("a-z0-9\\u00df-\\u00ff\\u0100-\\u024f\\u0430-\\u045f");
    expect(Object.fromEntries(table)).toEqual(fresh);
  });

  it("answer as the single expression from a list's first text", () => {
    const patterns = [
      "overpriced",
      "not (right )?now",
      "(too|way too|a bit too|a little too|little too) (high|steep|rich)",
    ];
    for (const p of patterns) expect(embeddedCueRequirements().table.has(p)).toBe(true);
    const texts = [
      "it's overpriced",
      "not right now",
      "way too steep.",
      "now, not",
      "too cheap",
      "",
      "Überpriced",
    ];
    const plain = compile(patterns);
    const fast = compileAny(patterns, { indexAfter: 0 });
    built.length = 0;
    for (const text of texts) expect([text, fast.test(text)]).toEqual([text, plain.test(text)]);
    expect(built).toEqual([{ alternatives: 3, fromTable: 3 }]);
  });

  it("build a list's index from the table after TABLE_INDEX_AFTER_TEXTS texts, else after INDEX_AFTER_TEXTS", () => {
    const inTable = compileAny(["overpriced", "not (right )?now"]);
    const lacking = compileAny(["overpriced", "zzqx never in any lexicon"]);
    built.length = 0;
    for (let i = 0; i < TABLE_INDEX_AFTER_TEXTS; i++) expect(inTable.test("not now")).toBe(true);
    expect(built).toEqual([]);
    expect(inTable.test("it's overpriced")).toBe(true);
    expect(built).toEqual([{ alternatives: 2, fromTable: 2 }]);
    for (let i = 0; i < INDEX_AFTER_TEXTS; i++) expect(lacking.test("overpriced")).toBe(true);
    expect(built).toHaveLength(1);
    expect(lacking.test("we said zzqx never in any lexicon")).toBe(true);
    expect(built).toEqual([
      { alternatives: 2, fromTable: 2 },
      { alternatives: 2, fromTable: 0 },
    ]);
  });

  it("leave a list with a pattern the table lacks to be analysed in the process", () => {
    const patterns = ["overpriced", "zzqx never in any lexicon"];
    expect(embeddedCueRequirements().table.has(patterns[1]!)).toBe(false);
    const plain = compile(patterns);
    for (const indexAfter of [0, 2, 1_000]) {
      const fast = compileAny(patterns, { indexAfter });
      built.length = 0;
      for (const text of ["overpriced!", "zzqx never in any lexicon", "we said zzqx never", "no"])
        expect([indexAfter, text, fast.test(text)]).toEqual([indexAfter, text, plain.test(text)]);
      // Built after `indexAfter` texts, every alternative analysed here.
      expect(built).toEqual(indexAfter < 4 ? [{ alternatives: 2, fromTable: 0 }] : []);
    }
  });

  // Last: the announcement holds for the rest of the process.
  it("build the index at once when a call long enough to reach TABLE_INDEX_AFTER_TEXTS is announced", () => {
    const patterns = ["overpriced", "not (right )?now"];
    const plain = compile(patterns);
    expectCueTexts(TABLE_INDEX_AFTER_TEXTS - 1);
    const before = compileAny(patterns);
    built.length = 0;
    expect(before.test("not now")).toBe(true);
    expect(built).toEqual([]);

    expectCueTexts(TABLE_INDEX_AFTER_TEXTS);
    const inTable = compileAny(patterns);
    const lacking = compileAny(["overpriced", "zzqx never in any lexicon"]);
    built.length = 0;
    for (const text of ["not right now.", "now not", "overpriced", "", "Overpriced?"])
      expect([text, inTable.test(text)]).toEqual([text, plain.test(text)]);
    expect(built).toEqual([{ alternatives: 2, fromTable: 2 }]);
    // A list the table lacks is still analysed only after INDEX_AFTER_TEXTS.
    expect(lacking.test("we said zzqx never in any lexicon")).toBe(true);
    expect(built).toHaveLength(1);
  });
});
