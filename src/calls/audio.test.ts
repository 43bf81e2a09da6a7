import { describe, expect, it } from "vitest";
import { decodeUploadText, peekStream, SNIFF_BYTES, sniffAudio, sniffOtherBinary } from "./audio.js";

const bytes = (...parts: Array<string | number[]>): Uint8Array => {
  const out: number[] = [];
  for (const p of parts) {
    if (typeof p === "string") for (const ch of p) out.push(ch.charCodeAt(0));
    else out.push(...p);
  }
  return new Uint8Array(out);
};
const le32 = (n: number) => [n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, (n >>> 24) & 0xff];
const le16 = (n: number) => [n & 0xff, (n >> 8) & 0xff];

/** The canonical 44-byte header of a PCM WAV file (8 kHz, 16-bit, mono). */
const wavHeader = bytes(
  "RIFF",
  le32(36 + 16000),
  "WAVE",
  "fmt ",
  le32(16),
  le16(1),
  le16(1),
  le32(8000),
  le32(16000),
  le16(2),
  le16(16),
  "data",
  le32(16000),
);

const cases: Array<[string, Uint8Array, string, string]> = [
  ["WAV (RIFF)", wavHeader, "wav", "audio/wav"],
  ["WAV (RF64, > 4 GB)", bytes("RF64", [0xff, 0xff, 0xff, 0xff], "WAVEds64"), "wav", "audio/wav"],
  ["MP3 with an ID3v2 tag", bytes("ID3", [4, 0, 0, 0, 0, 0x0f, 0x76]), "mp3", "audio/mpeg"],
  [
    "MP3 frame (MPEG-1 Layer III, 128 kbit/s, 44.1 kHz)",
    bytes([0xff, 0xfb, 0x90, 0x64]),
    "mp3",
    "audio/mpeg",
  ],
  [
    "MP3 frame (MPEG-2 Layer III, 64 kbit/s, 22.05 kHz)",
    bytes([0xff, 0xf3, 0x80, 0xc4]),
    "mp3",
    "audio/mpeg",
  ],
  ["AAC ADTS (MPEG-4)", bytes([0xff, 0xf1, 0x50, 0x80, 0x02, 0x1f, 0xfc]), "aac", "audio/aac"],
  ["AAC ADTS (MPEG-2)", bytes([0xff, 0xf9, 0x50, 0x80, 0x02, 0x1f, 0xfc]), "aac", "audio/aac"],
  ["FLAC", bytes("fLaC", [0x00, 0x00, 0x00, 0x22, 0x10, 0x00]), "flac", "audio/flac"],
  [
    "Ogg Opus",
    bytes("OggS", [0, 2], new Array(20).fill(0), [1, 19], "OpusHead", [1, 2, 0x38, 1]),
    "ogg",
    "audio/ogg",
  ],
  ["Ogg Vorbis", bytes("OggS", [0, 2], new Array(20).fill(0), [1, 30, 1], "vorbis"), "ogg", "audio/ogg"],
  ["M4A", bytes([0, 0, 0, 0x20], "ftypM4A ", [0, 0, 0, 0], "M4A mp42isom"), "m4a", "audio/mp4"],
  ["MP4 (Zoom recording)", bytes([0, 0, 0, 0x18], "ftypisom", [0, 0, 2, 0], "isomiso2"), "mp4", "video/mp4"],
  ["MOV", bytes([0, 0, 0, 0x14], "ftypqt  ", [0, 0, 2, 0], "qt  "), "mov", "video/quicktime"],
  ["3GP", bytes([0, 0, 0, 0x18], "ftyp3gp4", [0, 0, 2, 0]), "3gp", "video/3gpp"],
  [
    "WebM",
    bytes(
      [0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01, 0x42, 0xf7, 0x81, 0x01, 0x42, 0xf2, 0x81, 0x04],
      [0x42, 0xf3, 0x81, 0x08, 0x42, 0x82, 0x84],
      "webm",
    ),
    "webm",
    "audio/webm",
  ],
  [
    "Matroska",
    bytes([0x1a, 0x45, 0xdf, 0xa3, 0xa3, 0x42, 0x82, 0x88], "matroska"),
    "matroska",
    "video/x-matroska",
  ],
  ["AMR", bytes("#!AMR\n", [0x3c, 0x48]), "amr", "audio/amr"],
  ["AMR-WB", bytes("#!AMR-WB\n", [0x44]), "amr", "audio/amr-wb"],
  ["CAF", bytes("caff", [0, 1, 0, 0], "desc"), "caf", "audio/x-caf"],
  ["AIFF", bytes("FORM", le32(1000).reverse(), "AIFFCOMM"), "aiff", "audio/aiff"],
];

describe("sniffAudio", () => {
  it.each(cases)("%s", (_, head, container, mediaType) => {
    expect(sniffAudio(head)).toMatchObject({ container, mediaType });
  });

  it.each([
    ["WebVTT", bytes("WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n")],
    ["SRT", bytes("1\n00:00:01,000 --> 00:00:04,000\nHi\n")],
    ["JSON", bytes('{"results":{"channels":[]}}')],
    ["UTF-16 LE text (BOM FF FE, like an MPEG Layer I sync)", bytes([0xff, 0xfe], "W", [0], "E", [0])],
    ["UTF-16 BE text", bytes([0xfe, 0xff, 0], "W", [0], "E")],
    ["JPEG (FF D8)", bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0x10], "JFIF")],
    ["PNG", bytes([0x89], "PNG\r\n", [0x1a, 0x0a])],
    ["WebP (RIFF but not WAVE)", bytes("RIFF", le32(100), "WEBPVP8 ")],
    ["a truncated header", bytes("RIF")],
    ["nothing", new Uint8Array()],
  ])("not audio: %s", (_, head) => {
    expect(sniffAudio(head)).toBeNull();
  });
});

describe("sniffOtherBinary", () => {
  it("names common non-audio files", () => {
    expect(sniffOtherBinary(bytes([0x89], "PNG\r\n", [0x1a, 0x0a]))).toBe("PNG image");
    expect(sniffOtherBinary(bytes("PK", [3, 4, 20, 0]))).toMatch(/ZIP/);
    expect(sniffOtherBinary(bytes("%PDF-1.7\n"))).toBe("PDF document");
    expect(sniffOtherBinary(bytes([0x1f, 0x8b, 8, 0]))).toBe("gzip archive");
    expect(sniffOtherBinary(bytes("WEBVTT\n"))).toBeNull();
  });
});

describe("decodeUploadText", () => {
  it("accepts UTF-8 with or without a BOM, and UTF-16 with a BOM", () => {
    expect(decodeUploadText(bytes("WEBVTT\n"))).toEqual({ ok: true, text: "WEBVTT\n" });
    expect(decodeUploadText(bytes([0xef, 0xbb, 0xbf], "Dana: hi"))).toEqual({ ok: true, text: "Dana: hi" });
    expect(decodeUploadText(new TextEncoder().encode("Дана: привет"))).toEqual({
      ok: true,
      text: "Дана: привет",
    });
    expect(decodeUploadText(bytes([0xff, 0xfe], "H", [0], "i", [0]))).toEqual({ ok: true, text: "Hi" });
  });
  it("refuses invalid UTF-8 and NUL bytes as binary", () => {
    expect(decodeUploadText(bytes([0xc3, 0x28, 0x41]))).toMatchObject({ ok: false });
    expect(decodeUploadText(bytes("abc", [0], "def"))).toEqual({
      ok: false,
      reason: "binary data (contains NUL bytes)",
    });
  });
});

describe("peekStream", () => {
  it("returns the first bytes across small chunks and replays the whole stream", async () => {
    const chunks = [
      bytes("RI"),
      bytes("FF"),
      wavHeader.subarray(4, 30),
      wavHeader.subarray(30),
      new Uint8Array(1000).fill(5),
    ];
    const source = new ReadableStream<Uint8Array>({
      start(c) {
        for (const ch of chunks) c.enqueue(ch);
        c.close();
      },
    });
    const { head, stream } = await peekStream(source, SNIFF_BYTES);
    expect(head.length).toBe(SNIFF_BYTES);
    expect(sniffAudio(head)?.container).toBe("wav");
    const all = new Uint8Array(await new Response(stream).arrayBuffer());
    expect(all.length).toBe(44 + 1000);
    expect(all.subarray(0, 44)).toEqual(wavHeader);
  });

  it("handles streams shorter than the peek", async () => {
    const { head, stream } = await peekStream(new Response("hi").body!, SNIFF_BYTES);
    expect(new TextDecoder().decode(head)).toBe("hi");
    expect(await new Response(stream).text()).toBe("hi");
  });
});
