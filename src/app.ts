import { OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { AppEnv } from "./api/env.js";
import { rateLimit, requestId, requireAuth } from "./api/middleware.js";
import { refuseNul } from "./api/nul.js";
import { problem } from "./api/problem.js";
import { registerAdminRoutes } from "./api/routes/admin.js";
import { registerCallRoutes } from "./api/routes/calls.js";
import { registerCrmRoutes } from "./api/routes/crm.js";
import { registerHealthRoutes } from "./api/routes/health.js";
import { registerPlaybookRoutes } from "./api/routes/playbooks.js";
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

  app.use("*", requestId);
  app.use("*", async (c, next) => {
    c.set("services", await deps.services(c));
    await next();
  });
  app.use("/v1/*", requireAuth, rateLimit);
  app.use("/v1/*", refuseNul);

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
  registerCrmRoutes(app);
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
  app.get("/docs", (c) =>
    c.html(`<!doctype html><html><head><title>Debrief API</title><meta charset="utf-8"/>
<meta name="viewport" content="width=device-width, initial-scale=1"/></head><body>
<script id="api-reference" data-url="/openapi.json"></script>
<script src="https://cdn.jsdelivr.net/npm/@scalar/api-reference"></script></body></html>`),
  );
  return app;
}
