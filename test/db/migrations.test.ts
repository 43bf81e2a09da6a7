import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { migrate, pendingMigrations } from "../../src/db/migrate.js";
import { MIGRATIONS } from "../../src/db/migrations.generated.js";
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
});
