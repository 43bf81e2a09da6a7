import { join } from "node:path";
import type { Config } from "../config/env.js";
import type { DatabaseHandle } from "./database.js";
import { openPglite } from "./pglite.js";
import { openPostgres } from "./postgres.js";
import { postgresConnection } from "./postgres-url.js";

/**
 * The Node database: PostgreSQL when DATABASE_URL is set, else embedded PGlite under
 * DEBRIEF_DATA_DIR/db (created on first use).
 *
 * @example
 * const { db, kind, close } = await openDatabase(loadConfig(process.env));
 */
export async function openDatabase(
  config: Pick<Config, "DATABASE_URL" | "DEBRIEF_DATA_DIR">,
): Promise<DatabaseHandle> {
  if (config.DATABASE_URL) return openPostgres(config.DATABASE_URL);
  return openPglite(join(config.DEBRIEF_DATA_DIR, "db"));
}

/** Where the database lives, for messages (never prints credentials). */
export function describeDatabase(config: Pick<Config, "DATABASE_URL" | "DEBRIEF_DATA_DIR">): string {
  if (!config.DATABASE_URL) return `embedded PGlite in ${join(config.DEBRIEF_DATA_DIR, "db")}`;
  const { url, options } = postgresConnection(config.DATABASE_URL);
  const u = new URL(url);
  const port = options.port ?? (u.port || 5432);
  if (options.host?.startsWith("/"))
    return `PostgreSQL at ${options.host}/.s.PGSQL.${port}, database ${u.pathname.slice(1)}`;
  return `PostgreSQL at ${options.host ?? u.hostname}:${port}${u.pathname}`;
}
