import { readFileSync } from "node:fs";
import { join } from "node:path";
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/helpers/app.js";
import { openMigratedPglite } from "../../test/helpers/db.js";
import { createUser, listUsers } from "../admin/operations.js";
import { analyzeTranscript } from "../analysis/analyze.js";
import type { CallAnalysis } from "../analysis/result.js";
import type { DatabaseHandle } from "../db/database.js";
import { calls } from "../db/schema/index.js";
import { outcomeReport } from "../outcomes/operations.js";
import { postCallReport, repReview, teamReport } from "../reports/operations.js";
import { parseTranscript } from "../transcript/parse.js";
import {
  type DemoManifest,
  DemoManifestSchema,
  defaultDemoDir,
  demoDateShift,
  loadDemoManifest,
  seedDemo,
} from "./demo.js";

const dir = defaultDemoDir();

interface Analysed {
  call: DemoManifest["calls"][number];
  format: string;
  lines: number;
  analysis: CallAnalysis;
}

let manifest: DemoManifest;
let analysed: Analysed[];

beforeAll(async () => {
  manifest = await loadDemoManifest(dir);
  analysed = manifest.calls.map((call) => {
    const content = readFileSync(join(dir, call.file), "utf8");
    const { format, transcript } = parseTranscript(content, { file: call.file });
    return {
      call,
      format,
      lines: transcript.utterances.length,
      analysis: analyzeTranscript(transcript, { rep: [call.repSpeaker] }),
    };
  });
});

const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
const repStat = (a: CallAnalysis, pick: (s: CallAnalysis["speakers"][number]) => number | null): number =>
  a.speakers.filter((s) => s.role === "rep").reduce((sum, s) => sum + (pick(s) ?? 0), 0);

/** Per-rep averages over the demo calls: the numbers the coaching views will show. */
function habits(key: string) {
  const mine = analysed.filter((x) => x.call.rep === key);
  const open = mine.reduce((s, x) => s + x.analysis.metrics.questions.rep.open, 0);
  const closed = mine.reduce((s, x) => s + x.analysis.metrics.questions.rep.closed, 0);
  const discovery = mine.filter((x) => x.call.stage === "discovery");
  return {
    calls: mine.length,
    talkRatio: mean(mine.map((x) => x.analysis.metrics.talkRatio!)),
    longestMonologueSec: mean(mine.map((x) => x.analysis.metrics.longestMonologueSec!)),
    discoveryQuestions: mean(
      discovery.map((x) => x.analysis.metrics.questions.rep.open + x.analysis.metrics.questions.rep.closed),
    ),
    openShare: open / Math.max(1, open + closed),
    interruptions: mean(mine.map((x) => repStat(x.analysis, (s) => s.interruptions))),
    fillers: mean(mine.map((x) => repStat(x.analysis, (s) => s.fillerWords))),
  };
}

describe("demo manifest", () => {
  it("validates, with one admin, one manager, four reps and 30 calls across the stages", () => {
    const raw = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8"));
    expect(DemoManifestSchema.safeParse(raw).success).toBe(true);
    const roles = manifest.users.map((u) => u.role).sort();
    expect(roles).toEqual(["admin", "manager", "rep", "rep", "rep", "rep"]);
    expect(manifest.users.every((u) => u.email.endsWith("@lumen.example"))).toBe(true);
    expect(manifest.calls).toHaveLength(30);
    const stages = (s: string) => manifest.calls.filter((c) => c.stage === s).length;
    expect([stages("discovery"), stages("demo"), stages("negotiation"), stages("renewal")]).toEqual([
      12, 8, 6, 4,
    ]);
  });

  it("dates every call on a weekday in business hours within the 8 weeks before 2026-11-27", () => {
    const end = Date.parse("2026-11-27T00:00:00Z");
    for (const c of manifest.calls) {
      const at = new Date(c.occurredAt);
      expect(at.getTime(), c.file).toBeLessThan(end);
      expect(at.getTime(), c.file).toBeGreaterThanOrEqual(end - 56 * 86_400_000);
      expect([1, 2, 3, 4, 5], c.file).toContain(at.getUTCDay());
      expect(at.getUTCHours(), c.file).toBeGreaterThanOrEqual(12);
      expect(at.getUTCHours(), c.file).toBeLessThan(22);
    }
  });

  it("moves the calls by whole weeks so the newest is in the week before the seeding day", () => {
    for (const now of ["2026-12-01T08:00:00Z", "2027-01-15T08:00:00Z", "2026-10-01T08:00:00Z"]) {
      const shift = demoDateShift(manifest, new Date(now));
      const moved = manifest.calls.map((c) => Date.parse(shift(c.occurredAt)));
      const newest = Math.max(...moved);
      expect(newest, now).toBeLessThan(Date.parse(now.slice(0, 10)));
      expect(newest, now).toBeGreaterThanOrEqual(Date.parse(now.slice(0, 10)) - 8 * 86_400_000);
      for (const [i, c] of manifest.calls.entries())
        expect(new Date(moved[i]!).getUTCDay()).toBe(new Date(c.occurredAt).getUTCDay());
    }
    expect(demoDateShift(manifest, new Date("2027-01-15T08:00:00Z"))("2026-11-24T18:00:00Z")).toBe(
      "2027-01-12T18:00:00.000Z",
    );
  });

  it("rejects a call whose rep is not a rep user", () => {
    const raw = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8"));
    raw.calls[0].rep = "alex";
    expect(DemoManifestSchema.safeParse(raw).success).toBe(false);
  });
});

describe("demo calls", () => {
  it("parse, name their rep speaker, and last 3–10 minutes in 25–70 utterances", () => {
    for (const x of analysed) {
      const rep = x.analysis.speakers.find((s) => s.id === x.call.repSpeaker);
      expect(rep?.role, x.call.file).toBe("rep");
      expect(x.analysis.roleSource, x.call.file).toBe("options");
      expect(x.lines, x.call.file).toBeGreaterThanOrEqual(25);
      expect(x.lines, x.call.file).toBeLessThanOrEqual(70);
      expect(x.analysis.durationSec!, x.call.file).toBeGreaterThanOrEqual(180);
      expect(x.analysis.durationSec!, x.call.file).toBeLessThanOrEqual(600);
      expect(x.analysis.speakers.length, x.call.file).toBeGreaterThanOrEqual(2);
    }
  });

  it("mix plain text and Teams WebVTT, with overlapping cues, and two Russian calls", () => {
    const vtt = analysed.filter((x) => x.format === "webvtt");
    expect(vtt.length).toBeGreaterThanOrEqual(4);
    expect(analysed.filter((x) => x.format === "text").length).toBeGreaterThanOrEqual(20);
    const interrupted = vtt.filter((x) => x.analysis.speakers.some((s) => (s.interruptions ?? 0) > 0));
    expect(interrupted.length).toBeGreaterThanOrEqual(2);
    expect(analysed.filter((x) => x.analysis.language === "ru")).toHaveLength(2);
  });

  it("show each rep's designed habit in the metrics", () => {
    const greg = habits("greg"); // monologues, few questions
    const priya = habits("priya"); // discoverer: many open questions, lets the customer talk
    const jordan = habits("jordan"); // closed questions, interrupts
    const nadia = habits("nadia"); // new rep: fillers

    expect(greg.talkRatio).toBeGreaterThan(priya.talkRatio);
    expect(greg.talkRatio).toBeGreaterThan(0.7);
    expect(greg.longestMonologueSec).toBeGreaterThan(priya.longestMonologueSec);
    expect(greg.discoveryQuestions).toBeLessThan(5);

    expect(priya.discoveryQuestions).toBeGreaterThanOrEqual(9);
    expect(priya.openShare).toBeGreaterThan(jordan.openShare);
    expect(priya.openShare).toBeGreaterThan(0.6);
    expect(jordan.openShare).toBeLessThan(0.3);

    expect(jordan.interruptions).toBeGreaterThan(priya.interruptions);

    for (const other of [greg, priya, jordan]) expect(nadia.fillers).toBeGreaterThan(other.fillers);
  });

  it("give the discoverer real patience on her WebVTT discovery calls", () => {
    const timed = analysed.filter(
      (x) => x.call.rep === "priya" && x.call.stage === "discovery" && x.format === "webvtt",
    );
    expect(timed.length).toBeGreaterThanOrEqual(1);
    for (const x of timed) {
      expect(x.analysis.metrics.patienceSec!, x.call.file).toBeGreaterThan(1);
      expect(x.analysis.metrics.longestCustomerStorySec!, x.call.file).toBeGreaterThan(
        x.analysis.metrics.longestMonologueSec!,
      );
    }
  });
});

describe("seedDemo", () => {
  let handle: DatabaseHandle;
  let t: TestApp;

  beforeAll(async () => {
    handle = await openMigratedPglite();
    // The app's services (in-memory blobs, Postgres job queue, no transcriber) on a bootstrapped org.
    t = await createTestApp(handle.db);
  });
  afterAll(async () => {
    await handle?.close();
  });

  const callCount = async () =>
    (await handle.db.select({ n: count() }).from(calls).where(eq(calls.orgId, t.orgId)))[0]!.n;

  it("adds the users and analyses every call like an upload, then adds nothing the second time", async () => {
    const input = { dir, orgId: t.orgId, adminUserId: t.adminUserId };
    const first = await seedDemo(t.services, input);
    expect(first.calls).toBe(30);
    expect(first.users).toHaveLength(6);
    expect(await callCount()).toBe(30);

    const actor = {
      orgId: t.orgId,
      userId: t.adminUserId,
      role: "admin" as const,
      keyId: "k",
      operator: true,
    };
    const orgUsers = await listUsers({ services: t.services, actor });
    expect(orgUsers).toHaveLength(7); // the bootstrap admin + the manifest's six

    const rows = await handle.db.select().from(calls).where(eq(calls.orgId, t.orgId));
    const idOf = new Map(first.users.map((u) => [u.key, u.id]));
    for (const c of manifest.calls) {
      const row = rows.find((r) => r.title === c.title);
      expect(row, c.file).toBeDefined();
      expect(row!.status).toBe("done");
      expect(row!.repUserId).toBe(idOf.get(c.rep));
      expect(row!.occurredAt.toISOString()).toBe(demoDateShift(manifest, t.services.now())(c.occurredAt));
      expect(row!.crmDealId).toBe(c.crm.dealId);
      expect(row!.speakerRoles).toEqual({ rep: [c.repSpeaker] });
      expect(row!.analysis?.roleSource).toBe("options");
    }

    // The CRM records behind the calls give the outcome report real numbers for the last 90 days.
    const today = t.services.now().toISOString().slice(0, 10);
    const from = new Date(Date.parse(today) - 90 * 86_400_000).toISOString().slice(0, 10);
    const to = new Date(Date.parse(today) + 86_400_000).toISOString().slice(0, 10);
    const report = await outcomeReport({ services: t.services, actor }, { from, to });
    for (const name of [
      "conversionRate",
      "winRate",
      "responseRate",
      "churnRate",
      "cac",
      "pipelineVelocity",
    ] as const) {
      expect(report.metrics[name], name).toBeGreaterThan(0);
    }
    expect(report.metrics.leadResponse?.medianSec).toBeGreaterThan(0);
    expect(report.metrics.leadResponse?.unanswered).toBeGreaterThan(0);
    expect(report.reps.map((r) => r.email).sort()).toEqual(
      manifest.users
        .filter((u) => u.role === "rep")
        .map((u) => u.email)
        .sort(),
    );

    // …and the call reports too: every call in the period and the post-call team window.
    const ctx = { services: t.services, actor };
    const team = await teamReport(ctx, { from, to });
    expect(team.calls).toBe(30);
    expect(team.metrics.talkRatio.median).toBeGreaterThan(0);
    expect(team.insights.closedDealCalls).toBeGreaterThan(0);
    expect(team.insights.repQuestions.won.n).toBeGreaterThan(0);
    expect(team.insights.repQuestions.lost.n).toBeGreaterThan(0);
    const someRep = team.reps.find((r) => r.calls > 0)!;
    const review = await repReview(ctx, { userId: someRep.userId, from, to });
    expect(review.weeks.filter((w) => w.calls > 0).length).toBeGreaterThan(1);
    const post = await postCallReport(ctx, rows[0]!.id);
    expect(post.team.calls).toBe(30);
    expect(post.timeline?.segments.length).toBeGreaterThan(0);

    const second = await seedDemo(t.services, input);
    expect(second.calls).toBe(0);
    expect(second.users.map((u) => u.id)).toEqual(first.users.map((u) => u.id));
    expect(await callCount()).toBe(30);
    expect(await listUsers({ services: t.services, actor })).toHaveLength(7);
  });

  it("refuses an admin id that is not an admin of the organization", async () => {
    const actor = {
      orgId: t.orgId,
      userId: t.adminUserId,
      role: "admin" as const,
      keyId: "k",
      operator: true,
    };
    const rep = await createUser(
      { services: t.services, actor },
      { email: "rep@x.example", name: "R", role: "rep" },
    );
    await expect(seedDemo(t.services, { dir, orgId: t.orgId, adminUserId: rep.id })).rejects.toThrow(
      /no admin/,
    );
    await expect(
      seedDemo(t.services, { dir, orgId: "org_nope", adminUserId: t.adminUserId }),
    ).rejects.toThrow(/no admin/);
  });
});
