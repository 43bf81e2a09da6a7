import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { calls } from "../../src/db/schema/index.js";
import { deepgramTranscriber } from "../../src/transcription/deepgram.js";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { testDatabases } from "../helpers/db.js";

interface ProblemBody {
  type: string;
  status: number;
  detail: string;
  code: string;
  requestId: string;
  errors?: Array<{ path: string; message: string }>;
}

async function expectProblem(res: Response, status: number, code: string): Promise<ProblemBody> {
  const body = (await res.json()) as ProblemBody;
  expect({ status: res.status, code: body.code, detail: body.detail }).toMatchObject({ status, code });
  expect(res.headers.get("content-type")).toContain("application/problem+json");
  expect(body).toMatchObject({ status, type: `https://debrief.dev/problems/${code}` });
  expect(body.requestId).toBeTruthy();
  expect(body.requestId).toBe(res.headers.get("x-request-id"));
  return body;
}

/** 44-byte PCM WAV header followed by `dataBytes` of silence. */
function wav(dataBytes: number): Uint8Array {
  const out = new Uint8Array(44 + dataBytes);
  const v = new DataView(out.buffer);
  const text = (at: number, s: string) => {
    for (let i = 0; i < s.length; i++) out[at + i] = s.charCodeAt(i);
  };
  text(0, "RIFF");
  v.setUint32(4, 36 + dataBytes, true);
  text(8, "WAVEfmt ");
  v.setUint32(16, 16, true);
  v.setUint16(20, 1, true);
  v.setUint16(22, 1, true);
  v.setUint32(24, 8000, true);
  v.setUint32(28, 16000, true);
  v.setUint16(32, 2, true);
  v.setUint16(34, 16, true);
  text(36, "data");
  v.setUint32(40, dataBytes, true);
  return out;
}

const PNG = new Uint8Array([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52,
]);
const ZIP = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 0x08, 0, 0x21, 0x6c, 0x5a, 0x59]);
function noise(n: number, seed = 42): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = (x >>> 16) & 0xff;
  }
  out[0] = 0x80; // a continuation byte: never valid UTF-8 at the start
  return out;
}

function form(
  file: { bytes: Uint8Array | string; name: string } | null,
  fields: Record<string, string> = {},
): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  if (file) {
    const part = typeof file.bytes === "string" ? file.bytes : file.bytes.slice();
    f.append("file", new File([part], file.name, { type: "application/octet-stream" }));
  }
  return f;
}

// No test may reach Deepgram: an unexpected request fails the test.
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

describe.each(testDatabases)("upload errors on $name", (database) => {
  let handle: Awaited<ReturnType<typeof database.open>>;
  let t: TestApp;
  const transcriber = deepgramTranscriber({ apiKey: "dg_test_key" });

  beforeAll(async () => {
    handle = await database.open();
    t = await createTestApp(handle.db); // no DEEPGRAM_API_KEY unless a test sets a transcriber
  });
  afterAll(async () => {
    await handle?.close();
  });

  // A FormData body is sent as the bytes a client puts on the wire. Handed to app.request as a
  // FormData, undici's own multipart stream closes itself after the body guard has cancelled it
  // and throws ERR_INVALID_STATE outside any test; a socket body (what the server really reads)
  // has no such step.
  const post = async (body: FormData | string, headers: Record<string, string> = {}) => {
    if (typeof body === "string") {
      return t.request("/v1/calls", { method: "POST", headers: t.auth(t.adminKey, headers), body });
    }
    const wire = new Request("http://wire.test/", { method: "POST", body });
    const type = wire.headers.get("content-type") ?? "";
    const bytes = new Uint8Array(await wire.arrayBuffer());
    return t.request("/v1/calls", {
      method: "POST",
      headers: t.auth(t.adminKey, { "content-type": type, ...headers }),
      body: bytes,
    });
  };

  async function withTranscriber<T>(fn: () => Promise<T>): Promise<T> {
    t.services.transcriber = transcriber;
    try {
      return await fn();
    } finally {
      t.services.transcriber = null;
    }
  }

  async function expectNothingStored() {
    expect(await handle.db.select({ id: calls.id }).from(calls)).toEqual([]);
    expect(t.blobs.keys()).toEqual([]);
  }

  it("422 for audio when DEEPGRAM_API_KEY is not set, naming it; nothing stored", async () => {
    const p = await expectProblem(
      await post(form({ bytes: wav(4000), name: "call.wav" }, { title: "x" })),
      422,
      "transcription.not_configured",
    );
    expect(p.detail).toContain("DEEPGRAM_API_KEY");
    expect(p.detail).toContain("call.wav is WAV audio");
    const url = await expectProblem(
      await post(JSON.stringify({ audioUrl: "https://example.com/call.mp3" }), {
        "content-type": "application/json",
      }),
      422,
      "transcription.not_configured",
    );
    expect(url.detail).toContain("DEEPGRAM_API_KEY");
    await expectNothingStored();
  });

  it.each([
    ["a PNG", PNG, "logo.png", /PNG image/],
    ["a ZIP", ZIP, "calls.zip", /ZIP archive/],
    ["random binary", noise(5000), "blob.bin", /binary data/],
  ])("415 for %s, saying what was detected", async (_, bytes, name, detected) => {
    const p = await expectProblem(await post(form({ bytes, name })), 415, "unsupported_media_type");
    expect(p.detail).toContain(`${name}: neither a supported transcript nor a recognised audio container`);
    expect(p.detail).toMatch(detected);
    await expectNothingStored();
  });

  it("422 for a malformed VTT with the parser's message, file and line", async () => {
    const vtt = "WEBVTT\n\n00:00:01.000 --> 00:00:61.000\n<v Dana>Hi</v>\n";
    const p = await expectProblem(
      await post(form({ bytes: vtt, name: "bad.vtt" })),
      422,
      "transcript.parse_error",
    );
    expect(p.detail).toMatch(/^bad\.vtt:3: webvtt: /);
    await expectNothingStored();
  });

  it("413 for a transcript over DEBRIEF_MAX_TRANSCRIPT_MB", async () => {
    const saved = t.services.config.DEBRIEF_MAX_TRANSCRIPT_MB;
    t.services.config.DEBRIEF_MAX_TRANSCRIPT_MB = 0.01; // 10 kB
    try {
      const big = `Dana: ${"so tell me more about that. ".repeat(1000)}\nSam: Sure.\n`;
      const p = await expectProblem(
        await post(form({ bytes: big, name: "long.txt" })),
        413,
        "payload_too_large",
      );
      expect(p.detail).toContain("0.01 MB");
    } finally {
      t.services.config.DEBRIEF_MAX_TRANSCRIPT_MB = saved;
    }
    await expectNothingStored();
  });

  it("413 for audio over DEBRIEF_MAX_AUDIO_MB, leaving no blob", async () => {
    const saved = t.services.config.DEBRIEF_MAX_AUDIO_MB;
    t.services.config.DEBRIEF_MAX_AUDIO_MB = 0.1; // 100 kB
    try {
      await withTranscriber(async () => {
        await expectProblem(
          await post(form({ bytes: wav(300_000), name: "long.wav" }, { title: "too long" })),
          413,
          "payload_too_large",
        );
      });
    } finally {
      t.services.config.DEBRIEF_MAX_AUDIO_MB = saved;
    }
    await expectNothingStored();
  });

  it("streams: an oversized audio upload is refused after reading little more than the limit", async () => {
    const saved = t.services.config.DEBRIEF_MAX_AUDIO_MB;
    t.services.config.DEBRIEF_MAX_AUDIO_MB = 0.1;
    const encoder = new TextEncoder();
    let pulled = 0;
    let chunks = 0;
    const total = 200; // × 64 kB ≈ 13 MB offered
    const body = new ReadableStream<Uint8Array>({
      pull(c) {
        let out: Uint8Array;
        if (chunks === 0) {
          const head = encoder.encode(
            '--b0undary\r\nContent-Disposition: form-data; name="file"; filename="huge.wav"\r\n\r\n',
          );
          out = new Uint8Array(head.length + 44);
          out.set(head);
          out.set(wav(0), head.length);
        } else if (chunks <= total) {
          out = new Uint8Array(64 * 1024);
        } else {
          c.enqueue(encoder.encode("\r\n--b0undary--\r\n"));
          c.close();
          return;
        }
        chunks += 1;
        pulled += out.length;
        c.enqueue(out);
      },
    });
    try {
      await withTranscriber(async () => {
        const res = await t.request("/v1/calls", {
          method: "POST",
          headers: t.auth(t.adminKey, { "content-type": "multipart/form-data; boundary=b0undary" }),
          body,
          duplex: "half",
        });
        await expectProblem(res, 413, "payload_too_large");
      });
    } finally {
      t.services.config.DEBRIEF_MAX_AUDIO_MB = saved;
    }
    expect(pulled).toBeLessThan(1_000_000);
    await expectNothingStored();
  });

  it("422 pointing at `file` when the file part is missing", async () => {
    const p = await expectProblem(await post(form(null, { title: "no file" })), 422, "validation_failed");
    expect(p.errors?.[0]?.path).toBe("file");
  });

  it("422 with errors[].path for bad metadata; an already stored audio blob is removed", async () => {
    const date = await expectProblem(
      await post(
        form({ bytes: "Dana: Hi there?\nSam: Hello.", name: "t.txt" }, { occurredAt: "last tuesday" }),
      ),
      422,
      "validation_failed",
    );
    expect(date.errors?.map((e) => e.path)).toEqual(["occurredAt"]);
    await withTranscriber(async () => {
      // Metadata after the audio: the blob is stored before the fields are known, then taken back.
      const late = new FormData();
      late.append("file", new File([wav(20_000).slice()], "call.wav"));
      late.append("occurredAt", "not a date");
      const p = await expectProblem(await post(late), 422, "validation_failed");
      expect(p.errors?.[0]?.path).toBe("occurredAt");
      const rep = await expectProblem(
        await post(form({ bytes: wav(20_000), name: "call.wav" }, { repUserId: "user_nobody" })),
        422,
        "validation_failed",
      );
      expect(rep.errors?.[0]?.path).toBe("repUserId");
      const mc = await expectProblem(
        await post(form({ bytes: wav(20_000), name: "call.wav" }, { multichannel: "stereo" })),
        422,
        "validation_failed",
      );
      expect(mc.errors?.[0]?.path).toBe("multichannel");
      const url = await expectProblem(
        await post(JSON.stringify({ audioUrl: "ftp://example.com/a.mp3" }), {
          "content-type": "application/json",
        }),
        422,
        "validation_failed",
      );
      expect(url.errors?.[0]?.path).toBe("audioUrl");
    });
    await expectNothingStored();
  });

  it("422 for loose canonical transcripts: no utterances, end before start, a number beyond a double", async () => {
    for (const transcript of [
      { utterances: [] },
      { utterances: [{ speaker: "A", start: 5, end: 2, text: "Hello there" }] },
    ]) {
      await expectProblem(
        await post(JSON.stringify({ transcript }), { "content-type": "application/json" }),
        422,
        "transcript.parse_error",
      );
    }
    const huge = '{"transcript": {"utterances": [{"speaker": "A", "start": 0, "end": 1e400, "text": "Hi"}]}}';
    const p = await expectProblem(
      await post(huge, { "content-type": "application/json" }),
      422,
      "validation_failed",
    );
    expect(p.errors?.[0]?.path).toBe("transcript.utterances[0].end");
    await expectNothingStored();
  });

  it("415 for an unsupported content type; 422 for a broken multipart body", async () => {
    await expectProblem(
      await post("a,b\n1,2", { "content-type": "text/csv" }),
      415,
      "unsupported_media_type",
    );
    await expectProblem(await post("", { "content-type": "multipart/form-data" }), 422, "input.invalid");
    const truncated =
      '--XyZ\r\nContent-Disposition: form-data; name="file"; filename="a.vtt"\r\n\r\nWEBVTT\n\n00:00:01.000 --> 00:00:02.000\nHi';
    const p = await expectProblem(
      await post(truncated, { "content-type": "multipart/form-data; boundary=XyZ" }),
      422,
      "input.invalid",
    );
    expect(p.detail).toMatch(/closing boundary/);
    await expectNothingStored();
  });

  it("with a transcriber, audio is accepted without calling Deepgram: the job does that", async () => {
    let hits = 0;
    server.use(
      http.post("https://api.deepgram.com/v1/listen", () => {
        hits += 1;
        return HttpResponse.json({}, { status: 500 });
      }),
    );
    await withTranscriber(async () => {
      const res = await post(form({ bytes: wav(8000), name: "ok.wav" }));
      expect(res.status).toBe(202);
    });
    expect(hits).toBe(0);
  });
});
