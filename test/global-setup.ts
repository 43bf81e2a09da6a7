import { postgresClient } from "../src/db/postgres.js";

/**
 * Storage tests run on PGlite always and on a real PostgreSQL server when one is reachable:
 * TEST_DATABASE_URL if set, else the local default (127.0.0.1:5432, user postgres). CI sets
 * DEBRIEF_REQUIRE_POSTGRES=1 so a missing server fails the run instead of skipping those tests.
 */
export default async function setup(): Promise<void> {
  const url = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
  const sql = postgresClient(url, { max: 1, connect_timeout: 3, onnotice: () => {} });
  try {
    await sql`select 1`;
    process.env.TEST_DATABASE_URL = url;
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    if (process.env.DEBRIEF_REQUIRE_POSTGRES === "1") {
      throw new Error(
        `PostgreSQL is required (DEBRIEF_REQUIRE_POSTGRES=1) but ${url} is not reachable: ${why}`,
      );
    }
    delete process.env.TEST_DATABASE_URL;
    console.warn(
      `\n[debrief] PostgreSQL not reachable at ${url} (${why}): storage tests run on PGlite only.\n`,
    );
  } finally {
    await sql.end({ timeout: 1 }).catch(() => {});
  }
}
