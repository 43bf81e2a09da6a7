import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Context, MiddlewareHandler } from "hono";
import { z } from "zod";
import { requireRole } from "../../auth/actor.js";
import type { OperationCtx } from "../../context.js";
import {
  CreateConnectionSchema,
  createConnection,
  deleteConnection,
  getConnection,
  listConnections,
} from "../../crm/connections.js";
import { receiveCrmWebhook } from "../../crm/sync.js";
import { DebriefError, formatPath } from "../../errors.js";
import { publicBaseUrl, publicRequestUrl } from "../../http/public-url.js";
import { readLimited } from "../../http/read-limited.js";
import {
  createEndpoint,
  deleteEndpoint,
  EndpointInputSchema,
  EndpointPatchSchema,
  getEndpoint,
  listDeliveries,
  listEndpoints,
  replayDelivery,
  rotateEndpointSecret,
  updateEndpoint,
} from "../../webhooks/endpoints.js";
import type { AppEnv } from "../env.js";
import { problemResponses } from "./common.js";

/** Vendor webhook bodies: HubSpot batches up to 100 events, Salesforce 100 notifications. */
export const MAX_CRM_WEBHOOK_BYTES = 1_000_000;

const json = (description: string, schema: z.ZodType) => ({
  description,
  content: { "application/json": { schema } },
});
const Id = z.string().min(1).max(100);
const Obj = z.record(z.string(), z.unknown());

const ctxOf = (c: Context<AppEnv>): OperationCtx => ({ services: c.get("services"), actor: c.get("actor") });
/** The public base of receiver URLs shown to admins (DEBRIEF_PUBLIC_URL, or a trusted proxy's). */
const origin = (c: Context<AppEnv>) => publicBaseUrl(c.req.url, c.req.raw.headers, c.get("services").config);

/** Admins only, checked before the body is read. */
const adminOnly: MiddlewareHandler<AppEnv> = async (c, next) => {
  requireRole(c.get("actor"), "admin");
  await next();
};

/** Document a route in the OpenAPI registry (handlers validate with zod themselves). */
function doc(
  app: OpenAPIHono<AppEnv>,
  method: "get" | "post" | "patch" | "delete",
  path: string,
  summary: string,
  extra: { params?: z.ZodObject; body?: z.ZodType; ok: number; okSchema?: z.ZodType },
): void {
  app.openAPIRegistry.registerPath({
    method,
    path,
    tags: ["integrations"],
    summary,
    security: [{ bearer: [] }],
    request: {
      ...(extra.params ? { params: extra.params } : {}),
      ...(extra.body
        ? { body: { content: { "application/json": { schema: extra.body } }, required: true } }
        : {}),
    },
    responses: {
      [extra.ok]: extra.okSchema ? json("ok", extra.okSchema) : { description: "done" },
      ...problemResponses(401, 403, 404, 422, 429),
    },
  });
}

/** The JSON body validated by `schema` (422 problem with every issue otherwise). */
async function body<T>(c: Context<AppEnv>, schema: z.ZodType<T>): Promise<T> {
  // Media type, size, UTF-8, depth and control characters: checked by src/api/json-bodies.ts.
  const raw = c.get("jsonBody")?.value;
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const errors = parsed.error.issues.map((i) => ({
      path: formatPath(i.path, "(body)"),
      message: i.message,
    }));
    throw new DebriefError("validation_failed", `${errors[0]!.path}: ${errors[0]!.message}`, {
      details: { errors },
    });
  }
  return parsed.data;
}

/**
 * CRM connections, the vendor webhook receiver and outbound webhook endpoints
 * (docs/integrations.md). Management is for admins; the receiver is authenticated by the vendor's
 * signature, not an API key.
 */
export function registerIntegrationRoutes(app: OpenAPIHono<AppEnv>): void {
  app.use("/v1/crm/connections", adminOnly);
  app.use("/v1/crm/connections/*", adminOnly);
  app.use("/v1/webhooks", adminOnly);
  app.use("/v1/webhooks/*", adminOnly);

  // --- vendor webhooks in ---------------------------------------------------------------------
  app.openAPIRegistry.registerPath({
    method: "post",
    path: "/v1/crm/webhooks/{connectionId}",
    tags: ["integrations"],
    summary:
      "Receiver of a CRM's webhooks (HubSpot v3 signature, Pipedrive Basic auth, Salesforce URL token, Standard Webhooks)",
    request: { params: z.object({ connectionId: Id }) },
    responses: {
      200: { description: "stored; Salesforce gets its SOAP Ack" },
      ...problemResponses(401, 404, 413, 422),
    },
  });
  app.post("/v1/crm/webhooks/:connectionId", async (c) => {
    const services = c.get("services");
    const body = c.req.raw.body
      ? await readLimited(c.req.raw.body, MAX_CRM_WEBHOOK_BYTES, "CRM webhooks")
      : new Uint8Array();
    const answer = await receiveCrmWebhook(
      services,
      c.req.param("connectionId"),
      {
        method: c.req.method,
        // HubSpot signs the URL it called: the public one, not the one a proxy forwarded to.
        url: publicRequestUrl(c.req.url, c.req.raw.headers, services.config),
        headers: c.req.raw.headers,
        body,
      },
      c.req.query("token"),
    );
    return c.body(answer.body, answer.status as 200, { "content-type": answer.contentType });
  });

  // --- CRM connections -------------------------------------------------------------------------
  const params = z.object({ id: Id });
  const list = z.object({ items: z.array(Obj) });
  doc(app, "post", "/v1/crm/connections", "Connect a CRM (admins); secrets are shown only in this answer", {
    body: CreateConnectionSchema,
    ok: 201,
    okSchema: Obj,
  });
  app.post("/v1/crm/connections", async (c) =>
    c.json(await createConnection(ctxOf(c), await body(c, CreateConnectionSchema), origin(c)), 201),
  );
  doc(app, "get", "/v1/crm/connections", "CRM connections (admins)", { ok: 200, okSchema: list });
  app.get("/v1/crm/connections", async (c) => c.json({ items: await listConnections(ctxOf(c), origin(c)) }));
  doc(app, "get", "/v1/crm/connections/{id}", "One CRM connection, without its secrets", {
    params,
    ok: 200,
    okSchema: Obj,
  });
  app.get("/v1/crm/connections/:id", async (c) =>
    c.json(await getConnection(ctxOf(c), c.req.param("id"), origin(c))),
  );
  doc(app, "delete", "/v1/crm/connections/{id}", "Disconnect a CRM", { params, ok: 204 });
  app.delete("/v1/crm/connections/:id", async (c) => {
    await deleteConnection(ctxOf(c), c.req.param("id"));
    return c.body(null, 204);
  });

  // --- webhook endpoints -----------------------------------------------------------------------
  doc(app, "post", "/v1/webhooks", "Add a webhook endpoint (admins); its secret is shown only here", {
    body: EndpointInputSchema,
    ok: 201,
    okSchema: Obj,
  });
  app.post("/v1/webhooks", async (c) =>
    c.json(await createEndpoint(ctxOf(c), await body(c, EndpointInputSchema)), 201),
  );
  doc(app, "get", "/v1/webhooks", "Webhook endpoints (admins)", { ok: 200, okSchema: list });
  app.get("/v1/webhooks", async (c) => c.json({ items: await listEndpoints(ctxOf(c)) }));
  doc(app, "get", "/v1/webhooks/{id}", "One webhook endpoint", { params, ok: 200, okSchema: Obj });
  app.get("/v1/webhooks/:id", async (c) => c.json(await getEndpoint(ctxOf(c), c.req.param("id"))));
  doc(app, "patch", "/v1/webhooks/{id}", "Change an endpoint's url, events or enabled", {
    params,
    body: EndpointPatchSchema,
    ok: 200,
    okSchema: Obj,
  });
  app.patch("/v1/webhooks/:id", async (c) =>
    c.json(await updateEndpoint(ctxOf(c), c.req.param("id"), await body(c, EndpointPatchSchema))),
  );
  doc(app, "delete", "/v1/webhooks/{id}", "Remove an endpoint", { params, ok: 204 });
  app.delete("/v1/webhooks/:id", async (c) => {
    await deleteEndpoint(ctxOf(c), c.req.param("id"));
    return c.body(null, 204);
  });
  doc(app, "post", "/v1/webhooks/{id}/rotate", "New secret; the old one keeps signing for 24 hours", {
    params,
    ok: 200,
    okSchema: Obj,
  });
  app.post("/v1/webhooks/:id/rotate", async (c) =>
    c.json(await rotateEndpointSecret(ctxOf(c), c.req.param("id"))),
  );
  doc(app, "get", "/v1/webhooks/{id}/deliveries", "The endpoint's delivery log, newest first", {
    params,
    ok: 200,
    okSchema: list,
  });
  app.get("/v1/webhooks/:id/deliveries", async (c) =>
    c.json({ items: await listDeliveries(ctxOf(c), c.req.param("id")) }),
  );
  doc(
    app,
    "post",
    "/v1/webhooks/{id}/deliveries/{deliveryId}/replay",
    "Send a message again (same webhook-id)",
    {
      params: z.object({ id: Id, deliveryId: Id }),
      ok: 202,
      okSchema: Obj,
    },
  );
  app.post("/v1/webhooks/:id/deliveries/:deliveryId/replay", async (c) =>
    c.json(await replayDelivery(ctxOf(c), c.req.param("id"), c.req.param("deliveryId")), 202),
  );
}
