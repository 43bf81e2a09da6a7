import { z } from "zod";
import {
  ACTIVITY_CHANNELS,
  ACTIVITY_DIRECTIONS,
  COST_CATEGORIES,
  DEAL_STATUSES,
} from "../db/schema/index.js";
import { line, text as multilineText } from "../input.js";
import { epochDay } from "../outcomes/period.js";

/**
 * The five kinds of CRM record: their input schemas (one for JSON, where booleans and amounts are
 * typed, one for CSV cells, where everything is text) and their CSV columns. Pure.
 */

export const CRM_KINDS = ["leads", "deals", "activities", "customers", "costs"] as const;
export type CrmKind = (typeof CRM_KINDS)[number];

const id = line().trim().min(1).max(200);
const time = z.iso.datetime({ offset: true, message: "must be ISO 8601 with an offset or Z" });
const email = line().trim().max(320).pipe(z.email());
// Names and sources may hold line breaks (a quoted CSV cell, a CRM's multi-line title); other
// control characters are refused.
const text = multilineText().trim().max(500);
const date = z.iso.date().refine((d) => epochDay(d) !== null, "not a calendar date");

function amount(csv: boolean) {
  const n = z.number().finite().nonnegative().max(1e13);
  return csv
    ? z
        .string()
        .trim()
        .regex(/^\d+(\.\d+)?$/, "must be a number like 1200 or 1200.50")
        .transform(Number)
        .pipe(n)
    : n;
}

function flag(csv: boolean) {
  return csv
    ? z
        .string()
        .trim()
        .toLowerCase()
        .pipe(z.enum(["true", "false"], { message: "must be true or false" }))
        .transform((v) => v === "true")
    : z.boolean();
}

const opt = <T extends z.ZodType>(s: T) => s.nullish();

function schemas(csv: boolean) {
  return {
    leads: z.object({
      id,
      createdAt: time,
      ownerEmail: opt(email),
      source: opt(text),
      convertedDealId: opt(id),
    }),
    deals: z.object({
      id,
      createdAt: time,
      ownerEmail: opt(email),
      name: opt(text),
      amount: opt(amount(csv)),
      currency: opt(
        z
          .string()
          .trim()
          .toUpperCase()
          .regex(/^[A-Z]{3}$/, "must be an ISO 4217 code like EUR"),
      ),
      status: opt(z.enum(DEAL_STATUSES)),
      closedAt: opt(time),
      leadId: opt(id),
    }),
    activities: z.object({
      id,
      at: time,
      direction: z.enum(ACTIVITY_DIRECTIONS),
      repEmail: opt(email),
      leadId: opt(id),
      dealId: opt(id),
      channel: opt(z.enum(ACTIVITY_CHANNELS)),
      delivered: opt(flag(csv)),
      replyTo: opt(id),
      autoReply: opt(flag(csv)),
    }),
    customers: z.object({ id, startedAt: time, churnedAt: opt(time), dealId: opt(id) }),
    costs: z
      .object({ periodStart: date, periodEnd: date, category: z.enum(COST_CATEGORIES), amount: amount(csv) })
      .refine((c) => c.periodEnd >= c.periodStart, {
        path: ["periodEnd"],
        message: "must be on or after period_start",
      }),
  } as const;
}

/** Records as the JSON API takes them (PUT), keyed in camelCase. */
export const CrmInputSchemas = schemas(false);
/** Records as CSV cells give them (text), keyed in camelCase. */
export const CrmCsvSchemas = schemas(true);

export type CrmInput = { [K in CrmKind]: z.output<(typeof CrmInputSchemas)[K]> };
export type AnyCrmInput = CrmInput[CrmKind];

/** The CSV columns of each kind, required ones first. */
export const CSV_COLUMNS: Record<CrmKind, { required: string[]; optional: string[] }> = {
  leads: { required: ["id", "created_at"], optional: ["owner_email", "source", "converted_deal_id"] },
  deals: {
    required: ["id", "created_at"],
    optional: ["owner_email", "name", "amount", "currency", "status", "closed_at", "lead_id"],
  },
  activities: {
    required: ["id", "at", "direction"],
    optional: ["rep_email", "lead_id", "deal_id", "channel", "delivered", "reply_to", "auto_reply"],
  },
  customers: { required: ["id", "started_at"], optional: ["churned_at", "deal_id"] },
  costs: { required: ["period_start", "period_end", "category", "amount"], optional: [] },
};

const camel = (s: string) => s.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** A CSV row's known columns, renamed to the JSON fields (unknown columns are dropped). */
export function csvToInput(kind: CrmKind, values: Record<string, string | null>): Record<string, string> {
  const out: Record<string, string> = {};
  const { required, optional } = CSV_COLUMNS[kind];
  for (const col of [...required, ...optional]) {
    const v = values[col];
    if (v !== null && v !== undefined) out[camel(col)] = v;
  }
  return out;
}

/** Costs have no CRM id: theirs is made of their key, e.g. `2026-01-01_2026-01-31_sales`. */
export function costId(c: { periodStart: string; periodEnd: string; category: string }): string {
  return `${c.periodStart}_${c.periodEnd}_${c.category}`;
}

export function parseCostId(s: string): { periodStart: string; periodEnd: string; category: string } | null {
  const m = /^(\d{4}-\d{2}-\d{2})_(\d{4}-\d{2}-\d{2})_([a-z]+)$/.exec(s);
  if (!m || epochDay(m[1]!) === null || epochDay(m[2]!) === null) return null;
  return { periodStart: m[1]!, periodEnd: m[2]!, category: m[3]! };
}

/** The e-mail column naming the rep of a record, if its kind has one. */
export function repEmailOf(kind: CrmKind, input: AnyCrmInput): string | null | undefined {
  if (kind === "activities") return (input as CrmInput["activities"]).repEmail;
  if (kind === "leads" || kind === "deals") return (input as CrmInput["leads"]).ownerEmail;
  return undefined;
}
