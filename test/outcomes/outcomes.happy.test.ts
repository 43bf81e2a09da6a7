import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { testDatabases } from "../helpers/db.js";
import { importCsv, userWithEmail } from "./helpers.js";

/**
 * A hand-built organization in Europe/Berlin. The main period is the week of the switch to summer
 * time: [2026-03-23, 2026-03-30) Berlin = [2026-03-22T23:00Z, 2026-03-29T22:00Z). Every expected
 * number is worked out by hand in the comments.
 */
describe.each(testDatabases)("outcome metrics on $name", (database) => {
  let handle: Awaited<ReturnType<typeof database.open>>;
  let t: TestApp;
  let manager: { key: string };
  let dana: { id: string; key: string; email: string };
  let eli: { id: string; key: string; email: string };
  let finn: { id: string; key: string; email: string };

  beforeAll(async () => {
    handle = await database.open();
    t = await createTestApp(handle.db);
    manager = await userWithEmail(t, "manager", "maria");
    dana = await userWithEmail(t, "rep", "dana");
    eli = await userWithEmail(t, "rep", "eli");
    finn = await userWithEmail(t, "rep", "finn"); // owns nothing

    const tz = await t.request("/v1/org", {
      method: "PATCH",
      headers: t.auth(t.adminKey, { "content-type": "application/json" }),
      body: JSON.stringify({ timeZone: "europe/berlin", currency: "eur" }),
    });
    expect(await tz.json()).toMatchObject({ timeZone: "Europe/Berlin", currency: "EUR" });

    const D = dana.email.toUpperCase(); // e-mails match case-insensitively
    const E = eli.email;
    const files: Record<string, string> = {
      leads: [
        "id,created_at,owner_email,source,converted_deal_id",
        `L1,2026-03-23T00:30:00+01:00,${D},web,D1`, // Berlin Monday 00:30: in
        `L2,2026-03-24T10:00:00Z,${D},web,D2`,
        `L3,2026-03-25T09:00:00Z,${E},event,D4`,
        `L4,2026-03-29T21:59:00Z,${E},web,D3`, // Berlin Sunday 23:59 CEST: in
        `L5,2026-03-29T22:00:00Z,${D},web,`, // Berlin Monday 00:00 of the next week: out
        `L6,2026-03-22T22:59:00Z,${D},web,D1`, // Berlin Sunday 23:59 CET: out
        `L7,2026-03-26T12:00:00Z,${D},referral,`,
      ].join("\n"),
      deals: [
        "id,created_at,owner_email,name,amount,currency,status,closed_at,lead_id",
        `D1,2026-03-10T00:00:00Z,${D},Acme,10000,EUR,won,2026-03-25T00:00:00Z,L1`, // 15 days
        `D2,2026-03-24T12:00:00Z,${D},Beta,4000,EUR,lost,2026-03-27T12:00:00Z,L2`,
        `D3,2026-03-23T00:00:00Z,${E},Gamma,5000,EUR,won,2026-03-29T12:00:00Z,L4`, // 6.5 days
        `D4,2026-03-26T00:00:00Z,${E},Delta,2000,EUR,open,,L3`,
        `D5,2026-02-01T00:00:00Z,${D},Late,99999,EUR,won,2026-03-29T22:30:00Z,`, // closed Berlin Monday: out
        `D6,2026-03-20T00:00:00Z,${E},Early,1000,EUR,lost,2026-03-22T23:30:00Z,`, // closed Berlin Monday 00:30: in
        `D7,2026-03-01T00:00:00Z,${E},Old,1000,EUR,lost,2026-03-26T00:00:00Z,`,
      ].join("\n"),
      activities: [
        "id,at,direction,rep_email,lead_id,deal_id,channel,delivered,reply_to,auto_reply",
        `A0,2026-03-22T23:00:00Z,outbound,${D},L1,,email,true,,`, // Berlin Monday 00:00: in; before L1 existed
        `A1,2026-03-22T23:32:00Z,outbound,${D},L1,,email,true,,`, // L1 + 120 s
        `A2,2026-03-24T10:30:00Z,outbound,${D},L2,,email,,,`, // L2 + 1,800 s; delivered defaults to true
        `A3,2026-03-25T11:00:00Z,outbound,${E},L3,,call,true,,`, // L3 + 7,200 s
        `A4,2026-03-29T22:03:00Z,outbound,${E},L4,,email,true,,`, // L4 + 240 s; itself after the period
        `A5,2026-03-26T09:00:00Z,outbound,${E},,D4,email,false,,`, // bounced
        `A6,2026-03-27T09:00:00Z,outbound,${E},,D4,email,true,,`,
        "R0,2026-04-02T09:00:00Z,inbound,,L1,,email,,A0,false",
        "R1,2026-03-23T08:00:00Z,inbound,,L1,,email,,A1,",
        "R2,2026-03-24T10:31:00Z,inbound,,L2,,email,,A2,true", // out-of-office: not a reply
        "R5,2026-03-26T10:00:00Z,inbound,,,D4,email,,A5,false",
        "R6a,2026-03-27T09:01:00Z,inbound,,,D4,email,,A6,true",
        "R6b,2026-03-27T15:00:00Z,inbound,,,D4,email,,A6,false",
      ].join("\r\n"),
      customers: [
        "id,started_at,churned_at,deal_id",
        "C1,2026-01-01T00:00:00Z,,",
        "C2,2026-02-01T00:00:00Z,2026-03-25T10:00:00Z,",
        "C3,2026-02-01T00:00:00Z,2026-03-22T22:30:00Z,", // churned Berlin Sunday: before the period
        "C4,2026-03-22T23:30:00Z,,D1", // Berlin Monday: started in the period
        "C5,2026-03-29T22:30:00Z,,D3", // Berlin next Monday: out
        "C6,2026-03-01T00:00:00Z,2026-03-29T22:30:00Z,", // churned after the period
        "C7,2026-04-10T00:00:00Z,,",
      ].join("\n"),
      costs: [
        "period_start,period_end,category,amount",
        "2026-03-01,2026-03-31,sales,3100", // 31 days: 100 a day
        "2026-03-16,2026-04-14,marketing,3000", // straddles March and April, 30 days: 100 a day
        "2026-04-01,2026-04-30,marketing,1000",
      ].join("\n"),
    };
    for (const [kind, csv] of Object.entries(files)) {
      const res = await importCsv(t, manager.key, kind, csv);
      const body = (await res.json()) as { rejected: number; errors: unknown[] };
      expect(res.status, JSON.stringify(body)).toBe(200);
      expect(body.errors).toEqual([]);
    }
  });
  afterAll(async () => {
    await handle?.close();
  });

  const report = async (query: string, key = manager.key) => {
    const res = await t.request(`/v1/reports/outcomes?${query}`, { headers: t.auth(key) });
    expect(res.status).toBe(200);
    return (await res.json()) as {
      timeZone: string;
      metrics: Record<string, unknown>;
      reasons: Record<string, string>;
      reps: Array<{ userId: string; metrics: Record<string, unknown>; reasons: Record<string, string> }>;
    };
  };

  it("computes every metric of the DST week in the organization's time zone", async () => {
    const r = await report("from=2026-03-23&to=2026-03-30");
    expect(r.timeZone).toBe("Europe/Berlin");
    const m = r.metrics;
    // Leads in the period: L1, L2, L3, L4, L7; converted to a won deal: L1 (D1), L4 (D3) → 2/5.
    expect(m.conversionRate).toBeCloseTo(0.4, 10);
    // Closed in the period: D1 won, D2 lost, D3 won, D6 lost, D7 lost → 2/5.
    expect(m.winRate).toBeCloseTo(0.4, 10);
    // Delays 120, 1800, 7200, 240 (L7 unanswered); sorted 120, 240, 1800, 7200:
    // median rank ⌈0.5·4⌉ = 2 → 240; p90 rank ⌈3.6⌉ = 4 → 7200; ≤300 s: 2 of 5; ≤3600 s: 3 of 5.
    expect(m.leadResponse).toEqual({
      medianSec: 240,
      p90Sec: 7200,
      within5MinShare: 0.4,
      within1HourShare: 0.6,
      unanswered: 1,
    });
    // Delivered outbound in the period: A0, A1, A2, A3, A6; human replies to A0, A1, A6 → 3/5.
    expect(m.responseRate).toBeCloseTo(0.6, 10);
    // Active at the start: C1, C2, C6; churned in the period: C2 → 1/3.
    expect(m.churnRate).toBeCloseTo(1 / 3, 10);
    // 7 days of each cost: 700 sales + 700 marketing; one customer started (C4) → 1400.
    expect(m.cac).toBeCloseTo(1400, 6);
    // Created: D2, D3, D4 = 3; won: D1 (10,000, 15 d), D3 (5,000, 6.5 d) → mean 7,500 and 10.75 d;
    // 3 × 7,500 × 0.4 ÷ 10.75 = 837.2093…
    expect(m.pipelineVelocity).toBeCloseTo(9000 / 10.75, 6);
    expect(r.reasons).toEqual({});
  });

  it("gives each rep their own figures, and a rep without records nulls with reasons", async () => {
    const r = await report("from=2026-03-23&to=2026-03-30");
    const byId = new Map(r.reps.map((x) => [x.userId, x]));
    expect([...byId.keys()].sort()).toEqual([dana.id, eli.id, finn.id].sort());
    const d = byId.get(dana.id)!.metrics;
    // Dana: leads L1, L2, L7 (L1 converted) → 1/3; closed D1 won, D2 lost → 0.5.
    expect(d.conversionRate).toBeCloseTo(1 / 3, 10);
    expect(d.winRate).toBeCloseTo(0.5, 10);
    // Delays 120, 1800: median rank 1 → 120; p90 rank 2 → 1800.
    expect(d.leadResponse).toEqual({
      medianSec: 120,
      p90Sec: 1800,
      within5MinShare: 1 / 3,
      within1HourShare: 2 / 3,
      unanswered: 1,
    });
    // A0, A1 replied; A2 only auto-replied → 2/3.
    expect(d.responseRate).toBeCloseTo(2 / 3, 10);
    // Created D2 = 1; won D1 10,000 in 15 d; win rate 0.5 → 1 × 10,000 × 0.5 ÷ 15.
    expect(d.pipelineVelocity).toBeCloseTo(5000 / 15, 6);

    const e = byId.get(eli.id)!.metrics;
    expect(e.conversionRate).toBeCloseTo(0.5, 10); // L3 (open deal), L4 (won)
    expect(e.winRate).toBeCloseTo(1 / 3, 10); // D3 won; D6, D7 lost
    expect(e.leadResponse).toEqual({
      medianSec: 240,
      p90Sec: 7200,
      within5MinShare: 0.5,
      within1HourShare: 0.5,
      unanswered: 0,
    });
    expect(e.responseRate).toBeCloseTo(0.5, 10); // A3 no reply, A6 replied; A5 bounced
    // Created D3, D4 = 2; won D3 5,000 in 6.5 d → 2 × 5,000 × ⅓ ÷ 6.5.
    expect(e.pipelineVelocity).toBeCloseTo(10000 / 3 / 6.5, 6);

    const f = byId.get(finn.id)!;
    expect(Object.values(f.metrics).every((v) => v === null)).toBe(true);
    expect(Object.keys(f.reasons).sort()).toEqual([
      "conversionRate",
      "leadResponse",
      "pipelineVelocity",
      "responseRate",
      "winRate",
    ]);
  });

  it("reads the same dates in another time zone when asked", async () => {
    const r = await report("from=2026-03-23&to=2026-03-30&timeZone=UTC");
    expect(r.timeZone).toBe("UTC");
    // UTC week: L2, L3, L4, L5, L7 (L1 is Sunday 23:30 UTC); only L4 converted → 1/5.
    expect(r.metrics.conversionRate).toBeCloseTo(0.2, 10);
  });

  it("attributes a cost spanning two months by day", async () => {
    // April: marketing 04-01..04-14 = 14 × 100 + April marketing 1,000 = 2,400; one customer (C7).
    expect((await report("from=2026-04-01&to=2026-05-01")).metrics.cac).toBeCloseTo(2400, 6);
    // March: sales 3,100 + marketing 03-16..03-31 = 16 × 100 = 4,700; started in Berlin's March:
    // C6 (03-01 01:00), C4 (03-23 00:30), C5 (03-30 00:30) → 4,700 ÷ 3.
    expect((await report("from=2026-03-01&to=2026-04-01")).metrics.cac).toBeCloseTo(4700 / 3, 6);
  });

  it("is all nulls with reasons for an empty period", async () => {
    const r = await report("from=2025-01-01&to=2025-02-01");
    expect(Object.values(r.metrics).every((v) => v === null)).toBe(true);
    expect(r.reasons).toMatchObject({
      conversionRate: expect.any(String),
      winRate: expect.any(String),
      leadResponse: expect.any(String),
      responseRate: expect.any(String),
      churnRate: "no customers were active at the start of the period",
      cac: "no customers started in the period",
      pipelineVelocity: expect.any(String),
    });
  });

  it("shows a rep the organization's figures and only their own row", async () => {
    const r = await report("from=2026-03-23&to=2026-03-30", dana.key);
    expect(r.metrics.conversionRate).toBeCloseTo(0.4, 10);
    expect(r.reps.map((x) => x.userId)).toEqual([dana.id]);
  });

  it("refuses a bad period or time zone with 422", async () => {
    for (const q of [
      "from=2026-03-30&to=2026-03-23",
      "from=2026-02-30&to=2026-03-23",
      "from=2026-03-23&to=2026-03-30&timeZone=Mars/Base",
    ]) {
      const res = await t.request(`/v1/reports/outcomes?${q}`, { headers: t.auth(manager.key) });
      expect(res.status, q).toBe(422);
      expect(res.headers.get("content-type")).toMatch(/problem\+json/);
    }
  });
});
