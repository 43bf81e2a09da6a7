import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { drizzle } from "drizzle-orm/pglite";
import type { DatabaseHandle } from "./database.js";
import * as schema from "./schema/index.js";

export interface PgliteOptions {
  /**
   * A data directory dumped by PGlite's `dumpDataDir()` to start from, instead of a new cluster.
   * Loading one takes about a third of the time `initdb` does (the tests start every in-memory
   * database from one migrated dump).
   */
  from?: Blob;
}

/**
 * Embedded PostgreSQL (PGlite, WebAssembly) in a local folder — nothing to install. Node only.
 * `dataDir` undefined keeps the database in memory (tests).
 *
 * @example
 * const { db, close } = await openPglite("./.debrief/db");
 */
export async function openPglite(dataDir?: string, options: PgliteOptions = {}): Promise<DatabaseHandle> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create({
    ...(dataDir ? { dataDir } : {}),
    ...(options.from ? { loadDataDir: options.from } : {}),
  });
  const db = drizzle(client, { schema });
  return { db, kind: "pglite", close: () => client.close() };
}
