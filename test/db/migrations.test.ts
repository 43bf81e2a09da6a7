import { readFileSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/pglite";
import { describe, expect, it } from "vitest";
import { migrate, pendingMigrations } from "../../src/db/migrate.js";
import { MIGRATIONS } from "../../src/db/migrations.generated.js";
import { openPglite } from "../../src/db/pglite.js";
import * as schema from "../../src/db/schema/index.js";
import { testDatabases } from "../helpers/db.js";

describe("migrations", () => {
  it("the embedded migrations match migrations/ (run `npm run db:generate` after changing the schema)", () => {
    const journal = JSON.parse(readFileSync("migrations/meta/_journal.json", "utf8")) as {
      entries: Array<{ tag: string }>;
    };
    expect(MIGRATIONS.map((m) => m.tag)).toEqual(journal.entries.map((e) => e.tag));
    for (const m of MIGRATIONS) expect(m.sql).toBe(readFileSync(`migrations/${m.tag}.sql`, "utf8"));
  });

  it.each(testDatabases)("apply once and only once on $name", async (database) => {
    const h = await database.open(); // opens migrated
    try {
      expect(await pendingMigrations(h.db)).toEqual([]);
      expect(await migrate(h.db)).toEqual({ applied: [] });
    } finally {
      await h.close();
    }
  });

  // The other storage tests start from a migrated dump (test/global-setup.ts); these two keep a
  // new cluster's full migration, and the dump's round trip, under test.
  it("apply in order on a new embedded cluster", async () => {
    const h = await openPglite();
    try {
      expect(await migrate(h.db)).toEqual({ applied: MIGRATIONS.map((m) => m.tag) });
      expect(await pendingMigrations(h.db)).toEqual([]);
    } finally {
      await h.close();
    }
  });

  it("survive a dumped data directory: openPglite(…, { from }) has the schema, the rows and the journal", async () => {
    const client = await PGlite.create();
    const source = drizzle(client, { schema });
    await migrate(source);
    await source.insert(schema.organizations).values({ id: "org_dump", name: "Dumped Ltd" });
    const dump = await client.dumpDataDir("gzip");
    await client.close();

    const h = await openPglite(undefined, { from: dump });
    try {
      expect(await pendingMigrations(h.db)).toEqual([]);
      const rows = await h.db
        .select({ name: schema.organizations.name })
        .from(schema.organizations)
        .where(eq(schema.organizations.id, "org_dump"));
      expect(rows).toEqual([{ name: "Dumped Ltd" }]);
    } finally {
      await h.close();
    }
  });
});
