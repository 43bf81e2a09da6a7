import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Playbook } from "../../coaching/contract.js";
import { coachingInputFromStored } from "../../coaching-service/stored.js";
import { type Database, perDatabase } from "../../db/database.js";
import { calls, type Job } from "../../db/schema/index.js";
import { JobError } from "../../errors.js";
import { JOB_COMPLETED, type JobHandler } from "../../jobs/registry.js";
import { choosePlaybook, ownPlaybookCandidate } from "../../playbooks/store.js";
import { saveCoaching } from "../save.js";
import { setCallStatus } from "../status.js";
import { subjectCall } from "./load.js";

/**
 * What the coach job reads, in one statement: the call's transcript and analysis as their stored
 * JSON text (parsed by the thread that coaches, not by the driver here), and the organization's
 * candidate playbook (the call's choice, else its default: `ownPlaybookCandidate`). `kept`: the
 * upload kept the transcript's text on the CPU thread, so only whether there is one is read.
 */
const coachingSource = (kept: boolean) =>
  perDatabase((db) =>
    db
      .select({
        id: calls.id,
        orgId: calls.orgId,
        slug: calls.playbook,
        hasTranscript: sql<boolean>`(${calls.transcript} is not null)`,
        transcript: kept ? sql<string | null>`null::text` : sql<string | null>`${calls.transcript}::text`,
        analysis: sql<string | null>`${calls.analysis}::text`,
        ownPlaybook: ownPlaybookCandidate(calls.orgId, calls.playbook),
      })
      .from(calls)
      .where(and(eq(calls.id, sql.placeholder("id")), eq(calls.orgId, sql.placeholder("orgId"))))
      .prepare(kept ? "coach_job_source_kept" : "coach_job_source"),
  );
const sourceWithTranscript = coachingSource(false);
const sourceKept = coachingSource(true);

/** A call's transcript as its stored JSON text: a kept one that the coaching thread no longer had. */
const transcriptText = perDatabase((db) =>
  db
    .select({ transcript: sql<string | null>`${calls.transcript}::text` })
    .from(calls)
    .where(and(eq(calls.id, sql.placeholder("id")), eq(calls.orgId, sql.placeholder("orgId"))))
    .prepare("coach_job_transcript"),
);

async function loadCoachingSource(db: Database, job: Pick<Job, "orgId" | "subject">, kept: boolean) {
  if (!job.subject) return null;
  const query = kept ? sourceKept : sourceWithTranscript;
  const [row] = await query(db).execute({ id: job.subject, orgId: job.orgId });
  return row ?? null;
}

async function loadTranscriptText(db: Database, job: Pick<Job, "orgId" | "subject">): Promise<string> {
  const [row] = await transcriptText(db).execute({ id: job.subject, orgId: job.orgId });
  if (!row?.transcript) throw new JobError("input.invalid", "this call no longer has a transcript", false);
  return row.transcript;
}

/**
 * A coach job's payload: the upload's question readings, and the token of the transcript's text
 * the upload kept on the CPU thread (src/cpu/retained.ts), if any; re-coaching, a job from an
 * older build and an unencodable call have none.
 */
const CoachPayloadSchema = z.object({
  readings: z.string().optional(),
  keptTranscript: z.string().optional(),
});
export type CoachPayload = z.infer<typeof CoachPayloadSchema>;

function payloadOf(payload: unknown): CoachPayload {
  const parsed = CoachPayloadSchema.safeParse(payload);
  return parsed.success ? parsed.data : {};
}

/**
 * The payload of an uploaded call's coach job, from its analysis.
 *
 * @example
 * jobInsert(tx, services.jobs, { kind: "coach", orgId, subject: id, payload: coachPayload(parsed) });
 */
export function coachPayload(parsed: { readings: string | null; retained: string | null }): CoachPayload {
  return {
    ...(parsed.readings ? { readings: parsed.readings } : {}),
    ...(parsed.retained ? { keptTranscript: parsed.retained } : {}),
  };
}

/**
 * `coach` (subject: a call id): objections, playbook adherence, summary and CRM fields of an
 * analysed call. A final failure marks only the coaching failed: the metrics stay served (the
 * reason is in the job's last_error).
 */
export const coachJob: JobHandler<CoachPayload> = {
  kind: "coach",
  payload: CoachPayloadSchema,
  async run({ services, completion }, job) {
    const { db } = services;
    const { readings, keptTranscript } = payloadOf(job.payload);
    const call = await loadCoachingSource(db, job, keptTranscript !== undefined);
    if (!call) return;
    if (!call.hasTranscript || !call.analysis) {
      throw new JobError(
        "input.invalid",
        "this call has no transcript yet; it is coached after transcription",
        false,
      );
    }
    const own = call.ownPlaybook === null ? null : (JSON.parse(call.ownPlaybook) as Playbook);
    const playbook = choosePlaybook(call.slug, own);
    const input = coachingInputFromStored(
      keptTranscript === undefined
        ? { transcriptJson: call.transcript ?? undefined, analysisJson: call.analysis, playbook, readings }
        : { keptTranscript, analysisJson: call.analysis, playbook, readings },
      () => loadTranscriptText(db, job),
    );
    const coaching = await services.coach(input);
    // The job's completion goes with the coaching's metrics and event (one statement fewer).
    const completed = await db.transaction(async (tx) => {
      const write = completion?.(tx);
      const saved = await saveCoaching(tx, {
        call,
        coaching,
        now: services.now(),
        ...(write ? { alongside: [write] } : {}),
      });
      return saved && write !== undefined;
    });
    return completed ? JOB_COMPLETED : undefined;
  },
  async onFinalFailure({ tx, now }, job) {
    await setCallStatus(tx, { call: subjectCall(job), now, coachingStatus: "failed" });
  },
};
