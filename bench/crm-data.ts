import { sql } from "drizzle-orm";
import { refreshDerived } from "../src/crm/derived.js";
import type { Database } from "../src/db/database.js";

/**
 * A year (2026) of CRM records for one organization, built by the database itself, with the
 * derived columns filled as the import's upsert keeps them (src/crm/derived.ts).
 */
export async function generateCrmYear(db: Database, orgId: string): Promise<void> {
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
    await refreshDerived(tx, orgId, { leads: "all", activities: "all" });
  });
  // As autovacuum would soon after a bulk load: statistics, and the visibility map that lets the
  // response-rate scan read only the index.
  await db.execute(sql`vacuum analyze`);
}

/** 100,000 analysed calls of 2026 over the 50 reps, a third linked to a deal, with their metrics. */
export const CALLS = 100_000;

export async function generateCalls(db: Database, orgId: string): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`select setseed(0.17)`);
    await tx.execute(sql`insert into calls (id, org_id, rep_user_id, occurred_at, status, source, content_hash, crm_deal_id, coaching_status)
      select 'BC' || g, ${orgId}, 'brep' || (g % 50), timestamptz '2026-01-01 00:00Z' + random() * interval '365 days',
        'done', 'transcript', 'bench-' || g, case when g % 3 = 0 then 'D' || (g % 40000) end, 'done'
      from generate_series(0, ${CALLS - 1}) g`);
    await tx.execute(sql`insert into call_metrics (call_id, org_id, rep_user_id, occurred_at, crm_deal_id, language,
        duration_sec, talk_ratio, longest_monologue_sec, longest_customer_story_sec, patience_sec, interactivity,
        silence_sec, pauses, longest_pause_sec, rep_questions_open, rep_questions_closed, customer_questions_open,
        customer_questions_closed, rep_fillers_per_min, rep_wpm, objections, objections_resolved, playbook_score, playbook)
      select c.id, c.org_id, c.rep_user_id, c.occurred_at, c.crm_deal_id, 'en',
        600 + random() * 2400, 0.25 + random() * 0.5, 30 + random() * 300, 20 + random() * 200, 0.3 + random() * 1.5,
        1 + random() * 5, random() * 120, (random() * 20)::int, random() * 10, (random() * 12)::int, (random() * 8)::int,
        (random() * 4)::int, (random() * 4)::int, random() * 6, 120 + random() * 60, (random() * 4)::int, 0, random(), 'discovery'
      from calls c where c.org_id = ${orgId}`);
  });
  await db.execute(sql`vacuum analyze`);
}
