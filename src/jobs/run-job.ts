import { eq } from "drizzle-orm";
import { analyzeForCall } from "../calls/operations.js";
import { type Call, calls, type Job } from "../db/schema/index.js";
import type { Services } from "../services.js";
import { JobError } from "./errors.js";

/**
 * Do one job's work. Idempotent: a job that is run again after a crash recomputes the same result.
 * Throws JobError (retryable or not); the queue decides about retries and final failure.
 */
export async function runJob(services: Services, job: Pick<Job, "id" | "kind" | "callId" | "orgId">): Promise<void> {
  const { db } = services;
  const [call] = await db.select().from(calls).where(eq(calls.id, job.callId));
  if (!call || call.orgId !== job.orgId) return; // the call was deleted meanwhile: nothing to do
  if (job.kind === "transcribe") await transcribe(services, call);
  else await reanalyze(services, call);
}

async function transcribe(services: Services, call: Call): Promise<void> {
  const { db, transcriber, blobs } = services;
  if (!transcriber) {
    throw new JobError("transcription.not_configured", "DEEPGRAM_API_KEY is not set: set it and retry the call", false);
  }
  await db.update(calls).set({ status: "transcribing", updatedAt: services.now() }).where(eq(calls.id, call.id));
  let result: Awaited<ReturnType<typeof transcriber.transcribe>>;
  const { multichannel } = call;
  if (call.audioUrl) {
    result = await transcriber.transcribe({ kind: "url", url: call.audioUrl }, { multichannel });
  } else {
    const blob = call.blobKey ? await blobs.get(call.blobKey) : null;
    if (!blob) throw new JobError("transcription.failed", "the uploaded audio is missing from storage; upload it again", false);
    result = await transcriber.transcribe({ kind: "stream", body: blob.body, contentType: blob.contentType }, { multichannel });
  }
  await db.update(calls).set({ status: "analyzing", updatedAt: services.now() }).where(eq(calls.id, call.id));
  const analysis = analyzeForCall(result.transcript, {
    fileName: call.fileName ?? call.audioUrl ?? call.id,
    format: "deepgram",
    roles: call.speakerRoles,
  });
  await db
    .update(calls)
    .set({ status: "done", transcript: result.transcript, analysis, failure: null, updatedAt: services.now() })
    .where(eq(calls.id, call.id));
}

async function reanalyze(services: Services, call: Call): Promise<void> {
  if (!call.transcript) throw new JobError("input.invalid", "this call has no transcript yet", false);
  const analysis = analyzeForCall(call.transcript, {
    fileName: call.fileName ?? call.id,
    format: call.analysis?.format ?? "canonical",
    roles: call.speakerRoles,
  });
  await services.db
    .update(calls)
    .set({ status: "done", analysis, failure: null, updatedAt: services.now() })
    .where(eq(calls.id, call.id));
}
