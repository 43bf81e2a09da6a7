import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../src/db/database.js";
import type { PostCallReport, RepReview, TeamReport } from "../../src/reports/types.js";
import { testDatabases } from "../helpers/db.js";
import { buildDataset, type Dataset } from "./dataset.js";

/**
 * Every figure of every report over the hand-built dataset (test/reports/dataset.ts), computed by
 * hand. Quantiles are percentile_cont: position p·(n−1) in the sorted values, interpolated.
 */
describe.each(testDatabases)("reports on $name", (database) => {
  let handle: DatabaseHandle;
  let d: Dataset;
  const period = "from=2026-03-23&to=2026-04-06";

  beforeAll(async () => {
    handle = await database.open();
    d = await buildDataset(handle.db);
  });
  afterAll(async () => handle?.close());

  const get = async <T>(path: string, key: string): Promise<T> => {
    const res = await d.t.request(path, { headers: d.t.auth(key) });
    expect(res.status, await res.clone().text()).toBe(200);
    return (await res.json()) as T;
  };

  it("team report: medians, quartiles, outcomes and behaviour ↔ outcome", async () => {
    const r = await get<TeamReport>(`/v1/reports/team?${period}`, d.manager.key);
    expect(r.period).toEqual({ from: "2026-03-23", to: "2026-04-06", timeZone: "Europe/Berlin" });
    // A1, A2, A3 (the DST-week call included), B1, B2, C1; not A's 10 March or 6 April (local) calls.
    expect(r.calls).toBe(6);
    // talk ratios 0.3 0.4 0.45 0.5 0.6 0.7: median pos 2.5 → 0.475; p25 pos 1.25 → 0.4125; p75 pos 3.75 → 0.575
    expect(r.metrics.talkRatio.n).toBe(6);
    expect(r.metrics.talkRatio.median).toBeCloseTo(0.475, 10);
    expect(r.metrics.talkRatio.p25).toBeCloseTo(0.4125, 10);
    expect(r.metrics.talkRatio.p75).toBeCloseTo(0.575, 10);
    // questions 4 6 10 11 12 14 → median 10.5
    expect(r.metrics.repQuestions.median).toBeCloseTo(10.5, 10);
    expect(r.metrics.interactivity).toEqual({ n: 0, median: null, p25: null, p75: null });

    expect(r.reps.map((x) => x.name)).toEqual(["Alex Ames", "Blair Bose", "Casey Cho"]);
    const [a, b, c] = r.reps as [
      TeamReport["reps"][number],
      TeamReport["reps"][number],
      TeamReport["reps"][number],
    ];
    expect(a.calls).toBe(3);
    expect(a.metrics.talkRatio).toEqual({
      n: 3,
      median: 0.5,
      p25: expect.closeTo(0.45, 10),
      p75: expect.closeTo(0.55, 10),
    });
    expect(a.metrics.longestMonologueSec).toEqual({ n: 3, median: 150, p25: 125, p75: 175 });
    expect(a.metrics.repQuestions).toEqual({ n: 3, median: 10, p25: 8, p75: 11 });
    expect(a.metrics.patienceSec.median).toBeCloseTo(1.0, 10);
    expect(a.deals).toEqual({ won: 1, lost: 1 });
    expect(a.outcomes?.winRate).toBe(0.5);
    // Only A has ≥ 3 calls, and A's medians are all within the published targets' "bad" limits.
    expect(a.flags).toEqual([]);
    expect(b.calls).toBe(2);
    expect(b.metrics.longestMonologueSec.median).toBe(190);
    expect(b.metrics.repQuestions.median).toBe(9);
    expect(b.metrics.patienceSec.median).toBeCloseTo(0.95, 10);
    expect(b.flags).toEqual([]); // 2 calls: too few to flag
    expect(c.calls).toBe(1);
    expect(c.deals).toEqual({ won: 0, lost: 0 });
    expect(c.outcomes?.winRate).toBeNull();
    expect(r.outcomes.metrics.winRate).toBe(0.5); // D1, D4 won; D2, D3 lost in the period

    // Calls linked to a now-closed deal: A1 .4 won, A2 .6 lost, A3 .5 won, B1 .7 lost, B2 .3 won.
    expect(r.insights.closedDealCalls).toBe(5);
    expect(r.insights.talkBands.map((x) => [x.calls, x.wonCalls, x.deals, x.winRate])).toEqual([
      [1, 1, 1, 1],
      [1, 1, 1, 1],
      [2, 1, 2, 0.5],
      [1, 0, 1, 0],
    ]);
    // questions won 10 12 14 → 12, lost 6 4 → 5; patience won 1.2 1.0 1.5 → 1.2, lost 0.6 0.4 → 0.5
    expect(r.insights.repQuestions.won).toMatchObject({ n: 3, median: 12 });
    expect(r.insights.repQuestions.lost).toMatchObject({ n: 2, median: 5 });
    expect(r.insights.patienceSec.won.median).toBeCloseTo(1.2, 10);
    expect(r.insights.patienceSec.lost.median).toBeCloseTo(0.5, 10);
  });

  it("rep review: period vs previous, ISO weeks in Berlin across the DST switch, outcomes", async () => {
    const r = await get<RepReview>(`/v1/reports/reps/${d.repA.id}?${period}`, d.repA.key);
    expect(r.rep.name).toBe("Alex Ames");
    expect(r.previousPeriod).toEqual({ from: "2026-03-09", to: "2026-03-23", timeZone: "Europe/Berlin" });
    expect(r.calls).toBe(3);
    expect(r.previousCalls).toBe(1);
    expect(r.metrics.repQuestions).toEqual({ n: 3, median: 10, p25: 8, p75: 11 });
    expect(r.previousMetrics.repQuestions.median).toBe(4);
    // talk −37.5%, monologue −50%, questions +150%, patience +100%: questions moved most.
    expect(r.movedMost).toEqual({ metric: "repQuestions", previous: 4, current: 10, change: 1.5 });
    // W13: A1 (Mon 00:30 CET) and A2; W14: A3 (Mon 00:30 CEST, Sunday in UTC).
    expect(r.weeks.map((w) => [w.week, w.start, w.calls])).toEqual([
      ["2026-W13", "2026-03-23", 2],
      ["2026-W14", "2026-03-30", 1],
    ]);
    expect(r.weeks[0]!.medians.repQuestions).toBe(8);
    expect(r.weeks[0]!.medians.patienceSec).toBeCloseTo(0.9, 10);
    expect(r.weeks[1]!.medians.repQuestions).toBe(12);
    expect(r.deals).toEqual({ won: 1, lost: 1 });
    expect(r.outcomes?.metrics.winRate).toBe(0.5);
    expect(r.team.calls).toBe(6);
    expect(r.team.metrics.talkRatio.median).toBeCloseTo(0.475, 10);
    expect(r.topPerformers.eligibleReps).toBe(0); // A and B closed 2 deals each, C none
    expect(r.topPerformers.top).toEqual([]);
    expect(r.topPerformers.reason).toMatch(/only 0 rep/);
  });

  it("a rep with no deals, and an empty period", async () => {
    const c = await get<RepReview>(`/v1/reports/reps/${d.repC.id}?${period}`, d.manager.key);
    expect(c.calls).toBe(1);
    expect(c.deals).toEqual({ won: 0, lost: 0 });
    expect(c.outcomes?.metrics.winRate).toBeNull();
    expect(c.outcomes?.reasons.winRate).toMatch(/no deals/);
    expect(c.movedMost).toBeNull();

    const empty = await get<TeamReport>("/v1/reports/team?from=2025-01-05&to=2025-01-12", d.manager.key);
    expect(empty.calls).toBe(0);
    expect(empty.metrics.talkRatio).toEqual({ n: 0, median: null, p25: null, p75: null });
    expect(empty.insights.talkBands.every((b) => b.calls === 0 && b.winRate === null)).toBe(true);
    expect(empty.reps.every((x) => x.calls === 0 && x.flags.length === 0)).toBe(true);
    const emptyRep = await get<RepReview>(
      `/v1/reports/reps/${d.repA.id}?from=2025-01-05&to=2025-01-12`,
      d.repA.key,
    );
    expect(emptyRep.weeks).toEqual([
      {
        week: "2025-W01",
        start: "2024-12-30",
        calls: 0,
        medians: expect.objectContaining({ talkRatio: null }),
      },
      {
        week: "2025-W02",
        start: "2025-01-06",
        calls: 0,
        medians: expect.objectContaining({ talkRatio: null }),
      },
    ]);
  });

  it("post-call report: against the 90-day team medians and the targets", async () => {
    const r = await get<PostCallReport>(`/v1/calls/${d.postCallId}/report`, d.repA.key);
    expect(r.call.title).toBe("Discovery <Acme> & co");
    expect(r.team).toEqual({
      from: "2026-06-17T12:00:00.000Z",
      to: "2026-09-15T12:00:00.000Z",
      calls: 2,
      quantile: "percentile_cont",
    });
    const m = Object.fromEntries(r.metrics.map((x) => [x.id, x]));
    expect(m.talkRatio).toMatchObject({ value: 0.7, teamN: 2, verdict: "bad", target: "43% (35–50%)" });
    expect(m.talkRatio!.teamMedian).toBeCloseTo(0.55, 10);
    expect(m.talkRatio!.gap).toBeCloseTo(0.4, 10); // (0.7 − 0.5) ÷ 0.5
    expect(m.longestMonologueSec).toMatchObject({ value: 320, teamMedian: 210, verdict: "bad" });
    expect(m.longestMonologueSec!.gap).toBeCloseTo(170 / 150, 10);
    expect(m.repQuestions).toMatchObject({ value: 4, teamMedian: 8, verdict: "bad" });
    expect(m.repQuestions!.gap).toBeCloseTo(7 / 11, 10);
    expect(m.patienceSec).toMatchObject({ value: 0.4, verdict: "bad" });
    expect(m.patienceSec!.teamMedian).toBeCloseTo(0.8, 10);
    expect(m.playbookScore).toMatchObject({
      value: 0.5,
      teamMedian: 0.5,
      teamN: 1,
      verdict: null,
      gap: null,
    });
    // The furthest from target (monologue, gap 1.13), then coaching's first "to change".
    expect(r.habits.map((h) => h.metric)).toEqual(["longestMonologueSec", null]);
    expect(r.habits[0]!.suggestedLine).toMatch(/pause/);
    expect(r.habits[1]!.title).toBe("Confirm the budget owner before the demo");
    expect(r.playbook).toEqual({
      name: "Discovery",
      score: 0.5,
      gaps: [
        { id: "budget", title: "Ask about budget", status: "missed" },
        { id: "next", title: "Agree a next step", status: "partly" },
      ],
    });
    expect(r.objections).toHaveLength(1);
    expect(r.objections[0]).toMatchObject({
      category: "price",
      at: 12,
      resolved: false,
      response: "We can phase it.",
    });
    expect(r.nextSteps).toEqual([{ text: "Send the proposal", owner: "Alex", due: "Friday" }]);
    expect(r.timeline).toEqual({
      durationSec: 30,
      speakers: [
        { id: "alex", role: "rep" },
        { id: "sam", role: "customer" },
      ],
      segments: [
        { speaker: "alex", role: "rep", start: 0, end: 10 },
        { speaker: "sam", role: "customer", start: 10, end: 25 },
        { speaker: "alex", role: "rep", start: 25, end: 30 },
      ],
      questions: [{ at: 5, speaker: "alex", kind: "open" }],
      objections: [{ at: 12, category: "price", resolved: false }],
    });
  });

  it("Markdown and HTML renderings (snapshots), HTML under a strict CSP", async () => {
    const fetchText = async (path: string, key: string) => {
      const res = await d.t.request(path, { headers: d.t.auth(key) });
      expect(res.status).toBe(200);
      return res;
    };
    const html = await fetchText(`/v1/reports/team?${period}&format=html`, d.manager.key);
    expect(html.headers.get("content-type")).toMatch(/^text\/html/);
    expect(html.headers.get("content-security-policy")).toMatch(/default-src 'none'/);
    const teamHtml = await html.text();
    expect(teamHtml).not.toMatch(/<script|<link|@import|url\(|https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
    await expect(teamHtml).toMatchFileSnapshot("__snapshots__/team.html");
    const md = await fetchText(`/v1/reports/team?${period}&format=md`, d.manager.key);
    expect(md.headers.get("content-type")).toMatch(/^text\/markdown/);
    await expect(await md.text()).toMatchFileSnapshot("__snapshots__/team.md");

    const rep = `/v1/reports/reps/${d.repA.id}?${period}`;
    await expect(await (await fetchText(`${rep}&format=md`, d.repA.key)).text()).toMatchFileSnapshot(
      "__snapshots__/rep.md",
    );
    await expect(await (await fetchText(`${rep}&format=html`, d.repA.key)).text()).toMatchFileSnapshot(
      "__snapshots__/rep.html",
    );

    const call = `/v1/calls/${d.postCallId}/report`;
    const callHtml = await (await fetchText(`${call}?format=html`, d.repA.key)).text();
    // User content is escaped: the title's < > & and the objection's markup.
    expect(callHtml).toContain("Discovery &#60;Acme&#62; &#38; co");
    expect(callHtml).not.toContain("<b>now</b>");
    await expect(callHtml).toMatchFileSnapshot("__snapshots__/call.html");
    const callMd = await (await fetchText(`${call}?format=md`, d.repA.key)).text();
    expect(callMd).toContain("\\| \\<b\\>now\\</b\\>");
    await expect(callMd).toMatchFileSnapshot("__snapshots__/call.md");
  });
});
