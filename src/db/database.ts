import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import type * as schema from "./schema/index.js";

/** The Drizzle database, whatever the driver underneath (PGlite, postgres.js, Hyperdrive). */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface DatabaseHandle {
  db: Database;
  /** "pglite" (embedded, in a local folder or in memory) or "postgres" (a server). */
  kind: "pglite" | "postgres";
  close: () => Promise<void>;
}

/**
 * Rows of a `db.execute()` result: postgres.js returns an array, PGlite an object with `rows`.
 *
 * @example
 * const [row] = resultRows<{ n: number }>(await db.execute(sql`select 1 as n`));
 */
export function resultRows<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  if (typeof result === "object" && result !== null && "rows" in result && Array.isArray(result.rows)) {
    return result.rows as T[];
  }
  return [];
}

/**
 * Memoises something built from a database handle — typically a prepared query, so a hot path
 * skips Drizzle's per-call SQL building (and postgres.js reuses the server-side statement).
 *
 * @example
 * const byId = perDatabase((db) => db.select().from(calls).where(eq(calls.id, sql.placeholder("id"))).prepare("call_by_id"));
 * const [row] = await byId(db).execute({ id });
 */
export function perDatabase<T>(build: (db: Database) => T): (db: Database) => T {
  const cache = new WeakMap<Database, T>();
  return (db) => {
    let value = cache.get(db);
    if (value === undefined) {
      value = build(db);
      cache.set(db, value);
    }
    return value;
  };
}
