/**
 * One error type for the whole project, with a stable machine-readable code.
 * Transports map codes to what they need (HTTP status, CLI exit status) in one place each.
 */
export const ERROR_CODES = [
  "transcript.parse_error",
  "transcript.unsupported_format",
  "transcript.empty",
  "input.invalid",
  "io.read_failed",
  "config.invalid",
  "auth.unauthorized",
  "auth.forbidden",
  "not_found",
  "conflict",
  "idempotency_key_reused",
  "payload_too_large",
  "unsupported_media_type",
  "validation_failed",
  "rate_limited",
  "transcription.not_configured",
  "transcription.failed",
  "upstream.unavailable",
  "secrets.not_configured",
  "secrets.undecryptable",
  "url.forbidden",
  "crm.auth_failed",
  "crm.rejected",
  "internal",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** HTTP status of each error code: the one place transports look it up. */
export const HTTP_STATUS: Readonly<Record<ErrorCode, number>> = {
  "transcript.parse_error": 422,
  "transcript.unsupported_format": 415,
  "transcript.empty": 422,
  "input.invalid": 422,
  "io.read_failed": 400,
  "config.invalid": 500,
  "auth.unauthorized": 401,
  "auth.forbidden": 403,
  not_found: 404,
  conflict: 409,
  idempotency_key_reused: 422,
  payload_too_large: 413,
  unsupported_media_type: 415,
  validation_failed: 422,
  rate_limited: 429,
  "transcription.not_configured": 422,
  "transcription.failed": 502,
  "upstream.unavailable": 503,
  "secrets.not_configured": 422,
  "secrets.undecryptable": 500,
  "url.forbidden": 422,
  "crm.auth_failed": 502,
  "crm.rejected": 502,
  internal: 500,
};

export class DebriefError extends Error {
  override readonly name: string = "DebriefError";
  constructor(
    readonly code: ErrorCode,
    message: string,
    options?: { cause?: unknown; details?: Record<string, unknown> },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.details = options?.details;
  }
  /** Extra machine-readable fields for the problem document (e.g. validation `errors`). */
  readonly details: Record<string, unknown> | undefined;
}

/**
 * A failure inside a background job. `retryable` failures (429, 5xx, timeouts, network) are tried
 * again with exponential backoff; the others fail the job — and its call — at once, with the reason.
 */
export class JobError extends DebriefError {
  override readonly name = "JobError";
  constructor(
    code: ErrorCode,
    message: string,
    readonly retryable: boolean,
    options?: { cause?: unknown },
  ) {
    super(code, message, options);
  }
}

/** Whether an error thrown by a job should be retried. Unknown errors are (they may be transient). */
export function isRetryable(err: unknown): boolean {
  if (err instanceof JobError) return err.retryable;
  if (err instanceof DebriefError) return false;
  return true;
}

/**
 * A transcript that could not be read as the format it claims (or was detected) to be.
 * The message always names the file, and the line when the format has lines.
 *
 * @example
 * throw new TranscriptParseError("webvtt", "bad timestamp '00:61:00.000'", { file: "call.vtt", line: 12 });
 * // message: "call.vtt:12: webvtt: bad timestamp '00:61:00.000'"
 */
export class TranscriptParseError extends DebriefError {
  override readonly name = "TranscriptParseError";
  readonly file: string | undefined;
  readonly line: number | undefined;
  readonly format: string;
  readonly detail: string;
  constructor(
    format: string,
    detail: string,
    where: { file?: string | undefined; line?: number | undefined } = {},
  ) {
    const loc = where.file
      ? where.line
        ? `${where.file}:${where.line}: `
        : `${where.file}: `
      : where.line
        ? `line ${where.line}: `
        : "";
    super("transcript.parse_error", `${loc}${format}: ${detail}`);
    this.file = where.file;
    this.line = where.line;
    this.format = format;
    this.detail = detail;
  }
}

/** The content matched no supported transcript format. */
export class UnsupportedFormatError extends DebriefError {
  override readonly name = "UnsupportedFormatError";
  constructor(
    detail: string,
    readonly file?: string,
  ) {
    super("transcript.unsupported_format", `${file ? `${file}: ` : ""}${detail}`);
  }
}

/**
 * A field path the way every message prints it (transcripts, playbooks, API validation errors).
 *
 * @example
 * formatPath(["utterances", 3, "start"]); // "utterances[3].start"
 */
export function formatPath(path: readonly PropertyKey[], root = "(root)"): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out === "" ? String(key) : `.${String(key)}`;
  }
  return out === "" ? root : out;
}

/** A stable code and a human message for any thrown value. */
export function describeError(err: unknown): { code: ErrorCode; message: string } {
  if (err instanceof DebriefError) return { code: err.code, message: err.message };
  if (err instanceof Error) return { code: "internal", message: err.message || err.name };
  return { code: "internal", message: String(err) };
}
