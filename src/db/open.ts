import { join } from "node:path";
import type { Config } from "../config/env.js";
import type { DatabaseHandle } from "./database.js";
import { openPglite } from "./pglite.js";
import { openPostgres } from "./postgres.js";

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
  const u = new URL(config.DATABASE_URL);
  return `PostgreSQL at ${u.hostname}:${u.port || 5432}${u.pathname}`;
}
