import { DeepgramClient, DeepgramError, DeepgramTimeoutError } from "@deepgram/sdk";
import { DebriefError } from "../errors.js";
import type { AudioSource, Transcriber, TranscriptionResult } from "../services.js";
import { parseDeepgram } from "../transcript/formats/deepgram.js";
import { parseRetryAfter, TranscriptionError } from "./errors.js";

export interface DeepgramTranscriberOptions {
  apiKey: string;
  /** Self-hosted Deepgram or a proxy (DEEPGRAM_BASE_URL); default https://api.deepgram.com. */
  baseUrl?: string | undefined;
  /**
   * Give up on a request after this long (default 10 min: Deepgram's own processing limit for
   * pre-recorded audio). It covers the upload and the processing, until the response starts.
   */
  timeoutMs?: number | undefined;
  /** A fetch to use instead of the global one (tests, instrumentation). */
  fetch?: typeof fetch | undefined;
  /** Deepgram model; nova-3 is the current general-purpose one. */
  model?: string | undefined;
}

export const DEEPGRAM_DEFAULT_TIMEOUT_MS = 10 * 60_000;

/** Deepgram's error bodies come in two shapes: `{err_code, err_msg}` and `{category, message, details}`. */
function describeBody(body: unknown): { code?: string; message?: string; requestId?: string } {
  if (typeof body === "string") return body.trim() ? { message: body.trim().slice(0, 300) } : {};
  if (typeof body !== "object" || body === null) return {};
  const b = body as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === "string" && v.trim() ? v.trim() : undefined);
  const code = str(b.err_code) ?? str(b.category);
  const message = str(b.err_msg) ?? [str(b.message), str(b.details)].filter(Boolean).join(": ");
  const requestId = str(b.request_id);
  return {
    ...(code ? { code } : {}),
    ...(message ? { message } : {}),
    ...(requestId ? { requestId } : {}),
  };
}

/** What to do about a non-retryable status, for the message the user sees on the failed call. */
function advice(status: number, source: AudioSource["kind"]): string {
  switch (status) {
    case 400:
      return source === "url"
        ? "check that audioUrl is publicly reachable and points to a supported audio or video file"
        : "the file is probably corrupt, empty or not really audio; check it plays, then upload it again";
    case 401:
      return "check DEEPGRAM_API_KEY (the key is wrong, revoked or expired)";
    case 402:
      return "the Deepgram project is out of credits: add credits or set DEEPGRAM_API_KEY to a key of a funded project";
    case 403:
      return "the DEEPGRAM_API_KEY key is not allowed to use this model or feature; check its scopes";
    case 404:
      return "check DEEPGRAM_BASE_URL (no /v1/listen there)";
    case 413:
      return "the file is too large for Deepgram; split or compress the recording";
    case 415:
      return "Deepgram does not support this audio format; convert it to WAV, MP3 or FLAC";
    case 422:
      return "Deepgram could not process this request; check the recording and its options";
    default:
      return "the request was refused; check the recording and DEEPGRAM_API_KEY";
  }
}

function toTranscriptionError(
  err: unknown,
  source: AudioSource["kind"],
  timeoutMs: number,
  timedOut: boolean,
): TranscriptionError {
  if (err instanceof TranscriptionError) return err;
  if (timedOut || err instanceof DeepgramTimeoutError) {
    return new TranscriptionError(
      "upstream.unavailable",
      `Deepgram did not answer within ${Math.round(timeoutMs / 1000)} s; will retry`,
      true,
      { cause: err },
    );
  }
  if (err instanceof DeepgramError && err.statusCode !== undefined) {
    const status = err.statusCode;
    const said = describeBody(err.body);
    const headers = err.rawResponse?.headers;
    const vendorRequestId = said.requestId ?? headers?.get("dg-request-id") ?? undefined;
    // Only Deepgram's error code (an enum like INVALID_AUTH) reaches the call's failure: its free
    // text may quote what the audio URL's server answered, so it is never copied.
    const what = said.code && /^[A-Z0-9_]{1,64}$/.test(said.code) ? ` ${said.code}` : "";
    const ref = vendorRequestId ? ` [Deepgram request ${vendorRequestId}]` : "";
    const info = { status, cause: err, ...(vendorRequestId ? { vendorRequestId } : {}) };
    if (status === 408 || status === 429 || status >= 500) {
      const retryAfterSec = parseRetryAfter(headers?.get("retry-after"));
      const reason = status === 429 ? "is rate limiting this key" : "is unavailable";
      return new TranscriptionError(
        "upstream.unavailable",
        `Deepgram ${reason} (HTTP ${status}${what})${ref}; will retry`,
        true,
        { ...info, ...(retryAfterSec !== undefined ? { retryAfterSec } : {}) },
      );
    }
    return new TranscriptionError(
      "transcription.failed",
      `Deepgram refused the audio (HTTP ${status}${what}): ${advice(status, source)}${ref}`,
      false,
      info,
    );
  }
  // No status: the request never got an answer (DNS, refused connection, reset, aborted upload).
  // The error's own text (addresses, host names) stays out of the user-visible failure.
  return new TranscriptionError("upstream.unavailable", "could not reach Deepgram; will retry", true, {
    cause: err,
  });
}

/**
 * Speech-to-text with Deepgram's pre-recorded API (`POST /v1/listen`) through the official SDK (v5):
 * nova-3 with diarization (or one speaker per channel when `multichannel`), utterances, smart
 * formatting, punctuation and filler words (um/uh count towards coaching metrics). Audio is sent as
 * a URL for Deepgram to fetch, or streamed as the request body (the SDK passes a ReadableStream to
 * fetch with `duplex: "half"`, so a 2 GB recording is never held in memory).
 *
 * The SDK's own retries are off: a streamed body cannot be replayed, and the job queue already
 * retries with backoff, honouring `retryAfterSec`. Errors are TranscriptionError: 408/429/5xx,
 * timeouts and network failures are retryable (`upstream.unavailable`); other refusals are not
 * (`transcription.failed`, with Deepgram's err_code/err_msg and what to do).
 *
 * @example
 * const transcriber = deepgramTranscriber({ apiKey: process.env.DEEPGRAM_API_KEY! });
 * const { transcript } = await transcriber.transcribe({ kind: "url", url: "https://example.com/call.mp3" }, { multichannel: false });
 */
export function deepgramTranscriber(options: DeepgramTranscriberOptions): Transcriber {
  const timeoutMs = options.timeoutMs ?? DEEPGRAM_DEFAULT_TIMEOUT_MS;
  const client = new DeepgramClient({
    apiKey: options.apiKey,
    ...(options.baseUrl ? { baseUrl: options.baseUrl.replace(/\/+$/, "") } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
    // Our own timer (below) is the one that counts; the SDK's would fire a minute later at most.
    timeoutInSeconds: timeoutMs / 1000 + 60,
    maxRetries: 0,
  });
  const model = options.model ?? "nova-3";

  return {
    async transcribe(audio, { multichannel }): Promise<TranscriptionResult> {
      const params = {
        model,
        smart_format: true,
        punctuate: true,
        utterances: true,
        filler_words: true,
        // Per-channel speakers are exact; diarization on top would split a channel's one speaker.
        ...(multichannel ? { multichannel: true } : { diarize: true }),
      };
      // The SDK (5.13) aborts its own timeout with the reason "timeout", which fetch rethrows as is
      // and the SDK then reports as an unknown error; an own timer says for sure it was a timeout,
      // and also covers reading the response body, which the SDK's timer does not.
      const abort = new AbortController();
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        abort.abort(new Error(`no answer from Deepgram within ${timeoutMs} ms`));
      }, timeoutMs);
      const requestOptions = { abortSignal: abort.signal };
      let raw: unknown;
      try {
        raw =
          audio.kind === "url"
            ? await client.listen.v1.media.transcribeUrl({ url: audio.url, ...params }, requestOptions)
            : await client.listen.v1.media.transcribeFile(
                { data: audio.body, contentType: audio.contentType },
                params,
                requestOptions,
              );
      } catch (err) {
        // Release the blob (e.g. its file handle) if the request failed before consuming it.
        if (audio.kind === "stream" && !audio.body.locked) await audio.body.cancel().catch(() => {});
        throw toTranscriptionError(err, audio.kind, timeoutMs, timedOut);
      } finally {
        clearTimeout(timer);
      }
      try {
        return { transcript: parseDeepgram(raw), raw };
      } catch (err) {
        const detail = err instanceof DebriefError ? err.message : String(err);
        throw new TranscriptionError(
          "transcription.failed",
          `Deepgram's response could not be read (${detail}); report this with the call id`,
          false,
          { cause: err },
        );
      }
    },
  };
}
