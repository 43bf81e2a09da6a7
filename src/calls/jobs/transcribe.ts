import { DebriefError, JobError } from "../../errors.js";
import type { JobHandler } from "../../jobs/registry.js";
import { enqueue } from "../../jobs/store.js";
import { assertPublicUrl, urlGuardOptions } from "../../net/public-url.js";
import { saveAnalysis } from "../save.js";
import { setCallStatus } from "../status.js";
import { callOfJob, metricsJobHooks } from "./load.js";

/**
 * `transcribe` (subject: a call id): speech-to-text of the call's audio, then its metrics; the call
 * is `done` and its coaching queued as a `coach` job — a slow or failing LLM never holds the
 * metrics back. Idempotent: a re-run transcribes again and saves the same result.
 */
export const transcribeJob: JobHandler = {
  kind: "transcribe",
  ...metricsJobHooks,
  async run({ services }, job) {
    const { db, transcriber, blobs } = services;
    const call = await callOfJob(db, job);
    if (!call) return;
    if (!transcriber) {
      throw new JobError(
        "transcription.not_configured",
        "DEEPGRAM_API_KEY is not set: set it and retry the call",
        false,
      );
    }
    await setCallStatus(db, { call, now: services.now(), status: "transcribing" });
    let result: Awaited<ReturnType<typeof transcriber.transcribe>>;
    const { multichannel } = call;
    if (call.audioUrl) {
      // Checked again right before the request: a name can resolve elsewhere since the upload.
      try {
        await assertPublicUrl(call.audioUrl, urlGuardOptions(services.config, services.resolve));
      } catch (err) {
        if (err instanceof DebriefError)
          throw new JobError("url.forbidden", `audioUrl: ${err.message}`, false);
        throw err;
      }
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
    await setCallStatus(db, { call, now: services.now(), status: "analyzing" });
    // Off the event loop on the Node server (services.cpu): a long call is seconds of CPU.
    // With the metric pass's question readings, which the coach job restores (src/calls/jobs/coach.ts).
    const { analysis, readings } = await services.cpu.run("analyzeForCoaching", {
      transcript: result.transcript,
      fileName: call.fileName ?? call.audioUrl ?? call.id,
      format: "deepgram",
      roles: call.speakerRoles,
    });
    const coach = await db.transaction(async (tx) => {
      const now = services.now();
      await saveAnalysis(tx, { call, analysis, transcript: result.transcript, now });
      return enqueue(tx, services.jobs, {
        kind: "coach",
        orgId: call.orgId,
        subject: call.id,
        runAt: now,
        ...(readings ? { payload: { readings } } : {}),
      });
    });
    await services.queue.notify(coach);
  },
};
