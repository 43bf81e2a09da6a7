/**
 * The one shape every CRM inbound (HubSpot, Pipedrive, Salesforce, generic signed JSON) is turned
 * into, so vendor events flow through the same upsert as the CSV import. `record` uses exactly the
 * CSV column names of the import (docs/integrations.md), values as strings; a column that is absent
 * is "not told" (left as stored), a column that is null is "cleared". `id` is always present.
 */
export const CRM_KINDS = ["leads", "deals", "activities", "customers"] as const;
export type CrmKind = (typeof CRM_KINDS)[number];

/** The CSV import's columns of each kind (the first ones are required for a new row). */
export const CRM_COLUMNS = {
  leads: ["id", "created_at", "owner_email", "source", "converted_deal_id"],
  deals: ["id", "created_at", "owner_email", "name", "amount", "currency", "status", "closed_at", "lead_id"],
  activities: [
    "id",
    "at",
    "direction",
    "rep_email",
    "lead_id",
    "deal_id",
    "channel",
    "delivered",
    "reply_to",
    "auto_reply",
  ],
  customers: ["id", "started_at", "churned_at", "deal_id"],
} as const satisfies Record<CrmKind, readonly string[]>;

export type CrmColumn<K extends CrmKind> = (typeof CRM_COLUMNS)[K][number];
export type CrmRecord<K extends CrmKind = CrmKind> = { id: string } & Partial<
  Record<CrmColumn<K>, string | null>
>;

export type CrmChange = {
  [K in CrmKind]: {
    /** The vendor's id of the event (de-duplication key within a connection). */
    eventId: string;
    /** When the change happened in the CRM (not when it reached us): orders changes to one record. */
    occurredAt: Date;
    kind: K;
    op: "upsert" | "delete";
    record: CrmRecord<K>;
    /** The vendor's id of the record's owner (rep), to map to a user by the connection's owner table. */
    ownerVendorId?: string;
  };
}[CrmKind];

/** An event that was read but carries nothing to apply (an unsubscribed type or property), and why. */
export interface IgnoredEvent {
  eventId: string;
  reason: string;
}

export interface ParsedChanges {
  changes: CrmChange[];
  ignored: IgnoredEvent[];
}

/**
 * Whether an incoming change may be applied over what is stored: vendors deliver out of order and
 * retry, so an event older than the one that last wrote the record (or field) never undoes it. Equal
 * times apply (a redelivery writes the same values again).
 *
 * @example
 * shouldApply(null, new Date("2026-03-02T09:00:00Z")); // true (nothing stored yet)
 * shouldApply(new Date("2026-03-02T10:00:00Z"), new Date("2026-03-02T09:00:00Z")); // false (older)
 */
export function shouldApply(existingVersionTime: Date | null, incomingOccurredAt: Date): boolean {
  return existingVersionTime === null || incomingOccurredAt.getTime() >= existingVersionTime.getTime();
}

/**
 * A vendor value as an import cell: numbers and booleans as text, empty or missing as null.
 *
 * @example
 * cell(12000); // "12000"
 * cell(""); // null
 */
export function cell(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : null;
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value === "string") return value.trim() === "" ? null : value;
  return null;
}

/**
 * An instant as the import's ISO 8601 UTC text.
 *
 * @example
 * isoTime(new Date(1462216307945)); // "2016-05-02T19:11:47.945Z"
 */
export function isoTime(at: Date): string {
  return at.toISOString();
}
