import type { OpenAPIHono } from "@hono/zod-openapi";
import type { MiddlewareHandler } from "hono";
import { DebriefError } from "../errors.js";
import { parseJsonBody } from "../http/json-body.js";
import type { AppEnv } from "./env.js";

interface BodyRoute {
  method: string;
  path: RegExp;
  /** The media types the route documents for its body (lower case, no parameters). */
  accepts: string[];
}

const JSON_TYPE = /^application\/([\w.-]+\+)?json$/;

/**
 * JSON bodies up to this size are read on the event loop (about 1 ms; a trip to the pool costs
 * more); larger ones, on the routes that take them (READ_ON_POOL), on the CPU pool.
 */
export const INLINE_JSON_MAX_BYTES = 256 * 1024;

/**
 * Routes that read a large JSON body themselves on the CPU pool, in one task with their own
 * validation: the upload (a canonical transcript up to 25 MB). Every other JSON route is limited
 * to 256 KB or less (src/api/body-guard.ts), so its body is always read inline.
 */
const READ_ON_POOL: ReadonlyArray<{ method: string; path: RegExp }> = [
  { method: "POST", path: /^\/v1\/calls$/ },
];

/** The media type of a Content-Type header: "application/json" of "application/json; charset=utf-8". */
export const mediaTypeOf = (header: string | undefined) => (header ?? "").split(";")[0]!.trim().toLowerCase();

/** The routes of the OpenAPI document that take a body, with the media types each accepts. */
function bodyRoutes(app: OpenAPIHono<AppEnv>): BodyRoute[] {
  const out: BodyRoute[] = [];
  for (const def of app.openAPIRegistry.definitions) {
    if (def.type !== "route") continue;
    const content = def.route.request?.body?.content;
    if (!content) continue;
    const pattern = def.route.path.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\{[^}]+\}/g, "[^/]+");
    out.push({
      method: def.route.method.toUpperCase(),
      path: new RegExp(`^${pattern}$`),
      accepts: Object.keys(content).map((t) => t.toLowerCase()),
    });
  }
  return out;
}

/**
 * One body-decoding rule for the API (after the body guard, before any route or validator):
 * a body in a media type the route does not document is a 415 naming the ones it takes (text/plain
 * to a JSON route included); a JSON body is read once through `parseJsonBody` — strict UTF-8,
 * bounded depth, no control characters, no out-of-range numbers, each a 422 naming the field —
 * and handed on as its exact bytes (validators and routes read it as before) and as `jsonBody`;
 * a large body for a route that reads it on the CPU pool is handed on unread (`largeJsonBody`).
 * Routes outside the OpenAPI document (the dashboard) and routes without a documented body are
 * left alone.
 */
export function jsonBodies(app: OpenAPIHono<AppEnv>): MiddlewareHandler<AppEnv> {
  let routes: BodyRoute[] | undefined;
  return async (c, next) => {
    const method = c.req.method;
    if (method === "GET" || method === "HEAD" || method === "OPTIONS" || !c.req.raw.body) return next();
    routes ??= bodyRoutes(app);
    const path = new URL(c.req.url).pathname;
    const route = routes.find((r) => r.method === method && r.path.test(path));
    if (!route) return next();
    const type = mediaTypeOf(c.req.header("content-type"));
    if (!route.accepts.includes(type)) {
      await c.req.raw.body.cancel().catch(() => {});
      throw new DebriefError(
        "unsupported_media_type",
        `${type ? `${type} is not accepted here` : "the body has no Content-Type"}: send ${route.accepts.join(" or ")}`,
      );
    }
    if (!JSON_TYPE.test(type)) return next();
    const bytes = new Uint8Array(await c.req.raw.arrayBuffer());
    if (
      bytes.byteLength > INLINE_JSON_MAX_BYTES &&
      READ_ON_POOL.some((r) => r.method === method && r.path.test(path))
    ) {
      c.set("largeJsonBody", bytes);
      return next();
    }
    const { value } = parseJsonBody(bytes);
    c.req.raw = new Request(c.req.raw.url, {
      method,
      headers: c.req.raw.headers,
      body: bytes,
      signal: c.req.raw.signal,
    });
    c.set("jsonBody", { value, bytes: bytes.byteLength });
    await next();
  };
}
