import { describe, expect, it } from "vitest";
import { CrmInputSchemas, costId } from "../crm/kinds.js";
import { defaultDemoDir, loadDemoManifest } from "./demo.js";
import { demoCrm } from "./demo-crm.js";

describe("demo CRM records", async () => {
  const manifest = await loadDemoManifest(defaultDemoDir());

  // Every week of a year: the records must be valid and consistent whatever day the demo is seeded.
  const days = Array.from({ length: 53 }, (_, i) => new Date(Date.UTC(2026, 0, 1 + 7 * i, 15, 30)));

  it("are valid, consistent with the calls, and never in the future", () => {
    for (const now of days) {
      const crm = demoCrm(manifest, now);
      const dealIds = new Set(crm.deals.map((d) => d.id));
      expect(dealIds).toEqual(new Set(manifest.calls.map((c) => c.crm.dealId)));
      for (const c of manifest.calls) {
        expect(crm.deals.find((d) => d.id === c.crm.dealId)?.status).toBe(c.crm.outcome);
      }
      for (const kind of ["leads", "deals", "activities", "customers", "costs"] as const) {
        for (const r of crm[kind])
          expect(CrmInputSchemas[kind].safeParse(r).success, JSON.stringify(r)).toBe(true);
      }
      const leadIds = new Set(crm.leads.map((l) => l.id));
      const activityIds = new Set(crm.activities.map((a) => a.id));
      expect(activityIds.size).toBe(crm.activities.length);
      expect(new Set(crm.costs.map(costId)).size).toBe(crm.costs.length);
      for (const l of crm.leads) if (l.convertedDealId) expect(dealIds.has(l.convertedDealId)).toBe(true);
      for (const a of crm.activities) {
        if (a.leadId) expect(leadIds.has(a.leadId)).toBe(true);
        if (a.replyTo) expect(activityIds.has(a.replyTo)).toBe(true);
        expect(Date.parse(a.at)).toBeLessThanOrEqual(now.getTime());
      }
      for (const d of crm.deals) {
        expect(Date.parse(d.createdAt)).toBeLessThanOrEqual(now.getTime());
        if (d.closedAt) expect(Date.parse(d.closedAt)).toBeGreaterThan(Date.parse(d.createdAt));
      }
      expect(crm.customers.some((c) => c.churnedAt)).toBe(true);
    }
  });
});
