import postgres from "postgres";
import type { DatabaseHandle } from "../../src/db/database.js";
import { migrate } from "../../src/db/migrate.js";
import { openPglite } from "../../src/db/pglite.js";
import { openPostgres } from "../../src/db/postgres.js";

/**
 * The databases every storage test runs on: embedded PGlite always, and the real PostgreSQL server
 * when TEST_DATABASE_URL is set (`.ci/run` sets it). Each `open()` gives a fresh, migrated database
 * (a new PostgreSQL database per test file, dropped by `close()`).
 */
export interface TestDatabase {
  name: "pglite" | "postgres";
  open: () => Promise<DatabaseHandle & { url?: string }>;
}

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL;

export const testDatabases: TestDatabase[] = [
  {
    name: "pglite",
    open: async () => {
      const h = await openPglite();
      await migrate(h.db);
      return h;
    },
  },
  ...(TEST_DATABASE_URL
    ? [
        {
          name: "postgres" as const,
          open: async () => {
            const { url, drop } = await createTempDatabase(TEST_DATABASE_URL);
            const h = openPostgres(url, { max: 5 });
            await migrate(h.db);
            return {
              ...h,
              url,
              close: async () => {
                await h.close();
                await drop();
              },
            };
          },
        },
      ]
    : []),
];

/** A new empty database on the server of `adminUrl`; `drop()` removes it. */
export async function createTempDatabase(
  adminUrl: string,
): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `debrief_test_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const a = postgres(adminUrl, { max: 1, onnotice: () => {} });
      await a.unsafe(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}
