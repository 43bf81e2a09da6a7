import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DebriefError } from "../errors.js";
import { liberalSpeakers, splitSpeakerPrefix } from "./formats/text.js";
import type { Utterance } from "./model.js";
import { parseTranscript } from "./parse.js";

/** Lower-case, id-like and Cyrillic speaker names, decided per file (issue 13). */

const FIXTURES = new URL("../../fixtures/formats/", import.meta.url);
const parseFixture = (name: string) =>
  parseTranscript(readFileSync(new URL(name, FIXTURES), "utf8"), { file: name });
const rows = (us: Utterance[]) => us.map((u) => [u.speaker, u.start, u.end, u.text]);

describe("files whose lines are name: text take lower-case and id-like names", () => {
  it("Zoom WebVTT with display names (dots, Cyrillic); a one-off 'note:' stays text", () => {
    const { format, transcript } = parseFixture("zoom-lowercase.vtt");
    expect(format).toBe("webvtt");
    expect(rows(transcript.utterances)).toEqual([
      ["john.smith", 1.2, 4.8, "Hi Olga, thanks for joining. Can you hear me okay?"],
      ["ольга", 5.1, 7.4, "Yes, loud and clear."],
      ["john.smith", 7.9, 12.3, "Great. What are you using for approvals today?"],
      ["ольга", 12.8, 18.6, "Mostly email, and a spreadsheet at 10:30 every Monday."],
      ["ольга", 18.9, 21, "note: it renews in March, by the way."],
      ["john.smith", 21.4, 24.9, "Good to know. Who signs off on a new tool?"],
      ["ольга", 25.3, 28.7, "Our controller. The form is at https://intranet.example/approvals."],
    ]);
  });

  it("call-centre SRT export with agent: / customer:", () => {
    const { transcript } = parseFixture("callcentre.srt");
    expect(transcript.utterances.map((u) => u.speaker)).toEqual([
      "agent",
      "customer",
      "agent",
      "customer",
      "agent",
      "customer",
    ]);
    expect(transcript.utterances[3]?.text).toBe("It's 1234-5678.");
  });

  it("plain text with e-mail, numeric, alphanumeric and hyphenated names", () => {
    const { format, transcript } = parseFixture("ids.txt");
    expect(format).toBe("text");
    expect(transcript.utterances.map((u) => [u.speaker, u.start])).toEqual([
      ["dana@acme.com", 2],
      ["me011", 6],
      ["dana@acme.com", 11],
      ["mary-jane", 15],
      ["me011", 19],
      ["1234", 23],
      ["dana@acme.com", 26],
      ["mary-jane", 29],
      ["1234", 33],
    ]);
  });

  it("keeps capitalised and Cyrillic full names as before", () => {
    const { transcript } = parseTranscript(
      "Ольга Петрова: Добрый день.\nольга: Здравствуйте.\nОльга Петрова: Начнём?\nольга: Да.",
    );
    expect(transcript.utterances.map((u) => u.speaker)).toEqual([
      "Ольга Петрова",
      "ольга",
      "Ольга Петрова",
      "ольга",
    ]);
  });

  it("WebVTT voice tags take any name", () => {
    const { transcript } = parseTranscript(
      "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v mary-jane>Hi</v>\n\n00:00:02.000 --> 00:00:03.000\n<v dana@acme.com>Hello</v>\n",
    );
    expect(transcript.utterances.map((u) => u.speaker)).toEqual(["mary-jane", "dana@acme.com"]);
  });
});

describe("prose with colons is not a speaker", () => {
  it("an unprefixed file has no lower-case speakers", () => {
    const prose =
      "Meeting notes.\nthe customer said one thing clearly: cost matters most.\nwe agreed on next steps: a pilot.\nnote: it renews in April.";
    expect(() => parseTranscript(prose, { file: "notes.txt" })).toThrow(DebriefError);
  });

  it("a capitalised transcript keeps lower-case colon lines as text", () => {
    const { transcript } = parseTranscript(
      "Dana: So what happened?\nMarc: we looked at it, and the reason was simple: cost.\nDana: Okay.\nMarc: and note: it renews.",
    );
    expect(rows(transcript.utterances)).toEqual([
      ["Dana", null, null, "So what happened?"],
      ["Marc", null, null, "we looked at it, and the reason was simple: cost."],
      ["Dana", null, null, "Okay."],
      ["Marc", null, null, "and note: it renews."],
    ]);
  });

  it.each(["at 10:30 we start", "https://example.com: the link", "10:30: hi", "see: https://x.y"])(
    "never a speaker in %j, even in liberal mode",
    (line) => {
      const named = splitSpeakerPrefix(line, true);
      expect(named === null || !/https|10/.test(named.speaker)).toBe(true);
    },
  );

  it("needs most lines prefixed and a few repeated names", () => {
    expect([...liberalSpeakers(["agent: hi", "customer: hello", "agent: so", "customer: ok"])]).toEqual([
      "agent",
      "customer",
    ]);
    expect(liberalSpeakers(["agent: hi", "prose line", "more prose", "agent: so", "text"]).size).toBe(0);
    // Many different one-off prefixes: not speakers.
    expect(liberalSpeakers(Array.from({ length: 20 }, (_, i) => `word${i}: text`)).size).toBe(0);
  });
});

describe("property: the per-file decision", () => {
  const nameChar = fc.constantFrom(..."abcxyz019.-_@ABCЖж: ");
  const line = fc
    .tuple(fc.string({ unit: nameChar, maxLength: 12 }), fc.string({ maxLength: 20 }))
    .map(([n, t]) => `${n}: ${t}`);
  it("never crashes and every speaker is a non-empty string", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(line, fc.string({ maxLength: 30 })), { maxLength: 30 }), (lines) => {
        for (const content of [
          lines.join("\n"),
          `WEBVTT\n\n${lines.map((l, i) => `00:00:0${i % 10}.000 --> 00:00:0${i % 10}.500\n${l}`).join("\n\n")}`,
        ]) {
          try {
            const { transcript } = parseTranscript(content, { file: "p.txt" });
            for (const u of transcript.utterances) expect(u.speaker.length).toBeGreaterThan(0);
          } catch (err) {
            if (!(err instanceof DebriefError)) throw err;
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it("stays linear: a file 8× longer costs about 8× (not 64×)", () => {
    fc.assert(
      fc.property(fc.array(line, { minLength: 3, maxLength: 6 }), (unit) => {
        const time = (n: number) => {
          const content = Array.from({ length: n }, (_, i) => unit[i % unit.length]).join("\n");
          const t = performance.now();
          try {
            parseTranscript(content, { file: "p.txt" });
          } catch (err) {
            if (!(err instanceof DebriefError)) throw err;
          }
          return performance.now() - t;
        };
        time(2_000); // warm-up
        const small = Math.max(time(5_000), 1);
        expect(time(40_000) / small).toBeLessThan(40);
      }),
      { numRuns: 5 },
    );
  });
});
