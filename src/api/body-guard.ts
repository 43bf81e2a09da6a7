import type { MiddlewareHandler } from "hono";
import type { Actor } from "../auth/actor.js";
import type { Config } from "../config/env.js";
import { DebriefError } from "../errors.js";
import { mb } from "../http/read-limited.js";
import type { AppEnv } from "./env.js";
import { problem } from "./problem.js";

/** Bodies of routes not listed below (small JSON, forms, bodies nobody reads). */
export const DEFAULT_BODY_BYTES = 64_000;
/** Slack on top of a file limit for the multipart envelope and form fields. */
const MULTIPART_SLACK = 1_000_000;

export interface BodyRule {
  method: string;
  /** Matched against the whole path. */
  path: RegExp;
  /** Largest body accepted, from the configuration. */
  maxBytes: (config: Config) => number;
  /** How the 413 names it: "<what> are limited to N MB". */
  what: string;
  /** Who may send it at all; checked before a byte of the body is read (API routes only). */
  allow?: { roles: Actor["role"][] } | { operator: true };
}

const uploadBytes = (c: Config) =>
  Math.max(c.DEBRIEF_MAX_AUDIO_MB, c.DEBRIEF_MAX_TRANSCRIPT_MB) * 1e6 + MULTIPART_SLACK;
const small = () => DEFAULT_BODY_BYTES;

/**
 * Every route that takes a body, its limit and who may send it. The routes keep their own checks
 * (the operations authorize again); these run first so a refused or oversized body is never read.
 */
export const BODY_RULES: readonly BodyRule[] = [
  { method: "POST", path: /^\/v1\/calls$/, maxBytes: uploadBytes, what: "uploads" },
  { method: "POST", path: /^\/calls\/new$/, maxBytes: uploadBytes, what: "uploads" },
  {
    method: "PUT",
    path: /^\/v1\/playbooks\/[^/]+$/,
    maxBytes: () => 256_000,
    what: "playbooks",
    allow: { roles: ["admin", "manager"] },
  },
  { method: "POST", path: /^\/settings\/playbooks(\/[^/]+)?$/, maxBytes: () => 300_000, what: "playbooks" },
  // The dashboard's integration settings: an endpoint's URL and events, a CRM's ids and tokens.
  {
    method: "POST",
    path: /^\/settings\/(webhooks|crm)(\/[^/]+|\/[^/]+\/delete|\/[^/]+\/deliveries\/[^/]+\/replay)?$/,
    maxBytes: () => 32_000,
    what: "settings forms",
  },
  {
    method: "POST",
    path: /^\/v1\/orgs$/,
    maxBytes: small,
    what: "request bodies",
    allow: { operator: true },
  },
  {
    method: "POST",
    path: /^\/v1\/users$/,
    maxBytes: small,
    what: "request bodies",
    allow: { roles: ["admin"] },
  },
  {
    method: "PATCH",
    path: /^\/v1\/org$/,
    maxBytes: small,
    what: "request bodies",
    allow: { roles: ["admin"] },
  },
  {
    method: "POST",
    path: /^\/v1\/crm\/import$/,
    maxBytes: () => 100e6 + MULTIPART_SLACK,
    what: "CRM imports",
    allow: { roles: ["admin", "manager"] },
  },
  {
    method: "PUT",
    path: /^\/v1\/crm\/[^/]+\/[^/]+$/,
    maxBytes: () => 64_000,
    what: "CRM records",
    allow: { roles: ["admin", "manager"] },
  },
  // Vendor webhooks carry no API key (the signature is checked by the route): a size limit only.
  { method: "POST", path: /^\/v1\/crm\/webhooks\/[^/]+$/, maxBytes: () => 1e6, what: "CRM webhook bodies" },
  {
    method: "POST",
    path: /^\/v1\/crm\/connections$/,
    maxBytes: () => 64_000,
    what: "CRM connections",
    allow: { roles: ["admin"] },
  },
  {
    method: "POST",
    path: /^\/v1\/webhooks$/,
    maxBytes: () => 64_000,
    what: "webhook endpoints",
    allow: { roles: ["admin"] },
  },
  {
    method: "PATCH",
    path: /^\/v1\/webhooks\/[^/]+$/,
    maxBytes: () => 64_000,
    what: "webhook endpoints",
    allow: { roles: ["admin"] },
  },
];

/** The rule for a request (`undefined`: the default limit, no role gate). */
export function bodyRuleFor(method: string, path: string): BodyRule | undefined {
  return BODY_RULES.find((r) => r.method === method && r.path.test(path));
}

function allowed(rule: BodyRule, actor: Actor): boolean {
  if (!rule.allow) return true;
  if ("operator" in rule.allow) return actor.operator;
  return rule.allow.roles.includes(actor.role);
}

/**
 * Runs after authentication and before any route (so before @hono/zod-openapi's body validator):
 * refuses a caller whose role may not use the route (403) without reading the body, refuses a
 * declared Content-Length over the route's limit (413), and otherwise wraps the body in a counting
 * stream that fails at the limit — a lying or absent Content-Length stops there too. Whoever reads
 * the body (a validator, readLimited, the multipart reader) gets the 413 as soon as it is passed.
 */
export const bodyGuard: MiddlewareHandler<AppEnv> = async (c, next) => {
  const method = c.req.method;
  if (method === "GET" || method === "HEAD" || method === "OPTIONS") return next();
  const path = new URL(c.req.url).pathname;
  const rule = bodyRuleFor(method, path);
  const actor = c.get("actor") as Actor | undefined;
  if (rule && actor && !allowed(rule, actor)) {
    await c.req.raw.body?.cancel().catch(() => {});
    return problem(
      c,
      "auth.forbidden",
      "operator" in (rule.allow ?? {})
        ? "only admins of the operator organization can do this"
        : `this needs the ${(rule.allow as { roles: string[] }).roles.join(" or ")} role; your key's user is a ${actor.role}`,
    );
  }
  const config = c.get("services").config;
  const maxBytes = rule ? rule.maxBytes(config) : DEFAULT_BODY_BYTES;
  const what = rule?.what ?? "request bodies";
  const detail = `${what} are limited to ${mb(maxBytes)}`;
  const declared = Number(c.req.header("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await c.req.raw.body?.cancel().catch(() => {});
    return problem(c, "payload_too_large", detail, { limitBytes: maxBytes });
  }
  const body = c.req.raw.body;
  if (!body) return next();
  const state = { exceeded: false };
  c.req.raw = new Request(c.req.raw, {
    body: limitStream(body, maxBytes, () => {
      state.exceeded = true;
      return new DebriefError("payload_too_large", detail);
    }),
    duplex: "half",
  } as RequestInit);
  await next();
  // A validator may have turned the stream's error into a 400 of its own: the limit is the cause.
  if (state.exceeded) c.res = problem(c, "payload_too_large", detail, { limitBytes: maxBytes });
};

/**
 * `source` passed through, erroring with `onExceed()` (and cancelling the source, so no more is
 * read from the socket) once more than `maxBytes` went by.
 */
export function limitStream(
  source: ReadableStream<Uint8Array>,
  maxBytes: number,
  onExceed: () => Error,
): ReadableStream<Uint8Array> {
  const reader = source.getReader();
  let seen = 0;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { done, value } = await reader.read();
      if (done) return controller.close();
      seen += value.byteLength;
      if (seen > maxBytes) {
        await reader.cancel().catch(() => {});
        return controller.error(onExceed());
      }
      controller.enqueue(value);
    },
    async cancel(reason) {
      await reader.cancel(reason).catch(() => {});
    },
  });
}
