import { z } from "zod";
import { DebriefError } from "../../errors.js";
import { concatBytes, fromBase64, hmacSha256, timingSafeEqual, utf8 } from "../../security/bytes.js";
import { headerValue } from "../../webhooks/headers.js";
import { assertFresh, WebhookVerificationError } from "../../webhooks/verification-error.js";
import { type CrmChange, cell, type IgnoredEvent, isoTime, type ParsedChanges } from "../changes.js";
import { bodyJson, type InboundRequest } from "./inbound.js";

/**
 * HubSpot webhooks (v3 request signatures, the Webhooks API's batched events).
 *
 * Signature v3 (HubSpot "Validating requests"): `X-HubSpot-Signature-v3` is
 * base64(HMAC-SHA256(app client secret, method + uri + body + timestamp)) with the timestamp of
 * `X-HubSpot-Request-Timestamp` (ms since the epoch); requests older than 5 minutes are refused.
 */
export const HUBSPOT_TOLERANCE_SEC = 5 * 60;

/**
 * The URI exactly as HubSpot signs it: the full URL it called (scheme, host, path, query) with
 * these percent-escapes decoded — and only these — per HubSpot's table: %3A `:`, %2F `/`, %3F `?`,
 * %40 `@`, %21 `!`, %24 `$`, %27 `'`, %28 `(`, %29 `)`, %2A `*`, %2C `,`, %3B `;` (either case).
 * Everything else (e.g. %20, %26, %3D) stays encoded.
 *
 * @example
 * hubspotSignedUri("https://debrief.example/v1/crm/hooks/hubspot?conn=a%3Ab%20c");
 * // "https://debrief.example/v1/crm/hooks/hubspot?conn=a:b%20c"
 */
export function hubspotSignedUri(url: string): string {
  const DECODED: Record<string, string> = {
    "3A": ":",
    "2F": "/",
    "3F": "?",
    "40": "@",
    "21": "!",
    "24": "$",
    "27": "'",
    "28": "(",
    "29": ")",
    "2A": "*",
    "2C": ",",
    "3B": ";",
  };
  return url.replace(/%([0-9A-Fa-f]{2})/g, (m, hex: string) => DECODED[hex.toUpperCase()] ?? m);
}

/**
 * Verify a HubSpot v3 signature before the body is read. Throws WebhookVerificationError (→ 401).
 *
 * @example
 * await verifyHubSpotRequest(request, { clientSecret }, new Date());
 */
export async function verifyHubSpotRequest(
  req: InboundRequest,
  secret: { clientSecret: string },
  now: Date = new Date(),
): Promise<void> {
  const signature = headerValue(req.headers, "x-hubspot-signature-v3");
  const tsText = headerValue(req.headers, "x-hubspot-request-timestamp");
  if (!signature)
    throw new WebhookVerificationError("missing_header", "missing X-HubSpot-Signature-v3 header");
  if (!tsText)
    throw new WebhookVerificationError("missing_header", "missing X-HubSpot-Request-Timestamp header");
  if (!/^\d{1,15}$/.test(tsText.trim())) {
    throw new WebhookVerificationError("bad_timestamp", "X-HubSpot-Request-Timestamp must be milliseconds");
  }
  assertFresh(new Date(Number(tsText.trim())), now, HUBSPOT_TOLERANCE_SEC, "X-HubSpot-Request-Timestamp");
  const signed = concatBytes(
    utf8(req.method.toUpperCase() + hubspotSignedUri(req.url)),
    req.body,
    utf8(tsText.trim()),
  );
  const expected = await hmacSha256(utf8(secret.clientSecret), signed);
  const offered = fromBase64(signature.trim());
  if (!offered || !timingSafeEqual(offered, expected)) {
    throw new WebhookVerificationError(
      "bad_signature",
      "X-HubSpot-Signature-v3 does not match this app's secret",
    );
  }
}

/** Stage mapping of a HubSpot connection: which deal stages close a deal as won or lost. */
export interface HubSpotConfig {
  /** The HubSpot account (portal) of the connection; events of another portal are refused. */
  portalId: number;
  /** Internal ids of custom pipeline stages that mean won / lost (default stages always count). */
  wonStages?: readonly string[];
  lostStages?: readonly string[];
}

const HubSpotEvent = z.object({
  eventId: z.union([z.number().int(), z.string().regex(/^\d+$/)]),
  subscriptionType: z.string().min(1),
  objectId: z.union([z.number().int(), z.string().regex(/^\d+$/)]),
  occurredAt: z.number().int().nonnegative(),
  portalId: z.number().int(),
  attemptNumber: z.number().int().nonnegative().optional(),
  propertyName: z.string().optional(),
  propertyValue: z.union([z.string(), z.number(), z.boolean(), z.null()]).optional(),
  changeSource: z.string().optional(),
  subscriptionId: z.number().optional(),
  appId: z.number().optional(),
});
type HubSpotEvent = z.infer<typeof HubSpotEvent>;

const DEFAULT_WON = ["closedwon"];
const DEFAULT_LOST = ["closedlost"];

function mapEvent(e: HubSpotEvent, config: HubSpotConfig): CrmChange | string {
  const eventId = String(e.eventId);
  const id = String(e.objectId);
  const occurredAt = new Date(e.occurredAt);
  const base = { eventId, occurredAt };
  switch (e.subscriptionType) {
    case "deal.creation":
      return { ...base, kind: "deals", op: "upsert", record: { id, created_at: isoTime(occurredAt) } };
    case "deal.deletion":
      return { ...base, kind: "deals", op: "delete", record: { id } };
    case "contact.creation":
      return { ...base, kind: "leads", op: "upsert", record: { id, created_at: isoTime(occurredAt) } };
    case "contact.deletion":
      return { ...base, kind: "leads", op: "delete", record: { id } };
    case "deal.propertyChange": {
      const value = cell(e.propertyValue);
      switch (e.propertyName) {
        case "dealstage": {
          if (value === null) return "dealstage cleared";
          const won = [...DEFAULT_WON, ...(config.wonStages ?? [])].includes(value);
          const lost = [...DEFAULT_LOST, ...(config.lostStages ?? [])].includes(value);
          const status = won ? "won" : lost ? "lost" : "open";
          return {
            ...base,
            kind: "deals",
            op: "upsert",
            // A deal moved back to an open stage is open again: its close time is cleared.
            record: { id, status, closed_at: status === "open" ? null : isoTime(occurredAt) },
          };
        }
        case "amount":
          return { ...base, kind: "deals", op: "upsert", record: { id, amount: value } };
        case "closedate":
          // HubSpot's closedate is the expected close date while a deal is open; the real close time
          // is the dealstage change to a closed stage (above), so this property is only acknowledged.
          return "closedate is the expected close date; closed_at comes from the stage change";
        case "hubspot_owner_id":
          return {
            ...base,
            kind: "deals",
            op: "upsert",
            record: { id },
            ...(value === null ? {} : { ownerVendorId: value }),
          };
        default:
          return `deal property ${e.propertyName ?? "(none)"} is not synced`;
      }
    }
    default:
      return `subscription type ${e.subscriptionType} is not synced`;
  }
}

/**
 * Read a verified HubSpot webhook body (a JSON array of up to 100 events) into changes. A body that
 * is not a JSON array is refused (422); a single malformed event is reported in `ignored` and does
 * not stop the others; an event of another portal fails the whole request (401: wrong account).
 *
 * @example
 * const { changes, ignored } = parseHubSpotEvents(body, { portalId: 62515, wonStages: ["appointmentscheduled"] });
 */
export function parseHubSpotEvents(body: Uint8Array, config: HubSpotConfig): ParsedChanges {
  const json = bodyJson(body);
  if (!Array.isArray(json)) {
    throw new DebriefError("validation_failed", "a HubSpot webhook body must be a JSON array of events");
  }
  const changes: CrmChange[] = [];
  const ignored: IgnoredEvent[] = [];
  json.forEach((raw, index) => {
    const parsed = HubSpotEvent.safeParse(raw);
    if (!parsed.success) {
      const eventId =
        typeof raw === "object" && raw !== null && "eventId" in raw ? String(raw.eventId) : `#${index}`;
      const issue = parsed.error.issues[0];
      ignored.push({
        eventId,
        reason: `malformed event: ${issue?.path.join(".") || "(event)"}: ${issue?.message}`,
      });
      return;
    }
    if (parsed.data.portalId !== config.portalId) {
      throw new WebhookVerificationError(
        "wrong_account",
        `event for HubSpot portal ${parsed.data.portalId}, but this connection is portal ${config.portalId}`,
      );
    }
    const mapped = mapEvent(parsed.data, config);
    if (typeof mapped === "string") ignored.push({ eventId: String(parsed.data.eventId), reason: mapped });
    else changes.push(mapped);
  });
  return { changes, ignored };
}

/**
 * Verify, then parse: what a receiver calls.
 *
 * @example
 * const { changes } = await receiveHubSpot(request, { clientSecret, portalId: 62515 });
 */
export async function receiveHubSpot(
  req: InboundRequest,
  connection: HubSpotConfig & { clientSecret: string },
  now: Date = new Date(),
): Promise<ParsedChanges> {
  await verifyHubSpotRequest(req, connection, now);
  return parseHubSpotEvents(req.body, connection);
}
