import { JobError } from "../../errors.js";
import type { JobHandler } from "../../jobs/registry.js";
import { saveAnalysis } from "../save.js";
import { callOfJob, metricsJobHooks } from "./load.js";

/** `analyze` (subject: a call id): recompute the metrics of a call from its stored transcript. */
export const analyzeJob: JobHandler = {
  kind: "analyze",
  ...metricsJobHooks,
  async run({ services }, job) {
    const { db } = services;
    const call = await callOfJob(db, job);
    if (!call) return;
    const { transcript } = call;
    if (!transcript) throw new JobError("input.invalid", "this call has no transcript yet", false);
    const analysis = await services.cpu.run("analyze", {
      transcript,
      fileName: call.fileName ?? call.id,
      format: call.analysis?.format ?? "canonical",
      roles: call.speakerRoles,
    });
    await db.transaction((tx) => saveAnalysis(tx, { call, analysis, now: services.now() }));
  },
};
