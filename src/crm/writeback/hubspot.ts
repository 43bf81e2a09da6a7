import { type CallMetrics, type CallResult, renderNoteHtml } from "./call-result.js";
import {
  CrmWriteError,
  type CrmWriter,
  type HttpClientOptions,
  sendJson,
  type VendorErrorInfo,
} from "./writer.js";

/** HubSpot's association type id of note → deal (associationCategory HUBSPOT_DEFINED). */
export const HUBSPOT_NOTE_TO_DEAL = 214;
export const HUBSPOT_API = "https://api.hubapi.com";

export interface HubSpotWriterOptions extends HttpClientOptions {
  /** Private app access token (or an OAuth access token), sent as Bearer. */
  accessToken: string;
  /** Deal properties to set from the call's metrics, e.g. `{ debrief_playbook_score: "playbookScore" }`. */
  dealProperties?: Readonly<Record<string, keyof CallMetrics>>;
  /** API base (tests); default https://api.hubapi.com. */
  baseUrl?: string;
}

/**
 * HubSpot error bodies: `{ status: "error", message, correlationId, category }`. On 429 without
 * Retry-After, the X-HubSpot-RateLimit-Interval-Milliseconds window says when the limit resets.
 */
export function describeHubSpotError(_status: number, body: unknown, headers: Headers): VendorErrorInfo {
  const b = (typeof body === "object" && body !== null ? body : {}) as Record<string, unknown>;
  const category =
    typeof b.category === "string" ? b.category : typeof b.errorType === "string" ? b.errorType : "";
  const message = typeof b.message === "string" ? b.message : "";
  const interval = Number(headers.get("x-hubspot-ratelimit-interval-milliseconds"));
  return {
    message: [category, message].filter(Boolean).join(": ") || undefined,
    ...(Number.isFinite(interval) && interval > 0 ? { retryAfterSec: Math.ceil(interval / 1000) } : {}),
  };
}

/**
 * Write-back to HubSpot: a note on the deal (CRM v3 objects API, associated note→deal, type 214),
 * then optionally a PATCH of chosen deal properties.
 *
 * @example
 * const writer = hubspotWriter({ accessToken: "pat-na1-…", dealProperties: { debrief_playbook_score: "playbookScore" } });
 * await writer.writeCallResult("18225469034", result); // { id: "51234567890" }
 */
export function hubspotWriter(options: HubSpotWriterOptions): CrmWriter {
  const base = (options.baseUrl ?? HUBSPOT_API).replace(/\/+$/, "");
  const common = {
    vendor: "HubSpot" as const,
    secrets: [options.accessToken],
    describe: describeHubSpotError,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
    urlGuard: options.urlGuard,
  };
  const headers = {
    authorization: `Bearer ${options.accessToken}`,
    "content-type": "application/json",
    accept: "application/json",
  };
  return {
    async writeCallResult(dealId, result: CallResult, writeOptions) {
      const note = {
        properties: { hs_timestamp: result.occurredAt.toISOString(), hs_note_body: renderNoteHtml(result) },
        associations: [
          {
            to: { id: dealId },
            types: [{ associationCategory: "HUBSPOT_DEFINED", associationTypeId: HUBSPOT_NOTE_TO_DEAL }],
          },
        ],
      };
      const id =
        writeOptions?.existingId ??
        String(
          (
            (await sendJson(
              new Request(`${base}/crm/v3/objects/notes`, {
                method: "POST",
                headers,
                body: JSON.stringify(note),
              }),
              { ...common, action: "create the note" },
            )) as { id?: unknown }
          )?.id ?? "",
        );
      const properties: Record<string, string> = {};
      for (const [property, metric] of Object.entries(options.dealProperties ?? {})) {
        const value = result.metrics[metric];
        if (value !== null) properties[property] = String(value);
      }
      if (Object.keys(properties).length > 0) {
        try {
          await sendJson(
            new Request(`${base}/crm/v3/objects/deals/${encodeURIComponent(dealId)}`, {
              method: "PATCH",
              headers,
              body: JSON.stringify({ properties }),
            }),
            { ...common, action: "update the deal's properties" },
          );
        } catch (err) {
          if (err instanceof CrmWriteError) err.createdId = id;
          throw err;
        }
      }
      return { id };
    },
  };
}
