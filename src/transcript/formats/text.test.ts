import { describe, expect, it } from "vitest";
import { collapseWhitespace, decodeEntities, splitCueSpans, splitLines, splitSpeakerPrefix } from "./text.js";

describe("splitLines", () => {
  it("accepts LF, CRLF and CR", () => {
    expect(splitLines("a\r\nb\nc\rd")).toEqual(["a", "b", "c", "d"]);
  });
});

describe("decodeEntities", () => {
  it("decodes named and numeric references and leaves unknown ones", () => {
    expect(decodeEntities("R&amp;D&nbsp;&lt;b&gt; &#8212; &#x263a; &lrm;x&rlm; &bogus; &#0; &#xD800;")).toBe(
      "R&D <b> — ☺ x &bogus; &#0; &#xD800;",
    );
  });
});

describe("collapseWhitespace", () => {
  it("collapses newlines, tabs and NBSP and drops bidi marks", () => {
    expect(collapseWhitespace(" a\n\tb\u00a0 c\u200e ")).toBe("a b c");
  });
});

describe("splitCueSpans", () => {
  it("splits voice spans and strips every other tag", () => {
    expect(splitCueSpans("<v Dana>Hi <b>there</b></v>\n<v.x.y Marc Ode>Hello<00:00:01.500> you")).toEqual([
      { voice: "Dana", text: "Hi there" },
      { voice: "Marc Ode", text: "Hello you" },
    ]);
  });

  it("keeps text after </v> with that voice", () => {
    expect(splitCueSpans("<v Dana>Hi</v> again")).toEqual([{ voice: "Dana", text: "Hi again" }]);
  });

  it("treats unmatched brackets as text and strips SSA overrides", () => {
    expect(splitCueSpans("{\\an8}a < b and c > d {not an override}")).toEqual([
      { voice: undefined, text: "a < b and c > d {not an override}" },
    ]);
    expect(splitCueSpans("<<<<")).toEqual([{ voice: undefined, text: "<<<<" }]);
  });

  it("drops empty spans", () => {
    expect(splitCueSpans("<v Dana></v>  <i> </i>")).toEqual([]);
  });

  it("is linear on adversarial input", () => {
    const evil = "<".repeat(200_000) + "{\\".repeat(100_000) + "&#".repeat(100_000);
    const t = performance.now();
    splitCueSpans(evil);
    expect(performance.now() - t).toBeLessThan(1000);
  });
});

describe("splitSpeakerPrefix", () => {
  it.each([
    ["Dana Whitfield: So what changed?", { speaker: "Dana Whitfield", text: "So what changed?" }],
    ["Speaker 1: hi", { speaker: "Speaker 1", text: "hi" }],
    ["Марк (клиент): Да.", { speaker: "Марк (клиент)", text: "Да." }],
    ["Dana:", { speaker: "Dana", text: "" }],
    ["Dana:\tTabbed", { speaker: "Dana", text: "Tabbed" }],
  ])("%j", (line, expected) => {
    expect(splitSpeakerPrefix(line)).toEqual(expected);
  });

  it.each([
    "Here is the thing. Note: it renews",
    "Really? Yes: absolutely",
    "00:05: hi",
    "10:30 Dana: hi",
    "https://example.com is the link",
    "and the reason was simple: cost",
    "One two three four five six seven: too many words for a name",
    `${"N".repeat(61)}: too long`,
    ": nothing before",
    "---: dashes only",
    "Ratio:3 to 1",
  ])("no speaker in %j", (line) => {
    expect(splitSpeakerPrefix(line)).toBeNull();
  });
});
