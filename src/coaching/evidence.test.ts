import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { matchKey } from "../text/match.js";
import type { Transcript } from "../transcript/model.js";
import { parseTranscript } from "../transcript/parse.js";
import { createEvidenceIndex, verifyEvidence } from "./evidence.js";

const acme = parseTranscript(readFileSync("fixtures/calls/discovery-acme.vtt", "utf8"), {
  file: "discovery-acme.vtt",
}).transcript;
const index = createEvidenceIndex(acme);

const t = (...utterances: Array<[string, string, number?]>): Transcript => ({
  utterances: utterances.map(([speaker, text, start]) => ({
    speaker,
    text,
    start: start ?? null,
    end: null,
  })),
});

describe("matchKey", () => {
  it("folds case, punctuation, typographic apostrophes, ё and whitespace", () => {
    expect(matchKey("  We’re  STILL — changing\n“routes”!")).toBe("were still changing routes");
    expect(matchKey("Всё ИДЁТ по плану.")).toBe("все идет по плану");
    expect(matchKey("forty-five minutes")).toBe("forty five minutes");
  });
});

describe("createEvidenceIndex().find", () => {
  it("finds an exact quote and re-anchors it to the utterance", () => {
    expect(index.find("Thursday at two is fine.")).toEqual({
      speaker: "Marcus Lee",
      start: 397.6,
      quote: "Thursday at two is fine.",
    });
  });

  it("ignores case, punctuation and whitespace differences, returning the transcript's text", () => {
    expect(index.find("THURSDAY, at two —   is fine")).toEqual({
      speaker: "Marcus Lee",
      start: 397.6,
      quote: "Thursday at two is fine.",
    });
    expect(index.find("the price was hard to justify for what we got")?.quote).toBe(
      "the price was hard to justify for what we got.",
    );
  });

  it("folds typographic apostrophes and quotes", () => {
    expect(index.find("on a bad day we’re still changing routes")).toEqual({
      speaker: "Jia Chen",
      start: 79,
      quote: "On a bad day we're still changing routes",
    });
    expect(index.find("“our budget for next year isn’t final”")?.quote).toBe(
      "our budget for next year isn't final",
    );
  });

  it("folds ё to е", () => {
    const ix = createEvidenceIndex(t(["Анна", "Всё хорошо, идём дальше по плану.", 3]));
    expect(ix.find("все хорошо идем")).toEqual({ speaker: "Анна", start: 3, quote: "Всё хорошо, идём" });
  });

  it("rejects a quote spanning two utterances", () => {
    expect(index.find("Yep, loud and clear. Great. So the plan I had")).toBeNull();
    expect(index.find("thanks both talk thursday")).not.toBeNull(); // inside one utterance it is fine…
    expect(index.find("thanks both talk thursday hi marcus")).toBeNull(); // …across the end it is not
  });

  it("rejects hallucinated and paraphrased quotes", () => {
    expect(index.find("we will sign the contract today")).toBeNull();
    expect(index.find("the price was too high for what we got")).toBeNull();
    expect(index.find("")).toBeNull();
    expect(index.find("?!")).toBeNull();
  });

  it("matches whole words only", () => {
    expect(index.find("hursday at two is fine")).toBeNull();
    expect(index.find("Thursday at two is fin")).toBeNull();
  });

  it("restricts to the given speaker (id, case-insensitive id or declared name)", () => {
    expect(index.find("Thursday at two", { speaker: "Dana Reyes" })).toEqual({
      speaker: "Dana Reyes",
      start: 385.1,
      quote: "Thursday at two",
    });
    expect(index.find("Thursday at two", { speaker: "marcus lee" })?.speaker).toBe("Marcus Lee");
    expect(index.find("late deliveries", { speaker: "Dana Reyes" })).toBeNull();
    expect(index.find("Thursday at two", { speaker: "Nobody" })).toBeNull();
    const named = createEvidenceIndex({
      speakers: [{ id: "spk_0", name: "Dana" }],
      utterances: [{ speaker: "spk_0", start: 1, end: 2, text: "I will send the plan tonight." }],
    });
    expect(named.find("send the plan tonight", { speaker: "Dana" })?.speaker).toBe("spk_0");
  });

  it("matches quotes under three words only as a whole utterance or sentence", () => {
    expect(index.find("Okay")).toEqual({ speaker: "Marcus Lee", start: 359.5, quote: "Okay." });
    expect(index.find("sounds good")).toEqual({ speaker: "Jia Chen", start: 20.1, quote: "Sounds good." });
    expect(index.find("Got it")).toEqual({ speaker: "Dana Reyes", start: 148.6, quote: "Got it." });
    expect(index.find("the CFO")).toBeNull();
    expect(index.find("budget")).toBeNull();
  });

  it("uses the first matched word's time when the utterance has word timings", () => {
    const ix = createEvidenceIndex({
      utterances: [
        {
          speaker: "A",
          start: 10,
          end: 13,
          text: "Well, we lose about forty hours.",
          words: [
            { text: "Well,", start: 10, end: 10.3 },
            { text: "we", start: 10.4, end: 10.5 },
            { text: "lose", start: 10.6, end: 10.9 },
            { text: "about", start: 11, end: 11.2 },
            { text: "forty", start: 11.3, end: 11.6 },
            { text: "hours.", start: 11.7, end: 12 },
          ],
        },
      ],
    });
    expect(ix.find("we lose about forty hours")).toEqual({
      speaker: "A",
      start: 10.4,
      quote: "we lose about forty hours.",
    });
  });

  it("returns null start for untimed transcripts", () => {
    const ix = createEvidenceIndex(t(["A", "We route everything off spreadsheets."]));
    expect(ix.find("route everything off spreadsheets")).toEqual({
      speaker: "A",
      start: null,
      quote: "route everything off spreadsheets.",
    });
  });

  it("is fast on a one-hour transcript", () => {
    const vocab =
      "the route driver sheet plan team morning order truck region we you they price budget".split(" ");
    const utterances = Array.from({ length: 1200 }, (_, i) => ({
      speaker: i % 2 ? "Rep" : "Customer",
      start: i * 3,
      end: i * 3 + 2.5,
      text: `${Array.from({ length: 18 }, (_, k) => vocab[(i * 7 + k * 3) % vocab.length]).join(" ")}.`,
    }));
    const started = performance.now();
    const ix = createEvidenceIndex({ utterances });
    for (let i = 0; i < 300; i++) ix.find(`quote that is not there number ${i}`);
    for (let i = 0; i < 300; i++) ix.find(utterances[i * 4]!.text.split(" ").slice(3, 9).join(" "));
    expect(performance.now() - started).toBeLessThan(1500);
  });

  it("never throws, and finds every contiguous run of three or more words of an utterance", () => {
    const word = fc.stringMatching(/^[A-Za-zА-Яа-яЁё0-9’'-]{1,8}$/);
    fc.assert(
      fc.property(
        fc.array(fc.array(word, { minLength: 1, maxLength: 12 }), { minLength: 1, maxLength: 6 }),
        fc.nat(),
        fc.nat(),
        fc.string(),
        (utts, pick, from, junk) => {
          const tr = t(...utts.map((w, i): [string, string, number] => [`S${i % 2}`, `${w.join(" ")}.`, i]));
          const ix = createEvidenceIndex(tr);
          ix.find(junk);
          ix.find(junk, { speaker: junk });
          const words = utts[pick % utts.length]!;
          const tokens = matchKey(words.join(" ")).split(" ").filter(Boolean);
          if (tokens.length < 3) return;
          const start = from % (tokens.length - 2);
          const quote = tokens.slice(start, start + 3).join(" ");
          const found = ix.find(quote);
          expect(found).not.toBeNull();
          expect(matchKey(found!.quote)).toBe(quote);
        },
      ),
    );
  });

  it("survives arbitrary transcripts and quotes", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.string({ minLength: 1 }), fc.string())),
        fc.string(),
        (rows, quote) => {
          const ix = createEvidenceIndex(t(...rows.map(([s, text]): [string, string] => [s, text])));
          const r = ix.find(quote);
          if (r !== null) expect(matchKey(r.quote)).toBe(matchKey(quote));
        },
      ),
    );
  });
});

describe("verifyEvidence", () => {
  it("keeps verifiable quotes re-anchored, drops and counts the rest", () => {
    const { kept, dropped } = verifyEvidence(index, [
      { speaker: "Marcus Lee", quote: "thursday at two is fine" },
      { quote: "we will buy today" },
      { speaker: "Marcus Lee", quote: "Thursday at two is fine." }, // duplicate: collapses
      { speaker: "Dana Reyes", quote: "Honestly, it's the late deliveries." }, // wrong speaker
      { speaker: null, quote: "We did a trial of RouteWise last year" },
    ]);
    expect(kept).toEqual([
      { speaker: "Marcus Lee", start: 397.6, quote: "Thursday at two is fine." },
      { speaker: "Marcus Lee", start: 221, quote: "We did a trial of RouteWise last year." },
    ]);
    expect(dropped).toBe(2);
  });

  it("re-anchors a mis-attributed quote with strictSpeaker: false", () => {
    const { kept, dropped } = verifyEvidence(
      index,
      [{ speaker: "Dana Reyes", quote: "it's the late deliveries" }],
      {
        strictSpeaker: false,
      },
    );
    expect(dropped).toBe(0);
    expect(kept).toEqual([{ speaker: "Marcus Lee", start: 27.1, quote: "it's the late deliveries." }]);
  });
});
