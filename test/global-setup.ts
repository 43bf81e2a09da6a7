import { rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { drizzle } from "drizzle-orm/pglite";
import { migrate } from "../src/db/migrate.js";
import { postgresClient } from "../src/db/postgres.js";
import * as schema from "../src/db/schema/index.js";

/**
 * Storage tests run on PGlite always and on a real PostgreSQL server when one is reachable:
 * TEST_DATABASE_URL if set, else the local default (127.0.0.1:5432, user postgres). CI sets
 * DEBRIEF_REQUIRE_POSTGRES=1 so a missing server fails the run instead of skipping those tests.
 *
 * Every in-memory PGlite database of the run starts from one migrated data directory, dumped here
 * once (DEBRIEF_TEST_PGLITE_TEMPLATE names the file): loading a dump takes ~1 s where a new
 * cluster's `initdb` and the migrations take ~3 s, and the suite opens 65 of them.
 */
export default async function setup(): Promise<() => void> {
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

  const template = join(tmpdir(), `debrief-pglite-template-${process.pid}.tar.gz`);
  const client = await PGlite.create();
  try {
    await migrate(drizzle(client, { schema }));
    const dump = await client.dumpDataDir("gzip");
    writeFileSync(template, new Uint8Array(await dump.arrayBuffer()));
  } finally {
    await client.close();
  }
  process.env.DEBRIEF_TEST_PGLITE_TEMPLATE = template;
  return () => rmSync(template, { force: true });
}
