import { describe, expect, it } from "vitest";
import { EMPTY_ACTIVITIES, EMPTY_DEALS, EMPTY_LEADS, orgMetrics, repMetrics } from "./metrics.js";

describe("outcome metric arithmetic", () => {
  it("divides the counts", () => {
    const { metrics, reasons } = orgMetrics(
      {
        leads: 10,
        converted: 2,
        answered: 8,
        within5Min: 3,
        within1Hour: 6,
        medianSec: 840,
        p90Sec: 7200,
      },
      // 6 created; 2 won (mean 3,000, mean 20 days), 4 lost → win rate 1/3.
      { created: 6, won: 2, lost: 4, meanWonAmount: 3000, meanWonDays: 20 },
      { sent: 40, replied: 10 },
      { active: 25, churned: 1, started: 4 },
      7322,
    );
    expect(metrics.conversionRate).toBe(0.2);
    expect(metrics.leadResponse).toEqual({
      medianSec: 840,
      p90Sec: 7200,
      within5MinShare: 0.3,
      within1HourShare: 0.6,
      unanswered: 2,
    });
    expect(metrics.winRate).toBeCloseTo(1 / 3, 12);
    expect(metrics.responseRate).toBe(0.25);
    expect(metrics.churnRate).toBe(0.04);
    expect(metrics.cac).toBe(1830.5);
    // 6 × 3000 × (1/3) ÷ 20 = 300 per day
    expect(metrics.pipelineVelocity).toBeCloseTo(300, 9);
    expect(reasons).toEqual({});
  });

  it("is null with a reason wherever there is nothing to divide by", () => {
    const { metrics, reasons } = orgMetrics(
      EMPTY_LEADS,
      EMPTY_DEALS,
      EMPTY_ACTIVITIES,
      { active: 0, churned: 0, started: 0 },
      500,
    );
    expect(Object.values(metrics).every((v) => v === null)).toBe(true);
    expect(Object.keys(reasons).sort()).toEqual([
      "cac",
      "churnRate",
      "conversionRate",
      "leadResponse",
      "pipelineVelocity",
      "responseRate",
      "winRate",
    ]);
  });

  it("gives win rate 0 but no velocity when every closed deal was lost", () => {
    const { metrics, reasons } = repMetrics(
      EMPTY_LEADS,
      { ...EMPTY_DEALS, created: 3, lost: 2 },
      EMPTY_ACTIVITIES,
    );
    expect(metrics.winRate).toBe(0);
    expect(metrics.pipelineVelocity).toBeNull();
    expect(reasons.pipelineVelocity).toBe("no deals were won in the period");
  });

  it("reports unanswered leads without quantiles", () => {
    const { metrics, reasons } = repMetrics({ ...EMPTY_LEADS, leads: 3 }, EMPTY_DEALS, EMPTY_ACTIVITIES);
    expect(metrics.leadResponse).toEqual({
      medianSec: null,
      p90Sec: null,
      within5MinShare: 0,
      within1HourShare: 0,
      unanswered: 3,
    });
    expect(reasons.leadResponse).toMatch(/no lead/);
  });
});
