import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../src/db/database.js";
import { calls } from "../../src/db/schema/index.js";
import { executeJob } from "../../src/jobs/executor.js";
import { claimJob } from "../../src/jobs/store.js";
import { testDatabases } from "../helpers/db.js";
import { callRow, jobRow, jobServices, scriptedTranscriber, seedAudioCall } from "./helpers.js";

const LEASE = 30_000;

/** A call transcribed and analysed, with its coach job claimed (not run). */
async function claimedCoachJob(handle: DatabaseHandle) {
  const { db } = handle;
  const seeded = await seedAudioCall(db);
  const services = jobServices(db, scriptedTranscriber(["ok"]));
  expect(await executeJob(services, (await claimJob(db, { leaseMs: LEASE, now: new Date() }))!)).toEqual({
    kind: "done",
  });
  const job = (await claimJob(db, { leaseMs: LEASE, now: new Date() }))!;
  expect(job.kind).toBe("coach");
  return { ...seeded, services, job };
}

// The coach job commits its own completion with its coaching (one statement fewer per job); the
// guarded write must still leave a job taken over by another worker alone, and a job whose call
// is gone must still be completed.
describe.each(testDatabases)("a job completed in its handler's transaction, on $name", (database) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await database.open();
  });
  afterAll(async () => {
    await handle?.close();
  });

  it("is done when its coaching is saved", async () => {
    const { services, job, callId } = await claimedCoachJob(handle);
    expect(await executeJob(services, job, { leaseMs: LEASE })).toEqual({ kind: "done" });
    expect(await jobRow(handle.db, job.id)).toMatchObject({
      status: "done",
      leaseUntil: null,
      lastError: null,
    });
    expect((await callRow(handle.db, callId)).coachingStatus).toBe("done");
  });

  it("is completed by the executor when its call was deleted meanwhile", async () => {
    const { services, job, callId } = await claimedCoachJob(handle);
    await handle.db.delete(calls).where(eq(calls.id, callId));
    expect(await executeJob(services, job, { leaseMs: LEASE })).toEqual({ kind: "done" });
    expect((await jobRow(handle.db, job.id)).status).toBe("done");
  });

  it("leaves a job another worker took over running for that worker", async () => {
    const { services, job } = await claimedCoachJob(handle);
    // The lease lapsed and another worker claimed the job: its attempt is the job's now.
    const takeover = await claimJob(handle.db, { leaseMs: LEASE, now: new Date(Date.now() + 2 * LEASE) });
    expect(takeover).toMatchObject({ id: job.id, attempts: job.attempts + 1 });
    await executeJob(services, job, { leaseMs: LEASE });
    expect(await jobRow(handle.db, job.id)).toMatchObject({ status: "running", attempts: job.attempts + 1 });
  });
});
