import { DebriefError } from "../../errors.js";
import { timingSafeEqualText } from "../../security/bytes.js";
import { WebhookVerificationError } from "../../webhooks/verification-error.js";
import { type CrmChange, cell, type IgnoredEvent, isoTime, type ParsedChanges } from "../changes.js";
import { bodyText, type InboundRequest } from "./inbound.js";
import { child, children, parseXml, path, type XmlElement, XmlError } from "./xml.js";

/**
 * Salesforce Outbound Messages (workflow / flow action): a SOAP envelope with `notifications`
 * holding `OrganizationId` and up to 100 `Notification`s, each an `sObject` (xsi:type `sf:Opportunity`
 * or `sf:Lead`) with the fields chosen for the message. Salesforce retries until it gets the
 * `notificationsResponse` acknowledgement below.
 *
 * Outbound messages are not signed. The message is accepted when its OrganizationId is the
 * connection's and — recommended — when the endpoint URL carries the connection's secret token
 * (compared in constant time), since an org id is not a secret.
 */

/** The acknowledgement Salesforce expects (Content-Type: text/xml; charset=utf-8, status 200). */
export const SALESFORCE_ACK_XML =
  '<?xml version="1.0" encoding="UTF-8"?>\n' +
  '<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/">\n' +
  "  <soapenv:Body>\n" +
  '    <notificationsResponse xmlns="http://soap.sforce.com/2005/09/outbound">\n' +
  "      <Ack>true</Ack>\n" +
  "    </notificationsResponse>\n" +
  "  </soapenv:Body>\n" +
  "</soapenv:Envelope>\n";

export const SALESFORCE_ACK_CONTENT_TYPE = "text/xml; charset=utf-8";

export interface SalesforceConfig {
  /** The org's id, 15 or 18 characters (the first 15 are compared, case-sensitively). */
  organizationId: string;
  /** The secret token in the connection's receiver URL, when the receiver uses one. */
  urlToken?: string;
}

/**
 * Check the endpoint token (if the connection has one) before anything is parsed.
 *
 * @example
 * verifySalesforceToken(tokenFromPath, { organizationId, urlToken });
 */
export function verifySalesforceToken(token: string | undefined, config: SalesforceConfig): void {
  if (config.urlToken === undefined) return;
  if (token === undefined || !timingSafeEqualText(token, config.urlToken)) {
    throw new WebhookVerificationError("bad_signature", "the outbound message URL token does not match");
  }
}

/** Salesforce `xsd:date` (no time) as a close time: noon UTC keeps the same calendar day in UTC-12…UTC+11. */
function dateAsTime(date: string | null): string | null {
  if (date === null || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return null;
  return `${date}T12:00:00.000Z`;
}

function sfTime(text: string | null): string | null {
  if (text === null) return null;
  const at = new Date(text);
  return Number.isNaN(at.getTime()) ? null : isoTime(at);
}

/** Fields of an sObject by local name; `xsi:nil="true"` fields are null. */
function fields(sobject: XmlElement): Map<string, string | null> {
  const out = new Map<string, string | null>();
  for (const f of sobject.children) {
    const nil = Object.entries(f.attributes).some(([k, v]) => k.endsWith(":nil") && v === "true");
    out.set(f.local, nil ? null : cell(f.text));
  }
  return out;
}

function mapNotification(n: XmlElement): CrmChange | IgnoredEvent {
  const eventId = cell(child(n, "Id")?.text) ?? "";
  const sobject = child(n, "sObject");
  if (!eventId || !sobject)
    return { eventId: eventId || "(no id)", reason: "notification without Id or sObject" };
  const type =
    Object.entries(sobject.attributes).find(([k]) => k === "xsi:type" || k.endsWith(":type"))?.[1] ?? "";
  const f = fields(sobject);
  const id = f.get("Id");
  if (!id) return { eventId, reason: "sObject without Id" };
  const occurredAt = new Date(
    f.get("LastModifiedDate") ?? f.get("SystemModstamp") ?? f.get("CreatedDate") ?? NaN,
  );
  if (Number.isNaN(occurredAt.getTime())) return { eventId, reason: "sObject without LastModifiedDate" };
  const record: Record<string, string | null> = { id };
  const put = (column: string, field: string, convert: (v: string | null) => string | null = (v) => v) => {
    if (f.has(field)) record[column] = convert(f.get(field) ?? null);
  };
  const owner = f.get("OwnerId") ?? null;
  const ownerEmail = f.get("Owner_Email__c");
  if (ownerEmail !== undefined) record.owner_email = ownerEmail;
  const base = { eventId, occurredAt, ...(owner ? { ownerVendorId: owner } : {}) };
  switch (type.replace(/^.*:/, "")) {
    case "Opportunity": {
      put("created_at", "CreatedDate", sfTime);
      put("name", "Name");
      put("amount", "Amount");
      put("currency", "CurrencyIsoCode");
      if (f.has("IsClosed")) {
        const closed = f.get("IsClosed") === "true";
        const won = f.get("IsWon") === "true";
        record.status = !closed ? "open" : won ? "won" : "lost";
        record.closed_at = closed ? dateAsTime(f.get("CloseDate") ?? null) : null;
      }
      return { ...base, kind: "deals", op: "upsert", record: record as CrmChange["record"] };
    }
    case "Lead": {
      put("created_at", "CreatedDate", sfTime);
      put("source", "LeadSource");
      put("converted_deal_id", "ConvertedOpportunityId");
      return { ...base, kind: "leads", op: "upsert", record: record as CrmChange["record"] };
    }
    default:
      return { eventId, reason: `sObject type ${type || "(none)"} is not synced` };
  }
}

/**
 * Read a Salesforce outbound message, checking its OrganizationId against the connection before
 * anything of its content is used. Throws 401 (wrong org) or 422 (not an outbound message).
 *
 * @example
 * const { changes } = parseSalesforceOutboundMessage(body, { organizationId: "00D5e000000AbCdEAK" });
 * return new Response(SALESFORCE_ACK_XML, { headers: { "content-type": SALESFORCE_ACK_CONTENT_TYPE } });
 */
export function parseSalesforceOutboundMessage(body: Uint8Array, config: SalesforceConfig): ParsedChanges {
  const text = bodyText(body);
  let root: XmlElement;
  try {
    if (text === undefined) throw new XmlError("the body is not UTF-8");
    root = parseXml(text);
  } catch (err) {
    if (err instanceof XmlError) {
      throw new DebriefError("validation_failed", `not a Salesforce outbound message: ${err.message}`);
    }
    throw err;
  }
  const notifications = root.local === "Envelope" ? path(root, "Body", "notifications") : undefined;
  if (!notifications) {
    throw new DebriefError(
      "validation_failed",
      "not a Salesforce outbound message: no Envelope/Body/notifications",
    );
  }
  const org = cell(child(notifications, "OrganizationId")?.text) ?? "";
  if (org.length < 15 || !timingSafeEqualText(org.slice(0, 15), config.organizationId.slice(0, 15))) {
    throw new WebhookVerificationError(
      "wrong_account",
      "the outbound message is from another Salesforce org",
    );
  }
  const changes: CrmChange[] = [];
  const ignored: IgnoredEvent[] = [];
  for (const n of children(notifications, "Notification")) {
    const mapped = mapNotification(n);
    if ("kind" in mapped) changes.push(mapped);
    else ignored.push(mapped);
  }
  return { changes, ignored };
}

/**
 * Verify (URL token, then org id), then parse: what a receiver calls.
 *
 * @example
 * const parsed = receiveSalesforce(request, tokenFromPath, connection);
 */
export function receiveSalesforce(
  req: InboundRequest,
  token: string | undefined,
  connection: SalesforceConfig,
): ParsedChanges {
  verifySalesforceToken(token, connection);
  return parseSalesforceOutboundMessage(req.body, connection);
}
