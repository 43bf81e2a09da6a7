import type { CrmInput } from "../crm/kinds.js";
import type { DemoManifest } from "./demo.js";

/**
 * CRM records for the demo organization, consistent with its calls (the manifest's deals, reps and
 * outcomes) and dated relative to `now`, so the outcome report has real numbers on the day the
 * demo is seeded: the deals of the calls with leads before them, first responses and e-mail
 * threads (replies, out-of-office auto-replies, a bounce), customers (one churned) and monthly
 * costs plus a campaign spanning months. Pure and deterministic for a given `now`.
 */
export interface DemoCrm {
  leads: CrmInput["leads"][];
  deals: CrmInput["deals"][];
  activities: CrmInput["activities"][];
  customers: CrmInput["customers"][];
  costs: CrmInput["costs"][];
}

const DAY = 86_400_000;
/** First-response delays cycled over the leads (seconds); every 7th lead gets none. */
const RESPONSE_SEC = [95, 240, 610, 1_500, 2_700, 5_400, 14_400, 52_000];
const SOURCES = ["web", "referral", "event", "outbound"];

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

export function demoCrm(manifest: DemoManifest, now: Date): DemoCrm {
  const day0 = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const at = (daysAgo: number, hourUtc = 9, minute = 0) =>
    new Date(day0 - daysAgo * DAY + (hourUtc * 60 + minute) * 60_000).toISOString();
  const ymd = (d: Date) => d.toISOString().slice(0, 10);
  const emailOf = new Map(manifest.users.map((u) => [u.key, u.email]));
  const reps = manifest.users.filter((u) => u.role === "rep").map((u) => u.email);

  // The calls' deals, once each, in manifest order.
  const seen = new Map<string, { rep: string; outcome: string; title: string }>();
  for (const c of manifest.calls) {
    if (!seen.has(c.crm.dealId))
      seen.set(c.crm.dealId, {
        rep: emailOf.get(c.rep)!,
        outcome: c.crm.outcome,
        title: c.title.split(" — ")[0]!,
      });
  }
  const out: DemoCrm = { leads: [], deals: [], activities: [], customers: [], costs: [] };
  let closedIndex = 0;
  [...seen].forEach(([id, d], i) => {
    const createdDaysAgo = 70 - 3 * i;
    const closed = d.outcome === "open" ? null : at(2 + 4 * closedIndex++, 16);
    const renewal = Number(id.replace(/\D/g, "")) < 2000;
    out.deals.push({
      id,
      createdAt: at(createdDaysAgo),
      ownerEmail: d.rep,
      name: d.title,
      amount: 6_000 + (hash(id) % 30) * 500,
      currency: "USD",
      status: d.outcome as "open" | "won" | "lost",
      closedAt: closed,
      leadId: renewal ? null : `L-${id}`,
    });
    if (!renewal) {
      out.leads.push({
        id: `L-${id}`,
        createdAt: at(createdDaysAgo + 4, 13, 5 * i),
        ownerEmail: d.rep,
        source: SOURCES[i % SOURCES.length]!,
        convertedDealId: id,
      });
    }
    // Three e-mails over the deal's life: the first answered by a person, every third deal's
    // second only by an out-of-office, every ninth deal's last one bounced.
    for (let k = 0; k < 3; k++) {
      const mailId = `E-${id}-${k + 1}`;
      const sentDaysAgo = Math.max(1, createdDaysAgo - 1 - 9 * k);
      out.activities.push({
        id: mailId,
        at: at(sentDaysAgo, 10, k * 7),
        direction: "outbound",
        repEmail: d.rep,
        dealId: id,
        channel: "email",
        delivered: !(k === 2 && i % 9 === 0),
        autoReply: false,
      });
      if (k === 0) {
        out.activities.push({
          id: `${mailId}-re`,
          at: at(sentDaysAgo, 14, 20),
          direction: "inbound",
          dealId: id,
          channel: "email",
          replyTo: mailId,
          autoReply: false,
        });
      } else if (k === 1 && i % 3 === 0) {
        out.activities.push({
          id: `${mailId}-ooo`,
          at: at(sentDaysAgo, 10, k * 7 + 1),
          direction: "inbound",
          dealId: id,
          channel: "email",
          replyTo: mailId,
          autoReply: true,
        });
      }
    }
    if (d.outcome === "won") {
      out.customers.push({
        id: `CU-${id}`,
        startedAt: renewal ? at(380 + (hash(id) % 60)) : closed!,
        churnedAt: null,
        dealId: id,
      });
    } else if (renewal) {
      out.customers.push({
        id: `CU-${id}`,
        startedAt: at(340 + (hash(id) % 90)),
        churnedAt: null,
        dealId: id,
      });
    }
  });
  // Leads that did not (yet) convert, over the last 60 days.
  for (let n = 0; n < 24; n++) {
    out.leads.push({
      id: `L-${9000 + n}`,
      createdAt: at(60 - 2.5 * n, 8 + (n % 9), (n * 13) % 60),
      ownerEmail: reps[n % reps.length]!,
      source: SOURCES[(n + 1) % SOURCES.length]!,
      convertedDealId: null,
    });
  }
  // First responses to leads.
  out.leads.forEach((lead, n) => {
    if (n % 7 === 6) return;
    const delay = RESPONSE_SEC[n % RESPONSE_SEC.length]!;
    const t = new Date(Date.parse(lead.createdAt) + delay * 1000);
    if (t.getTime() > now.getTime()) return;
    out.activities.push({
      id: `R-${lead.id}`,
      at: t.toISOString(),
      direction: "outbound",
      repEmail: lead.ownerEmail ?? null,
      leadId: lead.id,
      channel: n % 2 === 0 ? "call" : "email",
      delivered: true,
      autoReply: false,
    });
  });
  // Older customers: one churned a fortnight ago, one long ago.
  const older: Array<[string, number, number | null]> = [
    ["CU-1701", 520, null],
    ["CU-1744", 450, 15],
    ["CU-1768", 410, null],
    ["CU-1790", 300, 200],
    ["CU-1811", 150, null],
    ["CU-1822", 95, null],
  ];
  for (const [id, started, churned] of older)
    out.customers.push({
      id,
      startedAt: at(started),
      churnedAt: churned === null ? null : at(churned, 11),
      dealId: null,
    });

  // Monthly costs for this month and the six before it, and a campaign straddling two months.
  for (let m = -6; m <= 0; m++) {
    const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + m, 1));
    const end = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + m + 1, 0));
    out.costs.push({ periodStart: ymd(start), periodEnd: ymd(end), category: "sales", amount: 42_000 });
    out.costs.push({
      periodStart: ymd(start),
      periodEnd: ymd(end),
      category: "marketing",
      amount: 9_000 + 500 * (m + 6),
    });
  }
  // 41 days: never a whole calendar month, so never the key of a monthly row.
  out.costs.push({
    periodStart: ymd(new Date(day0 - 50 * DAY)),
    periodEnd: ymd(new Date(day0 - 10 * DAY)),
    category: "marketing",
    amount: 6_000,
  });
  return out;
}
