import { eq } from "drizzle-orm";
import { newId } from "../auth/keys.js";
import { analyzeForCall } from "../calls/operations.js";
import { type Call, calls, type Job, jobs } from "../db/schema/index.js";
import { JobError } from "../errors.js";
import { resolvePlaybook } from "../playbooks/store.js";
import type { Services } from "../services.js";

/**
 * Do one job's work. Idempotent: a job that is run again after a crash recomputes the same result.
 * Throws JobError (retryable or not); the queue decides about retries and final failure.
 */
export async function runJob(
  services: Services,
  job: Pick<Job, "id" | "kind" | "callId" | "orgId">,
): Promise<void> {
  const { db } = services;
  const [call] = await db.select().from(calls).where(eq(calls.id, job.callId));
  if (!call || call.orgId !== job.orgId) return; // the call was deleted meanwhile: nothing to do
  if (job.kind === "transcribe") await transcribe(services, call);
  else if (job.kind === "coach") await coach(services, call);
  else await reanalyze(services, call);
}

/** Objections, playbook, summary and CRM fields for an analysed call. */
async function coach(services: Services, call: Call): Promise<void> {
  if (!call.transcript || !call.analysis) {
    throw new JobError(
      "input.invalid",
      "this call has no transcript yet; it is coached after transcription",
      false,
    );
  }
  const playbook = await resolvePlaybook(services.db, call.orgId, call.playbook);
  const coaching = await services.coach({ transcript: call.transcript, analysis: call.analysis, playbook });
  await services.db
    .update(calls)
    .set({ coaching, coachingStatus: "done", updatedAt: services.now() })
    .where(eq(calls.id, call.id));
}

async function transcribe(services: Services, call: Call): Promise<void> {
  const { db, transcriber, blobs } = services;
  if (!transcriber) {
    throw new JobError(
      "transcription.not_configured",
      "DEEPGRAM_API_KEY is not set: set it and retry the call",
      false,
    );
  }
  await db
    .update(calls)
    .set({ status: "transcribing", updatedAt: services.now() })
    .where(eq(calls.id, call.id));
  let result: Awaited<ReturnType<typeof transcriber.transcribe>>;
  const { multichannel } = call;
  if (call.audioUrl) {
    result = await transcriber.transcribe({ kind: "url", url: call.audioUrl }, { multichannel });
  } else {
    const blob = call.blobKey ? await blobs.get(call.blobKey) : null;
    if (!blob)
      throw new JobError(
        "transcription.failed",
        "the uploaded audio is missing from storage; upload it again",
        false,
      );
    result = await transcriber.transcribe(
      { kind: "stream", body: blob.body, contentType: blob.contentType },
      { multichannel },
    );
  }
  await db.update(calls).set({ status: "analyzing", updatedAt: services.now() }).where(eq(calls.id, call.id));
  const analysis = analyzeForCall(result.transcript, {
    fileName: call.fileName ?? call.audioUrl ?? call.id,
    format: "deepgram",
    roles: call.speakerRoles,
  });
  // Metrics are done; coaching follows as its own job so a slow or failing LLM never holds them back.
  const jobId = newId("job");
  await db.transaction(async (tx) => {
    await tx
      .update(calls)
      .set({
        status: "done",
        transcript: result.transcript,
        analysis,
        failure: null,
        updatedAt: services.now(),
      })
      .where(eq(calls.id, call.id));
    await tx
      .insert(jobs)
      .values({ id: jobId, orgId: call.orgId, callId: call.id, kind: "coach", runAt: services.now() });
  });
  await services.queue.enqueue({ jobId, orgId: call.orgId, callId: call.id, kind: "coach" });
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
