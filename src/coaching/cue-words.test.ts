import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { cueTest, requirementsOf } from "./cue-words.js";

/**
 * `compileAny` reads a cue list by required words (cue-words.ts); its answers must be those of the
 * single expression `compile` builds. Every cue list of every language (and the negotiation lists)
 * is recorded as it is compiled, then compared on texts made from its own patterns.
 */
const recorded = vi.hoisted(() => [] as string[][]);
vi.mock("./objections-lexicon.js", async (importOriginal) => {
  const mod = await importOriginal<typeof import("./objections-lexicon.js")>();
  return {
    ...mod,
    compileAny: (patterns: readonly string[]) => {
      recorded.push([...patterns]);
      return mod.compileAny(patterns);
    },
  };
});
await import("./lang/index.js");
await import("./objections-negotiation.js");
const { compile, compileAny, expand } =
  await vi.importActual<typeof import("./objections-lexicon.js")>("./objections-lexicon.js");

const LETTER = "a-z0-9\\u00df-\\u00ff\\u0100-\\u024f\\u0430-\\u045f";
const B = `(?<![${LETTER}'])`;
const E = `(?![${LETTER}])`;

/** A small seeded generator, so a fast-check seed reproduces a text. */
function random(seed: number): (n: number) => number {
  let s = seed >>> 0;
  return (n) => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) % n) as number;
  };
}

const FILLER = [
  "the",
  "we",
  "i",
  "it's",
  "not",
  "really",
  "500",
  "$1,200",
  "20k",
  "цена",
  "дорого",
  "ok",
  "so",
];
const SEPARATORS = [" ", " ", " ", ", ", ". ", "? ", "! ", " - ", "'", ""];

/** The end of the group or class that opens at `i`. */
function closing(p: string, i: number): number {
  let depth = 0;
  let inClass = false;
  for (let j = i; j < p.length; j++) {
    const c = p[j];
    if (c === "\\") j++;
    else if (inClass) inClass = c !== "]";
    else if (c === "[") {
      if (j !== i) inClass = true;
      else return p.indexOf("]", j + 2);
    } else if (c === "(") depth++;
    else if (c === ")" && --depth === 0) return j;
  }
  return p.length - 1;
}

/** Top-level branches of a group's inside. */
function branches(inner: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let j = 0; j < inner.length; j++) {
    const c = inner[j];
    if (c === "\\") j++;
    else if (c === "[") j = closing(inner, j);
    else if (c === "(") depth++;
    else if (c === ")") depth--;
    else if (c === "|" && depth === 0) {
      out.push(inner.slice(start, j));
      start = j + 1;
    }
  }
  out.push(inner.slice(start));
  return out;
}

/** A text that a lexicon pattern (in the notation, or expanded) is likely to match, made at random. */
function sample(p: string, r: (n: number) => number): string {
  let out = "";
  for (let i = 0; i < p.length; i++) {
    const c = p[i]!;
    let atom: () => string;
    if (c === "(") {
      const end = closing(p, i);
      let inner = p.slice(i + 1, end);
      const zero = /^\?(?:[=!]|<[=!])/.test(inner);
      if (inner.startsWith("?:")) inner = inner.slice(2);
      const alts = branches(inner);
      atom = zero ? () => "" : () => sample(alts[r(alts.length)]!, r);
      i = end;
    } else if (c === "[") {
      const end = closing(p, i);
      const body = p.slice(i + 1, end);
      atom = () => (body.startsWith("^") ? "x" : body.startsWith("\\s") || body[0] === " " ? " " : body[0]!);
      i = end;
    } else if (c === "\\") {
      const e = p[++i]!;
      const map: Record<string, string> = { s: " ", S: "x", d: "7", w: "a", b: "" };
      atom = () => map[e] ?? e;
    } else if (c === "~") atom = () => ["", "s", "ed", "ing"][r(4)]!;
    else if (c === "…" || c === "⋯") atom = () => ` ${FILLER.slice(0, r(3)).join(" ")} `.replace(/ {2}/, " ");
    else if (c === "#") atom = () => ["500", "$1,200", "120k", "35"][r(4)]!;
    else if (c === "¤") atom = () => ["$500", "20 dollars", "20k", "€40"][r(4)]!;
    else if (c === "^" || c === "$") atom = () => "";
    else if (c === " ") atom = () => [" ", ", ", "  "][r(3)]!;
    else atom = () => c;
    const q = /^(?:\?|\*|\+|\{(\d+)(?:,(\d*))?\})/.exec(p.slice(i + 1));
    let times = 1;
    if (q !== null) {
      i += q[0].length;
      if (p[i + 1] === "?") i++;
      const min = q[0] === "+" ? 1 : q[1] !== undefined ? Number(q[1]) : 0;
      times = min + r(2 + (q[0] === "?" ? 0 : 1));
      if (q[0] === "?") times = r(2);
    }
    for (let k = 0; k < times; k++) out += atom();
  }
  return out;
}

/** Some words before and after a sample, with punctuation between. */
function around(core: string, r: (n: number) => number): string {
  const words = (n: number) => Array.from({ length: n }, () => FILLER[r(FILLER.length)]!);
  const sep = () => SEPARATORS[r(SEPARATORS.length)]!;
  const before = words(r(3)).map((w) => w + sep());
  const after = words(r(3)).map((w) => sep() + w);
  const text = `${before.join("")}${core}${after.join("")}`;
  return r(4) === 0 ? text.toUpperCase().toLowerCase().slice(r(3)) : text;
}

describe("requirementsOf", () => {
  it("finds the words a match needs", () => {
    const words = (p: string) => requirementsOf(expand(p), LETTER)?.map((b) => b.map((r) => [...r.exact]));
    expect(words("(too|so) expensive")).toEqual([[["too", "so"], ["expensive"]]]);
    expect(words("not (right )?now")).toEqual([[["not"], ["now"]]]);
    // "discount~" needs a word starting with "discount"; "dollars?" one starting with "dollar".
    expect(requirementsOf(expand("discount~"), LETTER)?.[0]?.[0]?.prefixes).toEqual(new Set(["discount"]));
    expect(requirementsOf(expand("dollars?"), LETTER)?.[0]?.[0]?.prefixes).toEqual(new Set(["dollar"]));
    // A number: a word starting with a digit.
    expect(requirementsOf(expand("#"), LETTER)?.[0]?.[0]?.starts.length).toBeGreaterThan(0);
  });

  it("gives up on what it does not know", () => {
    expect(requirementsOf("(a)\\1", LETTER)).toBeNull();
    expect(requirementsOf("(?<name>a)", LETTER)).toBeNull();
  });

  it("finds nothing where a word may run on", () => {
    // "ab" inside a longer word ("xab"): no whole word, no prefix.
    expect(requirementsOf("\\S*ab", LETTER)).toEqual([[]]);
  });
});

describe("compileAny (required words)", () => {
  it("analyses every cue list of every language", () => {
    expect(recorded.length).toBeGreaterThan(40);
    for (const list of recorded) expect(cueTest(list.map(expand), B, E, LETTER)).not.toBeNull();
  });

  it("answers the same before and after a list builds its word index", () => {
    const patterns = recorded.find((list) => list.length > 20)!;
    const plain = compile(patterns);
    const texts = patterns.slice(0, 12).flatMap((p) => [sample(p, random(p.length)), `we said ${p} no`]);
    const matching = texts.filter((t) => plain.test(t)).length;
    expect(matching).toBeGreaterThan(0);
    expect(matching).toBeLessThan(texts.length);
    for (const indexAfter of [0, 3, 1_000]) {
      const fast = compileAny(patterns, { indexAfter, table: false });
      for (const text of texts) expect([text, fast.test(text)]).toEqual([text, plain.test(text)]);
    }
  });

  it("answers as the single expression on texts made from the lexicons' patterns", () => {
    const lists = recorded.map((patterns) => ({
      patterns,
      fast: compileAny(patterns, { indexAfter: 0 }),
      plain: compile(patterns),
    }));
    let matched = 0;
    fc.assert(
      fc.property(fc.nat(lists.length - 1), fc.nat(), fc.integer(), (li, pi, seed) => {
        const { patterns, fast, plain } = lists[li]!;
        const r = random(seed);
        const pattern = patterns[pi % patterns.length]!;
        const text = around(sample(r(2) === 0 ? pattern : expand(pattern), r), r);
        const m = plain.exec(text);
        if (m !== null) matched++;
        expect(fast.test(text)).toBe(m !== null);
        expect(fast.span(text)).toEqual(m === null ? null : [m.index, m.index + m[0].length]);
        // Another list's test on the same text: the word index answers for every list at once.
        const other = lists[(li + 1) % lists.length]!;
        expect(other.fast.test(text)).toBe(other.plain.test(text));
      }),
      { numRuns: 8_000 },
    );
    // The texts exercise matches, not only misses.
    expect(matched).toBeGreaterThan(2_000);
  });
});
