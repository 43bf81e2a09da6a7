import { and, desc, eq } from "drizzle-orm";
import {
  type CrmConnectionVendor,
  calls,
  crmConnections,
  crmWritebacks,
  type DeliveryStatus,
  events,
  type WritebackStatus,
  webhookDeliveries,
  webhookEndpoints,
} from "../db/schema/index.js";
import { DebriefError } from "../errors.js";
import { type CallCtx, visibleTo } from "./operations.js";

/** How many of a call's webhook deliveries the call page lists (newest first). */
export const CALL_DELIVERIES_SHOWN = 20;

export interface CallSyncStatus {
  /** The call's result written back to each connected CRM. */
  crm: Array<{
    connectionId: string;
    vendor: CrmConnectionVendor;
    name: string | null;
    dealId: string;
    status: WritebackStatus;
    vendorObjectId: string | null;
    error: string | null;
    updatedAt: Date;
  }>;
  /** The call's webhook messages to each endpoint; null for reps (endpoints are admin settings). */
  webhooks: Array<{
    id: string;
    endpointId: string;
    /** The endpoint's host only: its path may carry a token. */
    endpointHost: string;
    eventType: string;
    status: DeliveryStatus;
    attempts: number;
    responseStatus: number | null;
    lastError: string | null;
    lastAttemptAt: Date | null;
    nextAttemptAt: Date | null;
  }> | null;
}

const hostOf = (url: string) => {
  try {
    return new URL(url).host;
  } catch {
    return "?";
  }
};

/**
 * Where a call's results went: CRM write-backs and webhook deliveries. Whoever may see the call
 * (else 404, as `getCall`); webhook deliveries are for managers and admins. Both queries are
 * index lookups: crm_writebacks (org_id, call_id), events (org_id, subject) then
 * webhook_deliveries (event_id, endpoint_id).
 *
 * @example
 * const { crm, webhooks } = await callSyncStatus(ctx, "call_…");
 */
export async function callSyncStatus(ctx: CallCtx, callId: string): Promise<CallSyncStatus> {
  const { db } = ctx.services;
  const orgId = ctx.actor.orgId;
  const [call] = await db
    .select({ id: calls.id })
    .from(calls)
    .where(and(eq(calls.id, callId), visibleTo(ctx.actor)));
  if (!call) throw new DebriefError("not_found", `no call ${callId}`);
  const [crm, deliveries] = await Promise.all([
    db
      .select({
        connectionId: crmWritebacks.connectionId,
        vendor: crmConnections.vendor,
        name: crmConnections.name,
        dealId: crmWritebacks.dealId,
        status: crmWritebacks.status,
        vendorObjectId: crmWritebacks.vendorObjectId,
        error: crmWritebacks.error,
        updatedAt: crmWritebacks.updatedAt,
      })
      .from(crmWritebacks)
      .innerJoin(crmConnections, eq(crmConnections.id, crmWritebacks.connectionId))
      .where(and(eq(crmWritebacks.orgId, orgId), eq(crmWritebacks.callId, call.id)))
      .orderBy(crmConnections.createdAt),
    ctx.actor.role === "rep"
      ? null
      : db
          .select({
            id: webhookDeliveries.id,
            endpointId: webhookDeliveries.endpointId,
            url: webhookEndpoints.url,
            eventType: webhookDeliveries.eventType,
            status: webhookDeliveries.status,
            attempts: webhookDeliveries.attempts,
            responseStatus: webhookDeliveries.responseStatus,
            lastError: webhookDeliveries.lastError,
            lastAttemptAt: webhookDeliveries.lastAttemptAt,
            nextAttemptAt: webhookDeliveries.nextAttemptAt,
          })
          .from(events)
          .innerJoin(webhookDeliveries, eq(webhookDeliveries.eventId, events.id))
          .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
          .where(and(eq(events.orgId, orgId), eq(events.subject, call.id)))
          .orderBy(desc(events.seq), webhookEndpoints.createdAt)
          .limit(CALL_DELIVERIES_SHOWN),
  ]);
  return {
    crm,
    webhooks: deliveries?.map(({ url, ...d }) => ({ ...d, endpointHost: hostOf(url) })) ?? null,
  };
}
