import type { JobHandler } from "../../jobs/registry.js";
import { analyzeJob } from "./analyze.js";
import { coachJob } from "./coach.js";
import { transcribeJob } from "./transcribe.js";

/** The background jobs of calls (subject: the call id). */
export const callJobHandlers: readonly JobHandler[] = [transcribeJob, analyzeJob, coachJob];

/** Kinds that produce a call's metrics (a failed call is retried with one of these). */
export const METRICS_JOB_KINDS = [transcribeJob.kind, analyzeJob.kind] as const;
