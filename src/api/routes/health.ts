import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { pendingMigrations } from "../../db/migrate.js";
import type { AppEnv } from "../env.js";

const HealthSchema = z.object({
  status: z.enum(["ok", "degraded"]),
  database: z.object({ ok: z.boolean(), latencyMs: z.number().nullable(), error: z.string().optional() }),
  migrations: z.object({ ok: z.boolean(), pending: z.array(z.string()) }),
  queue: z.object({ depth: z.number().int().nullable() }),
  transcription: z.object({ configured: z.boolean() }),
});

const healthRoute = createRoute({
  method: "get",
  path: "/health",
  tags: ["health"],
  summary: "Database reachable, migrations applied, queue depth",
  responses: {
    200: { description: "healthy", content: { "application/json": { schema: HealthSchema } } },
    503: { description: "degraded", content: { "application/json": { schema: HealthSchema } } },
  },
});

export function registerHealthRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(healthRoute, async (c) => {
    const s = c.get("services");
    const t0 = performance.now();
    let database: z.infer<typeof HealthSchema>["database"];
    let pending: string[] = [];
    let depth: number | null = null;
    try {
      await s.db.execute(sql`select 1`);
      database = { ok: true, latencyMs: Math.round((performance.now() - t0) * 100) / 100 };
      pending = await pendingMigrations(s.db);
      depth = await s.queue.depth();
    } catch (err) {
      database = { ok: false, latencyMs: null, error: err instanceof Error ? err.message : String(err) };
    }
    const ok = database.ok && pending.length === 0;
    const body = {
      status: ok ? ("ok" as const) : ("degraded" as const),
      database,
      migrations: { ok: database.ok && pending.length === 0, pending },
      queue: { depth },
      transcription: { configured: s.transcriber !== null },
    };
    return ok ? c.json(body, 200) : c.json(body, 503);
  });
}
