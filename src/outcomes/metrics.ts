/**
 * Outcome metrics from the counts the SQL returns: the divisions, and a reason wherever there is
 * nothing to divide by (the metric is then null, never 0). Pure; see docs/outcomes.md.
 */

export interface LeadCounts {
  /** Leads created in the period. */
  leads: number;
  /** …whose converted deal is won. */
  converted: number;
  /** …with an outbound activity at or after creation. */
  answered: number;
  within5Min: number;
  within1Hour: number;
  /** Nearest-rank quantiles of the answered leads' response times, seconds. */
  medianSec: number | null;
  p90Sec: number | null;
}

export interface DealCounts {
  /** Deals created in the period. */
  created: number;
  /** Deals closed in the period as won / as lost. */
  won: number;
  lost: number;
  /** Mean amount of the won ones (deals without an amount left out); null when none has one. */
  meanWonAmount: number | null;
  /** Mean fractional days from creation to close of the won ones. */
  meanWonDays: number | null;
}

export interface ActivityCounts {
  /** Delivered outbound activities in the period. */
  sent: number;
  /** …with at least one human (not automatic) inbound reply. */
  replied: number;
}

export interface CustomerCounts {
  /** Active at the period's start. */
  active: number;
  /** …of which churned within the period. */
  churned: number;
  /** Started within the period. */
  started: number;
}

export interface LeadResponse {
  medianSec: number | null;
  p90Sec: number | null;
  within5MinShare: number;
  within1HourShare: number;
  unanswered: number;
}

export interface RepMetrics {
  conversionRate: number | null;
  winRate: number | null;
  leadResponse: LeadResponse | null;
  responseRate: number | null;
  pipelineVelocity: number | null;
}

export interface OrgMetrics extends RepMetrics {
  churnRate: number | null;
  cac: number | null;
}

export type Reasons = Partial<Record<keyof OrgMetrics, string>>;

export const EMPTY_LEADS: LeadCounts = {
  leads: 0,
  converted: 0,
  answered: 0,
  within5Min: 0,
  within1Hour: 0,
  medianSec: null,
  p90Sec: null,
};
export const EMPTY_DEALS: DealCounts = {
  created: 0,
  won: 0,
  lost: 0,
  meanWonAmount: null,
  meanWonDays: null,
};
export const EMPTY_ACTIVITIES: ActivityCounts = { sent: 0, replied: 0 };

/**
 * The per-rep metrics (also the organization's, before churn and CAC).
 *
 * @example
 * repMetrics({ ...EMPTY_LEADS, leads: 4, converted: 1 }, EMPTY_DEALS, EMPTY_ACTIVITIES).metrics.conversionRate; // 0.25
 */
export function repMetrics(
  leads: LeadCounts,
  deals: DealCounts,
  activities: ActivityCounts,
): { metrics: RepMetrics; reasons: Reasons } {
  const reasons: Reasons = {};
  const noLeads = "no leads were created in the period";

  const conversionRate = leads.leads > 0 ? leads.converted / leads.leads : null;
  if (conversionRate === null) reasons.conversionRate = noLeads;

  let leadResponse: LeadResponse | null = null;
  if (leads.leads === 0) reasons.leadResponse = noLeads;
  else {
    leadResponse = {
      medianSec: leads.medianSec,
      p90Sec: leads.p90Sec,
      within5MinShare: leads.within5Min / leads.leads,
      within1HourShare: leads.within1Hour / leads.leads,
      unanswered: leads.leads - leads.answered,
    };
    if (leads.answered === 0)
      reasons.leadResponse = "no lead created in the period has an outbound activity yet (no quantiles)";
  }

  const closed = deals.won + deals.lost;
  const winRate = closed > 0 ? deals.won / closed : null;
  if (winRate === null) reasons.winRate = "no deals were closed as won or lost in the period";

  const responseRate = activities.sent > 0 ? activities.replied / activities.sent : null;
  if (responseRate === null) reasons.responseRate = "no delivered outbound activities in the period";

  let pipelineVelocity: number | null = null;
  if (winRate === null) reasons.pipelineVelocity = "no deals were closed as won or lost in the period";
  else if (deals.won === 0) reasons.pipelineVelocity = "no deals were won in the period";
  else if (deals.meanWonAmount === null)
    reasons.pipelineVelocity = "none of the deals won in the period has an amount";
  else if (deals.meanWonDays === null || deals.meanWonDays <= 0)
    reasons.pipelineVelocity = "the deals won in the period closed the moment they were created";
  else pipelineVelocity = (deals.created * deals.meanWonAmount * winRate) / deals.meanWonDays;

  return { metrics: { conversionRate, winRate, leadResponse, responseRate, pipelineVelocity }, reasons };
}

/**
 * The organization's metrics: the per-rep ones over all records, plus churn and CAC.
 *
 * @example
 * orgMetrics(EMPTY_LEADS, EMPTY_DEALS, EMPTY_ACTIVITIES, { active: 50, churned: 2, started: 4 }, 7322).metrics.cac; // 1830.5
 */
export function orgMetrics(
  leads: LeadCounts,
  deals: DealCounts,
  activities: ActivityCounts,
  customers: CustomerCounts,
  cost: number,
): { metrics: OrgMetrics; reasons: Reasons } {
  const { metrics, reasons } = repMetrics(leads, deals, activities);
  const churnRate = customers.active > 0 ? customers.churned / customers.active : null;
  if (churnRate === null) reasons.churnRate = "no customers were active at the start of the period";
  const cac = customers.started > 0 ? cost / customers.started : null;
  if (cac === null) reasons.cac = "no customers started in the period";
  return { metrics: { ...metrics, churnRate, cac }, reasons };
}
