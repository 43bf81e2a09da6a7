import { and, asc, eq, getTableColumns, gt, inArray, type SQL, sql } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import { requireRole } from "../auth/actor.js";
import type { OperationCtx } from "../context.js";
import type { Database } from "../db/database.js";
import {
  crmActivities,
  crmCosts,
  crmCustomers,
  crmDeals,
  crmLeads,
  organizations,
  users,
} from "../db/schema/index.js";
import { DebriefError, formatPath } from "../errors.js";
import { canonicalTimeZone } from "../outcomes/period.js";
import { csvRows } from "./csv.js";
import { lockCrmWrites, refreshDerived, type Touched } from "./derived.js";
import {
  type AnyCrmInput,
  CrmCsvSchemas,
  type CrmInput,
  CrmInputSchemas,
  type CrmKind,
  CSV_COLUMNS,
  costId,
  csvToInput,
  parseCostId,
  repEmailOf,
} from "./kinds.js";

/**
 * CRM records: CSV import (upsert by id), and one-record reads and writes for the JSON API.
 * Everything is scoped to the actor's organization; reps read only the records they own and write
 * none.
 */
export type CrmCtx = OperationCtx;

interface KindTable {
  table: PgTable;
  /** Primary key columns after org_id. */
  key: PgColumn[];
  /** The user a record belongs to (what a rep may read), if the kind has one. */
  owner: PgColumn | null;
  emailField: "ownerEmail" | "repEmail" | null;
}

const TABLES: Record<CrmKind, KindTable> = {
  leads: { table: crmLeads, key: [crmLeads.id], owner: crmLeads.ownerUserId, emailField: "ownerEmail" },
  deals: { table: crmDeals, key: [crmDeals.id], owner: crmDeals.ownerUserId, emailField: "ownerEmail" },
  activities: {
    table: crmActivities,
    key: [crmActivities.id],
    owner: crmActivities.repUserId,
    emailField: "repEmail",
  },
  customers: { table: crmCustomers, key: [crmCustomers.id], owner: null, emailField: null },
  costs: {
    table: crmCosts,
    key: [crmCosts.periodStart, crmCosts.periodEnd, crmCosts.category],
    owner: null,
    emailField: null,
  },
};

/** The property of a record's owner (its rep, for activities). */
const ownerProp = (kind: CrmKind) => (kind === "activities" ? "repUserId" : "ownerUserId");

const orgCol = (kind: CrmKind) => (TABLES[kind].table as unknown as { orgId: PgColumn }).orgId;

/** The stored value of each optional field a record leaves out. */
const DEFAULTS: Record<CrmKind, Record<string, unknown>> = {
  leads: { source: null, convertedDealId: null },
  deals: { name: null, amount: null, currency: null, status: "open", closedAt: null, leadId: null },
  activities: {
    leadId: null,
    dealId: null,
    channel: null,
    delivered: true,
    replyTo: null,
    autoReply: false,
  },
  customers: { churnedAt: null, dealId: null },
  costs: {},
};
const TIME_FIELDS = new Set(["createdAt", "closedAt", "at", "startedAt", "churnedAt"]);

/** Insert values of a validated record: its fields (times as dates), defaults, and the rep's id for their e-mail. */
function toRow(
  kind: CrmKind,
  orgId: string,
  input: AnyCrmInput,
  userId: string | null,
): Record<string, unknown> {
  const { ownerEmail: _owner, repEmail: _rep, ...fields } = input as Record<string, unknown>;
  const row: Record<string, unknown> = { orgId, ...DEFAULTS[kind] };
  for (const [field, value] of Object.entries(fields)) {
    if (value === undefined || value === null) continue;
    row[field] = TIME_FIELDS.has(field) ? (value ? new Date(value as string) : null) : value;
  }
  if (TABLES[kind].owner) row[ownerProp(kind)] = userId;
  return row;
}

function keyOf(kind: CrmKind, input: AnyCrmInput): string {
  return kind === "costs" ? costId(input as CrmInput["costs"]) : (input as { id: string }).id;
}

export interface UpsertCounts {
  imported: number;
  updated: number;
  unchanged: number;
}

/** Columns computed from other rows (./derived.ts): never written from input, never shown. */
const DERIVED = new Set(["firstResponseAt", "humanReply"]);

/** The keys whose derived columns a write of these lead or activity rows (as before and after) may change. */
function touchedBy(kind: CrmKind, rows: Array<Record<string, unknown>>): Touched {
  const leads = new Set<string>();
  const activities = new Set<string>();
  const add = (set: Set<string>, v: unknown) => {
    if (typeof v === "string") set.add(v);
  };
  for (const r of rows) {
    if (kind === "leads") add(leads, r.id);
    if (kind === "activities") {
      add(activities, r.id);
      add(activities, r.replyTo);
      add(leads, r.leadId);
    }
  }
  return { leads, activities };
}

/** Lead and reply links of stored activities, before a write changes or deletes them. */
async function activityLinks(db: Database, orgId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: crmActivities.id, leadId: crmActivities.leadId, replyTo: crmActivities.replyTo })
    .from(crmActivities)
    .where(and(eq(crmActivities.orgId, orgId), inArray(crmActivities.id, ids)));
}

/**
 * Insert or update rows by key in one statement; a row equal to the stored one is left alone
 * (so re-importing a file changes nothing, not even `updated_at`). Keys must be distinct. In one
 * transaction with the derived columns of whatever the changed rows touch (./derived.ts).
 */
async function upsertRows(
  db: Database,
  kind: CrmKind,
  rows: Record<string, unknown>[],
): Promise<UpsertCounts> {
  if (rows.length === 0) return { imported: 0, updated: 0, unchanged: 0 };
  const { table, key } = TABLES[kind];
  const orgId = rows[0]!.orgId as string;
  const keyNames = new Set(["orgId", ...key.map((c) => c.name)]);
  const set: Record<string, SQL> = {};
  const changed: SQL[] = [];
  for (const [prop, col] of Object.entries(getTableColumns(table))) {
    if (prop === "updatedAt" || prop === "orgId" || keyNames.has(col.name) || DERIVED.has(prop)) continue;
    const excluded = sql.raw(`excluded."${col.name}"`);
    set[prop] = excluded;
    changed.push(sql`${col} is distinct from ${excluded}`);
  }
  set.updatedAt = sql`now()`;
  return db.transaction(async (tx) => {
    const derives = kind === "leads" || kind === "activities";
    if (derives) await lockCrmWrites(tx, orgId);
    const before =
      kind === "activities"
        ? await activityLinks(
            tx,
            orgId,
            rows.map((r) => r.id as string),
          )
        : [];
    const returned = await tx
      .insert(table)
      .values(rows as never)
      .onConflictDoUpdate({
        target: [orgCol(kind), ...key],
        set: set as never,
        setWhere: sql.join(changed, sql` or `),
      })
      .returning({ inserted: sql<boolean>`(xmax = 0)`, key: sql<string>`${key[0]!}` });
    if (derives) {
      const changedKeys = new Set(returned.map((r) => r.key));
      const written = rows.filter((r) => changedKeys.has(r.id as string));
      const old = before.filter((r) => changedKeys.has(r.id));
      await refreshDerived(tx, orgId, touchedBy(kind, [...written, ...old]));
    }
    const imported = returned.filter((r) => r.inserted === true || String(r.inserted) === "true").length;
    return { imported, updated: returned.length - imported, unchanged: rows.length - returned.length };
  });
}

/**
 * Delete one record by key (org-scoped), with the derived columns its removal touches.
 * @returns whether a record was deleted.
 */
async function deleteRow(db: Database, orgId: string, kind: CrmKind, id: string): Promise<boolean> {
  const { table } = TABLES[kind];
  const where = and(eq(orgCol(kind), orgId), keyWhere(kind, id));
  if (kind !== "activities") {
    const rows = await db.delete(table).where(where).returning({ one: sql<number>`1` });
    return rows.length > 0;
  }
  return db.transaction(async (tx) => {
    await lockCrmWrites(tx, orgId);
    const rows = await tx
      .delete(crmActivities)
      .where(where)
      .returning({ id: crmActivities.id, leadId: crmActivities.leadId, replyTo: crmActivities.replyTo });
    await refreshDerived(tx, orgId, touchedBy(kind, rows));
    return rows.length > 0;
  });
}

/** The organization's users by lower-cased e-mail. */
async function usersByEmail(db: Database, orgId: string): Promise<Map<string, string>> {
  const rows = await db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(eq(users.orgId, orgId));
  return new Map(rows.map((u) => [u.email.toLowerCase(), u.id]));
}

type Resolved = { ok: true; input: AnyCrmInput; userId: string | null } | { ok: false; reason: string };

function resolveRep(kind: CrmKind, input: AnyCrmInput, emails: Map<string, string>): Resolved {
  const email = repEmailOf(kind, input);
  if (!email) return { ok: true, input, userId: null };
  const userId = emails.get(email.toLowerCase());
  if (!userId) {
    const col = kind === "activities" ? "rep_email" : "owner_email";
    return { ok: false, reason: `${col} ${email} is not a user of this organization` };
  }
  return { ok: true, input, userId };
}

export interface ImportError {
  line: number;
  id?: string;
  reason: string;
}

export interface ImportReport {
  kind: CrmKind;
  imported: number;
  updated: number;
  unchanged: number;
  rejected: number;
  /** The first MAX_REPORTED_ERRORS rejected rows, by line. */
  errors: ImportError[];
}

export const MAX_REPORTED_ERRORS = 1000;
const BATCH = 500;

const snake = (s: string) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * Import a CSV file of one kind (bytes as they arrive). Bad rows are reported by line and skipped;
 * good rows are upserted in batches. Admins and managers only.
 *
 * @example
 * const report = await importCrm(ctx, "deals", fileChunks);
 * // { kind: "deals", imported: 120, updated: 0, unchanged: 0, rejected: 1, errors: [{ line: 7, id: "D-7", reason: "amount: …" }] }
 */
export async function importCrm(
  ctx: CrmCtx,
  kind: CrmKind,
  source: AsyncIterable<Uint8Array>,
): Promise<ImportReport> {
  requireRole(ctx.actor, "admin", "manager");
  const report: ImportReport = { kind, imported: 0, updated: 0, unchanged: 0, rejected: 0, errors: [] };
  const reject = (e: ImportError) => {
    report.rejected++;
    if (report.errors.length < MAX_REPORTED_ERRORS) report.errors.push(e);
  };
  const emails = await usersByEmail(ctx.services.db, ctx.actor.orgId);
  const schema = CrmCsvSchemas[kind];
  const seen = new Map<string, number>();
  let batch: Record<string, unknown>[] = [];
  let sawHeader = false;
  const flush = async () => {
    const counts = await upsertRows(ctx.services.db, kind, batch);
    report.imported += counts.imported;
    report.updated += counts.updated;
    report.unchanged += counts.unchanged;
    batch = [];
  };
  const onHeader = ({ columns }: { columns: string[] }) => {
    sawHeader = true;
    const missing = CSV_COLUMNS[kind].required.filter((c) => !columns.includes(c));
    if (missing.length > 0) {
      throw new DebriefError(
        "validation_failed",
        `the header of this ${kind} file lacks the required column${missing.length > 1 ? "s" : ""} ${missing.join(", ")} (columns: ${[...CSV_COLUMNS[kind].required, ...CSV_COLUMNS[kind].optional].join(", ")})`,
      );
    }
  };
  for await (const row of csvRows(source, onHeader)) {
    if ("error" in row) {
      reject({ line: row.line, reason: row.error });
      continue;
    }
    const rawId = row.values.id ?? undefined;
    const parsed = schema.safeParse(csvToInput(kind, row.values));
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const field = issue.path.length > 0 ? snake(formatPath(issue.path)) : "row";
      const reason =
        issue.code === "invalid_type" && issue.input === undefined ? "is required" : issue.message;
      reject({ line: row.line, ...(rawId ? { id: rawId } : {}), reason: `${field}: ${reason}` });
      continue;
    }
    const input = parsed.data as AnyCrmInput;
    const key = keyOf(kind, input);
    const first = seen.get(key);
    if (first !== undefined) {
      reject({ line: row.line, id: key, reason: `${key} appears again (first on line ${first})` });
      continue;
    }
    seen.set(key, row.line);
    const resolved = resolveRep(kind, input, emails);
    if (!resolved.ok) {
      reject({ line: row.line, id: key, reason: resolved.reason });
      continue;
    }
    batch.push(toRow(kind, ctx.actor.orgId, input, resolved.userId));
    if (batch.length >= BATCH) await flush();
  }
  if (!sawHeader) throw new DebriefError("validation_failed", "the file is empty: a header row is required");
  await flush();
  return report;
}

// ---------------------------------------------------------------------------------------------
// One record at a time (JSON API)
// ---------------------------------------------------------------------------------------------

export type CrmRecord = Record<string, unknown>;

/** Reps read leads, deals and activities they own; customers and costs are for managers. */
function readScope(ctx: CrmCtx, kind: CrmKind): SQL {
  const org = eq(orgCol(kind), ctx.actor.orgId);
  if (ctx.actor.role !== "rep") return org;
  const owner = TABLES[kind].owner;
  if (!owner) {
    throw new DebriefError(
      "auth.forbidden",
      `reps cannot read ${kind}; this needs the admin or manager role`,
    );
  }
  return and(org, eq(owner, ctx.actor.userId))!;
}

function keyWhere(kind: CrmKind, id: string): SQL {
  if (kind === "costs") {
    const k = parseCostId(id);
    if (!k) throw new DebriefError("not_found", `no costs ${id}`);
    return and(
      eq(crmCosts.periodStart, k.periodStart),
      eq(crmCosts.periodEnd, k.periodEnd),
      eq(crmCosts.category, k.category as "sales"),
    )!;
  }
  return eq(TABLES[kind].key[0]!, id);
}

/** JSON shape of stored rows: ISO times, the rep's e-mail beside their id, costs with an id. */
async function present(db: Database, kind: CrmKind, rows: Record<string, unknown>[]): Promise<CrmRecord[]> {
  const { owner, emailField } = TABLES[kind];
  let emailOf = new Map<string, string>();
  if (owner && emailField) {
    const ids = [...new Set(rows.map((r) => r[ownerProp(kind)]))];
    const found = ids.filter((x): x is string => typeof x === "string");
    if (found.length > 0) {
      const us = await db
        .select({ id: users.id, email: users.email })
        .from(users)
        .where(inArray(users.id, found));
      emailOf = new Map(us.map((u) => [u.id, u.email]));
    }
  }
  return rows.map((r) => {
    const { orgId: _org, firstResponseAt: _first, humanReply: _replied, ...rest } = r;
    const out: CrmRecord = {};
    if (kind === "costs")
      out.id = costId(rest as { periodStart: string; periodEnd: string; category: string });
    for (const [k, v] of Object.entries(rest)) out[k] = v instanceof Date ? v.toISOString() : v;
    if (emailField) {
      const uid = (rest.ownerUserId ?? rest.repUserId) as string | null;
      out[emailField] = uid ? (emailOf.get(uid) ?? null) : null;
    }
    return out;
  });
}

export async function getCrmRecord(ctx: CrmCtx, kind: CrmKind, id: string): Promise<CrmRecord> {
  const { table } = TABLES[kind];
  const rows = await ctx.services.db
    .select()
    .from(table)
    .where(and(readScope(ctx, kind), keyWhere(kind, id)));
  if (rows.length === 0) throw new DebriefError("not_found", `no ${kind} ${id}`);
  return (await present(ctx.services.db, kind, rows as Record<string, unknown>[]))[0]!;
}

export interface CrmPage {
  items: CrmRecord[];
  nextCursor: string | null;
}

function encodeCursor(key: string): string {
  const binary = String.fromCharCode(...new TextEncoder().encode(key));
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}
function decodeCursor(s: string): string {
  try {
    const binary = atob(s.replace(/-/g, "+").replace(/_/g, "/"));
    return new TextDecoder("utf-8", { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
  } catch {
    throw new DebriefError("validation_failed", "cursor: not a cursor returned by this API", {
      details: { errors: [{ path: "cursor", message: "invalid cursor" }] },
    });
  }
}

/** Records in key order, `limit` at a time; pass `nextCursor` back as `cursor` for the next page. */
export async function listCrmRecords(
  ctx: CrmCtx,
  kind: CrmKind,
  query: { limit: number; cursor?: string | undefined },
): Promise<CrmPage> {
  const { table, key } = TABLES[kind];
  const conds: SQL[] = [readScope(ctx, kind)];
  if (query.cursor) {
    const after = decodeCursor(query.cursor);
    if (kind === "costs") {
      const k = parseCostId(after);
      if (!k) decodeCursor("!");
      conds.push(
        sql`(${crmCosts.periodStart}, ${crmCosts.periodEnd}, ${crmCosts.category}) > (${k!.periodStart}::date, ${k!.periodEnd}::date, ${k!.category})`,
      );
    } else conds.push(gt(key[0]!, after));
  }
  const rows = (await ctx.services.db
    .select()
    .from(table)
    .where(and(...conds))
    .orderBy(...key.map((c) => asc(c)))
    .limit(query.limit + 1)) as Record<string, unknown>[];
  const page = await present(ctx.services.db, kind, rows.slice(0, query.limit));
  const last = page[page.length - 1];
  return {
    items: page,
    nextCursor: rows.length > query.limit && last ? encodeCursor(String(last.id)) : null,
  };
}

/**
 * Create or replace one record from JSON (admins, managers). The path's id wins over the body's.
 * @returns the stored record and whether it was created.
 */
export async function putCrmRecord(
  ctx: CrmCtx,
  kind: CrmKind,
  id: string,
  body: unknown,
): Promise<{ record: CrmRecord; created: boolean }> {
  requireRole(ctx.actor, "admin", "manager");
  let raw = body;
  if (typeof body === "object" && body !== null && !Array.isArray(body)) {
    if (kind === "costs") {
      const k = parseCostId(id);
      if (!k)
        throw new DebriefError(
          "validation_failed",
          "id: a cost's id is PERIODSTART_PERIODEND_CATEGORY, e.g. 2026-01-01_2026-01-31_sales",
        );
      raw = { ...body, ...k };
    } else raw = { ...body, id };
  }
  const parsed = CrmInputSchemas[kind].safeParse(raw);
  if (!parsed.success) {
    const errors = parsed.error.issues.map((i) => ({
      path: formatPath(i.path, "(body)"),
      message: i.message,
    }));
    throw new DebriefError("validation_failed", `${errors[0]!.path}: ${errors[0]!.message}`, {
      details: { errors },
    });
  }
  const input = parsed.data as AnyCrmInput;
  const resolved = resolveRep(kind, input, await usersByEmail(ctx.services.db, ctx.actor.orgId));
  if (!resolved.ok) {
    const path = TABLES[kind].emailField!;
    throw new DebriefError("validation_failed", `${path}: ${resolved.reason}`, {
      details: { errors: [{ path, message: resolved.reason }] },
    });
  }
  const counts = await upsertRows(ctx.services.db, kind, [
    toRow(kind, ctx.actor.orgId, input, resolved.userId),
  ]);
  return { record: await getCrmRecord(ctx, kind, keyOf(kind, input)), created: counts.imported === 1 };
}

export async function deleteCrmRecord(ctx: CrmCtx, kind: CrmKind, id: string): Promise<void> {
  requireRole(ctx.actor, "admin", "manager");
  if (!(await deleteRow(ctx.services.db, ctx.actor.orgId, kind, id)))
    throw new DebriefError("not_found", `no ${kind} ${id}`);
}

// ---------------------------------------------------------------------------------------------
// Organization settings used by the reports
// ---------------------------------------------------------------------------------------------

export interface OrgSettings {
  id: string;
  name: string;
  timeZone: string;
  currency: string;
}

export async function getOrgSettings(ctx: CrmCtx): Promise<OrgSettings> {
  const [org] = await ctx.services.db
    .select({
      id: organizations.id,
      name: organizations.name,
      timeZone: organizations.timeZone,
      currency: organizations.currency,
    })
    .from(organizations)
    .where(eq(organizations.id, ctx.actor.orgId));
  if (!org) throw new DebriefError("not_found", "no such organization");
  return org;
}

/** Change the organization's name, time zone (IANA) or currency (ISO 4217). Admins only. */
export async function updateOrgSettings(
  ctx: CrmCtx,
  input: { name?: string | undefined; timeZone?: string | undefined; currency?: string | undefined },
): Promise<OrgSettings> {
  requireRole(ctx.actor, "admin");
  const set: Partial<OrgSettings> = {};
  if (input.name !== undefined) set.name = input.name;
  if (input.timeZone !== undefined) {
    const tz = canonicalTimeZone(input.timeZone);
    if (!tz) {
      const message = "must be an IANA time zone such as Europe/Berlin or UTC";
      throw new DebriefError("validation_failed", `timeZone: ${message}`, {
        details: { errors: [{ path: "timeZone", message }] },
      });
    }
    set.timeZone = tz;
  }
  if (input.currency !== undefined) set.currency = input.currency.toUpperCase();
  if (Object.keys(set).length > 0)
    await ctx.services.db.update(organizations).set(set).where(eq(organizations.id, ctx.actor.orgId));
  return getOrgSettings(ctx);
}

/**
 * Save many records of one kind from JSON inputs (the demo seed): validated like PUT, upserted in
 * one statement. Throws on the first invalid record.
 */
export async function saveCrmRecords(ctx: CrmCtx, kind: CrmKind, inputs: unknown[]): Promise<UpsertCounts> {
  requireRole(ctx.actor, "admin", "manager");
  const emails = await usersByEmail(ctx.services.db, ctx.actor.orgId);
  const rows = inputs.map((raw, i) => {
    const parsed = CrmInputSchemas[kind].safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new DebriefError(
        "validation_failed",
        `${kind}[${i}].${formatPath(issue.path)}: ${issue.message}`,
      );
    }
    const resolved = resolveRep(kind, parsed.data as AnyCrmInput, emails);
    if (!resolved.ok) throw new DebriefError("validation_failed", `${kind}[${i}]: ${resolved.reason}`);
    return toRow(kind, ctx.actor.orgId, resolved.input, resolved.userId);
  });
  return upsertRows(ctx.services.db, kind, rows);
}

// ---------------------------------------------------------------------------------------------
// Changes from CRM webhooks (src/crm/sync.ts): the import's validation and upsert, one record
// ---------------------------------------------------------------------------------------------

/** A stored record as import cells (CSV column → text), to merge a partial change into. */
function rowToCells(kind: CrmKind, row: Record<string, unknown>): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  const { required, optional } = CSV_COLUMNS[kind];
  for (const col of [...required, ...optional]) {
    const prop = col.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
    const v = row[prop];
    out[col] =
      v === null || v === undefined ? null : v instanceof Date ? v.toISOString() : String(v as string);
  }
  return out;
}

/**
 * Apply one synced change: a delete deletes; an upsert merges the told columns (absent = left as
 * stored, null = cleared) into the stored record and goes through the CSV import's schema and
 * upsert. A new record lacking its required time gets `fallbackTime` (when the vendor first told
 * us of it). `ownerEmail` (already mapped from a vendor owner id) sets the owner; an e-mail that is
 * no user of the organization leaves the owner as it was. Returns why a change was refused, or null.
 *
 * @example
 * await applyCrmChange(tx, orgId, { kind: "deals", op: "upsert", cells: { id: "D-1", status: "won" } }, new Date());
 */
export async function applyCrmChange(
  db: Database,
  orgId: string,
  change: {
    kind: Exclude<CrmKind, "costs">;
    op: "upsert" | "delete";
    cells: Record<string, string | null>;
    ownerEmail?: string | undefined;
  },
  fallbackTime: Date,
): Promise<string | null> {
  const { kind } = change;
  const { table } = TABLES[kind];
  const id = change.cells.id;
  if (!id) return "the change has no id";
  if (change.op === "delete") {
    await deleteRow(db, orgId, kind, id);
    return null;
  }
  const [existing] = (await db
    .select()
    .from(table)
    .where(and(eq(orgCol(kind), orgId), keyWhere(kind, id)))
    .limit(1)) as Record<string, unknown>[];
  const cells: Record<string, string | null> = existing ? rowToCells(kind, existing) : {};
  for (const [col, value] of Object.entries(change.cells)) if (value !== undefined) cells[col] = value;
  const timeCol = CSV_COLUMNS[kind].required.find(
    (c) => c === "created_at" || c === "at" || c === "started_at",
  );
  if (timeCol && !cells[timeCol]) cells[timeCol] = fallbackTime.toISOString();
  if (change.ownerEmail !== undefined)
    cells[kind === "activities" ? "rep_email" : "owner_email"] = change.ownerEmail;
  const parsed = CrmCsvSchemas[kind].safeParse(csvToInput(kind, cells));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return `${snake(formatPath(issue.path))}: ${issue.message}`;
  }
  const input = parsed.data as AnyCrmInput;
  const emailCol = kind === "activities" ? "rep_email" : "owner_email";
  let userId = TABLES[kind].owner && existing ? ((existing[ownerProp(kind)] as string | null) ?? null) : null;
  const email = repEmailOf(kind, input);
  if (email) userId = (await usersByEmail(db, orgId)).get(email.toLowerCase()) ?? userId;
  else if (change.cells[emailCol] === null) userId = null;
  await upsertRows(db, kind, [toRow(kind, orgId, input, userId)]);
  return null;
}
