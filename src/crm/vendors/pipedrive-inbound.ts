import { z } from "zod";
import { DebriefError } from "../../errors.js";
import { fromBase64, timingSafeEqualText } from "../../security/bytes.js";
import { headerValue } from "../../webhooks/headers.js";
import { WebhookVerificationError } from "../../webhooks/verification-error.js";
import { type CrmChange, cell, isoTime, type ParsedChanges } from "../changes.js";
import { bodyJson, bodyText, type InboundRequest } from "./inbound.js";

/**
 * Pipedrive webhooks, v2 (`meta.version` "2.0": `meta` {action create|change|delete, entity, entity_id,
 * id, timestamp}, `data`, `previous`) and v1 (`event` "updated.deal", `current`, `previous`, `meta`).
 * Pipedrive does not sign webhooks; a webhook is created with HTTP Basic credentials
 * (`http_auth_user`, `http_auth_password`) that it sends on every call, and those are checked here.
 */

/**
 * Check the Basic credentials Pipedrive sends, in constant time. Throws WebhookVerificationError.
 *
 * @example
 * verifyPipedriveRequest(request, { user: "debrief", password: connectionSecret });
 */
export function verifyPipedriveRequest(
  req: InboundRequest,
  secret: { user: string; password: string },
): void {
  const auth = headerValue(req.headers, "authorization");
  if (!auth)
    throw new WebhookVerificationError("missing_header", "missing Authorization header (HTTP Basic)");
  const m = /^Basic\s+(\S+)\s*$/i.exec(auth);
  const decoded = m ? fromBase64(m[1]!) : undefined;
  const text = decoded ? bodyText(decoded) : undefined;
  const colon = text?.indexOf(":") ?? -1;
  if (text === undefined || colon < 0) {
    throw new WebhookVerificationError("bad_signature", "Authorization is not valid HTTP Basic credentials");
  }
  // Both compared (no short-circuit) so timing does not tell which one was wrong.
  const userOk = timingSafeEqualText(text.slice(0, colon), secret.user);
  const passwordOk = timingSafeEqualText(text.slice(colon + 1), secret.password);
  if (!(userOk && passwordOk)) {
    throw new WebhookVerificationError("bad_signature", "the webhook's HTTP Basic credentials do not match");
  }
}

export interface PipedriveConfig {
  /** The Pipedrive company of the connection; events of another company are refused. */
  companyId: number;
}

const Id = z.union([z.number().int(), z.string().regex(/^\d+$/)]);
const Obj = z.record(z.string(), z.unknown());

const V2 = z.object({
  meta: z.object({
    action: z.enum(["create", "change", "delete"]),
    entity: z.string(),
    entity_id: Id,
    id: z.string().min(1),
    timestamp: z.iso.datetime({ offset: true }),
    company_id: Id,
    version: z.literal("2.0"),
  }),
  data: Obj.nullable().optional(),
  previous: Obj.nullable().optional(),
});

const V1 = z.object({
  event: z.string().regex(/^(added|updated|deleted|merged)\.\w+$/),
  meta: z.object({
    action: z.string(),
    object: z.string(),
    id: Id,
    company_id: Id,
    timestamp: z.number().int(),
    timestamp_micro: z.number().int().optional(),
    webhook_id: Id.optional(),
  }),
  current: Obj.nullable().optional(),
  previous: Obj.nullable().optional(),
});

/**
 * Pipedrive's times: v2 ISO 8601 (`2026-03-02T09:15:00Z`), v1 `2026-03-02 09:15:00` in UTC, dates
 * `2026-03-02`. Returned as ISO UTC text, or null.
 */
function pdTime(value: unknown, time?: unknown): string | null {
  const text = cell(value);
  if (text === null) return null;
  let iso = text;
  if (/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(text)) iso = `${text.replace(" ", "T")}Z`;
  else if (/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    const t = cell(time);
    iso = `${text}T${t && /^\d{2}:\d{2}(:\d{2})?$/.test(t) ? (t.length === 5 ? `${t}:00` : t) : "00:00:00"}Z`;
  }
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? null : isoTime(at);
}

/** An id field that may be a number, a numeric string, or (v1 expanded) an object with `id`/`value`. */
function refId(value: unknown): string | null {
  if (typeof value === "object" && value !== null) {
    const o = value as Record<string, unknown>;
    return cell(o.value ?? o.id);
  }
  return cell(value);
}

const ACTIVITY_CHANNEL: Record<string, string> = { call: "call", email: "email", meeting: "meeting" };

function dealRecord(
  id: string,
  d: Record<string, unknown>,
): { record: CrmChange["record"]; owner: string | null } {
  const status = cell(d.status);
  const closed =
    status === "won"
      ? (d.won_time ?? d.close_time)
      : status === "lost"
        ? (d.lost_time ?? d.close_time)
        : null;
  const record: Record<string, string | null> = { id };
  const put = (k: string, v: string | null | undefined) => {
    if (v !== undefined) record[k] = v;
  };
  if ("add_time" in d) put("created_at", pdTime(d.add_time));
  if ("title" in d) put("name", cell(d.title));
  if ("value" in d) put("amount", cell(d.value));
  if ("currency" in d) put("currency", cell(d.currency));
  if (status === "open" || status === "won" || status === "lost") {
    put("status", status);
    put("closed_at", status === "open" ? null : pdTime(closed));
  }
  return { record: record as CrmChange["record"], owner: refId(d.owner_id ?? d.user_id) };
}

function personRecord(id: string, d: Record<string, unknown>) {
  const record: Record<string, string | null> = { id };
  if ("add_time" in d) record.created_at = pdTime(d.add_time);
  return { record: record as CrmChange["record"], owner: refId(d.owner_id) };
}

function activityRecord(id: string, d: Record<string, unknown>) {
  const record: Record<string, string | null> = { id, direction: "outbound" };
  const done = d.done === true || d.done === 1;
  const at =
    (done ? pdTime(d.marked_as_done_time) : null) ?? pdTime(d.due_date, d.due_time) ?? pdTime(d.add_time);
  if (at !== null) record.at = at;
  if ("deal_id" in d) record.deal_id = refId(d.deal_id);
  if ("person_id" in d) record.lead_id = refId(d.person_id);
  if ("type" in d) record.channel = ACTIVITY_CHANNEL[cell(d.type) ?? ""] ?? null;
  return { record: record as CrmChange["record"], owner: refId(d.owner_id ?? d.user_id) };
}

const ENTITY_KIND = { deal: "deals", person: "leads", activity: "activities" } as const;

function mapEntity(
  entity: string,
  op: "upsert" | "delete",
  base: { eventId: string; occurredAt: Date },
  id: string,
  data: Record<string, unknown> | null | undefined,
): CrmChange | string {
  if (!(entity in ENTITY_KIND)) return `entity ${entity} is not synced`;
  const kind = ENTITY_KIND[entity as keyof typeof ENTITY_KIND];
  if (op === "delete") return { ...base, kind, op, record: { id } } as CrmChange;
  if (!data) return `${entity} event without data`;
  const { record, owner } =
    entity === "deal"
      ? dealRecord(id, data)
      : entity === "person"
        ? personRecord(id, data)
        : activityRecord(id, data);
  if (entity === "deal" && data.status === "deleted")
    return { ...base, kind, op: "delete", record: { id } } as CrmChange;
  return { ...base, kind, op, record, ...(owner === null ? {} : { ownerVendorId: owner }) } as CrmChange;
}

function refuseCompany(companyId: string | number, config: PipedriveConfig): void {
  if (Number(companyId) !== config.companyId) {
    throw new WebhookVerificationError(
      "wrong_account",
      `event for Pipedrive company ${companyId}, but this connection is company ${config.companyId}`,
    );
  }
}

/**
 * Read a verified Pipedrive webhook body (v2 or v1; one event per request) into changes.
 *
 * @example
 * const { changes } = parsePipedriveEvent(body, { companyId: 7654321 });
 */
export function parsePipedriveEvent(body: Uint8Array, config: PipedriveConfig): ParsedChanges {
  const json = bodyJson(body);
  if (typeof json !== "object" || json === null) {
    throw new DebriefError("validation_failed", "a Pipedrive webhook body must be a JSON object");
  }
  const v2 = V2.safeParse(json);
  if (v2.success) {
    const { meta, data, previous } = v2.data;
    refuseCompany(meta.company_id, config);
    const base = { eventId: meta.id, occurredAt: new Date(meta.timestamp) };
    const op = meta.action === "delete" ? "delete" : "upsert";
    const mapped = mapEntity(meta.entity, op, base, String(meta.entity_id), data ?? previous);
    return typeof mapped === "string"
      ? { changes: [], ignored: [{ eventId: meta.id, reason: mapped }] }
      : { changes: [mapped], ignored: [] };
  }
  const v1 = V1.safeParse(json);
  if (v1.success) {
    const { meta, current, event } = v1.data;
    refuseCompany(meta.company_id, config);
    // v1 carries no event id: the webhook, object, id and microsecond timestamp identify a delivery.
    const eventId = `v1:${meta.webhook_id ?? ""}:${event}:${meta.id}:${meta.timestamp_micro ?? meta.timestamp}`;
    const base = { eventId, occurredAt: new Date(meta.timestamp * 1000) };
    const [action, entity] = event.split(".") as [string, string];
    if (action === "merged")
      return { changes: [], ignored: [{ eventId, reason: "merge events are not synced" }] };
    const op = action === "deleted" ? "delete" : "upsert";
    const mapped = mapEntity(entity, op, base, String(meta.id), current);
    return typeof mapped === "string"
      ? { changes: [], ignored: [{ eventId, reason: mapped }] }
      : { changes: [mapped], ignored: [] };
  }
  const issue = v2.error.issues[0];
  throw new DebriefError(
    "validation_failed",
    `not a Pipedrive webhook (v2 or v1): ${issue?.path.join(".") || "(body)"}: ${issue?.message}`,
  );
}

/**
 * Verify, then parse: what a receiver calls.
 *
 * @example
 * const { changes } = receivePipedrive(request, { user, password, companyId: 7654321 });
 */
export function receivePipedrive(
  req: InboundRequest,
  connection: PipedriveConfig & { user: string; password: string },
): ParsedChanges {
  verifyPipedriveRequest(req, connection);
  return parsePipedriveEvent(req.body, connection);
}
