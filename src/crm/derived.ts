import { type SQL, sql } from "drizzle-orm";
import type { Database } from "../db/database.js";

/**
 * The two CRM columns that summarise other rows, so the outcome metrics read one row where they
 * would otherwise search many (docs/benchmarks.md, "Indexes and plans"):
 *
 * - `crm_leads.first_response_at`: the earliest outbound activity of the lead at or after its
 *   creation (lead response time);
 * - `crm_activities.human_reply`: some inbound, not automatic activity replies to this one
 *   (outreach response rate).
 *
 * Neither is ever imported. Every CRM write — CSV import, JSON API, demo seed and CRM webhooks all
 * go through `upsertRows` and the two deletes in ./operations.ts — calls `refreshDerived` in the
 * same transaction, after `lockCrmWrites`, for the keys it touched; the migration that added the
 * columns filled them the same way for every row.
 */

/** Advisory lock class of the CRM writes (two-key form: its own space, apart from migrations'). */
const CRM_WRITE_LOCK = 40_917;

/**
 * Serialise the CRM writes of one organization until the transaction ends. Without it two
 * concurrent writers (an import and a webhook) could each recompute a lead or a reply flag before
 * the other's rows were committed, and leave it stale.
 */
export async function lockCrmWrites(tx: Database, orgId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${CRM_WRITE_LOCK}, hashtext(${orgId}))`);
}

/** What a write touched: keys whose derived column may now be wrong, or "all" of the organization. */
export interface Touched {
  /** Leads whose first response may have changed (their own rows, or their activities' old and new lead). */
  leads: ReadonlySet<string> | "all";
  /** Activities whose reply flag may have changed (their own rows, and the old and new `reply_to`). */
  activities: ReadonlySet<string> | "all";
}

const keyFilter = (column: SQL, keys: ReadonlySet<string> | "all"): SQL =>
  keys === "all"
    ? sql``
    : sql`and ${column} in (${sql.join(
        [...keys].map((k) => sql`${k}`),
        sql`, `,
      )})`;

const isEmpty = (keys: ReadonlySet<string> | "all") => keys !== "all" && keys.size === 0;

/**
 * Recompute the derived columns of the touched rows (only rows whose value changes are written).
 *
 * @example
 * await refreshDerived(tx, orgId, { leads: new Set(["L1"]), activities: new Set(["A1", "A0"]) });
 */
export async function refreshDerived(db: Database, orgId: string, touched: Touched): Promise<void> {
  if (!isEmpty(touched.leads)) {
    const first = sql`(select min(a.at) from crm_activities a
      where a.org_id = l.org_id and a.lead_id = l.id and a.direction = 'outbound' and a.at >= l.created_at)`;
    await db.execute(sql`update crm_leads l set first_response_at = ${first}
      where l.org_id = ${orgId} ${keyFilter(sql`l.id`, touched.leads)}
        and l.first_response_at is distinct from ${first}`);
  }
  if (!isEmpty(touched.activities)) {
    const replied = sql`exists (select 1 from crm_activities r
      where r.org_id = a.org_id and r.reply_to = a.id and r.direction = 'inbound' and not r.auto_reply)`;
    await db.execute(sql`update crm_activities a set human_reply = ${replied}
      where a.org_id = ${orgId} ${keyFilter(sql`a.id`, touched.activities)}
        and a.human_reply <> ${replied}`);
  }
}
