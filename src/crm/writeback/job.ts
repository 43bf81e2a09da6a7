import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { callMetrics, calls, crmConnections, crmWritebacks } from "../../db/schema/index.js";
import { JobError } from "../../errors.js";
import type { JobHandler } from "../../jobs/registry.js";
import { urlGuardOptions } from "../../net/public-url.js";
import type { Services } from "../../services.js";
import { openConnectionSecrets } from "../connections.js";
import type { CallMetrics, CallResult } from "./call-result.js";
import { hubspotWriter } from "./hubspot.js";
import { pipedriveWriter } from "./pipedrive.js";
import { salesforceWriter } from "./salesforce.js";
import { CrmWriteError, type CrmWriter } from "./writer.js";

export const WRITEBACK_KIND = "crm.writeback";

type Connection = typeof crmConnections.$inferSelect;

async function writerFor(services: Services, connection: Connection): Promise<CrmWriter> {
  const secrets = await openConnectionSecrets(services, connection);
  const config = connection.config as Record<string, unknown>;
  const missing = () =>
    new JobError(
      "crm.auth_failed",
      `the ${connection.vendor} connection has no write-back credentials`,
      false,
    );
  // Every write-back request passes the URL guard with the host resolved at send time.
  const urlGuard = urlGuardOptions(services.config, services.resolve);
  switch (connection.vendor) {
    case "hubspot":
      if (!secrets.accessToken) throw missing();
      return hubspotWriter({
        accessToken: secrets.accessToken,
        urlGuard,
        ...(config.dealProperties
          ? { dealProperties: config.dealProperties as Record<string, keyof CallMetrics> }
          : {}),
      });
    case "pipedrive":
      if (!secrets.apiToken) throw missing();
      return pipedriveWriter({
        companyDomain: String(config.companyDomain),
        auth: { apiToken: secrets.apiToken },
        urlGuard,
      });
    case "salesforce":
      if (!secrets.accessToken || typeof config.instanceUrl !== "string") throw missing();
      return salesforceWriter({
        instanceUrl: config.instanceUrl,
        accessToken: secrets.accessToken,
        urlGuard,
      });
    case "generic":
      throw new JobError("crm.rejected", "a generic connection cannot write back", false);
  }
}

/**
 * `crm.writeback` (subject: the crm_writebacks row): write a coached call's result to its deal with
 * the connection's CrmWriter. Rate limits and outages are retried (JobError retryable, Retry-After
 * honoured); 401 and other refusals fail at once; the row shows the outcome. A note created before a
 * later step failed is remembered and passed back as `existingId`, so a retry never duplicates it.
 */
export const crmWritebackJob: JobHandler<{ writebackId: string }> = {
  kind: WRITEBACK_KIND,
  payload: z.object({ writebackId: z.string() }),
  async run({ services }, job) {
    const { db } = services;
    const { writebackId } = job.payload as { writebackId: string };
    const [row] = await db
      .select({ w: crmWritebacks, c: crmConnections, call: calls })
      .from(crmWritebacks)
      .innerJoin(crmConnections, eq(crmConnections.id, crmWritebacks.connectionId))
      .innerJoin(calls, eq(calls.id, crmWritebacks.callId))
      .where(and(eq(crmWritebacks.id, writebackId), eq(crmWritebacks.orgId, job.orgId)));
    if (!row || row.w.status === "done") return;
    const [m] = await db.select().from(callMetrics).where(eq(callMetrics.callId, row.call.id));
    const coaching = row.call.coaching;
    const result: CallResult = {
      callId: row.call.id,
      title: row.call.title ?? "Call",
      occurredAt: row.call.occurredAt,
      summary: coaching?.summary.text ?? "",
      nextSteps: (coaching?.summary.nextSteps ?? []).map((s) => ({
        text: s.text,
        owner: s.owner,
        due: s.due,
      })),
      metrics: {
        talkRatio: m?.talkRatio ?? null,
        questions: m ? m.repQuestionsOpen + m.repQuestionsClosed : null,
        patienceSec: m?.patienceSec ?? null,
        objections: m?.objections ?? null,
        playbookScore: m?.playbookScore == null ? null : m.playbookScore * 100,
      },
      // A link back to the call, when the deployment says where it is public.
      url: services.config.DEBRIEF_PUBLIC_URL
        ? `${services.config.DEBRIEF_PUBLIC_URL.replace(/\/+$/, "")}/calls/${encodeURIComponent(row.call.id)}`
        : null,
    };
    const writer = await writerFor(services, row.c);
    try {
      const created = await writer.writeCallResult(
        row.w.dealId,
        result,
        row.w.vendorObjectId ? { existingId: row.w.vendorObjectId } : {},
      );
      await db
        .update(crmWritebacks)
        .set({ status: "done", vendorObjectId: created.id, error: null, updatedAt: services.now() })
        .where(eq(crmWritebacks.id, row.w.id));
    } catch (err) {
      if (err instanceof CrmWriteError && err.createdId) {
        await db
          .update(crmWritebacks)
          .set({ vendorObjectId: err.createdId, updatedAt: services.now() })
          .where(eq(crmWritebacks.id, row.w.id));
      }
      throw err;
    }
  },
  async onRetry({ tx, now }, job) {
    await tx
      .update(crmWritebacks)
      .set({ status: "retrying", error: job.lastError, updatedAt: now })
      .where(eq(crmWritebacks.id, String((job.payload as { writebackId?: string }).writebackId)));
  },
  async onFinalFailure({ tx, now }, job, failure) {
    await tx
      .update(crmWritebacks)
      .set({ status: "failed", error: `${failure.code}: ${failure.message}`, updatedAt: now })
      .where(eq(crmWritebacks.id, String((job.payload as { writebackId?: string }).writebackId)));
  },
};
