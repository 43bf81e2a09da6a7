import type { JobHandler } from "../jobs/registry.js";
import { type DeliverOptions, webhookDeliverJob, webhookDispatchJob } from "../webhooks/jobs.js";
import { crmApplyJob } from "./sync.js";
import { crmWritebackJob } from "./writeback/job.js";

/** The background jobs of CRM sync and outbound webhooks (apply, dispatch, deliver, write-back). */
export function syncJobHandlers(options: DeliverOptions = {}): JobHandler[] {
  return [
    crmApplyJob,
    webhookDispatchJob,
    webhookDeliverJob(options) as JobHandler,
    crmWritebackJob as JobHandler,
  ];
}
