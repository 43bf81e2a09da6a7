import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import { z } from "zod";
import { COACHING_LANGUAGES } from "../../coaching/lang/index.js";
import { postCallReport, repReview, teamReport } from "../../reports/operations.js";
import { REPORT_CSP, reportHtml, reportMarkdown } from "../../reports/render/index.js";
import type { Report } from "../../reports/types.js";
import type { AppEnv } from "../env.js";
import { problemResponses } from "./common.js";

const DateParam = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a date like 2026-01-01");
const Format = z
  .enum(["json", "md", "html"])
  .default("json")
  .describe("json (default), md (Markdown) or html");
const Lang = z
  .enum(COACHING_LANGUAGES as [string, ...string[]])
  .default("en")
  .describe(`language of the md/html rendering: ${COACHING_LANGUAGES.join(", ")} (default en)`);
const Period = z.object({
  from: DateParam,
  to: DateParam.describe("the day after the last one"),
  format: Format,
  lang: Lang,
});

const content = (description: string) => ({
  description,
  content: {
    "application/json": { schema: z.record(z.string(), z.unknown()) },
    "text/markdown": { schema: z.string() },
    "text/html": { schema: z.string() },
  },
});

const routes = {
  call: createRoute({
    method: "get",
    path: "/v1/calls/{id}/report",
    tags: ["reports"],
    summary:
      "Post-call report for the rep: metrics vs team medians and targets, habits, objections, timeline",
    security: [{ bearer: [] }],
    request: {
      params: z.object({ id: z.string().min(1).max(100) }),
      query: z.object({ format: Format }),
    },
    responses: { 200: content("the report"), ...problemResponses(401, 404, 409, 422, 429) },
  }),
  rep: createRoute({
    method: "get",
    path: "/v1/reports/reps/{userId}",
    tags: ["reports"],
    summary:
      "A rep's review of [from, to): metrics, weekly trends, outcomes, top performers (reps: their own)",
    security: [{ bearer: [] }],
    request: { params: z.object({ userId: z.string().min(1).max(100) }), query: Period },
    responses: { 200: content("the review"), ...problemResponses(401, 404, 422, 429) },
  }),
  team: createRoute({
    method: "get",
    path: "/v1/reports/team",
    tags: ["reports"],
    summary:
      "Every rep side by side for [from, to), outliers, behaviour ↔ outcome insights (managers, admins)",
    security: [{ bearer: [] }],
    request: { query: Period },
    responses: { 200: content("the report"), ...problemResponses(401, 403, 422, 429) },
  }),
};

/**
 * The report in the asked format; HTML with a CSP under which nothing loads or runs. `language`
 * chooses the words of a rep review or team report (a post-call report follows its call).
 */
function send(c: Context<AppEnv>, report: Report, format: "json" | "md" | "html", language?: string) {
  if (format === "md")
    return c.body(reportMarkdown(report, { language }), 200, {
      "content-type": "text/markdown; charset=utf-8",
    });
  if (format === "html")
    return c.body(reportHtml(report, { language }), 200, {
      "content-type": "text/html; charset=utf-8",
      "content-security-policy": REPORT_CSP,
      "x-content-type-options": "nosniff",
      "referrer-policy": "no-referrer",
    });
  return c.json(report, 200);
}

export function registerReportRoutes(app: OpenAPIHono<AppEnv>): void {
  const ctx = (c: Context<AppEnv>) => ({ services: c.get("services"), actor: c.get("actor") });
  app.openapi(routes.call, async (c) => {
    const report = await postCallReport(ctx(c), c.req.valid("param").id);
    return send(c, report, c.req.valid("query").format) as never;
  });
  app.openapi(routes.rep, async (c) => {
    const { from, to, format, lang } = c.req.valid("query");
    const report = await repReview(ctx(c), { userId: c.req.valid("param").userId, from, to });
    return send(c, report, format, lang) as never;
  });
  app.openapi(routes.team, async (c) => {
    const { from, to, format, lang } = c.req.valid("query");
    return send(c, await teamReport(ctx(c), { from, to }), format, lang) as never;
  });
}
