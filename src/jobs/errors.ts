import { DebriefError, type ErrorCode } from "../errors.js";

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

/** A stable code and a human message for any thrown value. */
export function describeError(err: unknown): { code: ErrorCode; message: string } {
  if (err instanceof DebriefError) return { code: err.code, message: err.message };
  if (err instanceof Error) return { code: "internal", message: err.message || err.name };
  return { code: "internal", message: String(err) };
}
