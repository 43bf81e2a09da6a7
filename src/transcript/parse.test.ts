import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DebriefError, TranscriptParseError, UnsupportedFormatError } from "../errors.js";
import { detectFormat } from "./detect.js";
import { type TranscriptFormat, TranscriptSchema, type Utterance } from "./model.js";
import { parseTranscript } from "./parse.js";

const FIXTURES = new URL("../../fixtures/formats/", import.meta.url);
const fixture = (name: string) => readFileSync(new URL(name, FIXTURES), "utf8");
const parseFixture = (name: string) => parseTranscript(fixture(name), { file: name });

/** [speaker, start, end, text, word count or undefined] — compact expected rows. */
type Row = [string, number | null, number | null, string, number?];
const rows = (utterances: Utterance[]): Row[] =>
  utterances.map((u) => {
    const row: Row = [u.speaker, u.start, u.end, u.text];
    if (u.words !== undefined) row.push(u.words.length);
    return row;
  });

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error("expected an error");
}

describe("fixtures parse to the exact canonical utterances", () => {
  const cases: Record<string, { format: TranscriptFormat; language?: string; rows: Row[] }> = {
    "canonical.json": {
      format: "canonical",
      language: "en",
      rows: [
        ["dana", 2.1, 6.45, "Thanks for making the time, Marcus. What made you take this call now?", 13],
        [
          "marcus",
          7.02,
          15.8,
          "Honestly, month-end close is killing us. We're still keying about four hundred invoices a month by hand.",
        ],
        [
          "dana",
          16.3,
          19.9,
          "Four hundred by hand. Walk me through what happens when an invoice lands today.",
        ],
        ["marcus", null, null, "It goes to a shared inbox, then someone in AP codes it in NetSuite."],
        [
          "marcus",
          27.4,
          33.05,
          "And look, we looked at a tool like this last year and the price was just not justifiable.",
        ],
      ],
    },
    "teams.vtt": {
      format: "webvtt",
      rows: [
        ["Dana Whitfield", 2.31, 5.87, "Hi Marcus, thanks for jumping on. Can you hear me okay?"],
        ["Marcus Chen", 6.12, 7.04, "Yep, loud and clear."],
        [
          "Dana Whitfield",
          7.9,
          14.65,
          "Great. So before I show you anything, what's prompting the look at AP automation right now?",
        ],
        [
          "Marcus Chen",
          15.02,
          23.48,
          "Close is taking us eight days. Our auditors flagged the manual approvals & the CFO wants it under five.",
        ],
        ["Dana Whitfield", 23.7, 25.1, "Eight days, wow."],
        ["Marcus Chen", 23.7, 25.1, "Yeah."],
        ["Dana Whitfield", 25.6, 31.25, "Who else is involved when an invoice needs a second approval?"],
        [
          "Marcus Chen",
          31.9,
          38.4,
          "Usually the plant manager. But I'll be honest, we're locked into Bill.com until March.",
        ],
      ],
    },
    "zoom.vtt": {
      format: "webvtt",
      rows: [
        ["Dana Whitfield", 1.95, 5.31, "Hi Marcus, thanks for making the time today."],
        ["Marcus Chen", 5.88, 9.12, "Sure. I've only got about twenty-five minutes though."],
        ["Dana Whitfield", 9.6, 15.24, "No problem, I'll keep it tight. How are invoices approved today?"],
        [
          "Marcus Chen",
          15.9,
          22.76,
          'Mostly email. The approver replies "approved" and AP forwards it to the ERP.',
        ],
        ["Marcus Chen", 22.76, 27.03, "It's slow, and things get lost when someone is out."],
        ["Dana Whitfield", 27.5, 31.8, "Got it. Roughly how many invoices a month are we talking about?"],
        [
          "Marcus Chen",
          32.4,
          38.95,
          "Around four hundred. Note: that's just the Tacoma site, not the other two.",
        ],
      ],
    },
    "unpadded.vtt": {
      format: "webvtt",
      rows: [
        ["Priya Nair", 1.5, 4.25, "Hi Tom, this is Priya from Stackwise."],
        ["Tom Becker", 4.9, 9.02, "Hey Priya. Yes, I've got a few minutes."],
        ["Priya Nair", 9.3, 14.875, "Great. What does your team use for onboarding new reps today?"],
        [
          "Tom Becker",
          15.1,
          21.64,
          "Mostly a Google Drive folder & shadowing. It takes about three months to ramp.",
        ],
        ["Tom Becker", 21.64, 24, "Which is too long, frankly."],
      ],
    },
    "call.srt": {
      format: "srt",
      rows: [
        ["Dana Whitfield", 0.8, 4.12, "Marcus, good to see you again."],
        ["Marcus Chen", 4.5, 6.9, "Likewise. Let's dive in."],
        [
          "Dana Whitfield",
          7.3,
          13.05,
          "Last time you mentioned the audit findings. What changed since then?",
        ],
        ["Marcus Chen", 13.6, 21.4, "The board approved budget for Q3, but it's capped at forty thousand."],
        ["Marcus Chen", 21.4, 24.8, "So pricing is going to matter a lot."],
        ["Dana Whitfield", 25.3, 29.7, "Understood. Is that forty for the first year or per year?"],
      ],
    },
    "plain.txt": {
      format: "text",
      rows: [
        ["Dana Whitfield", null, null, "Thanks for taking the call, Marcus. How is month-end going?"],
        ["Marcus Chen", null, null, "Rough, to be honest. We're still at eight days to close."],
        ["Dana Whitfield", null, null, "What's the biggest time sink in those eight days?"],
        ["Marcus Chen", null, null, "Chasing approvals. Half the approvers don't answer email."],
        ["Dana Whitfield", null, null, "So if approvals happened in Slack, would that change things?"],
        ["Marcus Chen", null, null, "Maybe. But we just renewed Bill.com, so timing is tricky."],
      ],
    },
    "plain-timestamped.txt": {
      format: "text",
      rows: [
        ["Dana Whitfield", 4, 9, "Thanks for taking the call, Marcus. How is month-end going?"],
        ["Marcus Chen", 9, 15, "Rough, to be honest. We're still at eight days to close."],
        ["Dana Whitfield", 15, 21, "What's the biggest time sink in those eight days?"],
        ["Marcus Chen", 21, 30, "Chasing approvals. Half the approvers don't answer email."],
        ["Dana Whitfield", 30, 36, "So if approvals happened in Slack, would that change things?"],
        ["Marcus Chen", 36, null, "Maybe. But we just renewed Bill.com, so timing is tricky."],
      ],
    },
    "russian.txt": {
      format: "text",
      rows: [
        ["Анна Смирнова", 2, 6, "Добрый день, Дмитрий! Спасибо, что нашли время."],
        ["Дмитрий Орлов", 6, 10, "Здравствуйте. Да, у меня есть минут двадцать."],
        ["Анна Смирнова", 10, 15, "Расскажите, как сейчас ваши менеджеры ведут сделки?"],
        ["Дмитрий Орлов", 15, 24, "Э, в основном в Excel. Часть в почте. Из-за этого мы теряем заявки."],
        ["Анна Смирнова", 24, 29, "Сколько заявок в месяц вы теряете, по вашей оценке?"],
        [
          "Дмитрий Орлов",
          29,
          null,
          "Честно, не знаю. Но бюджет на новую систему у нас только в следующем квартале.",
        ],
      ],
    },
    "deepgram-diarized.json": {
      format: "deepgram",
      language: "en",
      rows: [
        ["0", 0.48, 2.08, "What's driving the evaluation?", 4],
        ["1", 2.1, 3.5, "Um, mostly the audit.", 4],
        ["0", 3.9, 4.92, "Who signs off?", 3],
      ],
    },
    "deepgram-diarized-no-utterances.json": {
      format: "deepgram",
      rows: [
        ["0", 0.62, 3.18, "So what does month-end look like today?", 7],
        ["1", 3.3, 5.04, "Eight days, give or take.", 5],
        ["0", 5.2, 5.52, "Okay.", 1],
        ["1", 5.8, 7.3, "Auditors want it shorter.", 4],
      ],
    },
    "deepgram-multichannel.json": {
      format: "deepgram",
      rows: [
        ["ch0", 0.3, 2.42, "Hi, this is Dana from Ledgerly.", 6],
        ["ch1", 2.2, 3.22, "Hey Dana, yeah.", 3],
        ["ch0", 3.4, 5.42, "Is now still a good time?", 6],
        ["ch1", 5.6, 6.62, "Sure, go ahead.", 3],
      ],
    },
    "deepgram-multichannel-no-utterances.json": {
      format: "deepgram",
      rows: [
        ["ch0", 0.3, 2.42, "Hi, this is Dana from Ledgerly.", 6],
        ["ch1", 2.2, 3.22, "Hey Dana, yeah.", 3],
        ["ch0", 3.4, 5.42, "Is now still a good time?", 6],
        ["ch1", 5.6, 6.62, "Sure, go ahead.", 3],
      ],
    },
    "assemblyai.json": {
      format: "assemblyai",
      language: "en-US",
      rows: [
        ["A", 0.24, 2.46, "What's on your plate this quarter?", 6],
        ["B", 2.9, 5.195, "The ERP migration. Timing isn't great.", 6],
        ["A", 5.6, 7.335, "What would make Q3 work?", 5],
      ],
    },
    "assemblyai-no-utterances.json": {
      format: "assemblyai",
      language: "en-US",
      rows: [
        [
          "A",
          0.24,
          7.335,
          "What's on your plate this quarter? The ERP migration. Timing isn't great. What would make Q3 work?",
          17,
        ],
      ],
    },
    "whisper-verbose.json": {
      format: "whisper",
      language: "en",
      rows: [
        ["0", 0, 2.4, "Thanks for the time today, Marcus.", 6],
        ["0", 3.2, 6.86, "What does your approval process look like right now?", 9],
        ["0", 7.1, 10.12, "Honestly, it's mostly email and a spreadsheet.", 7],
      ],
    },
    "whisper-timestamped.json": {
      format: "whisper-timestamped",
      language: "en",
      rows: [
        ["0", 0.52, 2.9, "Hi Marcus, it's Dana from Ledgerly.", 6],
        ["0", 3.3, 4.68, "Is this still a good time?", 6],
        ["0", 5.4, 7.02, "Uh, I have ten minutes.", 5],
      ],
    },
  };

  for (const [name, expected] of Object.entries(cases)) {
    it(name, () => {
      const content = fixture(name);
      expect(detectFormat(content)).toBe(expected.format);
      const parsed = parseTranscript(content, { file: name });
      expect(parsed.format).toBe(expected.format);
      expect(rows(parsed.transcript.utterances)).toEqual(expected.rows);
      expect(parsed.transcript.language).toBe(expected.language);
      // Every parser's output is a valid canonical transcript.
      expect(TranscriptSchema.safeParse(parsed.transcript).success).toBe(true);
      // Forcing the right format gives the same result as detection.
      expect(parseTranscript(content, { format: expected.format, file: name })).toEqual(parsed);
    });
  }

  it("keeps canonical speakers and word confidences", () => {
    const { transcript } = parseFixture("canonical.json");
    expect(transcript.speakers).toEqual([
      { id: "dana", name: "Dana Whitfield (Ledgerly)", role: "rep" },
      { id: "marcus", name: "Marcus Chen (Harbor Freightworks)", role: "customer" },
    ]);
    expect(transcript.utterances[0]?.words?.[0]).toEqual({
      text: "Thanks",
      start: 2.1,
      end: 2.42,
      confidence: 0.98,
    });
  });

  it("uses Deepgram punctuated words and keeps word timings", () => {
    const { transcript } = parseFixture("deepgram-diarized-no-utterances.json");
    expect(transcript.utterances[0]?.words?.map((w) => w.text)).toEqual([
      "So",
      "what",
      "does",
      "month-end",
      "look",
      "like",
      "today?",
    ]);
    expect(transcript.utterances[0]?.words?.[0]).toMatchObject({ start: 0.62, end: 0.9 });
  });

  it("converts AssemblyAI milliseconds to seconds on words too", () => {
    const { transcript } = parseFixture("assemblyai.json");
    expect(transcript.utterances[1]?.words?.[0]).toMatchObject({ text: "The", start: 2.9, end: 3.195 });
  });

  it("attaches top-level Whisper words to their segments", () => {
    const { transcript } = parseFixture("whisper-verbose.json");
    expect(transcript.utterances[2]?.words?.map((w) => w.text)).toEqual([
      "Honestly",
      "it's",
      "mostly",
      "email",
      "and",
      "a",
      "spreadsheet",
    ]);
  });
});

describe("malformed fixtures", () => {
  const cases: [string, typeof TranscriptParseError | typeof UnsupportedFormatError, RegExp][] = [
    [
      "bad-timestamp.vtt",
      TranscriptParseError,
      /^bad-timestamp\.vtt:8: webvtt: bad end timestamp '00:00:61\.000'$/,
    ],
    [
      "vtt-missing-timing.vtt",
      TranscriptParseError,
      /^vtt-missing-timing\.vtt:8: webvtt: expected a cue timing line/,
    ],
    ["broken-timing.srt", TranscriptParseError, /^broken-timing\.srt:6: srt: expected a timing line/],
    ["no-speakers.txt", TranscriptParseError, /^no-speakers\.txt:1: text: no 'Name: text' line found/],
    [
      "truncated.json",
      TranscriptParseError,
      /^truncated\.json:17: json: invalid JSON: unexpected end of input/,
    ],
    [
      "deepgram-missing-results.json",
      TranscriptParseError,
      /^deepgram-missing-results\.json: deepgram: results: missing/,
    ],
    [
      "assemblyai-error.json",
      TranscriptParseError,
      /assemblyai: transcription failed: Download error, unable to download/,
    ],
    ["assemblyai-processing.json", TranscriptParseError, /transcript is not ready \(status: processing\)/],
    [
      "canonical-bad-start.json",
      TranscriptParseError,
      /^canonical-bad-start\.json: canonical: utterances\[2\]\.start: expected a number, got a string$/,
    ],
    [
      "whisper-missing-end.json",
      TranscriptParseError,
      /whisper: segments\[1\]\.end: expected a number, got nothing$/,
    ],
    ["unknown.json", UnsupportedFormatError, /^unknown\.json: unrecognized JSON transcript.*--format/],
  ];
  for (const [name, errorClass, message] of cases) {
    it(name, () => {
      const error = thrown(() => parseTranscript(fixture(`malformed/${name}`), { file: name }));
      expect(error).toBeInstanceOf(errorClass);
      expect((error as Error).message).toMatch(message);
    });
  }

  it("reports the line of a syntax error inside JSON", () => {
    const error = thrown(() =>
      parseTranscript('{\n  "utterances": [\n    { "speaker": "A", }\n  ]\n}', { file: "x.json" }),
    );
    expect(error).toBeInstanceOf(TranscriptParseError);
    expect((error as TranscriptParseError).line).toBe(3);
    expect((error as Error).message).toMatch(/^x\.json:3: json: invalid JSON: expected a property name/);
  });
});

describe("input hygiene", () => {
  it("rejects empty and whitespace-only input", () => {
    for (const content of ["", "   \n\t\r\n", "\uFEFF", "\uFEFF \n"]) {
      const error = thrown(() => parseTranscript(content, { file: "empty.vtt" }));
      expect(error).toBeInstanceOf(TranscriptParseError);
      expect((error as Error).message).toBe("empty.vtt: transcript: file is empty");
    }
  });

  it("strips a BOM and accepts CRLF in every line-based fixture", () => {
    for (const name of [
      "teams.vtt",
      "zoom.vtt",
      "unpadded.vtt",
      "call.srt",
      "plain-timestamped.txt",
      "russian.txt",
    ]) {
      const original = parseFixture(name);
      const crlf = `\uFEFF${fixture(name).replace(/\n/g, "\r\n")}`;
      expect(detectFormat(crlf)).toBe(original.format);
      expect(parseTranscript(crlf, { file: name })).toEqual(original);
    }
  });

  it("strips a BOM before JSON", () => {
    expect(parseTranscript(`\uFEFF${fixture("canonical.json")}`)).toEqual(parseFixture("canonical.json"));
  });

  it("keeps the line numbers right with CRLF", () => {
    const crlf = fixture("malformed/bad-timestamp.vtt").replace(/\n/g, "\r\n");
    expect((thrown(() => parseTranscript(crlf, { file: "a.vtt" })) as TranscriptParseError).line).toBe(8);
  });

  it("calls binary content unsupported and lists the formats", () => {
    const error = thrown(() => parseTranscript("\u0000\u0001PK\u0003\u0004binary", { file: "call.mp3" }));
    expect(error).toBeInstanceOf(UnsupportedFormatError);
    expect((error as Error).message).toMatch(/^call\.mp3: .*webvtt.*--format/);
  });

  it("calls a JSON array unsupported", () => {
    expect(thrown(() => parseTranscript("[1, 2, 3]"))).toBeInstanceOf(UnsupportedFormatError);
  });
});

describe("forced formats", () => {
  it("says when the content is not the forced format", () => {
    const vtt = thrown(() => parseTranscript(fixture("plain.txt"), { format: "webvtt", file: "p.txt" }));
    expect((vtt as Error).message).toMatch(/^p\.txt:1: webvtt: not WebVTT: expected a 'WEBVTT' header/);
    const json = thrown(() => parseTranscript(fixture("zoom.vtt"), { format: "deepgram", file: "z.vtt" }));
    expect((json as Error).message).toMatch(/^z\.vtt:1: deepgram: not JSON/);
    const other = thrown(() =>
      parseTranscript(fixture("whisper-verbose.json"), { format: "canonical", file: "w.json" }),
    );
    expect((other as Error).message).toMatch(
      /^w\.json: canonical: utterances: expected an array, got nothing \(the content looks like whisper, not canonical\)$/,
    );
    const srt = thrown(() => parseTranscript(fixture("plain.txt"), { format: "srt", file: "p.txt" }));
    expect((srt as Error).message).toMatch(/^p\.txt:1: srt: expected a timing line/);
  });

  it("parses WebVTT-shaped SRT-like input when forced", () => {
    const { transcript } = parseTranscript("00:00:01.000 --> 00:00:02.000\nDana: Hi", { format: "srt" });
    expect(rows(transcript.utterances)).toEqual([["Dana", 1, 2, "Hi"]]);
  });
});

describe("speaker-id rules", () => {
  const vtt = (body: string) => parseTranscript(`WEBVTT\n\n${body}`).transcript.utterances;

  it("Teams: voice classes, several spans, unclosed spans, entities in names", () => {
    const utterances = vtt(
      "00:00:01.000 --> 00:00:03.000\n<v.loud Dana Whitfield>So <i>what</i> changed?</v> <v Marcus &amp; Co>A lot.\n\n" +
        "00:00:03.000 --> 00:00:04.000\nno voice here\n",
    );
    expect(rows(utterances)).toEqual([
      ["Dana Whitfield", 1, 3, "So what changed?"],
      ["Marcus & Co", 1, 3, "A lot."],
      ["Marcus & Co", 3, 4, "no voice here"],
    ]);
  });

  it("Zoom: unnamed cues before any name are 'unknown', later ones continue", () => {
    const utterances = vtt(
      "1\n00:00:00.000 --> 00:00:01.000\n(music)\n\n2\n00:00:01.000 --> 00:00:02.000\nDana: Hi\n\n" +
        "3\n00:00:02.000 --> 00:00:03.000\nso. Note: this is text\n",
    );
    expect(rows(utterances)).toEqual([
      ["unknown", 0, 1, "(music)"],
      ["Dana", 1, 2, "Hi"],
      ["Dana", 2, 3, "so. Note: this is text"],
    ]);
  });

  it("strips inline timestamps, ruby, lang and class tags", () => {
    const utterances = vtt(
      "00:00:01.000 --> 00:00:05.000\nDana: <lang en>We</lang> <00:00:02.000><c.a.b>ship</c> <ruby>fast<rt>x</rt></ruby>&#33; &#x263A;\n",
    );
    expect(utterances[0]?.text).toBe("We ship fastx! ☺");
  });

  it("Deepgram: no speaker and one channel is speaker 0; channel words interleave by start", () => {
    const words = (ws: [string, number][]) =>
      ws.map(([word, start]) => ({ word, start, end: start + 0.2, confidence: 0.9 }));
    const mono = {
      metadata: { channels: 1 },
      results: {
        channels: [
          {
            alternatives: [
              {
                transcript: "hi there",
                words: words([
                  ["hi", 0],
                  ["there", 0.3],
                ]),
              },
            ],
          },
        ],
      },
    };
    expect(rows(parseTranscript(JSON.stringify(mono)).transcript.utterances)).toEqual([
      ["0", 0, 0.5, "hi there", 2],
    ]);
    const stereo = {
      metadata: { channels: 2 },
      results: {
        channels: [
          {
            alternatives: [
              {
                transcript: "",
                words: words([
                  ["a", 0],
                  ["b", 1],
                  ["c", 2],
                ]),
              },
            ],
          },
          {
            alternatives: [
              {
                transcript: "",
                words: words([
                  ["x", 0.5],
                  ["y", 1.5],
                ]),
              },
            ],
          },
        ],
      },
    };
    expect(rows(parseTranscript(JSON.stringify(stereo)).transcript.utterances)).toEqual([
      ["ch0", 0, 0.2, "a", 1],
      ["ch1", 0.5, 0.7, "x", 1],
      ["ch0", 1, 1.2, "b", 1],
      ["ch1", 1.5, 1.7, "y", 1],
      ["ch0", 2, 2.2, "c", 1],
    ]);
  });

  it("canonical: numeric speakers become strings, missing times null", () => {
    const { transcript } = parseTranscript('{"utterances":[{"speaker":1,"text":"hi"}]}');
    expect(transcript.utterances).toEqual([{ speaker: "1", start: null, end: null, text: "hi" }]);
  });

  it("plain text: a timestamped line without a name is a new utterance of the same speaker", () => {
    const { transcript } = parseTranscript("00:05\nDana: Hi\n00:09 and one more thing\nMarc: Sure");
    expect(rows(transcript.utterances)).toEqual([
      ["Dana", 5, 9, "Hi"],
      ["Dana", 9, null, "and one more thing"],
      ["Marc", null, null, "Sure"],
    ]);
  });
});

describe("performance", () => {
  /** A one-hour call: 10k words, speaker turns every 40 words. */
  function bigDeepgram(withUtterances: boolean): string {
    const words = Array.from({ length: 10_000 }, (_, i) => ({
      word: "word",
      start: i * 0.36,
      end: i * 0.36 + 0.3,
      confidence: 0.97,
      speaker: Math.floor(i / 40) % 2,
      speaker_confidence: 0.8,
      punctuated_word: i % 10 === 9 ? "word." : "word",
    }));
    const utterances = [];
    for (let i = 0; i < words.length; i += 40) {
      const ws = words.slice(i, i + 40);
      utterances.push({
        start: ws[0]?.start,
        end: ws[ws.length - 1]?.end,
        confidence: 0.9,
        channel: 0,
        transcript: ws.map((w) => w.punctuated_word).join(" "),
        words: ws,
        speaker: ws[0]?.speaker,
        id: `u${i}`,
      });
    }
    const results = { channels: [{ alternatives: [{ transcript: "", confidence: 0.9, words }] }] };
    return JSON.stringify({
      metadata: { request_id: "r", channels: 1 },
      results: withUtterances ? { ...results, utterances } : results,
    });
  }

  // Speed against JSON.parse is a benchmark (npm run bench, docs/benchmarks.md), not a timed test:
  // here the one-hour inputs only have to parse completely and agree with each other.
  const canonical = JSON.stringify({
    utterances: parseTranscript(bigDeepgram(true)).transcript.utterances,
  });
  it("parses one-hour Deepgram (with and without utterances) and canonical transcripts alike", () => {
    const withUtterances = parseTranscript(bigDeepgram(true)).transcript;
    const wordsOnly = parseTranscript(bigDeepgram(false)).transcript;
    const roundTrip = parseTranscript(canonical).transcript;
    const count = (t: typeof withUtterances) => t.utterances.reduce((n, u) => n + (u.words?.length ?? 0), 0);
    expect(count(withUtterances)).toBe(count(wordsOnly));
    expect(roundTrip.utterances).toEqual(withUtterances.utterances);
  });

  it("parses a one-hour text transcript quickly", () => {
    const lines = Array.from(
      { length: 2000 },
      (_, i) =>
        `[${String(Math.floor(i / 60)).padStart(2, "0")}:${String(i % 60).padStart(2, "0")}] ${i % 2 ? "Marcus" : "Dana"}: ${"word ".repeat(5)}`,
    );
    const text = lines.join("\n");
    const t = performance.now();
    expect(parseTranscript(text).transcript.utterances).toHaveLength(2000);
    expect(performance.now() - t).toBeLessThan(500);
  });

  it("throws only DebriefErrors", () => {
    expect(thrown(() => parseTranscript("{"))).toBeInstanceOf(DebriefError);
  });
});

describe("prototype keys are not formats, languages or entities", () => {
  it("rejects an unknown forced format", () => {
    const error = thrown(() =>
      parseTranscript("Dana: hi", { format: "toString" as TranscriptFormat, file: "a.txt" }),
    );
    expect(error).toBeInstanceOf(UnsupportedFormatError);
    expect((error as Error).message).toMatch(
      /^a\.txt: unknown format 'toString'; supported formats: canonical/,
    );
  });

  it("ignores a Whisper language named like an Object member", () => {
    const json = JSON.stringify({ language: "constructor", segments: [{ start: 0, end: 1, text: "hi" }] });
    expect(parseTranscript(json).transcript.language).toBeUndefined();
  });

  it("leaves &constructor;-like references alone", () => {
    const vtt = "WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nDana: a &valueOf; &hasOwnProperty; b\n";
    expect(parseTranscript(vtt).transcript.utterances[0]?.text).toBe("a &valueOf; &hasOwnProperty; b");
  });
});

describe("AssemblyAI speaker labels", () => {
  it("refuses a speaker that is not a label, naming the field", () => {
    const bad = JSON.stringify({
      status: "completed",
      audio_duration: 2,
      words: [{ text: "Hi", start: 0, end: 500, confidence: 0.9, speaker: [] }],
    });
    expect(() => parseTranscript(bad, { file: "a.json" })).toThrow(
      /a\.json: assemblyai: words\[0\]\.speaker: expected a speaker label, got an array/,
    );
  });
});

describe("Deepgram speaker labels", () => {
  it("refuses a speaker that is not a number, naming the field", () => {
    const bad = JSON.stringify({
      metadata: { channels: 1 },
      results: {
        channels: [
          {
            alternatives: [
              { transcript: "hi", words: [{ word: "hi", start: 0, end: 0.4, confidence: 0.9, speaker: [] }] },
            ],
          },
        ],
      },
    });
    expect(() => parseTranscript(bad, { file: "d.json" })).toThrow(
      /d\.json: deepgram: .*words\[0\]\.speaker: expected a speaker number/,
    );
  });
});

describe("AssemblyAI status that is not a string", () => {
  it("is a parse error naming it, not an internal error (found by the property test)", () => {
    const doc = {
      language_code: "en_us",
      status: { toString: "" },
      words: [{ text: "hi", start: 0, end: 100, confidence: 1, speaker: null }],
      utterances: null,
    };
    expect(() => parseTranscript(JSON.stringify(doc), { file: "x.json" })).toThrow(
      /x\.json: assemblyai: transcript is not ready \(status: \{"toString":""\}\)/,
    );
  });
});
