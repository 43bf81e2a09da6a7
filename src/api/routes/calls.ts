import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import { deleteCall, getCall, getCallTranscript, listCalls } from "../../calls/operations.js";
import { retryCallAs } from "../../calls/retry.js";
import { CallDetailSchema, CallSummarySchema, ListCallsQuerySchema } from "../../calls/schemas.js";
import { TranscriptSchema } from "../../transcript/model.js";
import type { AppEnv } from "../env.js";
import { problemResponses } from "./common.js";

const IdParams = z.object({ id: z.string().min(1).max(100).describe("call id") });

const getCallRoute = createRoute({
  method: "get",
  path: "/v1/calls/{id}",
  tags: ["calls"],
  summary: "A call: status, metadata and the full analysis",
  security: [{ bearer: [] }],
  request: { params: IdParams },
  responses: {
    200: { description: "the call", content: { "application/json": { schema: CallDetailSchema } } },
    ...problemResponses(401, 404, 429),
  },
});

const listCallsRoute = createRoute({
  method: "get",
  path: "/v1/calls",
  tags: ["calls"],
  summary: "Calls visible to the key, newest first (reps see their own)",
  security: [{ bearer: [] }],
  request: { query: ListCallsQuerySchema },
  responses: {
    200: {
      description: "a page of calls",
      content: {
        "application/json": {
          schema: z.object({ items: z.array(CallSummarySchema), nextCursor: z.string().nullable() }),
        },
      },
    },
    ...problemResponses(401, 422, 429),
  },
});

const getTranscriptRoute = createRoute({
  method: "get",
  path: "/v1/calls/{id}/transcript",
  tags: ["calls"],
  summary: "The call's canonical transcript (utterances with word timings)",
  security: [{ bearer: [] }],
  request: { params: IdParams },
  responses: {
    200: {
      description: "the transcript; null while an audio call is being transcribed",
      content: { "application/json": { schema: z.object({ transcript: TranscriptSchema.nullable() }) } },
    },
    ...problemResponses(401, 404, 429),
  },
});

const retryCallRoute = createRoute({
  method: "post",
  path: "/v1/calls/{id}/retry",
  tags: ["calls"],
  summary: "Retry a failed call (transcription kept its upload) or its failed coaching",
  security: [{ bearer: [] }],
  request: { params: IdParams },
  responses: {
    202: { description: "queued again", content: { "application/json": { schema: CallDetailSchema } } },
    ...problemResponses(401, 404, 409, 429),
  },
});

const deleteCallRoute = createRoute({
  method: "delete",
  path: "/v1/calls/{id}",
  tags: ["calls"],
  summary: "Delete a call with its transcript, analysis and stored audio",
  security: [{ bearer: [] }],
  request: { params: IdParams },
  responses: { 204: { description: "deleted" }, ...problemResponses(401, 404, 429) },
});

export function registerCallRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(getCallRoute, async (c) => {
    const call = await getCall(
      { services: c.get("services"), actor: c.get("actor") },
      c.req.valid("param").id,
    );
    return c.json(call, 200);
  });
  app.openapi(listCallsRoute, async (c) => {
    const page = await listCalls(
      { services: c.get("services"), actor: c.get("actor") },
      c.req.valid("query"),
    );
    return c.json(page, 200);
  });
  app.openapi(getTranscriptRoute, async (c) => {
    const transcript = await getCallTranscript(
      { services: c.get("services"), actor: c.get("actor") },
      c.req.valid("param").id,
    );
    return c.json({ transcript }, 200);
  });
  app.openapi(retryCallRoute, async (c) => {
    const ctx = { services: c.get("services"), actor: c.get("actor") };
    return c.json(await retryCallAs(ctx, c.req.valid("param").id), 202);
  });
  app.openapi(deleteCallRoute, async (c) => {
    await deleteCall({ services: c.get("services"), actor: c.get("actor") }, c.req.valid("param").id);
    return c.body(null, 204);
  });
}
