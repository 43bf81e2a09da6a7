import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import { z } from "zod";
import {
  createKey,
  createOrganizationAs,
  createUser,
  type KeyInfo,
  listKeys,
  listUsers,
  revokeKey,
} from "../../admin/operations.js";
import { USER_ROLES, type User } from "../../db/schema/index.js";
import { line } from "../../input.js";
import type { AppEnv } from "../env.js";
import { problemResponses } from "./common.js";

const UserSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(USER_ROLES),
  createdAt: z.string(),
});
const KeyInfoSchema = z.object({
  id: z.string(),
  userId: z.string(),
  name: z.string(),
  start: z.string().describe("first characters of the key"),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
const CreatedKeySchema = z.object({
  id: z.string(),
  key: z.string().describe("the API key — shown only this once"),
  start: z.string(),
  userId: z.string(),
  name: z.string(),
});

const userOut = (u: User) => ({
  id: u.id,
  email: u.email,
  name: u.name,
  role: u.role,
  createdAt: u.createdAt.toISOString(),
});
const keyOut = (k: KeyInfo) => ({
  id: k.id,
  userId: k.userId,
  name: k.name,
  start: k.start,
  createdAt: k.createdAt.toISOString(),
  lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
  revokedAt: k.revokedAt?.toISOString() ?? null,
});

/** A required JSON request body validated by `schema`. */
const jsonBody = <T extends z.ZodType>(schema: T) => ({
  content: { "application/json": { schema } },
  required: true,
});

const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});

const routes = {
  me: createRoute({
    method: "get",
    path: "/v1/me",
    tags: ["admin"],
    summary: "Who this key belongs to",
    security: [{ bearer: [] }],
    responses: {
      200: json(
        z.object({ orgId: z.string(), userId: z.string(), role: z.enum(USER_ROLES), keyId: z.string() }),
        "the key's user",
      ),
      ...problemResponses(401),
    },
  }),
  createOrg: createRoute({
    method: "post",
    path: "/v1/orgs",
    tags: ["admin"],
    summary: "Create an organization with its first admin (operators only)",
    security: [{ bearer: [] }],
    request: {
      body: jsonBody(
        z.object({
          name: line().trim().min(1).max(200),
          adminEmail: z.email(),
          adminName: line().trim().min(1).max(200).optional(),
        }),
      ),
    },
    responses: {
      201: json(z.object({ orgId: z.string(), adminUserId: z.string(), key: CreatedKeySchema }), "created"),
      ...problemResponses(401, 403, 422, 429),
    },
  }),
  listUsers: createRoute({
    method: "get",
    path: "/v1/users",
    tags: ["admin"],
    summary: "Users of the organization (admins and managers)",
    security: [{ bearer: [] }],
    responses: {
      200: json(z.object({ items: z.array(UserSchema) }), "users"),
      ...problemResponses(401, 403, 429),
    },
  }),
  createUser: createRoute({
    method: "post",
    path: "/v1/users",
    tags: ["admin"],
    summary: "Add a user to the organization (admins)",
    security: [{ bearer: [] }],
    request: {
      body: jsonBody(
        z.object({
          email: z.email(),
          name: line().trim().min(1).max(200),
          role: z.enum(USER_ROLES),
        }),
      ),
    },
    responses: { 201: json(UserSchema, "created"), ...problemResponses(401, 403, 409, 422, 429) },
  }),
  listKeys: createRoute({
    method: "get",
    path: "/v1/keys",
    tags: ["admin"],
    summary:
      "API keys (admins: the organization's; others: their own). Keys themselves are never shown again.",
    security: [{ bearer: [] }],
    responses: {
      200: json(z.object({ items: z.array(KeyInfoSchema) }), "keys"),
      ...problemResponses(401, 429),
    },
  }),
  createKey: createRoute({
    method: "post",
    path: "/v1/keys",
    tags: ["admin"],
    summary: "Create an API key (admins for anyone in the org, others for themselves)",
    security: [{ bearer: [] }],
    request: {
      body: jsonBody(
        z.object({
          name: line().trim().min(1).max(200),
          userId: line().min(1).optional(),
        }),
      ),
    },
    responses: {
      201: json(CreatedKeySchema, "created — store the key now"),
      ...problemResponses(401, 403, 404, 409, 422, 429),
    },
  }),
  revokeKey: createRoute({
    method: "delete",
    path: "/v1/keys/{id}",
    tags: ["admin"],
    summary: "Revoke an API key (takes effect on the next request)",
    security: [{ bearer: [] }],
    request: { params: z.object({ id: z.string().min(1).max(100) }) },
    responses: { 200: json(KeyInfoSchema, "revoked"), ...problemResponses(401, 404, 429) },
  }),
};

export function registerAdminRoutes(app: OpenAPIHono<AppEnv>): void {
  const ctx = (c: Context<AppEnv>) => ({ services: c.get("services"), actor: c.get("actor") });
  app.openapi(routes.me, (c) => {
    const a = c.get("actor");
    return c.json({ orgId: a.orgId, userId: a.userId, role: a.role, keyId: a.keyId }, 200);
  });
  app.openapi(routes.createOrg, async (c) =>
    c.json(await createOrganizationAs(ctx(c), c.req.valid("json")), 201),
  );
  app.openapi(routes.listUsers, async (c) => c.json({ items: (await listUsers(ctx(c))).map(userOut) }, 200));
  app.openapi(routes.createUser, async (c) =>
    c.json(userOut(await createUser(ctx(c), c.req.valid("json"))), 201),
  );
  app.openapi(routes.listKeys, async (c) => c.json({ items: (await listKeys(ctx(c))).map(keyOut) }, 200));
  app.openapi(routes.createKey, async (c) => c.json(await createKey(ctx(c), c.req.valid("json")), 201));
  app.openapi(routes.revokeKey, async (c) =>
    c.json(keyOut(await revokeKey(ctx(c), c.req.valid("param").id, c.get("services").now())), 200),
  );
}
