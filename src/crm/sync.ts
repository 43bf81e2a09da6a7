import { and, asc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { newId } from "../auth/keys.js";
import type { Database } from "../db/database.js";
import { type CrmConnection, crmConnections, crmSyncVersions, inboundEvents } from "../db/schema/index.js";
import { DebriefError, JobError } from "../errors.js";
import type { JobHandler } from "../jobs/registry.js";
import { enqueue, type QueuedJob } from "../jobs/store.js";
import type { Services } from "../services.js";
import { type CrmChange, type ParsedChanges, shouldApply } from "./changes.js";
import { openConnectionSecrets } from "./connections.js";
import { applyCrmChange } from "./operations.js";
import { receiveGeneric } from "./vendors/generic-inbound.js";
import { receiveHubSpot } from "./vendors/hubspot-inbound.js";
import type { InboundRequest } from "./vendors/inbound.js";
import { receivePipedrive } from "./vendors/pipedrive-inbound.js";
import {
  receiveSalesforce,
  SALESFORCE_ACK_CONTENT_TYPE,
  SALESFORCE_ACK_XML,
} from "./vendors/salesforce-inbound.js";

/**
 * Vendor webhooks in: verify (before anything is stored or parsed further), store each normalised
 * change once per (connection, vendor event id) with one `crm.apply` job in the same transaction,
 * answer at once; the job applies the changes in vendor-time order through the CSV import's upsert.
 */

/** The receiver's answer. */
export interface ReceiverAnswer {
  status: number;
  contentType: string;
  body: string;
  job: QueuedJob | null;
}

async function verifyAndParse(
  services: Services,
  connection: CrmConnection,
  req: InboundRequest,
  token: string | undefined,
): Promise<ParsedChanges> {
  const secrets = await openConnectionSecrets(services, connection);
  const config = connection.config as Record<string, unknown>;
  const now = services.now();
  switch (connection.vendor) {
    case "hubspot": {
      const stageMap = (config.stageMap ?? {}) as { won?: string[]; lost?: string[] };
      return receiveHubSpot(
        req,
        {
          clientSecret: secrets.clientSecret ?? "",
          portalId: Number(config.portalId),
          ...(stageMap.won ? { wonStages: stageMap.won } : {}),
          ...(stageMap.lost ? { lostStages: stageMap.lost } : {}),
        },
        now,
      );
    }
    case "pipedrive":
      return receivePipedrive(req, {
        user: secrets.basicUser ?? "",
        password: secrets.basicPassword ?? "",
        companyId: Number(config.companyId),
      });
    case "salesforce":
      return receiveSalesforce(req, token ?? "", {
        organizationId: String(config.organizationId),
        urlToken: secrets.urlToken ?? "",
      });
    case "generic":
      return receiveGeneric(req, { secrets: [secrets.signingSecret ?? ""] }, now);
  }
}

/**
 * Receive one vendor webhook request for `connectionId`. Unknown connection → 404; bad signature →
 * WebhookVerificationError (401), nothing stored; a verified but malformed body → 422.
 *
 * @example
 * const answer = await receiveCrmWebhook(services, "conn_…", request, tokenFromQuery);
 */
export async function receiveCrmWebhook(
  services: Services,
  connectionId: string,
  req: InboundRequest,
  token: string | undefined,
): Promise<ReceiverAnswer> {
  const [connection] = await services.db
    .select()
    .from(crmConnections)
    .where(eq(crmConnections.id, connectionId));
  if (!connection) throw new DebriefError("not_found", "no such webhook receiver");
  const parsed = await verifyAndParse(services, connection, req, token);
  const now = services.now();
  const job = await services.db.transaction(async (tx) => {
    let stored = 0;
    for (const change of parsed.changes) {
      const rows = await tx
        .insert(inboundEvents)
        .values({
          id: newId("inb"),
          orgId: connection.orgId,
          connectionId: connection.id,
          vendorEventId: change.eventId,
          occurredAt: change.occurredAt,
          change: { ...change, occurredAt: change.occurredAt.toISOString() },
          receivedAt: now,
        })
        .onConflictDoNothing()
        .returning({ id: inboundEvents.id });
      stored += rows.length;
    }
    if (stored === 0) return null;
    return enqueue(tx, services.jobs, {
      kind: APPLY_KIND,
      orgId: connection.orgId,
      subject: connection.id,
      runAt: now,
    });
  });
  if (job) await services.queue.notify(job);
  if (connection.vendor === "salesforce") {
    return { status: 200, contentType: SALESFORCE_ACK_CONTENT_TYPE, body: SALESFORCE_ACK_XML, job };
  }
  return {
    status: 200,
    contentType: "application/json",
    body: JSON.stringify({ received: parsed.changes.length, ignored: parsed.ignored.length }),
    job,
  };
}

export const APPLY_KIND = "crm.apply";
const BATCH = 200;

/** The owner e-mail of a change, from the connection's owner table. */
function ownerEmail(connection: CrmConnection, change: CrmChange): string | undefined {
  if (!change.ownerVendorId) return undefined;
  const owners = (connection.config as { owners?: Record<string, string> }).owners ?? {};
  return owners[change.ownerVendorId];
}

/** Apply one stored change under its record's version; what became of it. */
async function applyOne(
  tx: Database,
  connection: CrmConnection,
  change: CrmChange,
): Promise<{ status: "applied" | "skipped" | "rejected"; error?: string }> {
  const key = { orgId: connection.orgId, kind: change.kind, recordId: change.record.id };
  const [version] = await tx
    .select({ at: crmSyncVersions.sourceUpdatedAt })
    .from(crmSyncVersions)
    .where(
      and(
        eq(crmSyncVersions.orgId, key.orgId),
        eq(crmSyncVersions.kind, key.kind),
        eq(crmSyncVersions.recordId, key.recordId),
      ),
    )
    .for("update");
  if (!shouldApply(version?.at ?? null, change.occurredAt)) return { status: "skipped" };
  const error = await applyCrmChange(
    tx,
    connection.orgId,
    {
      kind: change.kind,
      op: change.op,
      cells: change.record as Record<string, string | null>,
      ownerEmail: ownerEmail(connection, change),
    },
    change.occurredAt,
  );
  if (error) return { status: "rejected", error };
  await tx
    .insert(crmSyncVersions)
    .values({ ...key, sourceUpdatedAt: change.occurredAt, deleted: change.op === "delete" ? "yes" : null })
    .onConflictDoUpdate({
      target: [crmSyncVersions.orgId, crmSyncVersions.kind, crmSyncVersions.recordId],
      set: { sourceUpdatedAt: change.occurredAt, deleted: change.op === "delete" ? "yes" : null },
    });
  return { status: "applied" };
}

/**
 * `crm.apply` (subject: the connection): apply the connection's pending changes oldest (vendor
 * time) first, each with its bookkeeping in one transaction. Idempotent: a re-run finds nothing
 * pending, and a change older than its record's version is skipped.
 */
export const crmApplyJob: JobHandler = {
  kind: APPLY_KIND,
  payload: z.object({}).passthrough(),
  async run({ services }, job) {
    const { db } = services;
    const [connection] = await db
      .select()
      .from(crmConnections)
      .where(and(eq(crmConnections.id, job.subject ?? ""), eq(crmConnections.orgId, job.orgId)));
    if (!connection) return; // deleted since: its events went with it
    for (;;) {
      const pending = await db
        .select()
        .from(inboundEvents)
        .where(and(eq(inboundEvents.connectionId, connection.id), eq(inboundEvents.status, "pending")))
        .orderBy(asc(inboundEvents.occurredAt), asc(inboundEvents.receivedAt), asc(inboundEvents.id))
        .limit(BATCH);
      for (const row of pending) {
        const stored = row.change as CrmChange & { occurredAt: string };
        const change = { ...stored, occurredAt: new Date(stored.occurredAt) } as CrmChange;
        try {
          await db.transaction(async (tx) => {
            const outcome = await applyOne(tx, connection, change);
            await tx
              .update(inboundEvents)
              .set({ status: outcome.status, error: outcome.error ?? null, appliedAt: services.now() })
              .where(and(eq(inboundEvents.id, row.id), eq(inboundEvents.status, "pending")));
          });
        } catch (err) {
          throw new JobError("internal", `applying CRM change ${row.id} failed; will retry`, true, {
            cause: err,
          });
        }
      }
      if (pending.length < BATCH) return;
    }
  },
};

/** How many of a connection's changes are still waiting (tests, health). */
export async function pendingInbound(db: Database, connectionId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(inboundEvents)
    .where(and(eq(inboundEvents.connectionId, connectionId), eq(inboundEvents.status, "pending")));
  return Number(row?.n ?? 0);
}
