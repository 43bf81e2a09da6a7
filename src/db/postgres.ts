import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import type { DatabaseHandle } from "./database.js";
import { postgresConnection } from "./postgres-url.js";
import * as schema from "./schema/index.js";

/**
 * A PostgreSQL server through postgres.js — on Node, and on Workers (with `nodejs_compat`, directly
 * or through a Hyperdrive connection string).
 *
 * @example
 * const { db, close } = openPostgres("postgres://postgres@127.0.0.1:5432/debrief");
 * // A local Unix socket, in libpq's URL form (src/db/postgres-url.ts):
 * openPostgres("postgres://postgres@/debrief?host=/var/run/postgresql");
 */
export function openPostgres(url: string, options: { max?: number } = {}): DatabaseHandle {
  const client = postgresClient(url, {
    max: options.max ?? 10,
    // Jobs and uploads are short; fail fast instead of hanging when the server is gone.
    connect_timeout: 10,
    onnotice: () => {},
    // Workers (and Hyperdrive) do not support prepared statements across requests reliably.
    prepare: false,
  });
  const db = drizzle(client, { schema });
  return { db, kind: "postgres", close: () => client.end({ timeout: 5 }) };
}

/**
 * A postgres.js client for `url`, libpq's Unix-socket URL forms included (postgres.js alone
 * reads only a URL's host part; src/db/postgres-url.ts translates them).
 *
 * @example
 * const sql = postgresClient("postgres://postgres@/postgres?host=/var/run/postgresql", { max: 1 });
 */
export function postgresClient(
  url: string,
  options: postgres.Options<Record<string, never>> = {},
): postgres.Sql {
  const connection = postgresConnection(url);
  return postgres(connection.url, { ...connection.options, ...options });
}
