import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import { z } from "zod";
import { createTranscriptCall } from "../../calls/operations.js";
import { CallDetailSchema, type CallMeta, CallMetaSchema } from "../../calls/schemas.js";
import { DebriefError } from "../../errors.js";
import type { AppEnv } from "../env.js";
import { issuesToErrors } from "../validation.js";
import { problemResponses } from "./common.js";

/** JSON upload of a transcript: the file's text (any supported format) or a canonical object. */
export const TranscriptJsonBodySchema = CallMetaSchema.extend({
  transcript: z
    .union([z.string().min(1), z.record(z.string(), z.unknown())])
    .describe("the transcript file's content as a string (any format), or a canonical transcript object"),
  fileName: z.string().min(1).max(300).optional(),
});

function invalid(issues: readonly z.core.$ZodIssue[]): never {
  const errors = issuesToErrors(issues);
  throw new DebriefError(
    "validation_failed",
    errors[0] ? `${errors[0].path}: ${errors[0].message}` : "invalid upload",
    {
      details: { errors },
    },
  );
}

/** Multipart text fields → CallMeta (lists as "a,b" or JSON; speakerRoles as JSON). */
export function metaFromFields(fields: Record<string, string>): CallMeta {
  const list = (v: string | undefined) => {
    if (v === undefined) return undefined;
    const t = v.trim();
    if (t.startsWith("[")) {
      try {
        return z.array(z.string()).parse(JSON.parse(t));
      } catch {
        return [t];
      }
    }
    return t
      .split(",")
      .map((x) => x.trim())
      .filter(Boolean);
  };
  let speakerRoles: unknown;
  if (fields.speakerRoles !== undefined) {
    try {
      speakerRoles = JSON.parse(fields.speakerRoles);
    } catch {
      invalid([
        {
          code: "custom",
          path: ["speakerRoles"],
          message: 'must be JSON like {"rep":["Dana"]}',
          input: fields.speakerRoles,
        },
      ]);
    }
  } else if (fields.rep !== undefined || fields.customer !== undefined) {
    speakerRoles = { rep: list(fields.rep), customer: list(fields.customer) };
  }
  const raw = {
    title: fields.title,
    occurredAt: fields.occurredAt,
    repUserId: fields.repUserId,
    speakerRoles,
    crmDealId: fields.crmDealId,
    crmContactId: fields.crmContactId,
    format: fields.format,
    language: fields.language,
  };
  const parsed = CallMetaSchema.safeParse(
    Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined)),
  );
  if (!parsed.success) invalid(parsed.error.issues);
  return parsed.data;
}

function mb(bytes: number): string {
  return `${Math.round(bytes / 1e6)} MB`;
}

async function readJsonUpload(c: Context<AppEnv>, maxBytes: number) {
  const text = await c.req.text();
  if (text.length > maxBytes)
    throw new DebriefError("payload_too_large", `JSON uploads are limited to ${mb(maxBytes)}`);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (err) {
    throw new DebriefError("validation_failed", `request body is not valid JSON: ${(err as Error).message}`);
  }
  const parsed = TranscriptJsonBodySchema.safeParse(body);
  if (!parsed.success) invalid(parsed.error.issues);
  const { transcript, fileName, ...meta } = parsed.data;
  return {
    content: typeof transcript === "string" ? transcript : JSON.stringify(transcript),
    fileName: fileName ?? (typeof transcript === "string" ? "transcript" : "transcript.json"),
    meta,
  };
}

export function registerUploadRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openAPIRegistry.registerPath({
    method: "post",
    path: "/v1/calls",
    tags: ["calls"],
    summary: "Upload a call: a transcript (any supported format) or audio; returns 202 with the call id",
    description:
      "multipart/form-data with a `file` part (transcript or audio) and metadata fields (title, occurredAt, repUserId, rep, customer, speakerRoles, crmDealId, crmContactId, format, language), or JSON with `transcript` (or `audioUrl`) and the same metadata. Identical content, or the same Idempotency-Key, returns the existing call.",
    security: [{ bearer: [] }],
    request: {
      headers: z.object({ "idempotency-key": z.string().max(200).optional() }),
      body: {
        content: {
          "application/json": { schema: TranscriptJsonBodySchema },
          "multipart/form-data": {
            schema: z
              .object({ file: z.string().describe("the transcript or audio file (binary)") })
              .catchall(z.string()),
          },
        },
      },
    },
    responses: {
      202: {
        description: "accepted (or an identical upload already existed)",
        content: { "application/json": { schema: CallDetailSchema } },
      },
      ...problemResponses(401, 403, 409, 413, 415, 422, 429),
    },
  });

  app.post("/v1/calls", async (c) => {
    const services = c.get("services");
    const maxTranscript = services.config.DEBRIEF_MAX_TRANSCRIPT_MB * 1e6;
    const idempotencyKey = c.req.header("idempotency-key")?.slice(0, 200) || undefined;
    const type = (c.req.header("content-type") ?? "").toLowerCase();
    const declared = Number(c.req.header("content-length") ?? "0");
    if (declared > maxTranscript && !type.startsWith("multipart/")) {
      throw new DebriefError("payload_too_large", `uploads are limited to ${mb(maxTranscript)}`);
    }
    let upload: { content: string; fileName: string; meta: CallMeta };
    if (type.startsWith("application/json")) {
      upload = await readJsonUpload(c, maxTranscript);
    } else if (type.startsWith("multipart/form-data")) {
      if (declared > maxTranscript)
        throw new DebriefError("payload_too_large", `uploads are limited to ${mb(maxTranscript)}`);
      const form = await c.req.parseBody();
      const file = form.file;
      if (!(file instanceof File)) {
        invalid([
          {
            code: "custom",
            path: ["file"],
            message: "a `file` part with the transcript is required",
            input: undefined,
          },
        ]);
      }
      const fields: Record<string, string> = {};
      for (const [k, v] of Object.entries(form)) if (typeof v === "string") fields[k] = v;
      upload = {
        content: await file.text(),
        fileName: file.name || "transcript",
        meta: metaFromFields(fields),
      };
    } else {
      throw new DebriefError(
        "unsupported_media_type",
        "send multipart/form-data (a `file` part) or application/json",
      );
    }
    const result = await createTranscriptCall(
      { services, actor: c.get("actor") },
      { content: upload.content, fileName: upload.fileName, meta: upload.meta, idempotencyKey },
    );
    if (!result.created) c.header("idempotent-replayed", "true");
    c.header("location", `/v1/calls/${result.call.id}`);
    return c.json(result.call, 202);
  });
}
