import { existsSync, readFileSync } from "node:fs";
import type { DatabaseHandle } from "../../src/db/database.js";
import { migrate } from "../../src/db/migrate.js";
import { openPglite } from "../../src/db/pglite.js";
import { openPostgres, postgresClient } from "../../src/db/postgres.js";
import { postgresConnection } from "../../src/db/postgres-url.js";

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
    open: () => openMigratedPglite(),
  },
  ...(TEST_DATABASE_URL
    ? [
        {
          name: "postgres" as const,
          open: async () => {
            const h = await openTempPostgres(TEST_DATABASE_URL);
            await migrate(h.db);
            return h;
          },
        },
      ]
    : []),
];

/**
 * The same databases new and unmigrated (a migration's own tests): a new embedded cluster, and a
 * new PostgreSQL database when TEST_DATABASE_URL is set.
 */
export const emptyTestDatabases: TestDatabase[] = [
  { name: "pglite", open: () => openPglite() },
  ...(TEST_DATABASE_URL
    ? [{ name: "postgres" as const, open: () => openTempPostgres(TEST_DATABASE_URL) }]
    : []),
];

/** A new database on the server of `adminUrl`, opened; `close()` drops it. */
async function openTempPostgres(adminUrl: string): Promise<DatabaseHandle & { url: string }> {
  const { url, drop } = await createTempDatabase(adminUrl);
  const h = openPostgres(url, { max: 5 });
  return {
    ...h,
    url,
    close: async () => {
      await h.close();
      await drop();
    },
  };
}

let template: Blob | undefined;

/**
 * A fresh in-memory PGlite database with every migration applied: loaded from the run's migrated
 * dump (made once by test/global-setup.ts) when there is one, else created and migrated here.
 *
 * @example
 * const handle = await openMigratedPglite();
 */
export async function openMigratedPglite(): Promise<DatabaseHandle> {
  const path = process.env.DEBRIEF_TEST_PGLITE_TEMPLATE;
  if (path && existsSync(path)) {
    template ??= new Blob([readFileSync(path)]);
    return openPglite(undefined, { from: template });
  }
  const h = await openPglite();
  await migrate(h.db);
  return h;
}

/** A new empty database on the server of `adminUrl`; `drop()` removes it. */
export async function createTempDatabase(
  adminUrl: string,
): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `debrief_test_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  // The admin URL may name a Unix socket in libpq's form (`?host=/var/run/postgresql`).
  const connection = postgresConnection(adminUrl);
  const connect = () => postgresClient(adminUrl, { max: 1, onnotice: () => {} });
  const admin = connect();
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(connection.url);
  url.pathname = `/${name}`;
  if (connection.options.host) url.searchParams.set("host", connection.options.host);
  if (connection.options.port) url.searchParams.set("port", String(connection.options.port));
  return {
    url: url.toString(),
    drop: async () => {
      const a = connect();
      await a.unsafe(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

/**
 * The same server as `tcpUrl` through its Unix socket, in libpq's URL form
 * (`postgres://user@/db?host=/var/run/postgresql&port=5432`), when the server is on this machine
 * and its socket is in Debian's or the default directory; else undefined.
 */
export function localSocketUrl(tcpUrl: string): string | undefined {
  const tcp = new URL(tcpUrl);
  if (!["127.0.0.1", "localhost", "[::1]"].includes(tcp.hostname)) return undefined;
  const port = tcp.port || "5432";
  const dir = ["/var/run/postgresql", "/tmp"].find((d) => existsSync(`${d}/.s.PGSQL.${port}`));
  if (!dir) return undefined;
  const user = tcp.username || "postgres";
  return `postgres://${user}@/${tcp.pathname.slice(1) || "postgres"}?host=${dir}&port=${port}`;
}
