import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { retryCall } from "../../src/calls/retry.js";
import type { DatabaseHandle } from "../../src/db/database.js";
import { jobs } from "../../src/db/schema/index.js";
import { DebriefError, JobError } from "../../src/errors.js";
import { executeJob } from "../../src/jobs/executor.js";
import { startWorkers } from "../../src/jobs/poller.js";
import { claimJob, completeJob, extendLease, failJob } from "../../src/jobs/store.js";
import { testDatabases } from "../helpers/db.js";
import {
  callRow,
  jobRow,
  jobServices,
  sampleTranscript,
  scriptedTranscriber,
  seedAudioCall,
  waitFor,
} from "./helpers.js";

const LEASE = 30_000;
const half = { random: () => 0.5 };

function at(base: Date, ms: number): Date {
  return new Date(base.getTime() + ms);
}

describe.each(testDatabases)("jobs worker on $name", (database) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await database.open();
  });
  afterAll(async () => {
    await handle?.close();
  });
  beforeEach(async () => {
    // Each test sees only its own jobs.
    await handle.db.delete(jobs);
  });

  it("claims due jobs oldest first, leases them and counts the attempt; future jobs wait", async () => {
    const { db } = handle;
    const now = new Date();
    const later = await seedAudioCall(db, { runAt: at(now, -1_000) });
    const first = await seedAudioCall(db, { runAt: at(now, -3_000) });
    const future = await seedAudioCall(db, { runAt: at(now, 10_000) });

    const a = await claimJob(db, { leaseMs: LEASE, now });
    expect(a).toMatchObject({ id: first.jobId, status: "running", attempts: 1 });
    expect(a?.leaseUntil?.getTime()).toBe(now.getTime() + LEASE);
    const b = await claimJob(db, { leaseMs: LEASE, now });
    expect(b?.id).toBe(later.jobId);
    expect(await claimJob(db, { leaseMs: LEASE, now })).toBeNull();
    // Once due it is claimed (the two above are still leased: LEASE is 30 s, the clock moved 20 s).
    const c = await claimJob(db, { leaseMs: LEASE, now: at(now, 20_000) });
    expect(c?.id).toBe(future.jobId);
  });

  it("claims a given job only (queue consumers)", async () => {
    const { db } = handle;
    await seedAudioCall(db);
    const wanted = await seedAudioCall(db);
    const job = await claimJob(db, { leaseMs: LEASE, now: new Date(), jobId: wanted.jobId });
    expect(job?.id).toBe(wanted.jobId);
    expect(await claimJob(db, { leaseMs: LEASE, now: new Date(), jobId: wanted.jobId })).toBeNull();
  });

  it.runIf(database.name === "postgres")(
    "SKIP LOCKED: a claim does not wait for, nor take, a job another transaction holds",
    async () => {
      const { db } = handle;
      await seedAudioCall(db);
      await seedAudioCall(db);
      const now = new Date();
      await db.transaction(async (tx) => {
        const mine = await claimJob(tx, { leaseMs: LEASE, now });
        // Another connection while `mine` is still locked and uncommitted: without SKIP LOCKED this
        // would block on the row lock until the test timed out.
        const theirs = await claimJob(db, { leaseMs: LEASE, now });
        expect(mine).not.toBeNull();
        expect(theirs).not.toBeNull();
        expect(theirs?.id).not.toBe(mine?.id);
      });
      const racing = await Promise.all([1, 2, 3].map(() => claimJob(db, { leaseMs: LEASE, now })));
      expect(racing.every((j) => j === null)).toBe(true);
    },
  );

  it.runIf(database.name === "postgres")("concurrent claims get different jobs", async () => {
    const { db } = handle;
    for (let i = 0; i < 6; i++) await seedAudioCall(db);
    const now = new Date();
    const claimed = await Promise.all(Array.from({ length: 8 }, () => claimJob(db, { leaseMs: LEASE, now })));
    const ids = claimed.flatMap((j) => (j ? [j.id] : []));
    expect(ids).toHaveLength(6);
    expect(new Set(ids).size).toBe(6);
  });

  it("retries a retryable failure with backoff, then succeeds", async () => {
    const { db } = handle;
    const t0 = new Date();
    let clock = t0;
    const transcriber = scriptedTranscriber([
      new JobError("upstream.unavailable", "Deepgram answered 503", true),
      "ok",
    ]);
    const services = jobServices(db, transcriber, () => clock);
    const { jobId, callId } = await seedAudioCall(db, { runAt: t0 });

    const job1 = await claimJob(db, { leaseMs: LEASE, now: clock });
    const first = await executeJob(services, job1!, { leaseMs: LEASE, backoff: half });
    // Full jitter with random = 0.5 on attempt 1: half of the 2 s base.
    expect(first).toMatchObject({ kind: "retry", delayMs: 1_000 });
    const queued = await jobRow(db, jobId);
    expect(queued).toMatchObject({ status: "queued", attempts: 1, leaseUntil: null });
    expect(queued.runAt.getTime()).toBe(t0.getTime() + 1_000);
    expect(queued.lastError).toBe("upstream.unavailable: Deepgram answered 503");
    expect((await callRow(db, callId)).status).toBe("queued");

    clock = at(t0, 999);
    expect(await claimJob(db, { leaseMs: LEASE, now: clock })).toBeNull(); // not due yet
    clock = at(t0, 1_000);
    const job2 = await claimJob(db, { leaseMs: LEASE, now: clock });
    expect(job2?.attempts).toBe(2);
    expect(await executeJob(services, job2!, { leaseMs: LEASE })).toEqual({ kind: "done" });

    expect(await jobRow(db, jobId)).toMatchObject({ status: "done", attempts: 2, lastError: null });
    const call = await callRow(db, callId);
    expect(call.status).toBe("done");
    expect(call.failure).toBeNull();
    expect(call.analysis?.file).toBe("call.mp3");
    expect(call.transcript?.utterances).toHaveLength(4);
    expect(transcriber.calls).toBe(2);
  });

  it("honours an error's Retry-After over the computed backoff", async () => {
    const { db } = handle;
    const now = new Date();
    const { jobId } = await seedAudioCall(db, { runAt: now });
    const job = await claimJob(db, { leaseMs: LEASE, now });
    const rateLimited = Object.assign(new JobError("rate_limited", "Deepgram answered 429", true), {
      retryAfterSec: 42,
    });
    const outcome = await failJob(db, job!, rateLimited, { now, backoff: half });
    expect(outcome).toMatchObject({ kind: "retry", delayMs: 42_000 });
    expect((await jobRow(db, jobId)).runAt.getTime()).toBe(now.getTime() + 42_000);
  });

  it("fails the job and the call with the reason once attempts run out, keeping the upload", async () => {
    const { db } = handle;
    const t0 = new Date();
    let clock = t0;
    const transcriber = scriptedTranscriber([
      new JobError("transcription.failed", "Deepgram timed out", true),
    ]);
    const services = jobServices(db, transcriber, () => clock);
    const { jobId, callId } = await seedAudioCall(db, { runAt: t0, maxAttempts: 2 });

    const r1 = await executeJob(services, (await claimJob(db, { leaseMs: LEASE, now: clock }))!, {
      backoff: half,
    });
    expect(r1.kind).toBe("retry");
    clock = at(t0, 10_000);
    const r2 = await executeJob(services, (await claimJob(db, { leaseMs: LEASE, now: clock }))!, {
      backoff: half,
    });
    expect(r2).toEqual({
      kind: "failed",
      failure: { code: "transcription.failed", message: "Deepgram timed out", attempts: 2 },
    });
    expect(await jobRow(db, jobId)).toMatchObject({
      status: "failed",
      attempts: 2,
      leaseUntil: null,
      lastError: "transcription.failed: Deepgram timed out",
    });
    const call = await callRow(db, callId);
    expect(call.status).toBe("failed");
    expect(call.failure).toEqual({
      code: "transcription.failed",
      message: "Deepgram timed out",
      attempts: 2,
    });
    expect(call.audioUrl).toBe("https://audio.example.test/call.mp3"); // kept for a retry
    expect(await claimJob(db, { leaseMs: LEASE, now: at(t0, 3_600_000) })).toBeNull();
  });

  it("fails a non-retryable error at once", async () => {
    const { db } = handle;
    const services = jobServices(db, null); // no transcriber: "not configured" is not retryable
    const { jobId, callId } = await seedAudioCall(db);
    const job = await claimJob(db, { leaseMs: LEASE, now: new Date() });
    const outcome = await executeJob(services, job!);
    expect(outcome).toMatchObject({
      kind: "failed",
      failure: { code: "transcription.not_configured", attempts: 1 },
    });
    expect((await jobRow(db, jobId)).status).toBe("failed");
    expect((await callRow(db, callId)).failure?.message).toMatch(/DEEPGRAM_API_KEY/);
  });

  it("treats unknown errors as retryable and DebriefErrors as final", async () => {
    const { db } = handle;
    const now = new Date();
    await seedAudioCall(db, { runAt: now });
    const job = (await claimJob(db, { leaseMs: LEASE, now }))!;
    expect((await failJob(db, job, new TypeError("fetch failed"), { now })).kind).toBe("retry");
    const again = (await claimJob(db, { leaseMs: LEASE, now: at(now, 600_000) }))!;
    const final = await failJob(db, again, new DebriefError("input.invalid", "bad audio"), { now });
    expect(final).toMatchObject({ kind: "failed", failure: { code: "input.invalid", attempts: 2 } });
  });

  it("takes over a job whose lease expired; the dead worker can no longer touch it", async () => {
    const { db } = handle;
    const t0 = new Date();
    const { jobId } = await seedAudioCall(db, { runAt: t0 });
    const dead = (await claimJob(db, { leaseMs: LEASE, now: t0 }))!;
    expect(await claimJob(db, { leaseMs: LEASE, now: at(t0, LEASE - 1) })).toBeNull(); // still leased
    const heir = (await claimJob(db, { leaseMs: LEASE, now: at(t0, LEASE + 1) }))!;
    expect(heir.id).toBe(jobId);
    expect(heir.attempts).toBe(2);

    expect(await extendLease(db, dead, { leaseMs: LEASE, now: at(t0, LEASE + 2) })).toBe(false);
    expect(await completeJob(db, dead, { now: at(t0, LEASE + 2) })).toBe(false);
    expect(await failJob(db, dead, new Error("late"), { now: at(t0, LEASE + 2) })).toEqual({ kind: "lost" });
    expect(await completeJob(db, heir, { now: at(t0, LEASE + 3) })).toBe(true);
    expect(await jobRow(db, jobId)).toMatchObject({ status: "done", attempts: 2 });
  });

  it("gives up on a job whose workers keep dying, without running it again", async () => {
    const { db } = handle;
    const t0 = new Date();
    const transcriber = scriptedTranscriber(["ok"]);
    const services = jobServices(db, transcriber, () => t0);
    const { callId } = await seedAudioCall(db, { runAt: t0, maxAttempts: 1 });
    await claimJob(db, { leaseMs: LEASE, now: t0 }); // its worker dies
    const again = (await claimJob(db, { leaseMs: LEASE, now: at(t0, LEASE + 1) }))!;
    const outcome = await executeJob(services, again);
    expect(outcome).toMatchObject({ kind: "failed", failure: { code: "internal", attempts: 2 } });
    expect(transcriber.calls).toBe(0);
    expect((await callRow(db, callId)).status).toBe("failed");
  });

  it("abandons a hung run after its timeout; the lease then lets another worker take over", async () => {
    const { db } = handle;
    const services = jobServices(db, scriptedTranscriber(["hang"]));
    const { jobId } = await seedAudioCall(db);
    const job = (await claimJob(db, { leaseMs: 200, now: new Date() }))!;
    const outcome = await executeJob(services, job, { leaseMs: 200, heartbeatMs: 50, jobTimeoutMs: 100 });
    expect(outcome).toEqual({ kind: "timeout" });
    expect(await jobRow(db, jobId)).toMatchObject({
      status: "running",
      lastError: "internal: timed out after 0 s",
    });
    await new Promise((r) => setTimeout(r, 250));
    expect((await claimJob(db, { leaseMs: LEASE, now: new Date() }))?.id).toBe(jobId);
  });

  it("retryCall re-queues a failed call's job with attempts reset", async () => {
    const { db } = handle;
    const now = new Date();
    const { orgId, callId, jobId } = await seedAudioCall(db, { runAt: now });
    const failing = jobServices(
      db,
      scriptedTranscriber([new JobError("transcription.failed", "unsupported codec", false)]),
      () => now,
    );
    await expect(retryCall(failing, { orgId, callId })).rejects.toMatchObject({ code: "conflict" });

    const job = (await claimJob(db, { leaseMs: LEASE, now }))!;
    expect(await executeJob(failing, job)).toMatchObject({ kind: "failed" });
    expect(await callRow(db, callId)).toMatchObject({ status: "failed" });
    await expect(retryCall(failing, { orgId: "org_other", callId })).rejects.toMatchObject({
      code: "not_found",
    });

    const later = at(now, 5_000);
    const enqueued = await retryCall(failing, { orgId, callId, now: later });
    expect(enqueued).toEqual({ id: jobId, orgId, subject: callId, kind: "transcribe" });
    expect(await jobRow(db, jobId)).toMatchObject({
      status: "queued",
      attempts: 0,
      lastError: null,
      leaseUntil: null,
    });
    expect((await jobRow(db, jobId)).runAt.getTime()).toBe(later.getTime());
    expect(await callRow(db, callId)).toMatchObject({ status: "queued", failure: null });

    const services = jobServices(db, scriptedTranscriber(["ok"]), () => later);
    const again = (await claimJob(db, { leaseMs: LEASE, now: later }))!;
    expect(again.attempts).toBe(1);
    expect(await executeJob(services, again)).toEqual({ kind: "done" });
    expect((await callRow(db, callId)).status).toBe("done");
  });

  it("a failed coach job marks only the coaching failed; retryCall re-runs the coaching", async () => {
    const { db } = handle;
    const { orgId, callId } = await seedAudioCall(db);
    const ok = jobServices(db, scriptedTranscriber(["ok"]));
    expect(await executeJob(ok, (await claimJob(db, { leaseMs: LEASE, now: new Date() }))!)).toEqual({
      kind: "done",
    });
    const coachJob = (await claimJob(db, { leaseMs: LEASE, now: new Date() }))!;
    expect(coachJob.kind).toBe("coach");
    const broken = {
      ...ok,
      coach: async () => {
        throw new JobError("input.invalid", "the playbook is gone", false);
      },
    };
    expect(await executeJob(broken, coachJob)).toMatchObject({ kind: "failed" });
    const failed = await callRow(db, callId);
    expect(failed).toMatchObject({ status: "done", coachingStatus: "failed", failure: null });
    expect(failed.analysis).not.toBeNull(); // the metrics stay served

    const enqueued = await retryCall(ok, { orgId, callId });
    expect(enqueued).toMatchObject({ id: coachJob.id, kind: "coach" });
    expect(await callRow(db, callId)).toMatchObject({ status: "done", coachingStatus: "pending" });
    const again = (await claimJob(db, { leaseMs: LEASE, now: new Date() }))!;
    expect(again).toMatchObject({ id: coachJob.id, attempts: 1 });
    expect(await executeJob(ok, again)).toEqual({ kind: "done" });
    expect((await callRow(db, callId)).coachingStatus).toBe("done");
    await expect(retryCall(ok, { orgId, callId })).rejects.toMatchObject({ code: "conflict" });
  });

  it("startWorkers runs queued jobs at once on wake(), heartbeats long jobs, and stops gracefully", async () => {
    const { db } = handle;
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => {
      release = r;
    });
    let started = 0;
    const transcriber = scriptedTranscriber([
      async () => {
        started += 1;
        await gate;
        return { transcript: sampleTranscript, raw: {} };
      },
    ]);
    const services = jobServices(db, transcriber);
    const workers = startWorkers(services, {
      concurrency: 2,
      pollIntervalMs: 60_000, // only wake() can make them look before the test times out
      leaseMs: 150,
      heartbeatMs: 30,
    });
    try {
      // Let both loops do their first (empty) poll and fall asleep.
      await new Promise((r) => setTimeout(r, 100));
      const a = await seedAudioCall(db);
      const b = await seedAudioCall(db);
      workers.wake();
      await waitFor(async () => started === 2, 5_000);
      // Both are running well past their 150 ms lease: only the heartbeat keeps them ours.
      await new Promise((r) => setTimeout(r, 400));
      expect(await claimJob(db, { leaseMs: LEASE, now: new Date() })).toBeNull();
      release();
      await waitFor(
        async () =>
          (await jobRow(db, b.jobId)).status === "done" && (await jobRow(db, a.jobId)).status === "done",
      );
      expect((await jobRow(db, a.jobId)).attempts).toBe(1);
    } finally {
      release();
      await workers.stop();
    }
  });

  it("stop() waits for the running job to finish", async () => {
    const { db } = handle;
    let started = false;
    const transcriber = scriptedTranscriber([
      async () => {
        started = true;
        await new Promise((r) => setTimeout(r, 300));
        return { transcript: sampleTranscript, raw: {} };
      },
    ]);
    const { jobId } = await seedAudioCall(db);
    const workers = startWorkers(jobServices(db, transcriber), { concurrency: 1, pollIntervalMs: 20 });
    await waitFor(async () => started);
    expect(await workers.stop()).toBe(true);
    expect((await jobRow(db, jobId)).status).toBe("done");
  });

  it("stop({ timeoutMs }) gives up on a hung job, which keeps its lease for another worker", async () => {
    const { db } = handle;
    const transcriber = scriptedTranscriber(["hang"]);
    const { jobId } = await seedAudioCall(db);
    const workers = startWorkers(jobServices(db, transcriber), {
      concurrency: 1,
      pollIntervalMs: 20,
      heartbeatMs: 20,
    });
    await waitFor(async () => transcriber.calls === 1);
    const t0 = Date.now();
    expect(await workers.stop({ timeoutMs: 100 })).toBe(false);
    expect(Date.now() - t0).toBeLessThan(2_000);
    const leased = await jobRow(db, jobId);
    expect(leased).toMatchObject({ status: "running", attempts: 1 });
    // No heartbeat any more: the lease is not extended after the stop.
    await new Promise((r) => setTimeout(r, 100));
    expect((await jobRow(db, jobId)).leaseUntil).toEqual(leased.leaseUntil);
  });
});
