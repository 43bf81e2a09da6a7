import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { testDatabases } from "../../test/helpers/db.js";
import { callRow, jobRow, jobServices, scriptedTranscriber, seedAudioCall } from "../../test/jobs/helpers.js";
import type { DatabaseHandle } from "../db/database.js";
import { jobs } from "../db/schema/index.js";
import { JobError } from "../errors.js";
import {
  cfJobQueue,
  handleJobMessage,
  type JobMessage,
  type JobMessageSender,
  sweepStaleJobs,
} from "./cf-queue.js";
import { claimJob } from "./store.js";

function recordingQueue(): JobMessageSender & { sent: JobMessage[] } {
  const sent: JobMessage[] = [];
  return {
    sent,
    async send(message: JobMessage) {
      sent.push(message);
      return { metadata: { metrics: { backlogCount: sent.length, backlogBytes: 0 } } };
    },
  };
}

// The Worker's queue consumer logic, run on Node: the Worker only maps the answer to ack()/retry().
describe.each(testDatabases)("Cloudflare queue consumer on $name", (database) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await database.open();
  });
  afterAll(async () => {
    await handle?.close();
  });
  beforeEach(async () => {
    await handle.db.delete(jobs);
  });

  it("enqueue sends {jobId}; depth counts waiting and running jobs from the table", async () => {
    const q = recordingQueue();
    const queue = cfJobQueue(q, handle.db);
    const { jobId, orgId, callId } = await seedAudioCall(handle.db);
    await seedAudioCall(handle.db);
    await queue.notify({ id: jobId, orgId, subject: callId, kind: "transcribe" });
    expect(q.sent).toEqual([{ jobId }]);
    expect(await queue.depth()).toBe(2);
  });

  it("runs the job and acks; a redelivery of a finished job is acked without running it", async () => {
    const transcriber = scriptedTranscriber(["ok"]);
    const services = jobServices(handle.db, transcriber);
    const { jobId, callId } = await seedAudioCall(handle.db);
    expect(await handleJobMessage(services, { jobId })).toEqual({ action: "ack" });
    expect((await callRow(handle.db, callId)).status).toBe("done");
    expect(await handleJobMessage(services, { jobId })).toEqual({ action: "ack" });
    expect(transcriber.calls).toBe(1);
  });

  it("asks for redelivery after the backoff on a retryable failure, and acks a final one", async () => {
    const services = jobServices(
      handle.db,
      scriptedTranscriber([new JobError("upstream.unavailable", "503", true)]),
    );
    const { jobId, callId } = await seedAudioCall(handle.db, { maxAttempts: 2 });
    const first = await handleJobMessage(services, { jobId }, { backoff: { random: () => 0.5 } });
    expect(first).toEqual({ action: "retry", delaySeconds: 1 });
    // Delivered again before the job is due: come back when it is.
    const early = await handleJobMessage(services, { jobId }, { backoff: { random: () => 0.99 } });
    expect(early.action).toBe("retry");
    await new Promise((r) => setTimeout(r, 1_050));
    expect(await handleJobMessage(services, { jobId })).toEqual({ action: "ack" });
    expect(await jobRow(handle.db, jobId)).toMatchObject({ status: "failed", attempts: 2 });
    expect((await callRow(handle.db, callId)).failure).toMatchObject({
      code: "upstream.unavailable",
      attempts: 2,
    });
  });

  it("waits out another consumer's lease instead of running the job twice", async () => {
    const transcriber = scriptedTranscriber(["ok"]);
    const services = jobServices(handle.db, transcriber);
    const { jobId } = await seedAudioCall(handle.db);
    await claimJob(handle.db, { leaseMs: 20_000, now: new Date(), jobId });
    const r = await handleJobMessage(services, { jobId });
    expect(r).toMatchObject({ action: "retry" });
    expect(r.action === "retry" && r.delaySeconds).toBeGreaterThanOrEqual(19);
    expect(transcriber.calls).toBe(0);
  });

  it("acks malformed messages and messages for deleted jobs", async () => {
    const services = jobServices(handle.db, scriptedTranscriber(["ok"]));
    expect(await handleJobMessage(services, { nope: 1 })).toEqual({ action: "ack" });
    expect(await handleJobMessage(services, "job_x")).toEqual({ action: "ack" });
    expect(await handleJobMessage(services, { jobId: "job_gone" })).toEqual({ action: "ack" });
  });

  it("sweepStaleJobs re-sends overdue jobs only", async () => {
    const now = new Date();
    const stale = await seedAudioCall(handle.db, { runAt: new Date(now.getTime() - 600_000) });
    await seedAudioCall(handle.db, { runAt: now });
    const q = recordingQueue();
    expect(await sweepStaleJobs(handle.db, q, { now })).toBe(1);
    expect(q.sent).toEqual([{ jobId: stale.jobId }]);
  });
});
