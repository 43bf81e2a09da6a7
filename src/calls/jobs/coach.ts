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
 * candidate playbook (the call's choice, else its default: `ownPlaybookCandidate`).
 */
const coachingSource = perDatabase((db) =>
  db
    .select({
      id: calls.id,
      orgId: calls.orgId,
      slug: calls.playbook,
      transcript: sql<string | null>`${calls.transcript}::text`,
      analysis: sql<string | null>`${calls.analysis}::text`,
      ownPlaybook: ownPlaybookCandidate(calls.orgId, calls.playbook),
    })
    .from(calls)
    .where(and(eq(calls.id, sql.placeholder("id")), eq(calls.orgId, sql.placeholder("orgId"))))
    .prepare("coach_job_source"),
);

async function loadCoachingSource(db: Database, job: Pick<Job, "orgId" | "subject">) {
  if (!job.subject) return null;
  const [row] = await coachingSource(db).execute({ id: job.subject, orgId: job.orgId });
  return row ?? null;
}

/**
 * A coach job's payload: the upload's question readings (src/calls/operations.ts), if any;
 * re-coaching, a job from an older build and an unencodable call have none.
 */
const CoachPayloadSchema = z.object({ readings: z.string().optional() });

function readingsOf(payload: unknown): string | null {
  const parsed = CoachPayloadSchema.safeParse(payload);
  return parsed.success ? (parsed.data.readings ?? null) : null;
}

/**
 * `coach` (subject: a call id): objections, playbook adherence, summary and CRM fields of an
 * analysed call. A final failure marks only the coaching failed: the metrics stay served (the
 * reason is in the job's last_error).
 */
export const coachJob: JobHandler<z.infer<typeof CoachPayloadSchema>> = {
  kind: "coach",
  payload: CoachPayloadSchema,
  async run({ services, completion }, job) {
    const { db } = services;
    const call = await loadCoachingSource(db, job);
    if (!call) return;
    if (!call.transcript || !call.analysis) {
      throw new JobError(
        "input.invalid",
        "this call has no transcript yet; it is coached after transcription",
        false,
      );
    }
    const own = call.ownPlaybook === null ? null : (JSON.parse(call.ownPlaybook) as Playbook);
    const playbook = choosePlaybook(call.slug, own);
    const input = coachingInputFromStored({
      transcriptJson: call.transcript,
      analysisJson: call.analysis,
      playbook,
      readings: readingsOf(job.payload),
    });
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
