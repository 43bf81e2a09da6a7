import type { MiddlewareHandler } from "hono";
import { authenticate } from "../auth/actor.js";
import type { AppEnv } from "./env.js";
import { problem } from "./problem.js";

/** Echo the caller's X-Request-Id (if sane) or mint one; every response and problem carries it. */
export const requestId: MiddlewareHandler<AppEnv> = async (c, next) => {
  const given = c.req.header("x-request-id");
  const id = given && /^[\w.:-]{1,128}$/.test(given) ? given : crypto.randomUUID();
  c.set("requestId", id);
  c.header("x-request-id", id);
  await next();
};

/** Bearer API key → actor. Unknown and revoked keys get the same 401. */
export const requireAuth: MiddlewareHandler<AppEnv> = async (c, next) => {
  const header = c.req.header("authorization") ?? "";
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) {
    c.header("www-authenticate", 'Bearer realm="debrief"');
    return problem(c, "auth.unauthorized", "send your API key as 'Authorization: Bearer <key>'");
  }
  const services = c.get("services");
  const actor = await authenticate(services.db, match[1]!, services.now());
  if (!actor) {
    c.header("www-authenticate", 'Bearer realm="debrief", error="invalid_token"');
    return problem(c, "auth.unauthorized", "this API key is unknown or has been revoked");
  }
  c.set("actor", actor);
  await next();
};

/** Token bucket per API key (DEBRIEF_RATE_LIMIT_PER_MINUTE; 0 turns it off). */
export const rateLimit: MiddlewareHandler<AppEnv> = async (c, next) => {
  const services = c.get("services");
  if (services.config.DEBRIEF_RATE_LIMIT_PER_MINUTE > 0) {
    const { ok, retryAfterSec } = await services.rateLimiter.take(c.get("actor").keyId);
    if (!ok) {
      c.header("retry-after", String(Math.max(1, Math.ceil(retryAfterSec))));
      return problem(
        c,
        "rate_limited",
        `rate limit of ${services.config.DEBRIEF_RATE_LIMIT_PER_MINUTE} requests per minute exceeded`,
      );
    }
  }
  await next();
};
