import { and, eq, lte, type SQLWrapper, sql } from "drizzle-orm";
import { z } from "zod";
import { newId } from "../auth/keys.js";
import { WRITEBACK_KIND } from "../crm/writeback/job.js";
import { type Database, writeTogether } from "../db/database.js";
import {
  calls,
  crmConnections,
  crmWritebacks,
  webhookCursors,
  webhookDeliveries,
  webhookEndpoints,
} from "../db/schema/index.js";
import { DebriefError, describeError } from "../errors.js";
import { readEvents } from "../events/outbox.js";
import type { JobHandler } from "../jobs/registry.js";
import { enqueue, type QueuedJob } from "../jobs/store.js";
import { assertPublicUrl, urlGuardOptions } from "../net/public-url.js";
import { DELIVER_KIND, signingSecrets, WEBHOOK_EVENT_TYPES } from "./endpoints.js";
import { callEventBody } from "./payload.js";
import { nextAttemptDelay, shouldDisableEndpoint } from "./retry-schedule.js";
import { signWebhook } from "./standard-webhooks.js";

export const DISPATCH_KIND = "webhooks.dispatch";
const PAGE = 100;

/**
 * Kick the dispatcher of `orgId` in the caller's transaction (the one writing the outbox event), when
 * the organization has something to deliver to and no dispatch is already waiting. Written straight
 * to `jobs` (the event writer has no registry); the worker poll picks it up. `alongside`: other
 * writes of the transaction sent in the same statement (`writeTogether`): the status change's
 * outbox event, the call's metrics, its next job.
 */
export async function scheduleDispatch(
  tx: Database,
  orgId: string,
  now: Date,
  alongside: readonly SQLWrapper[] = [],
): Promise<void> {
  // The kick reads `jobs` as it was before the statement: the writes beside it are not its kind.
  await writeTogether(tx, [
    ...alongside,
    sql`insert into jobs (id, org_id, kind, subject, payload, run_at)
    select ${newId("job")}, ${orgId}, ${DISPATCH_KIND}, ${orgId}, '{}'::jsonb, ${now.toISOString()}::timestamptz
    where (exists (select 1 from webhook_endpoints where org_id = ${orgId} and enabled)
        or exists (select 1 from crm_connections where org_id = ${orgId} and write_back))
      and not exists (select 1 from jobs where kind = ${DISPATCH_KIND} and subject = ${orgId} and status = 'queued')`,
  ]);
}

/**
 * `webhooks.dispatch` (subject: the organization): read the outbox after the org's cursor and, in
 * one transaction per page, create one delivery per (event, subscribed endpoint) and one write-back
 * per (coached call with a deal, write-back connection), enqueue their jobs and advance the cursor.
 * The UNIQUE constraints make a re-run after a crash create nothing twice.
 */
export const webhookDispatchJob: JobHandler = {
  kind: DISPATCH_KIND,
  payload: z.object({}).passthrough(),
  async run({ services }, job) {
    const { db } = services;
    const orgId = job.orgId;
    for (;;) {
      const { jobs: queued, more } = await db.transaction(async (tx) => {
        await tx.insert(webhookCursors).values({ orgId, afterSeq: 0 }).onConflictDoNothing();
        const [cursor] = await tx
          .select()
          .from(webhookCursors)
          .where(eq(webhookCursors.orgId, orgId))
          .for("update");
        const page = await readEvents({ db: tx, afterSeq: cursor!.afterSeq, limit: PAGE, orgId });
        const out: QueuedJob[] = [];
        for (const event of page) {
          if (!(WEBHOOK_EVENT_TYPES as readonly string[]).includes(event.type)) continue;
          const endpoints = await tx
            .select()
            .from(webhookEndpoints)
            .where(
              and(
                eq(webhookEndpoints.orgId, orgId),
                eq(webhookEndpoints.enabled, true),
                lte(webhookEndpoints.createdAt, event.createdAt),
              ),
            );
          const targets = endpoints.filter((e) => e.events === null || e.events.includes(event.type));
          const body = targets.length > 0 ? await callEventBody(tx, event) : "";
          for (const endpoint of targets) {
            const [d] = await tx
              .insert(webhookDeliveries)
              .values({
                id: newId("msg"),
                orgId,
                endpointId: endpoint.id,
                eventId: event.id,
                eventSeq: event.seq,
                eventType: event.type,
                body,
                nextAttemptAt: services.now(),
                createdAt: services.now(),
              })
              .onConflictDoNothing()
              .returning({ id: webhookDeliveries.id });
            if (d)
              out.push(
                await enqueue(tx, services.jobs, {
                  kind: DELIVER_KIND,
                  orgId,
                  subject: d.id,
                  payload: { deliveryId: d.id },
                  runAt: services.now(),
                }),
              );
          }
          if (event.type === "call.coached")
            out.push(...(await scheduleWritebacks(tx, services.jobs, orgId, event.subject, services.now())));
        }
        const last = page.at(-1);
        if (last)
          await tx
            .update(webhookCursors)
            .set({ afterSeq: last.seq, updatedAt: services.now() })
            .where(eq(webhookCursors.orgId, orgId));
        return { jobs: out, more: page.length === PAGE };
      });
      for (const q of queued) await services.queue.notify(q);
      if (!more) return;
    }
  },
};

async function scheduleWritebacks(
  tx: Database,
  registry: Parameters<typeof enqueue>[1],
  orgId: string,
  callId: string,
  now: Date,
): Promise<QueuedJob[]> {
  const [call] = await tx
    .select({ dealId: calls.crmDealId })
    .from(calls)
    .where(and(eq(calls.id, callId), eq(calls.orgId, orgId)));
  if (!call?.dealId) return [];
  const connections = await tx
    .select({ id: crmConnections.id })
    .from(crmConnections)
    .where(and(eq(crmConnections.orgId, orgId), eq(crmConnections.writeBack, true)));
  const out: QueuedJob[] = [];
  for (const c of connections) {
    const [w] = await tx
      .insert(crmWritebacks)
      .values({ id: newId("wb"), orgId, callId, connectionId: c.id, dealId: call.dealId })
      .onConflictDoNothing()
      .returning({ id: crmWritebacks.id });
    if (w)
      out.push(
        await enqueue(tx, registry, {
          kind: WRITEBACK_KIND,
          orgId,
          subject: w.id,
          payload: { writebackId: w.id },
          runAt: now,
        }),
      );
  }
  return out;
}

export interface DeliverOptions {
  /** Give up on an attempt after this long (default 15 s). */
  timeoutMs?: number;
}

const SNIPPET = 200;

/**
 * `webhooks.deliver` (subject: the delivery): one attempt — URL guard again, with the host resolved
 * now (a destination that resolves to a private, loopback, link-local or metadata address is a
 * failed delivery, never retried), sign with the
 * endpoint's secret(s) under the delivery's stable id, POST without following redirects — then, in
 * one transaction, record it and either finish, schedule the next attempt on the Svix schedule (a
 * new job at the scheduled time), or dead-letter; an endpoint failing for 5 days is disabled.
 */
export function webhookDeliverJob(options: DeliverOptions = {}): JobHandler<{ deliveryId: string }> {
  const timeoutMs = options.timeoutMs ?? 15_000;
  return {
    kind: DELIVER_KIND,
    payload: z.object({ deliveryId: z.string() }),
    async run({ services }, job) {
      const { db } = services;
      const { deliveryId } = job.payload as { deliveryId: string };
      const [row] = await db
        .select({ d: webhookDeliveries, e: webhookEndpoints })
        .from(webhookDeliveries)
        .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
        .where(and(eq(webhookDeliveries.id, deliveryId), eq(webhookDeliveries.orgId, job.orgId)));
      if (row?.d.status !== "pending") return;
      const { d, e } = row;
      if (!e.enabled) {
        await db
          .update(webhookDeliveries)
          .set({ status: "failed", lastError: `endpoint disabled: ${e.disabledReason ?? "by an admin"}` })
          .where(eq(webhookDeliveries.id, d.id));
        return;
      }
      const started = services.now();
      let status: number | null = null;
      let error: string | null = null;
      let snippet: string | null = null;
      // A destination refused by the URL guard is not retried: resolving again later would only
      // ask the same (possibly rebinding) name server again.
      let refused = false;
      const t0 = Date.now();
      try {
        // Resolved now, at delivery time: the name may point elsewhere than when it was registered.
        const url = await assertPublicUrl(e.url, urlGuardOptions(services.config, services.resolve));
        const headers = await signWebhook({
          id: d.id,
          timestamp: started,
          body: d.body,
          secrets: await signingSecrets(services, e),
        });
        const res = await fetch(url, {
          method: "POST",
          headers: { ...headers, "content-type": "application/json", "user-agent": "Debrief-Webhooks/1" },
          body: d.body,
          redirect: "manual",
          signal: AbortSignal.timeout(timeoutMs),
        });
        status = res.status;
        const text = await res.text().catch(() => "");
        snippet = text.slice(0, SNIPPET) || null;
        if (status < 200 || status > 299)
          error = status >= 300 && status < 400 ? `redirect (${status}) not followed` : `answered ${status}`;
      } catch (err) {
        const named = err instanceof Error ? err.name : "";
        refused = err instanceof DebriefError && err.code === "url.forbidden";
        error = refused
          ? `refused, not retried: ${describeError(err).message.slice(0, 300)}`
          : named === "TimeoutError"
            ? `timed out after ${Math.round(timeoutMs / 1000)} s`
            : describeError(err).message.slice(0, 300);
      }
      const durationMs = Date.now() - t0;
      const attempts = d.attempts + 1;
      const now = services.now();
      const next = await db.transaction(async (tx) => {
        const ok = error === null;
        const delay = ok || refused ? null : nextAttemptDelay(attempts);
        await tx
          .update(webhookDeliveries)
          .set({
            attempts,
            lastAttemptAt: started,
            responseStatus: status,
            durationMs,
            lastError: error,
            responseSnippet: snippet,
            status: ok ? "succeeded" : delay === null ? "failed" : "pending",
            nextAttemptAt: delay === null ? null : new Date(now.getTime() + delay),
          })
          .where(and(eq(webhookDeliveries.id, d.id), eq(webhookDeliveries.status, "pending")));
        if (ok) {
          await tx.update(webhookEndpoints).set({ failingSince: null }).where(eq(webhookEndpoints.id, e.id));
          return null;
        }
        const failingSince = e.failingSince ?? started;
        if (shouldDisableEndpoint({ failingSince, now })) {
          await tx
            .update(webhookEndpoints)
            .set({
              enabled: false,
              failingSince,
              disabledReason: `every delivery failed since ${failingSince.toISOString()} (5 days); last: ${error}`,
              updatedAt: now,
            })
            .where(eq(webhookEndpoints.id, e.id));
        } else {
          await tx.update(webhookEndpoints).set({ failingSince }).where(eq(webhookEndpoints.id, e.id));
        }
        if (delay === null) return null;
        return enqueue(tx, services.jobs, {
          kind: DELIVER_KIND,
          orgId: d.orgId,
          subject: d.id,
          payload: { deliveryId: d.id },
          runAt: new Date(now.getTime() + delay),
        });
      });
      if (next) await services.queue.notify(next);
    },
  };
}
