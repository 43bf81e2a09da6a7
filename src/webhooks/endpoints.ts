import { and, desc, eq } from "drizzle-orm";
import { z } from "zod";
import { requireRole } from "../auth/actor.js";
import { newId } from "../auth/keys.js";
import type { OperationCtx } from "../context.js";
import {
  type WebhookDelivery,
  type WebhookEndpoint,
  webhookDeliveries,
  webhookEndpoints,
} from "../db/schema/index.js";
import { DebriefError } from "../errors.js";
import { line } from "../input.js";
import { enqueue } from "../jobs/store.js";
import { assertPublicUrl, urlGuardOptions } from "../net/public-url.js";
import { secretBoxFromConfig } from "../security/secret-box.js";
import type { Services } from "../services.js";
import { generateWebhookSecret } from "./standard-webhooks.js";

/** Webhook endpoints (admins): create, list, get, update, delete, rotate the secret, deliveries, replay. */

export const WEBHOOK_EVENT_TYPES = ["call.analyzed", "call.coached", "call.failed"] as const;
/** How long the previous secret keeps signing after a rotation. */
export const ROTATION_OVERLAP_MS = 24 * 60 * 60 * 1000;

export const EndpointInputSchema = z.object({
  url: line().max(2000),
  events: z.array(z.enum(WEBHOOK_EVENT_TYPES)).min(1).optional(),
});
export const EndpointPatchSchema = z.object({
  url: line().max(2000).optional(),
  events: z.array(z.enum(WEBHOOK_EVENT_TYPES)).min(1).nullable().optional(),
  enabled: z.boolean().optional(),
});

export interface EndpointView {
  id: string;
  url: string;
  events: string[] | null;
  enabled: boolean;
  disabledReason: string | null;
  failingSince: string | null;
  rotationEndsAt: string | null;
  createdAt: string;
}

function view(row: WebhookEndpoint, now: Date): EndpointView {
  const rotating = row.previousSecretExpiresAt && row.previousSecretExpiresAt > now;
  return {
    id: row.id,
    url: row.url,
    events: row.events ?? null,
    enabled: row.enabled,
    disabledReason: row.disabledReason,
    failingSince: row.failingSince?.toISOString() ?? null,
    rotationEndsAt: rotating ? row.previousSecretExpiresAt!.toISOString() : null,
    createdAt: row.createdAt.toISOString(),
  };
}

const secretContext = (id: string, which: "current" | "previous") => `webhook_endpoint:${id}:${which}`;

async function checkedUrl(services: Services, url: string): Promise<string> {
  return (await assertPublicUrl(url, urlGuardOptions(services.config, services.resolve))).toString();
}

export async function createEndpoint(
  ctx: OperationCtx,
  input: z.infer<typeof EndpointInputSchema>,
): Promise<EndpointView & { secret: string }> {
  requireRole(ctx.actor, "admin");
  const { services } = ctx;
  const url = await checkedUrl(services, input.url);
  const box = await secretBoxFromConfig(services.config);
  const id = newId("ep");
  const secret = generateWebhookSecret();
  const now = services.now();
  const [row] = await services.db
    .insert(webhookEndpoints)
    .values({
      id,
      orgId: ctx.actor.orgId,
      url,
      events: input.events ?? null,
      secret: await box.seal(secret, secretContext(id, "current")),
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  return { ...view(row!, now), secret };
}

async function ownEndpoint(ctx: OperationCtx, id: string): Promise<WebhookEndpoint> {
  requireRole(ctx.actor, "admin");
  const [row] = await ctx.services.db
    .select()
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.id, id), eq(webhookEndpoints.orgId, ctx.actor.orgId)));
  if (!row) throw new DebriefError("not_found", `no webhook endpoint ${id}`);
  return row;
}

export async function listEndpoints(ctx: OperationCtx): Promise<EndpointView[]> {
  requireRole(ctx.actor, "admin");
  const rows = await ctx.services.db
    .select()
    .from(webhookEndpoints)
    .where(eq(webhookEndpoints.orgId, ctx.actor.orgId))
    .orderBy(desc(webhookEndpoints.createdAt));
  return rows.map((r) => view(r, ctx.services.now()));
}

export async function getEndpoint(ctx: OperationCtx, id: string): Promise<EndpointView> {
  return view(await ownEndpoint(ctx, id), ctx.services.now());
}

export async function updateEndpoint(
  ctx: OperationCtx,
  id: string,
  patch: z.infer<typeof EndpointPatchSchema>,
): Promise<EndpointView> {
  const row = await ownEndpoint(ctx, id);
  const set: Partial<WebhookEndpoint> = { updatedAt: ctx.services.now() };
  if (patch.url !== undefined) set.url = await checkedUrl(ctx.services, patch.url);
  if (patch.events !== undefined) set.events = patch.events;
  if (patch.enabled !== undefined) {
    set.enabled = patch.enabled;
    if (patch.enabled) Object.assign(set, { disabledReason: null, failingSince: null });
  }
  const [updated] = await ctx.services.db
    .update(webhookEndpoints)
    .set(set)
    .where(eq(webhookEndpoints.id, row.id))
    .returning();
  return view(updated!, ctx.services.now());
}

export async function deleteEndpoint(ctx: OperationCtx, id: string): Promise<void> {
  const row = await ownEndpoint(ctx, id);
  await ctx.services.db.delete(webhookEndpoints).where(eq(webhookEndpoints.id, row.id));
}

/** A new secret; the old one keeps signing (both signatures on every request) for 24 hours. */
export async function rotateEndpointSecret(
  ctx: OperationCtx,
  id: string,
): Promise<EndpointView & { secret: string }> {
  const row = await ownEndpoint(ctx, id);
  const box = await secretBoxFromConfig(ctx.services.config);
  const old = await box.open(row.secret, secretContext(row.id, "current"));
  const secret = generateWebhookSecret();
  const now = ctx.services.now();
  const [updated] = await ctx.services.db
    .update(webhookEndpoints)
    .set({
      secret: await box.seal(secret, secretContext(row.id, "current")),
      previousSecret: await box.seal(old, secretContext(row.id, "previous")),
      previousSecretExpiresAt: new Date(now.getTime() + ROTATION_OVERLAP_MS),
      updatedAt: now,
    })
    .where(eq(webhookEndpoints.id, row.id))
    .returning();
  return { ...view(updated!, now), secret };
}

/** The secrets that sign a request now: the current one, and the previous one during a rotation. */
export async function signingSecrets(services: Services, row: WebhookEndpoint): Promise<string[]> {
  const box = await secretBoxFromConfig(services.config);
  const secrets = [await box.open(row.secret, secretContext(row.id, "current"))];
  if (row.previousSecret && row.previousSecretExpiresAt && row.previousSecretExpiresAt > services.now()) {
    secrets.push(await box.open(row.previousSecret, secretContext(row.id, "previous")));
  }
  return secrets;
}

export interface DeliveryView {
  id: string;
  eventType: string;
  eventId: string;
  status: WebhookDelivery["status"];
  attempts: number;
  responseStatus: number | null;
  durationMs: number | null;
  lastError: string | null;
  responseSnippet: string | null;
  lastAttemptAt: string | null;
  nextAttemptAt: string | null;
  createdAt: string;
}

function deliveryView(d: WebhookDelivery): DeliveryView {
  return {
    id: d.id,
    eventType: d.eventType,
    eventId: d.eventId,
    status: d.status,
    attempts: d.attempts,
    responseStatus: d.responseStatus,
    durationMs: d.durationMs,
    lastError: d.lastError,
    responseSnippet: d.responseSnippet,
    lastAttemptAt: d.lastAttemptAt?.toISOString() ?? null,
    nextAttemptAt: d.nextAttemptAt?.toISOString() ?? null,
    createdAt: d.createdAt.toISOString(),
  };
}

export async function listDeliveries(
  ctx: OperationCtx,
  endpointId: string,
  limit = 100,
): Promise<DeliveryView[]> {
  const row = await ownEndpoint(ctx, endpointId);
  const rows = await ctx.services.db
    .select()
    .from(webhookDeliveries)
    .where(eq(webhookDeliveries.endpointId, row.id))
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.eventSeq))
    .limit(limit);
  return rows.map(deliveryView);
}

export const DELIVER_KIND = "webhooks.deliver";

/** Send one message again from scratch (same webhook-id, a fresh schedule). */
export async function replayDelivery(
  ctx: OperationCtx,
  endpointId: string,
  deliveryId: string,
): Promise<DeliveryView> {
  const endpoint = await ownEndpoint(ctx, endpointId);
  const { services } = ctx;
  const now = services.now();
  const result = await services.db.transaction(async (tx) => {
    const [d] = await tx
      .update(webhookDeliveries)
      .set({ status: "pending", attempts: 0, nextAttemptAt: now, lastError: null })
      .where(and(eq(webhookDeliveries.id, deliveryId), eq(webhookDeliveries.endpointId, endpoint.id)))
      .returning();
    if (!d) throw new DebriefError("not_found", `no delivery ${deliveryId} of this endpoint`);
    const job = await enqueue(tx, services.jobs, {
      kind: DELIVER_KIND,
      orgId: d.orgId,
      subject: d.id,
      payload: { deliveryId: d.id },
      runAt: now,
    });
    return { d, job };
  });
  await services.queue.notify(result.job);
  return deliveryView(result.d);
}
