import { z } from "zod";
import { DebriefError } from "../../errors.js";
import { verifyWebhook } from "../../webhooks/standard-webhooks.js";
import { CRM_COLUMNS, type CrmChange, type CrmKind, cell, type ParsedChanges } from "../changes.js";
import { bodyJson, type InboundRequest } from "./inbound.js";

/**
 * The generic inbound: any system can push CRM records to Debrief as Standard Webhooks signed JSON,
 * `{ "type": "deal.upserted", "timestamp": "…", "data": { …import columns… } }`. Types are
 * `<lead|deal|activity|customer>.<upserted|deleted>`; `data` has the CSV import's columns (unknown
 * keys ignored), the required ones for an upsert, `id` alone for a delete.
 */
const TYPE_KIND: Record<string, CrmKind> = {
  lead: "leads",
  deal: "deals",
  activity: "activities",
  customer: "customers",
};
const REQUIRED: Record<CrmKind, readonly string[]> = {
  leads: ["id", "created_at"],
  deals: ["id", "created_at"],
  activities: ["id", "at", "direction"],
  customers: ["id", "started_at"],
};

const Envelope = z.object({
  type: z.string().regex(/^(lead|deal|activity|customer)\.(upserted|deleted)$/, {
    message: "type must be lead|deal|activity|customer . upserted|deleted",
  }),
  timestamp: z.iso.datetime({ offset: true }),
  data: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
});

/**
 * Read a verified generic event into its change.
 *
 * @example
 * parseGenericEvent(body, "msg_2Lh…"); // { changes: [{ kind: "deals", op: "upsert", … }], ignored: [] }
 */
export function parseGenericEvent(body: Uint8Array, eventId: string): ParsedChanges {
  const json = bodyJson(body);
  if (json === undefined) throw new DebriefError("validation_failed", "the body is not JSON");
  const parsed = Envelope.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new DebriefError("validation_failed", `${issue?.path.join(".") || "(body)"}: ${issue?.message}`);
  }
  const [noun, verb] = parsed.data.type.split(".") as [string, string];
  const kind = TYPE_KIND[noun]!;
  const op = verb === "deleted" ? "delete" : "upsert";
  const record: Record<string, string | null> = {};
  for (const column of CRM_COLUMNS[kind] as readonly string[]) {
    if (column in parsed.data.data) record[column] = cell(parsed.data.data[column]);
  }
  const required = op === "delete" ? ["id"] : REQUIRED[kind];
  const missing = required.filter((c) => record[c] === undefined || record[c] === null);
  if (missing.length > 0) {
    throw new DebriefError(
      "validation_failed",
      `data is missing ${missing.join(", ")} for ${parsed.data.type}`,
    );
  }
  const change = {
    eventId,
    occurredAt: new Date(parsed.data.timestamp),
    kind,
    op,
    record: op === "delete" ? { id: record.id! } : record,
  } as CrmChange;
  return { changes: [change], ignored: [] };
}

/**
 * Verify the Standard Webhooks signature, then parse: what a receiver calls.
 *
 * @example
 * const { changes } = await receiveGeneric(request, { secrets: [connectionSecret] });
 */
export async function receiveGeneric(
  req: InboundRequest,
  connection: { secrets: readonly string[] },
  now: Date = new Date(),
): Promise<ParsedChanges> {
  const { id } = await verifyWebhook({
    headers: req.headers,
    body: req.body,
    secrets: connection.secrets,
    now,
  });
  return parseGenericEvent(req.body, id);
}
