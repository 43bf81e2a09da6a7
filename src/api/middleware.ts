import type { Context, MiddlewareHandler } from "hono";
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

/**
 * Bearer API key → actor. Unknown and revoked keys get the same 401. A client address with too
 * many failures in the last minute gets a 429 before its key is looked up (no database work).
 */
export const requireAuth: MiddlewareHandler<AppEnv> = async (c, next) => {
  const addr = c.get("clientAddress");
  const failures = addr === undefined ? undefined : c.get("authFailures");
  if (addr !== undefined && failures) {
    const wait = failures.blocked(addr);
    if (wait > 0) {
      c.header("retry-after", String(Math.max(1, Math.ceil(wait))));
      return problem(c, "rate_limited", "too many failed authentications from this address; wait and retry");
    }
  }
  const header = c.req.header("authorization") ?? "";
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) {
    if (addr !== undefined) failures?.record(addr);
    c.header("www-authenticate", 'Bearer realm="debrief"');
    return problem(c, "auth.unauthorized", "send your API key as 'Authorization: Bearer <key>'");
  }
  const services = c.get("services");
  const actor = await authenticate(services.db, match[1]!, services.now());
  if (!actor) {
    if (addr !== undefined) failures?.record(addr);
    c.header("www-authenticate", 'Bearer realm="debrief", error="invalid_token"');
    return problem(c, "auth.unauthorized", "this API key is unknown or has been revoked");
  }
  c.set("actor", actor);
  await next();
};

/**
 * Token buckets per API key, per user (over all their keys) and per organization (over all its
 * users): DEBRIEF_RATE_LIMIT_PER_MINUTE, _USER_PER_MINUTE, _ORG_PER_MINUTE; 0 turns one off.
 * Minting more keys does not buy a user more requests.
 */
export const rateLimit: MiddlewareHandler<AppEnv> = async (c, next) => {
  const services = c.get("services");
  const config = services.config;
  const actor = c.get("actor");
  const limits = [
    { bucket: `key:${actor.keyId}`, perMinute: config.DEBRIEF_RATE_LIMIT_PER_MINUTE, of: "this API key" },
    { bucket: `user:${actor.userId}`, perMinute: config.DEBRIEF_RATE_LIMIT_USER_PER_MINUTE, of: "this user" },
    {
      bucket: `org:${actor.orgId}`,
      perMinute: config.DEBRIEF_RATE_LIMIT_ORG_PER_MINUTE,
      of: "this organization",
    },
  ];
  for (const { bucket, perMinute, of } of limits) {
    if (perMinute <= 0) continue;
    const { ok, retryAfterSec } = await services.rateLimiter.take(bucket, perMinute);
    if (!ok) {
      c.header("retry-after", String(Math.max(1, Math.ceil(retryAfterSec))));
      return problem(c, "rate_limited", `rate limit of ${perMinute} requests per minute for ${of} exceeded`);
    }
  }
  await next();
};

/**
 * The client's address: X-Forwarded-For's first entry only when DEBRIEF_TRUST_PROXY is set, else
 * what the runtime reports (the socket on Node, cf-connecting-ip on Workers), else undefined.
 */
export function clientAddressOf(
  c: Context<AppEnv>,
  trustProxy: boolean,
  fromRuntime?: (c: Context<AppEnv>) => string | undefined,
): string | undefined {
  if (trustProxy) {
    const first = c.req.header("x-forwarded-for")?.split(",")[0]?.trim();
    if (first) return first;
  }
  return fromRuntime?.(c);
}
