import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/env.js";
import { resultRows } from "../../src/db/database.js";
import { migrate, pendingMigrations } from "../../src/db/migrate.js";
import { describeDatabase, openDatabase } from "../../src/db/open.js";
import { openPostgres } from "../../src/db/postgres.js";
import { postgresConnection } from "../../src/db/postgres-url.js";
import { createTempDatabase, localSocketUrl, TEST_DATABASE_URL } from "../helpers/db.js";

const socketAdminUrl = TEST_DATABASE_URL ? localSocketUrl(TEST_DATABASE_URL) : undefined;
const socketDir = socketAdminUrl ? postgresConnection(socketAdminUrl).options.host : undefined;

describe.skipIf(!socketAdminUrl)("PostgreSQL over a Unix socket (libpq's URL form)", () => {
  /** `inet_server_addr()` is null exactly when the session came in over a Unix socket. */
  const serverAddress = async (db: Parameters<typeof migrate>[0]) =>
    resultRows<{ addr: string | null }>(await db.execute(sql`select inet_server_addr()::text as addr`))[0]
      ?.addr;

  it("DATABASE_URL with ?host=<directory> opens, migrates and queries over the socket", async () => {
    const temp = await createTempDatabase(socketAdminUrl!);
    expect(temp.url).toContain(`host=${encodeURIComponent(socketDir!)}`);
    const config = loadConfig({ DATABASE_URL: temp.url });
    expect(describeDatabase(config)).toMatch(
      new RegExp(`^PostgreSQL at ${socketDir}/\\.s\\.PGSQL\\.\\d+, database debrief_test_`),
    );
    const h = await openDatabase(config);
    try {
      expect(h.kind).toBe("postgres");
      await migrate(h.db);
      expect(await pendingMigrations(h.db)).toEqual([]);
      expect(await serverAddress(h.db)).toBeNull();
    } finally {
      await h.close();
      await temp.drop();
    }
  });

  it("the percent-encoded directory form reaches the same server, and TCP stays TCP", async () => {
    const tcp = new URL(TEST_DATABASE_URL!);
    const encoded = `postgres://${tcp.username || "postgres"}@${encodeURIComponent(socketDir!)}:${tcp.port || 5432}/postgres`;
    const overSocket = openPostgres(encoded, { max: 1 });
    const overTcp = openPostgres(TEST_DATABASE_URL!, { max: 1 });
    try {
      expect(await serverAddress(overSocket.db)).toBeNull();
      expect(await serverAddress(overTcp.db)).not.toBeNull();
    } finally {
      await overSocket.close();
      await overTcp.close();
    }
  });
});
