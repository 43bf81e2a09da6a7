import { DebriefError } from "../../errors.js";
import { type CallResult, renderNoteHtml } from "./call-result.js";
import { type CrmWriter, type HttpClientOptions, sendJson, type VendorErrorInfo } from "./writer.js";

export type PipedriveAuth = { apiToken: string } | { oauthAccessToken: string };

export interface PipedriveWriterOptions extends HttpClientOptions {
  /** The company domain: `acme` for https://acme.pipedrive.com. */
  companyDomain: string;
  auth: PipedriveAuth;
  /** API base (tests); default https://<companyDomain>.pipedrive.com. */
  baseUrl?: string;
}

/**
 * Pipedrive error bodies: `{ success: false, error, error_info, errorCode }`. On 429 without
 * Retry-After, `x-ratelimit-reset` gives the seconds until the window resets.
 */
export function describePipedriveError(_status: number, body: unknown, headers: Headers): VendorErrorInfo {
  const b = (typeof body === "object" && body !== null ? body : {}) as Record<string, unknown>;
  const reset = Number(headers.get("x-ratelimit-reset"));
  return {
    message: typeof b.error === "string" ? b.error : undefined,
    ...(Number.isFinite(reset) && reset > 0 ? { retryAfterSec: reset } : {}),
  };
}

/**
 * Write-back to Pipedrive: a note on the deal (`POST /api/v1/notes` with `content` and `deal_id`),
 * authenticated with the company's API token (`api_token` query parameter) or an OAuth bearer token.
 *
 * @example
 * const writer = pipedriveWriter({ companyDomain: "acme", auth: { apiToken: "…" } });
 * await writer.writeCallResult("1042", result); // { id: "3012" }
 */
export function pipedriveWriter(options: PipedriveWriterOptions): CrmWriter {
  if (!/^[a-z0-9][a-z0-9-]{0,62}$/i.test(options.companyDomain)) {
    throw new DebriefError("input.invalid", "a Pipedrive company domain is the `acme` of acme.pipedrive.com");
  }
  const base = (options.baseUrl ?? `https://${options.companyDomain}.pipedrive.com`).replace(/\/+$/, "");
  const secret = "apiToken" in options.auth ? options.auth.apiToken : options.auth.oauthAccessToken;
  return {
    async writeCallResult(dealId, result: CallResult, writeOptions) {
      // Nothing after the create can fail, so a retry that already has the id is done.
      if (writeOptions?.existingId) return { id: writeOptions.existingId };
      if (!/^\d+$/.test(dealId))
        throw new DebriefError("input.invalid", `not a Pipedrive deal id: ${dealId}`);
      const url = new URL(`${base}/api/v1/notes`);
      const headers: Record<string, string> = {
        "content-type": "application/json",
        accept: "application/json",
      };
      if ("apiToken" in options.auth) url.searchParams.set("api_token", options.auth.apiToken);
      else headers.authorization = `Bearer ${options.auth.oauthAccessToken}`;
      const body = { content: renderNoteHtml(result), deal_id: Number(dealId) };
      const created = (await sendJson(
        new Request(url, { method: "POST", headers, body: JSON.stringify(body) }),
        {
          vendor: "Pipedrive",
          action: "create the note",
          secrets: [secret],
          describe: describePipedriveError,
          ...(options.fetch ? { fetch: options.fetch } : {}),
          ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
          urlGuard: options.urlGuard,
        },
      )) as { data?: { id?: unknown } };
      return { id: String(created?.data?.id ?? "") };
    },
  };
}
