import type { Coaching } from "./coaching/contract.js";
import type { CoachingInput } from "./coaching/engine.js";
import type { Config } from "./config/env.js";
import type { CpuRunner } from "./cpu/tasks.js";
import type { Database } from "./db/database.js";
import type { JobRegistry } from "./jobs/registry.js";
import type { QueuedJob } from "./jobs/store.js";
import type { Resolve } from "./net/public-url.js";
import type { Transcript } from "./transcript/model.js";

/**
 * What the app needs from the outside world, behind small interfaces so Node, Workers and tests
 * plug in their own implementations (local folder or R2, Postgres queue or Cloudflare Queue…).
 */

/** Original uploads (audio) kept so a failed transcription can be retried. */
/** Bytes `start` to `end` of a blob, both inclusive (as in an HTTP Range header); no `end`: to the last. */
export interface ByteRange {
  start: number;
  end?: number | undefined;
}

export interface BlobStore {
  /**
   * Store a stream under `key`, never holding it whole in memory; returns its size and SHA-256
   * (hex, computed while streaming: it is the upload's idempotency fingerprint).
   * Throws DebriefError("payload_too_large") past `maxBytes`, leaving nothing stored.
   */
  put(
    key: string,
    body: ReadableStream<Uint8Array>,
    meta: { contentType: string; maxBytes: number },
  ): Promise<{ size: number; sha256: string }>;
  /**
   * The blob, or only bytes `range.start`…`range.end` of it (inclusive; an end past the blob is
   * clipped, a start past it gives no bytes); `size` is always the whole blob's.
   */
  get(
    key: string,
    range?: ByteRange,
  ): Promise<{ body: ReadableStream<Uint8Array>; contentType: string; size: number } | null>;
  delete(key: string): Promise<void>;
}

/**
 * How the runners learn of new jobs. The job itself is the `jobs` row, written with `enqueue(tx, …)`
 * (src/jobs/store.ts) in the caller's transaction; after the commit, `notify` wakes the local
 * workers (Node) or sends a Cloudflare Queue message (Workers).
 */
export interface JobQueue {
  notify(job: QueuedJob): Promise<void>;
  /** Jobs waiting or running (for /health). */
  depth(): Promise<number>;
}

export type AudioSource =
  | { kind: "stream"; body: ReadableStream<Uint8Array>; contentType: string }
  | { kind: "url"; url: string };

export interface TranscriptionResult {
  transcript: Transcript;
  /** The vendor's raw response, kept for audits and re-parsing. */
  raw: unknown;
}

/** Speech-to-text (Deepgram). Errors are TranscriptionError with `retryable` set. */
export interface Transcriber {
  transcribe(audio: AudioSource, options: { multichannel: boolean }): Promise<TranscriptionResult>;
}

export interface RateLimiter {
  /**
   * Take one token for `key` from a bucket of `perMinute` (default: the limiter's own rate);
   * `ok: false` with the seconds until the next token when empty.
   */
  take(key: string, perMinute?: number): Promise<{ ok: boolean; retryAfterSec: number }>;
}

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

export interface Services {
  config: Config;
  db: Database;
  blobs: BlobStore;
  queue: JobQueue;
  /** The kinds of background job and their handlers. */
  jobs: JobRegistry;
  /** null when DEEPGRAM_API_KEY is not set: audio uploads are refused with a clear 422. */
  transcriber: Transcriber | null;
  rateLimiter: RateLimiter;
  /** Objections, playbook, summary, CRM: OpenAI when configured (cached), else the rules engine. */
  coach: (input: CoachingInput) => Promise<Coaching>;
  /**
   * An uploaded transcript is coached in its own request (on `cpu`), not by a job: the Node server
   * with the rules engine, whose coaching is CPU work of the same order as the analysis. Mostly in
   * the upload's own CPU task, which calls the rules engine directly (not `coach`); a large JSON
   * body that names its playbook goes through `coach` once the playbook is resolved. Never with
   * OpenAI (a network call does not belong in a request), nor on Workers (a request's CPU budget).
   */
  coachOnUpload?: boolean | undefined;
  logger: Logger;
  now: () => Date;
  /** CPU-heavy tasks (parsing and analysing uploads): worker threads on Node, inline elsewhere. */
  cpu: CpuRunner;
  /** Host name → addresses for the outbound URL guard (Node: the system resolver; Workers: none). */
  resolve?: Resolve | undefined;
}
