import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import { z } from "zod";
import { requireRole } from "../../auth/actor.js";
import { CRM_KINDS, type CrmKind } from "../../crm/kinds.js";
import {
  type CrmCtx,
  deleteCrmRecord,
  getCrmRecord,
  getOrgSettings,
  type ImportReport,
  importCrm,
  listCrmRecords,
  putCrmRecord,
  updateOrgSettings,
} from "../../crm/operations.js";
import { DebriefError } from "../../errors.js";
import { readMultipart } from "../../http/multipart.js";
import { line } from "../../input.js";
import { outcomeReport } from "../../outcomes/operations.js";
import type { AppEnv } from "../env.js";
import { problemResponses } from "./common.js";

/** CRM files are plain text; 100 MB is some millions of rows. */
export const MAX_CRM_IMPORT_BYTES = 100e6;

const json = (description: string, schema: z.ZodType) => ({
  description,
  content: { "application/json": { schema } },
});

const Kind = z.enum(CRM_KINDS).describe("leads, deals, activities, customers or costs");
const RecordSchema = z
  .record(z.string(), z.unknown())
  .describe(
    "a CRM record: the CSV columns in camelCase (e.g. createdAt, ownerEmail, convertedDealId), times as ISO 8601, plus updatedAt and the owner's user id",
  );
const ImportReportSchema = z.object({
  kind: Kind,
  imported: z.number().int().describe("rows that created a record"),
  updated: z.number().int().describe("rows that changed an existing record"),
  unchanged: z.number().int().describe("rows equal to the stored record (re-imports)"),
  rejected: z.number().int(),
  errors: z
    .array(z.object({ line: z.number().int(), id: z.string().optional(), reason: z.string() }))
    .describe("the first 1,000 rejected rows: the line each starts on (quoted newlines count) and why"),
});
const OrgSchema = z.object({
  id: z.string(),
  name: z.string(),
  timeZone: z.string().describe("IANA time zone of report periods"),
  currency: z.string().describe("ISO 4217"),
});
const LeadResponseSchema = z
  .object({
    medianSec: z.number().nullable(),
    p90Sec: z.number().nullable(),
    within5MinShare: z.number(),
    within1HourShare: z.number(),
    unanswered: z.number().int(),
  })
  .nullable();
const RepMetricsSchema = z.object({
  conversionRate: z.number().nullable(),
  winRate: z.number().nullable(),
  leadResponse: LeadResponseSchema,
  responseRate: z.number().nullable(),
  pipelineVelocity: z.number().nullable().describe("money per day"),
});
const Reasons = z.record(z.string(), z.string()).describe("why a metric is null");
const OutcomesSchema = z.object({
  from: z.string(),
  to: z.string(),
  timeZone: z.string(),
  currency: z.string(),
  metrics: RepMetricsSchema.extend({ churnRate: z.number().nullable(), cac: z.number().nullable() }),
  reasons: Reasons,
  reps: z.array(
    z.object({
      userId: z.string(),
      email: z.string(),
      name: z.string(),
      metrics: RepMetricsSchema,
      reasons: Reasons,
    }),
  ),
});
const DateParam = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a date like 2026-01-01");

const routes = {
  list: createRoute({
    method: "get",
    path: "/v1/crm/{kind}",
    tags: ["crm"],
    summary: "CRM records of one kind, in id order (reps: only their own leads, deals and activities)",
    security: [{ bearer: [] }],
    request: {
      params: z.object({ kind: Kind }),
      query: z.object({
        limit: z.coerce.number().int().min(1).max(500).default(100),
        cursor: z.string().max(1000).optional(),
      }),
    },
    responses: {
      200: json("a page", z.object({ items: z.array(RecordSchema), nextCursor: z.string().nullable() })),
      ...problemResponses(401, 403, 422, 429),
    },
  }),
  get: createRoute({
    method: "get",
    path: "/v1/crm/{kind}/{id}",
    tags: ["crm"],
    summary: "One CRM record (a cost's id is PERIODSTART_PERIODEND_CATEGORY)",
    security: [{ bearer: [] }],
    request: { params: z.object({ kind: Kind, id: z.string().min(1).max(200) }) },
    responses: { 200: json("the record", RecordSchema), ...problemResponses(401, 403, 404, 429) },
  }),
  del: createRoute({
    method: "delete",
    path: "/v1/crm/{kind}/{id}",
    tags: ["crm"],
    summary: "Delete a CRM record (managers, admins)",
    security: [{ bearer: [] }],
    request: { params: z.object({ kind: Kind, id: z.string().min(1).max(200) }) },
    responses: { 204: { description: "deleted" }, ...problemResponses(401, 403, 404, 429) },
  }),
  getOrg: createRoute({
    method: "get",
    path: "/v1/org",
    tags: ["organization"],
    summary: "The caller's organization: name, time zone, currency",
    security: [{ bearer: [] }],
    responses: { 200: json("the organization", OrgSchema), ...problemResponses(401, 429) },
  }),
  patchOrg: createRoute({
    method: "patch",
    path: "/v1/org",
    tags: ["organization"],
    summary: "Change the organization's name, time zone or currency (admins)",
    security: [{ bearer: [] }],
    request: {
      body: {
        content: {
          "application/json": {
            schema: z.object({
              name: line().trim().min(1).max(200).optional(),
              timeZone: line().max(64).optional().describe("IANA name, e.g. Europe/Berlin"),
              currency: z
                .string()
                .regex(/^[A-Za-z]{3}$/, "an ISO 4217 code like EUR")
                .optional(),
            }),
          },
        },
      },
    },
    responses: { 200: json("the organization", OrgSchema), ...problemResponses(401, 403, 422, 429) },
  }),
  outcomes: createRoute({
    method: "get",
    path: "/v1/reports/outcomes",
    tags: ["reports"],
    summary:
      "Sales outcome metrics of [from, to) for the organization and per rep (a rep's key sees only their own row); see docs/outcomes.md",
    security: [{ bearer: [] }],
    request: {
      query: z.object({
        from: DateParam,
        to: DateParam.describe("the day after the last one"),
        timeZone: z.string().max(64).optional().describe("overrides the organization's time zone"),
      }),
    },
    responses: { 200: json("the metrics", OutcomesSchema), ...problemResponses(401, 422, 429) },
  }),
};

/** A web stream as the byte chunks the CSV reader takes. */
async function* chunks(stream: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

function kindOf(value: string | undefined): CrmKind {
  const parsed = Kind.safeParse(value);
  if (!parsed.success) {
    const message = `must be one of ${CRM_KINDS.join(", ")}`;
    throw new DebriefError("validation_failed", `kind: ${message}`, {
      details: { errors: [{ path: "kind", message }] },
    });
  }
  return parsed.data;
}

export function registerCrmRoutes(app: OpenAPIHono<AppEnv>): void {
  const ctx = (c: Context<AppEnv>): CrmCtx => ({ services: c.get("services"), actor: c.get("actor") });

  app.openAPIRegistry.registerPath({
    method: "post",
    path: "/v1/crm/import",
    tags: ["crm"],
    summary: "Import a CSV file of one kind of CRM record (managers, admins); upserts by id",
    description:
      "multipart/form-data with a `file` part: UTF-8 CSV with a header row (see docs/outcomes.md for the columns). Streamed, at most 100 MB. Bad rows are reported by line and skipped; the others are stored.",
    security: [{ bearer: [] }],
    request: {
      query: z.object({ kind: Kind }),
      body: {
        content: {
          "multipart/form-data": { schema: z.object({ file: z.string().describe("the CSV file") }) },
        },
      },
    },
    responses: {
      200: json("what the import did", ImportReportSchema),
      ...problemResponses(401, 403, 413, 415, 422, 429),
    },
  });
  app.post("/v1/crm/import", async (c) => {
    const context = ctx(c);
    // Authorize and validate the query before reading a byte of the body.
    requireRole(context.actor, "admin", "manager");
    const kind = kindOf(c.req.query("kind"));
    const type = c.req.header("content-type") ?? "";
    if (!type.toLowerCase().startsWith("multipart/form-data"))
      throw new DebriefError(
        "unsupported_media_type",
        "send multipart/form-data with the CSV as the `file` part",
      );
    if (Number(c.req.header("content-length") ?? "0") > MAX_CRM_IMPORT_BYTES + 1e6)
      throw new DebriefError("payload_too_large", "CRM imports are limited to 100 MB");
    const body = c.req.raw.body;
    const done: { report: ImportReport | null } = { report: null };
    if (body) {
      await readMultipart(
        body,
        type,
        {
          onField() {},
          async onFile(info, stream) {
            if (info.name !== "file" || done.report) {
              await stream.cancel().catch(() => {});
              throw new DebriefError("validation_failed", "send one CSV file as the `file` part");
            }
            done.report = await importCrm(context, kind, chunks(stream));
          },
        },
        { maxParts: 16, maxFieldBytes: 64 * 1024, maxTotalBytes: MAX_CRM_IMPORT_BYTES + 1e6 },
      );
    }
    if (!done.report) {
      throw new DebriefError("validation_failed", "file: a `file` part with the CSV is required", {
        details: { errors: [{ path: "file", message: "required" }] },
      });
    }
    return c.json(done.report, 200);
  });

  app.openapi(routes.list, async (c) => {
    const { kind } = c.req.valid("param");
    return c.json(await listCrmRecords(ctx(c), kind, c.req.valid("query")), 200);
  });
  app.openapi(routes.get, async (c) => {
    const { kind, id } = c.req.valid("param");
    return c.json(await getCrmRecord(ctx(c), kind, id), 200);
  });
  app.openapi(routes.del, async (c) => {
    const { kind, id } = c.req.valid("param");
    await deleteCrmRecord(ctx(c), kind, id);
    return c.body(null, 204);
  });

  app.openAPIRegistry.registerPath({
    method: "put",
    path: "/v1/crm/{kind}/{id}",
    tags: ["crm"],
    summary: "Create or replace one CRM record from JSON (managers, admins); 201 when created",
    security: [{ bearer: [] }],
    request: {
      params: z.object({ kind: Kind, id: z.string().min(1).max(200) }),
      body: { content: { "application/json": { schema: RecordSchema } } },
    },
    responses: {
      200: json("replaced", RecordSchema),
      201: json("created", RecordSchema),
      ...problemResponses(401, 403, 413, 415, 422, 429),
    },
  });
  app.put("/v1/crm/:kind/:id", async (c) => {
    const context = ctx(c);
    requireRole(context.actor, "admin", "manager");
    const kind = kindOf(c.req.param("kind"));
    const id = c.req.param("id");
    // Media type, size (the body guard), UTF-8, depth and control characters: src/api/json-bodies.ts.
    const body = c.get("jsonBody")?.value;
    const { record, created } = await putCrmRecord(context, kind, id, body);
    return c.json(record, created ? 201 : 200);
  });

  app.openapi(routes.getOrg, async (c) => c.json(await getOrgSettings(ctx(c)), 200));
  app.openapi(routes.patchOrg, async (c) =>
    c.json(await updateOrgSettings(ctx(c), c.req.valid("json")), 200),
  );
  app.openapi(routes.outcomes, async (c) => c.json(await outcomeReport(ctx(c), c.req.valid("query")), 200));
}
