import { sql } from "drizzle-orm";
import { type Database, resultRows } from "../src/db/database.js";

/** A year (2026) of CRM records for one organization, built by the database itself. */
export async function generateCrmYear(db: Database, orgId: string): Promise<Record<string, number>> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`select setseed(0.42)`);
    await tx.execute(sql`insert into users (id, org_id, email, name, role)
      select 'brep' || g, ${orgId}, 'rep' || g || '@bench.test', 'Rep ' || g, 'rep' from generate_series(0, 49) g`);
    // 100,000 leads; every 4th converted into deal D<n/4>.
    await tx.execute(sql`insert into crm_leads (org_id, id, created_at, owner_user_id, source, converted_deal_id)
      select ${orgId}, 'L' || g, timestamptz '2026-01-01 00:00Z' + random() * interval '365 days',
        'brep' || (g % 50), (array['web','event','referral'])[1 + g % 3],
        case when g % 4 = 0 then 'D' || (g / 4) end
      from generate_series(0, 99999) g`);
    // 40,000 deals: 30% won, 35% lost (closed 1–90 days after creation), the rest open.
    await tx.execute(sql`insert into crm_deals (org_id, id, created_at, owner_user_id, name, amount, currency, status, closed_at, lead_id)
      select ${orgId}, 'D' || g, created, 'brep' || (g % 50), 'Deal ' || g, amount, 'USD', status,
        case when status <> 'open' then created + (1 + random() * 89) * interval '1 day' end,
        case when g < 25000 then 'L' || (g * 4) end
      from (select g, timestamptz '2026-01-01 00:00Z' + random() * interval '365 days' as created,
              round((1000 + random() * 49000)::numeric, 2) as amount,
              case when r < 0.30 then 'won' when r < 0.65 then 'lost' else 'open' end as status
            from (select g, random() as r from generate_series(0, 39999) g) s) d`);
    // First responses to 90% of the leads, seconds to a day after creation.
    await tx.execute(sql`insert into crm_activities (org_id, id, at, direction, rep_user_id, lead_id, channel)
      select org_id, 'AR' || id, created_at + random() * random() * interval '1 day', 'outbound',
        owner_user_id, id, 'email'
      from crm_leads where org_id = ${orgId} and random() < 0.9`);
    // 510,000 more outbound touches (5% bounced), half on leads, half on deals.
    await tx.execute(sql`insert into crm_activities (org_id, id, at, direction, rep_user_id, lead_id, deal_id, channel, delivered)
      select ${orgId}, 'AO' || g, timestamptz '2026-01-01 00:00Z' + random() * interval '365 days', 'outbound',
        'brep' || (g % 50), case when g % 2 = 0 then 'L' || (g % 100000) end,
        case when g % 2 = 1 then 'D' || (g % 40000) end,
        (array['email','call','message','meeting'])[1 + g % 4], random() > 0.05
      from generate_series(0, 509999) g`);
    // 400,000 inbound replies to those (10% automatic).
    await tx.execute(sql`insert into crm_activities (org_id, id, at, direction, deal_id, channel, reply_to, auto_reply)
      select ${orgId}, 'AI' || g, timestamptz '2026-01-01 00:00Z' + random() * interval '365 days', 'inbound',
        null, 'email', 'AO' || ((g::bigint * 7919) % 510000), g % 10 = 0
      from generate_series(0, 399999) g`);
    // 20,000 customers since mid-2025, 10% churned.
    await tx.execute(sql`insert into crm_customers (org_id, id, started_at, churned_at, deal_id)
      select ${orgId}, 'C' || g, started,
        case when random() < 0.1 then started + random() * interval '200 days' end, 'D' || (g % 40000)
      from (select g, timestamptz '2025-07-01 00:00Z' + random() * interval '540 days' as started
            from generate_series(0, 19999) g) c`);
    await tx.execute(sql`insert into crm_costs (org_id, period_start, period_end, category, amount)
      select ${orgId}, m::date, (m + interval '1 month' - interval '1 day')::date, cat, 50000 + random() * 10000
      from generate_series(timestamp '2026-01-01', timestamp '2026-12-01', interval '1 month') m,
        unnest(array['sales','marketing']) cat`);
  });
  // As autovacuum would soon after a bulk load: statistics, and the visibility map that lets the
  // lead-response probe read only the index.
  await db.execute(sql`vacuum analyze`);
  const counts: Record<string, number> = {};
  for (const table of ["crm_leads", "crm_deals", "crm_activities", "crm_customers", "crm_costs"]) {
    const [row] = resultRows<{ n: unknown }>(await db.execute(sql.raw(`select count(*) as n from ${table}`)));
    counts[table] = Number(row?.n);
  }
  return counts;
}
