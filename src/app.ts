import { OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import { bodyGuard } from "./api/body-guard.js";
import { DOCS_CSP, DOCS_HTML } from "./api/docs-page.js";
import type { AppEnv } from "./api/env.js";
import { jsonBodies } from "./api/json-bodies.js";
import { clientAddressOf, rateLimit, requestId, requireAuth } from "./api/middleware.js";
import { refuseNul } from "./api/nul.js";
import { problem } from "./api/problem.js";
import { type FailureLimiter, failureLimiter } from "./api/rate-limiter.js";
import { registerAdminRoutes } from "./api/routes/admin.js";
import { registerCallRoutes } from "./api/routes/calls.js";
import { registerCrmRoutes } from "./api/routes/crm.js";
import { registerHealthRoutes } from "./api/routes/health.js";
import { registerIntegrationRoutes } from "./api/routes/integrations.js";
import { registerPlaybookRoutes } from "./api/routes/playbooks.js";
import { registerReportRoutes } from "./api/routes/reports.js";
import { registerUploadRoutes } from "./api/routes/upload.js";
import { validationHook } from "./api/validation.js";
import { DebriefError } from "./errors.js";
import type { Services } from "./services.js";
import { createWebRouter, type WebDeps } from "./web/router.js";

export interface AppDeps {
  /** The services for this request: one shared set on Node, built from bindings on Workers. */
  services: (c: Context<AppEnv>) => Services | Promise<Services>;
  /** The web dashboard's own needs (an e-mail sender for magic links); defaults work anywhere. */
  web?: WebDeps;
  /** The client's address as the runtime knows it (Node: the socket; Workers: cf-connecting-ip). */
  clientAddress?: (c: Context<AppEnv>) => string | undefined;
}

/**
 * The whole HTTP API, runtime-neutral: Node (`src/entry/node.ts`) and Workers
 * (`src/entry/worker.ts`) only build the services and hand requests to it. It owns error
 * handling (RFC 9457 problem+json with a request id) and the OpenAPI document.
 *
 * @example
 * const app = createApp({ services: () => services });
 * const res = await app.request("/health");
 */
export function createApp(deps: AppDeps): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  let authFailures: { perMinute: number; limiter: FailureLimiter } | undefined;
  app.use("*", requestId);
  app.use("*", async (c, next) => {
    const services = await deps.services(c);
    c.set("services", services);
    const perMinute = services.config.DEBRIEF_AUTH_FAILURES_PER_MINUTE;
    if (perMinute > 0) {
      if (authFailures?.perMinute !== perMinute)
        authFailures = { perMinute, limiter: failureLimiter(perMinute) };
      c.set("authFailures", authFailures.limiter);
      c.set("clientAddress", clientAddressOf(c, services.config.DEBRIEF_TRUST_PROXY, deps.clientAddress));
    }
    await next();
  });
  // CRM webhooks are authenticated by the vendor's signature (src/crm/sync.ts), not an API key.
  // A prefix test, not hono/combine's `except`: that matches the path through a router of its own
  // on every request (~4% of a GET's CPU).
  app.use("/v1/*", async (c, next) => {
    const path = c.req.path;
    if (path === "/v1/crm/webhooks" || path.startsWith("/v1/crm/webhooks/")) return next();
    const refused = await requireAuth(c, async () => {});
    if (refused) return refused;
    return rateLimit(c, next);
  });
  // Role gate and streamed body limit per route, before any route (or its validator) reads a byte.
  app.use("*", bodyGuard);
  app.use("/v1/*", refuseNul);
  // One body-decoding rule: 415 for an undocumented media type, strict checked JSON.
  app.use("/v1/*", jsonBodies(app));

  app.onError((err, c) => {
    if (err instanceof DebriefError) return problem(c, err.code, err.message, err.details ?? {});
    if (err instanceof HTTPException && err.status === 413)
      return problem(c, "payload_too_large", err.message || "request body too large");
    if (err instanceof HTTPException && err.status < 500)
      return problem(c, "input.invalid", err.message || "bad request");
    c.get("services")?.logger.error("unhandled error", {
      requestId: c.get("requestId"),
      error: err instanceof Error ? (err.stack ?? err.message) : String(err),
    });
    return problem(
      c,
      "internal",
      "something went wrong on our side; quote the request id if you contact support",
    );
  });
  app.notFound((c) => problem(c, "not_found", `no route ${c.req.method} ${new URL(c.req.url).pathname}`));

  registerHealthRoutes(app);
  registerUploadRoutes(app);
  registerCallRoutes(app);
  registerPlaybookRoutes(app);
  registerAdminRoutes(app);
  registerIntegrationRoutes(app);
  registerCrmRoutes(app);
  registerReportRoutes(app);
  // The dashboard (server-rendered pages): its own paths (/, /login, /calls…), never /v1.
  app.route("/", createWebRouter(deps.web));

  app.openAPIRegistry.registerComponent("securitySchemes", "bearer", {
    type: "http",
    scheme: "bearer",
    description: "an API key (`dbf_…`) created with `debrief keys create` or POST /v1/keys",
  });
  app.doc31("/openapi.json", {
    openapi: "3.1.0",
    info: {
      title: "Debrief API",
      version: "0.1.0",
      description:
        "Sales-call coaching: upload calls, get conversation metrics and coaching. Errors are RFC 9457 problem+json.",
    },
  });
  app.get("/docs", (c) => {
    c.header("Content-Security-Policy", DOCS_CSP);
    return c.html(DOCS_HTML);
  });
  return app;
}
