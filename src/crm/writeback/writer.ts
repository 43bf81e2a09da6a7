import type { ErrorCode } from "../../errors.js";
import { DebriefError, JobError } from "../../errors.js";
import { assertPublicUrl, type UrlGuardOptions } from "../../net/public-url.js";
import { parseRetryAfter } from "../../transcription/errors.js";
import type { CallResult } from "./call-result.js";

/** What a CRM write-back client does: record a call's result on a deal. */
export interface CrmWriter {
  /**
   * Returns the id of what was created in the CRM (note or task). Throws CrmWriteError. When a
   * later step failed after the note was created, the error's `createdId` says so; a retry passes
   * it back as `existingId` so the note is not created twice.
   */
  writeCallResult(
    dealId: string,
    result: CallResult,
    options?: { existingId?: string },
  ): Promise<{ id: string }>;
}

export type CrmVendor = "HubSpot" | "Pipedrive" | "Salesforce";

/**
 * A failed write-back: a JobError, so the job queue retries it (429, 5xx, network) or gives up at
 * once (401 → reconnect the CRM; other 4xx → the CRM's reason). `retryAfterSec` is honoured by the
 * queue's backoff. Messages carry the vendor's error text, never a token.
 */
export class CrmWriteError extends JobError {
  readonly status: number | undefined;
  readonly retryAfterSec: number | undefined;
  /** Set when the note/task was created before a later step failed. */
  createdId: string | undefined;
  constructor(
    readonly vendor: CrmVendor,
    code: ErrorCode,
    message: string,
    retryable: boolean,
    info: { status?: number; retryAfterSec?: number; cause?: unknown } = {},
  ) {
    super(code, message, retryable, info.cause === undefined ? undefined : { cause: info.cause });
    this.status = info.status;
    this.retryAfterSec = info.retryAfterSec;
  }
}

export interface HttpClientOptions {
  /** A fetch to use (Workers' global, msw in tests); default the global one. */
  fetch?: typeof fetch;
  /** Give up on a request after this long (default 30 s). */
  timeoutMs?: number;
  /**
   * The outbound URL guard, applied to every request right before it is sent (with a resolver, the
   * host is resolved then: a name that now points at a private, loopback, link-local or metadata
   * address is refused and not retried).
   */
  urlGuard?: UrlGuardOptions | undefined;
}

/** What a vendor's error body says, and any vendor-specific hints. */
export interface VendorErrorInfo {
  message?: string | undefined;
  /** Seconds to wait, from vendor-specific rate-limit headers (when Retry-After is absent). */
  retryAfterSec?: number | undefined;
  /** A non-429 status that is in fact a rate limit (Salesforce's 403 REQUEST_LIMIT_EXCEEDED). */
  rateLimited?: boolean;
}

export interface SendOptions extends HttpClientOptions {
  vendor: CrmVendor;
  /** What was being done, for messages ("create the note"). */
  action: string;
  /** Secrets that must never appear in a message, even if the vendor echoes them. */
  secrets: readonly string[];
  describe: (status: number, body: unknown, headers: Headers) => VendorErrorInfo;
}

function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) if (s.length >= 4) out = out.split(s).join("[redacted]");
  return out.length > 300 ? `${out.slice(0, 300)}…` : out;
}

/** The URL guard as a CrmWriteError: a refusal is final, a failed name lookup is retried. */
async function guard(url: string, options: SendOptions): Promise<void> {
  try {
    await assertPublicUrl(url, options.urlGuard);
  } catch (err) {
    if (!(err instanceof DebriefError)) throw err;
    const refused = err.code === "url.forbidden";
    throw new CrmWriteError(
      options.vendor,
      refused ? "url.forbidden" : "upstream.unavailable",
      refused
        ? `refused to ${options.action}, not retried: ${err.message}`
        : `${options.vendor} could not be reached trying to ${options.action} (${err.message}); will retry`,
      !refused,
      { cause: err },
    );
  }
}

/**
 * Send one JSON request to a CRM and return its JSON answer, mapping failures to CrmWriteError:
 * the URL guard (when given) refused → `url.forbidden` (not retried);
 * 401 → `crm.auth_failed` (not retried); 429 (or a vendor's rate-limit signal) → `rate_limited`,
 * retried after Retry-After or the vendor's hint; 408/5xx/network/timeout → `upstream.unavailable`,
 * retried; other 4xx → `crm.rejected` with the vendor's message, not retried.
 *
 * @example
 * const created = await sendJson(new Request(url, { method: "POST", body }), { vendor: "HubSpot", action: "create the note", secrets: [token], describe });
 */
export async function sendJson(request: Request, options: SendOptions): Promise<unknown> {
  const { vendor, action } = options;
  const doFetch = options.fetch ?? fetch;
  if (options.urlGuard) await guard(request.url, options);
  let response: Response;
  try {
    response = await doFetch(request, { signal: AbortSignal.timeout(options.timeoutMs ?? 30_000) });
  } catch (err) {
    const what = err instanceof Error && err.name === "TimeoutError" ? "timed out" : "could not be reached";
    throw new CrmWriteError(
      vendor,
      "upstream.unavailable",
      `${vendor} ${what} trying to ${action}; will retry`,
      true,
      {
        cause: err,
      },
    );
  }
  const text = await response.text().catch(() => "");
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // not JSON (an HTML error page from a proxy): keep the text
  }
  if (response.ok) return body;

  const status = response.status;
  const info = options.describe(status, body, response.headers);
  const said = info.message ? `: ${redact(info.message, options.secrets)}` : "";
  const retryAfterSec = parseRetryAfter(response.headers.get("retry-after")) ?? info.retryAfterSec;
  const timing = retryAfterSec === undefined ? {} : { retryAfterSec };
  if (status === 401) {
    throw new CrmWriteError(
      vendor,
      "crm.auth_failed",
      `${vendor} refused Debrief's credentials (401${said}); reconnect ${vendor} in the integration settings`,
      false,
      { status },
    );
  }
  if (status === 429 || info.rateLimited) {
    throw new CrmWriteError(
      vendor,
      "rate_limited",
      `${vendor} is rate limiting (${status}${said}); will retry`,
      true,
      {
        status,
        ...timing,
      },
    );
  }
  if (status === 408 || status >= 500) {
    throw new CrmWriteError(
      vendor,
      "upstream.unavailable",
      `${vendor} is unavailable (${status}${said}); will retry`,
      true,
      { status, ...timing },
    );
  }
  throw new CrmWriteError(
    vendor,
    "crm.rejected",
    `${vendor} refused to ${action} (${status}${said})`,
    false,
    {
      status,
    },
  );
}
