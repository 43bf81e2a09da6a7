import { readFileSync } from "node:fs";
import { delay, HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { isRetryable, JobError } from "../errors.js";
import { retryAfterMs } from "../jobs/backoff.js";
import { deepgramTranscriber } from "./deepgram.js";
import { parseRetryAfter, TranscriptionError } from "./errors.js";

const fixtureText = (name: string): string => readFileSync(`fixtures/deepgram/${name}`, "utf8");
/** A Deepgram answer with the fixture's exact bytes, as the API sends them. */
function deepgram(
  name: string,
  init: { status?: number; headers?: Record<string, string> } = {},
): HttpResponse<string> {
  return new HttpResponse(fixtureText(name), {
    status: init.status ?? 200,
    headers: {
      "content-type": "application/json",
      "dg-request-id": "f3b0c1de-0000-4000-8000-000000000001",
      ...init.headers,
    },
  });
}
const DIARIZED = "prerecorded-diarized.json";
const STEREO = "prerecorded-multichannel.json";

const LISTEN = "https://api.deepgram.com/v1/listen";
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

function streamOf(...chunks: Uint8Array[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(c) {
      for (const ch of chunks) c.enqueue(ch);
      c.close();
    },
  });
}

const transcriber = (extra: Partial<Parameters<typeof deepgramTranscriber>[0]> = {}) =>
  deepgramTranscriber({ apiKey: "dg_test_key", ...extra });

const fromUrl = { kind: "url", url: "https://recordings.example.com/call-42.mp3" } as const;

async function failure(p: Promise<unknown>): Promise<TranscriptionError> {
  const err = await p.then(
    () => {
      throw new Error("expected the transcription to fail");
    },
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(TranscriptionError);
  expect(err).toBeInstanceOf(JobError);
  return err as TranscriptionError;
}

describe("deepgramTranscriber", () => {
  it("sends a URL as JSON with the nova-3 options and the Token header, and maps the diarized response", async () => {
    let seen: { url: URL; auth: string | null; type: string | null; body: unknown } | undefined;
    server.use(
      http.post(LISTEN, async ({ request }) => {
        seen = {
          url: new URL(request.url),
          auth: request.headers.get("authorization"),
          type: request.headers.get("content-type"),
          body: await request.json(),
        };
        return deepgram(DIARIZED);
      }),
    );
    const { transcript, raw } = await transcriber().transcribe(fromUrl, { multichannel: false });
    expect(seen?.auth).toBe("Token dg_test_key");
    expect(seen?.type).toContain("application/json");
    expect(seen?.body).toEqual({ url: fromUrl.url });
    const q = Object.fromEntries(seen?.url.searchParams ?? []);
    expect(q).toEqual({
      model: "nova-3",
      smart_format: "true",
      punctuate: "true",
      utterances: "true",
      filler_words: "true",
      diarize: "true",
    });
    expect(raw).toEqual(JSON.parse(fixtureText(DIARIZED)));
    expect(transcript.utterances.length).toBe(10);
    expect(new Set(transcript.utterances.map((u) => u.speaker))).toEqual(new Set(["0", "1"]));
    expect(transcript.utterances[0]?.text).toBe(
      "Hi Sam, thanks for making the time today. How are things going on your side?",
    );
    expect(transcript.utterances[1]?.words?.map((w) => w.text)).toContain("uh,");
  });

  it("streams a blob as the request body with its content type, multichannel instead of diarize", async () => {
    let seen: { q: Record<string, string>; type: string | null; bytes: Uint8Array } | undefined;
    server.use(
      http.post(LISTEN, async ({ request }) => {
        seen = {
          q: Object.fromEntries(new URL(request.url).searchParams),
          type: request.headers.get("content-type"),
          bytes: new Uint8Array(await request.arrayBuffer()),
        };
        return deepgram(STEREO);
      }),
    );
    const a = new Uint8Array(70_000).fill(7);
    const b = new Uint8Array(30_000).fill(9);
    const { transcript } = await transcriber().transcribe(
      { kind: "stream", body: streamOf(a, b), contentType: "audio/wav" },
      { multichannel: true },
    );
    expect(seen?.type).toBe("audio/wav");
    expect(seen?.bytes.length).toBe(100_000);
    expect(seen?.bytes[69_999]).toBe(7);
    expect(seen?.bytes[70_000]).toBe(9);
    expect(seen?.q.multichannel).toBe("true");
    expect(seen?.q.diarize).toBeUndefined();
    expect(new Set(transcript.utterances.map((u) => u.speaker))).toEqual(new Set(["ch0", "ch1"]));
  });

  it("uses DEEPGRAM_BASE_URL for self-hosted Deepgram", async () => {
    let hit = "";
    server.use(
      http.post("https://dg.internal.example:8443/v1/listen", ({ request }) => {
        hit = request.url;
        return deepgram(DIARIZED);
      }),
    );
    await transcriber({ baseUrl: "https://dg.internal.example:8443/" }).transcribe(fromUrl, {
      multichannel: false,
    });
    expect(hit).toMatch(/^https:\/\/dg\.internal\.example:8443\/v1\/listen\?/);
  });

  it("400 bad audio: not retryable, with the status, Deepgram's request id and what to do — never Deepgram's free text", async () => {
    server.use(http.post(LISTEN, () => deepgram("error-400-bad-audio.json", { status: 400 })));
    const err = await failure(
      transcriber().transcribe(
        { kind: "stream", body: streamOf(new Uint8Array([1, 2, 3])), contentType: "audio/wav" },
        { multichannel: false },
      ),
    );
    expect(err.retryable).toBe(false);
    expect(isRetryable(err)).toBe(false);
    expect(err.code).toBe("transcription.failed");
    expect(err.status).toBe(400);
    expect(err.message).not.toContain("failed to process audio");
    expect(err.message).toContain("HTTP 400");
    expect(err.message).toContain("0d8e6a41-7c2b-4f1e-9b5a-3e6c8d2f7a10");
    expect(err.message).toMatch(/corrupt, empty or not really audio/);
  });

  it.each([
    [401, "error-401-invalid-auth.json", /HTTP 401 INVALID_AUTH\).*check DEEPGRAM_API_KEY/],
    [402, "error-402-insufficient-credits.json", /ASR_PAYMENT_REQUIRED.*out of credits/],
  ])("%i: not retryable, tells the operator what to fix", async (status, file, message) => {
    server.use(http.post(LISTEN, () => deepgram(file, { status })));
    const err = await failure(transcriber().transcribe(fromUrl, { multichannel: false }));
    expect(err.retryable).toBe(false);
    expect(err.code).toBe("transcription.failed");
    expect(err.message).toMatch(message);
  });

  it.each([403, 415, 422])("%i: not retryable", async (status) => {
    server.use(
      http.post(LISTEN, () =>
        HttpResponse.json({ err_code: "REFUSED", err_msg: "nope", request_id: "r-1" }, { status }),
      ),
    );
    const err = await failure(transcriber().transcribe(fromUrl, { multichannel: false }));
    expect(err.retryable).toBe(false);
    expect(err.message).toContain(`HTTP ${status} REFUSED`);
    expect(err.message).not.toContain("nope");
  });

  it("429 is retryable and carries Retry-After for the queue; the retry then succeeds", async () => {
    let calls = 0;
    server.use(
      http.post(LISTEN, () => {
        calls += 1;
        if (calls === 1) {
          return deepgram("error-429-too-many-requests.json", {
            status: 429,
            headers: { "retry-after": "7" },
          });
        }
        return deepgram(DIARIZED);
      }),
    );
    const t = transcriber();
    const err = await failure(t.transcribe(fromUrl, { multichannel: false }));
    expect(calls).toBe(1); // the SDK's own retries are off: the queue owns retrying
    expect(err.retryable).toBe(true);
    expect(err.code).toBe("upstream.unavailable");
    expect(err.retryAfterSec).toBe(7);
    expect(retryAfterMs(err)).toBe(7000);
    expect(err.message).toContain("TOO_MANY_REQUESTS");
    const ok = await t.transcribe(fromUrl, { multichannel: false });
    expect(ok.transcript.utterances.length).toBe(10);
  });

  it("503 (even with a non-JSON body) is retryable", async () => {
    server.use(
      http.post(
        LISTEN,
        () =>
          new HttpResponse("upstream connect error or disconnect/reset before headers", {
            status: 503,
            headers: { "content-type": "text/plain", "dg-request-id": "dg-503" },
          }),
      ),
    );
    const err = await failure(transcriber().transcribe(fromUrl, { multichannel: false }));
    expect(err.retryable).toBe(true);
    expect(err.code).toBe("upstream.unavailable");
    expect(err.status).toBe(503);
    expect(err.vendorRequestId).toBe("dg-503");
    expect(err.retryAfterSec).toBeUndefined();
  });

  it("a network failure is retryable", async () => {
    server.use(http.post(LISTEN, () => HttpResponse.error()));
    const err = await failure(transcriber().transcribe(fromUrl, { multichannel: false }));
    expect(err.retryable).toBe(true);
    expect(err.message).toMatch(/could not reach Deepgram/);
  });

  it("a timeout is retryable", async () => {
    server.use(
      http.post(LISTEN, async () => {
        await delay(2_000);
        return deepgram(DIARIZED);
      }),
    );
    const started = Date.now();
    const err = await failure(transcriber({ timeoutMs: 100 }).transcribe(fromUrl, { multichannel: false }));
    expect(Date.now() - started).toBeLessThan(1_500);
    expect(err.retryable).toBe(true);
    expect(err.code).toBe("upstream.unavailable");
    expect(err.message).toMatch(/did not answer within/);
  });

  it("a 200 that is not a finished transcription is a non-retryable failure", async () => {
    server.use(http.post(LISTEN, () => HttpResponse.json({ request_id: "cb-1" })));
    const err = await failure(transcriber().transcribe(fromUrl, { multichannel: false }));
    expect(err.retryable).toBe(false);
    expect(err.message).toMatch(/response could not be read.*results: missing/);
  });
});

describe("parseRetryAfter", () => {
  it("reads delta-seconds and HTTP dates", () => {
    expect(parseRetryAfter("30")).toBe(30);
    expect(parseRetryAfter(" 0 ")).toBe(0);
    const now = Date.parse("2026-11-20T15:00:00Z");
    expect(parseRetryAfter("Fri, 20 Nov 2026 15:01:30 GMT", now)).toBe(90);
    expect(parseRetryAfter("Fri, 20 Nov 2026 14:00:00 GMT", now)).toBe(0);
    expect(parseRetryAfter("soon")).toBeUndefined();
    expect(parseRetryAfter(null)).toBeUndefined();
  });
});
