import { is, type SQL, type SQLWrapper, sql } from "drizzle-orm";
import { type PgColumn, PgCustomColumn, type PgDatabase, type PgQueryResultHKT } from "drizzle-orm/pg-core";
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

/**
 * A JSON column's value from JSON text already made (e.g. on a worker thread), for an insert's
 * values: the text goes to the server as it is, where Drizzle's column would `JSON.stringify` an
 * object. `json` and `jsonb` get a cast; a `jsonAsText` column (src/db/json-text.ts) the text
 * itself. Both drivers pass a string to json/jsonb unchanged (postgres.js through Drizzle's
 * transparent serialisers, PGlite's json serialiser), so a row written from
 * `JSON.stringify(value)` is the row Drizzle writes from `value`.
 *
 * @example
 * await db.insert(calls).values({ ...row, analysis: jsonText(calls.analysis, analysisJson) });
 */
export function jsonText(column: PgColumn, text: string): SQL {
  const type = column.getSQLType();
  if (type === "json" || type === "jsonb") return sql`${text}::${sql.raw(type)}`;
  // A custom column stored as text is `jsonAsText`'s (a plain text column is a PgText).
  if (type === "text" && is(column, PgCustomColumn)) return sql`${text}`;
  throw new Error(`jsonText: ${column.name} is ${type}, not json`);
}

/**
 * Several writes as one statement (one round trip instead of one each): all but the last as
 * data-modifying WITH clauses, the last as the statement itself. Only for writes that do not read
 * each other's rows — every part sees the database as it was before the statement (PostgreSQL
 * runs each WITH write whether or not anything reads it); the caller's transaction makes them
 * one change as before.
 *
 * @example
 * await writeTogether(tx, [tx.insert(events).values(event), tx.insert(jobs).values(job)]);
 */
export async function writeTogether(db: Database, writes: readonly SQLWrapper[]): Promise<void> {
  if (writes.length === 0) return;
  const last = writes.length - 1;
  const withs = writes.slice(0, last).map((w, i) => sql`${sql.raw(`w${i}`)} as (${w.getSQL()})`);
  const statement: SQL = withs.length
    ? sql`with ${sql.join(withs, sql`, `)} ${writes[last]!.getSQL()}`
    : writes[last]!.getSQL();
  await db.execute(statement);
}
