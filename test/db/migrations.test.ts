import { readFileSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { eq, sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/pglite";
import { describe, expect, it } from "vitest";
import { resultRows } from "../../src/db/database.js";
import { migrate, pendingMigrations } from "../../src/db/migrate.js";
import { MIGRATIONS } from "../../src/db/migrations.generated.js";
import { openPglite } from "../../src/db/pglite.js";
import * as schema from "../../src/db/schema/index.js";
import { emptyTestDatabases, testDatabases } from "../helpers/db.js";

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

  it.each(emptyTestDatabases)(
    "keep a transcript stored as json when 0015 makes it text, on $name",
    async (database) => {
      const h = await database.open();
      try {
        // The schema as it was before 0015.
        const tag = "0015_transcript_json_as_text";
        const before = MIGRATIONS.findIndex((m) => m.tag === tag);
        expect(await migrate(h.db, { before: tag })).toEqual({
          applied: MIGRATIONS.slice(0, before).map((m) => m.tag),
        });
        const transcript = {
          utterances: [
            { speaker: "rep", start: 0.25, end: 1.5, text: 'Ça va? "Quoted" \\ back\u0001', words: [] },
          ],
        };
        await h.db.execute(sql`insert into organizations (id, name) values ('org_m', 'M')`);
        await h.db.execute(
          sql`insert into calls (id, org_id, status, source, content_hash, transcript)
            values ('call_m', 'org_m', 'done', 'transcript', 'h', ${JSON.stringify(transcript)}::json)`,
        );
        expect(await migrate(h.db)).toEqual({ applied: MIGRATIONS.slice(before).map((m) => m.tag) });
        const [row] = await h.db
          .select({ transcript: schema.calls.transcript })
          .from(schema.calls)
          .where(eq(schema.calls.id, "call_m"));
        expect(row?.transcript).toEqual(transcript);
        const [column] = resultRows<{ type: string; compression: string }>(
          await h.db.execute(
            sql`select format_type(atttypid, atttypmod) as type, attcompression::text as compression
              from pg_attribute where attrelid = 'calls'::regclass and attname = 'transcript'`,
          ),
        );
        expect(column?.type).toBe("text");
        // lz4 again where the server has it (PostgreSQL built with it); the embedded one has not.
        const [lz4] = resultRows<{ has: boolean }>(
          await h.db.execute(
            sql`select exists (select 1 from pg_settings where name = 'default_toast_compression' and 'lz4' = any(enumvals)) as has`,
          ),
        );
        expect(column?.compression).toBe(lz4?.has ? "l" : "");
      } finally {
        await h.close();
      }
    },
  );
});
