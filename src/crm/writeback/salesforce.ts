import { DebriefError } from "../../errors.js";
import { type CallResult, renderNoteText } from "./call-result.js";
import { type CrmWriter, type HttpClientOptions, sendJson, type VendorErrorInfo } from "./writer.js";

export const SALESFORCE_API_VERSION = "v60.0";
/** Task.Subject is at most 255 characters. */
const SUBJECT_MAX = 255;

export interface SalesforceWriterOptions extends HttpClientOptions {
  /**
   * The org's instance URL from the OAuth token response, e.g. https://acme.my.salesforce.com. It
   * comes from the tenant, so requests to it always pass the URL guard (`urlGuard`, default: public
   * https only, names not resolved).
   */
  instanceUrl: string;
  accessToken: string;
}

/**
 * Salesforce REST errors are an array of `{ message, errorCode, fields? }`. API limits come as 403
 * REQUEST_LIMIT_EXCEEDED, which is a rate limit (retry later), not a refusal.
 */
export function describeSalesforceError(_status: number, body: unknown): VendorErrorInfo {
  const first = Array.isArray(body) ? (body[0] as Record<string, unknown> | undefined) : undefined;
  const code = typeof first?.errorCode === "string" ? first.errorCode : "";
  const message = typeof first?.message === "string" ? first.message : "";
  return {
    message: [code, message].filter(Boolean).join(": ") || undefined,
    ...(code === "REQUEST_LIMIT_EXCEEDED" ? { rateLimited: true } : {}),
  };
}

/** A date as Salesforce's `ActivityDate` (YYYY-MM-DD, UTC). */
function activityDate(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/**
 * Write-back to Salesforce: a completed Task related to the opportunity (`WhatId`), with the call's
 * result as plain-text Description.
 *
 * @example
 * const writer = salesforceWriter({ instanceUrl: "https://acme.my.salesforce.com", accessToken: "00D…!AQ…" });
 * await writer.writeCallResult("0065e00000Q1w2eAAB", result); // { id: "00T5e00000AbCdEAAV" }
 */
export function salesforceWriter(options: SalesforceWriterOptions): CrmWriter {
  return {
    async writeCallResult(dealId, result: CallResult, writeOptions) {
      // Nothing after the create can fail, so a retry that already has the id is done.
      if (writeOptions?.existingId) return { id: writeOptions.existingId };
      if (!/^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/.test(dealId)) {
        throw new DebriefError("input.invalid", `not a Salesforce record id: ${dealId}`);
      }
      if (!URL.canParse(options.instanceUrl)) {
        throw new DebriefError("input.invalid", "the Salesforce instance URL is not a URL");
      }
      const instance = new URL(options.instanceUrl);
      const subject = `Debrief: ${result.title}`;
      const task = {
        WhatId: dealId,
        Subject: subject.length > SUBJECT_MAX ? `${subject.slice(0, SUBJECT_MAX - 1)}…` : subject,
        Description: renderNoteText(result),
        Status: "Completed",
        ActivityDate: activityDate(result.occurredAt),
      };
      const url = `${instance.origin}/services/data/${SALESFORCE_API_VERSION}/sobjects/Task`;
      const created = (await sendJson(
        new Request(url, {
          method: "POST",
          headers: {
            authorization: `Bearer ${options.accessToken}`,
            "content-type": "application/json",
            accept: "application/json",
          },
          body: JSON.stringify(task),
        }),
        {
          vendor: "Salesforce",
          action: "create the task",
          secrets: [options.accessToken],
          describe: describeSalesforceError,
          ...(options.fetch ? { fetch: options.fetch } : {}),
          ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
          urlGuard: options.urlGuard ?? {},
        },
      )) as { id?: unknown };
      return { id: String(created?.id ?? "") };
    },
  };
}
