import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { type ErrorCode, HTTP_STATUS } from "../errors.js";

/** RFC 9457 problem details, with our stable `code` and the request id for support. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ErrorCode;
  instance?: string;
  requestId?: string;
  [extra: string]: unknown;
}

export const PROBLEM_TYPE_BASE = "https://debrief.dev/problems/";

const TITLES: Record<ErrorCode, string> = {
  "transcript.parse_error": "The transcript could not be parsed",
  "transcript.unsupported_format": "Unsupported file format",
  "transcript.empty": "The transcript is empty",
  "input.invalid": "Invalid input",
  "io.read_failed": "The input could not be read",
  "config.invalid": "Server misconfigured",
  "auth.unauthorized": "Missing or invalid API key",
  "auth.forbidden": "Not allowed",
  not_found: "Not found",
  conflict: "Conflict",
  idempotency_key_reused: "Idempotency-Key reused for a different request",
  payload_too_large: "Payload too large",
  unsupported_media_type: "Unsupported media type",
  validation_failed: "Validation failed",
  rate_limited: "Too many requests",
  "transcription.not_configured": "Audio transcription is not configured",
  "transcription.failed": "Transcription failed",
  "upstream.unavailable": "A service Debrief depends on is unavailable",
  "secrets.not_configured": "Storing secrets is not configured",
  "secrets.undecryptable": "A stored secret could not be decrypted",
  "url.forbidden": "URL not allowed",
  "crm.auth_failed": "The CRM refused Debrief's credentials",
  "crm.rejected": "The CRM refused the request",
  internal: "Internal server error",
};

/**
 * A problem+json response.
 *
 * @example
 * return problem(c, "not_found", "no call call_123");
 */
export function problem(
  c: Context,
  code: ErrorCode,
  detail: string,
  extra: Record<string, unknown> = {},
): Response {
  const status = HTTP_STATUS[code];
  const body: Problem = {
    type: `${PROBLEM_TYPE_BASE}${code}`,
    title: TITLES[code],
    status,
    detail,
    code,
    instance: new URL(c.req.url).pathname,
    requestId: c.get("requestId") as string | undefined,
    ...extra,
  };
  return c.body(JSON.stringify(body), status as ContentfulStatusCode, {
    "content-type": "application/problem+json",
  });
}
