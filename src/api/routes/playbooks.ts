import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import { z } from "zod";
import { PlaybookSchema } from "../../coaching/contract.js";
import { DebriefError } from "../../errors.js";
import { assertText } from "../../input.js";
import {
  deletePlaybook,
  getPlaybook,
  listPlaybooks,
  putPlaybook,
  setDefaultPlaybook,
} from "../../playbooks/store.js";
import type { AppEnv } from "../env.js";
import { problemResponses } from "./common.js";

const PlaybookEntrySchema = z.object({
  id: z.string(),
  name: z.string(),
  stage: z.string(),
  version: z.string(),
  builtin: z
    .boolean()
    .describe("shipped with Debrief; an organization playbook with the same id overrides it"),
  isDefault: z.boolean().describe("used for calls uploaded without a playbook"),
  definition: z.unknown().describe("the validated playbook definition (see docs/playbooks.md)"),
});
const Slug = z.object({
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9_-]*$/)
    .max(60),
});
const json = (description: string, schema: z.ZodType) => ({
  description,
  content: { "application/json": { schema } },
});
const MAX_PLAYBOOK_BYTES = 256_000;

const routes = {
  list: createRoute({
    method: "get",
    path: "/v1/playbooks",
    tags: ["playbooks"],
    summary: "The organization's playbooks and the built-in ones",
    security: [{ bearer: [] }],
    responses: {
      200: json("playbooks", z.object({ items: z.array(PlaybookEntrySchema) })),
      ...problemResponses(401, 429),
    },
  }),
  get: createRoute({
    method: "get",
    path: "/v1/playbooks/{id}",
    tags: ["playbooks"],
    summary: "One playbook",
    security: [{ bearer: [] }],
    request: { params: Slug },
    responses: { 200: json("the playbook", PlaybookEntrySchema), ...problemResponses(401, 404, 429) },
  }),
  del: createRoute({
    method: "delete",
    path: "/v1/playbooks/{id}",
    tags: ["playbooks"],
    summary: "Delete an organization playbook (managers, admins)",
    security: [{ bearer: [] }],
    request: { params: Slug },
    responses: { 204: { description: "deleted" }, ...problemResponses(401, 403, 404, 429) },
  }),
  setDefault: createRoute({
    method: "post",
    path: "/v1/playbooks/{id}/default",
    tags: ["playbooks"],
    summary: "Make a playbook the default for calls uploaded without one (managers, admins)",
    security: [{ bearer: [] }],
    request: { params: Slug },
    responses: { 200: json("the new default", PlaybookEntrySchema), ...problemResponses(401, 403, 404, 429) },
  }),
};

export function registerPlaybookRoutes(app: OpenAPIHono<AppEnv>): void {
  const ctx = (c: Context<AppEnv>) => ({ services: c.get("services"), actor: c.get("actor") });
  app.openapi(routes.list, async (c) => c.json({ items: await listPlaybooks(ctx(c)) }, 200));
  app.openapi(routes.get, async (c) => c.json(await getPlaybook(ctx(c), c.req.valid("param").id), 200));
  app.openapi(routes.del, async (c) => {
    await deletePlaybook(ctx(c), c.req.valid("param").id);
    return c.body(null, 204);
  });
  app.openapi(routes.setDefault, async (c) =>
    c.json(await setDefaultPlaybook(ctx(c), c.req.valid("param").id, c.get("services").now()), 200),
  );

  // PUT takes YAML as well as JSON, so its body is read here rather than by the JSON validator.
  app.openAPIRegistry.registerPath({
    method: "put",
    path: "/v1/playbooks/{id}",
    tags: ["playbooks"],
    summary: "Create or replace a playbook from YAML or JSON (managers, admins); errors point at the field",
    security: [{ bearer: [] }],
    request: {
      params: Slug,
      body: {
        content: {
          "application/json": { schema: PlaybookSchema },
          "application/yaml": { schema: z.string().describe("the playbook as YAML") },
        },
      },
    },
    responses: { 200: json("saved", PlaybookEntrySchema), ...problemResponses(401, 403, 413, 415, 422, 429) },
  });
  app.put("/v1/playbooks/:id", async (c) => {
    const slug = Slug.safeParse({ id: c.req.param("id") });
    if (!slug.success)
      throw new DebriefError("validation_failed", "id: lower-case letters, digits, '-' and '_'");
    const type = (c.req.header("content-type") ?? "").toLowerCase();
    if (!/json|yaml|text\/plain/.test(type)) {
      throw new DebriefError(
        "unsupported_media_type",
        "send the playbook as application/json or application/yaml",
      );
    }
    const text = await c.req.text();
    if (text.length > MAX_PLAYBOOK_BYTES)
      throw new DebriefError("payload_too_large", "playbooks are limited to 256 KB");
    // YAML is not read by the JSON rule: the same control-character rule, on the whole text.
    assertText(text, "(body)");
    return c.json(await putPlaybook(ctx(c), slug.data.id, text, c.get("services").now()), 200);
  });
}
