import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { drizzle } from "drizzle-orm/pglite";
import type { DatabaseHandle } from "./database.js";
import * as schema from "./schema/index.js";

/**
 * Embedded PostgreSQL (PGlite, WebAssembly) in a local folder — nothing to install. Node only.
 * `dataDir` undefined keeps the database in memory (tests).
 *
 * @example
 * const { db, close } = await openPglite("./.debrief/db");
 */
export async function openPglite(dataDir?: string): Promise<DatabaseHandle> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const client = dataDir ? await PGlite.create(dataDir) : await PGlite.create();
  const db = drizzle(client, { schema });
  return { db, kind: "pglite", close: () => client.close() };
}
