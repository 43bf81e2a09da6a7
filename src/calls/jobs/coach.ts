import { JobError } from "../../errors.js";
import type { JobHandler } from "../../jobs/registry.js";
import { resolvePlaybook } from "../../playbooks/store.js";
import { saveCoaching } from "../save.js";
import { setCallStatus } from "../status.js";
import { callOfJob, subjectCall } from "./load.js";

/**
 * `coach` (subject: a call id): objections, playbook adherence, summary and CRM fields of an
 * analysed call. A final failure marks only the coaching failed: the metrics stay served (the
 * reason is in the job's last_error).
 */
export const coachJob: JobHandler = {
  kind: "coach",
  async run({ services }, job) {
    const { db } = services;
    const call = await callOfJob(db, job);
    if (!call) return;
    if (!call.transcript || !call.analysis) {
      throw new JobError(
        "input.invalid",
        "this call has no transcript yet; it is coached after transcription",
        false,
      );
    }
    const playbook = await resolvePlaybook(db, call.orgId, call.playbook);
    const coaching = await services.coach({ transcript: call.transcript, analysis: call.analysis, playbook });
    await db.transaction((tx) => saveCoaching(tx, { call, coaching, now: services.now() }));
  },
  async onFinalFailure({ tx, now }, job) {
    await setCallStatus(tx, { call: subjectCall(job), now, coachingStatus: "failed" });
  },
};
