import { sql } from "drizzle-orm";
import { type Database, resultRows } from "./database.js";
import { MIGRATIONS } from "./migrations.generated.js";

/** Arbitrary constant: serialises concurrent migrators (several Node processes, Worker isolates). */
const MIGRATION_LOCK = 72_635_411;

/**
 * Apply pending migrations (embedded from migrations/) in one transaction under an advisory lock,
 * recording each in `debrief_migrations`. Safe to call on every start. `before`: stop at that
 * migration, unapplied (a test of what it does to rows written before it).
 *
 * @example
 * const { applied } = await migrate(db); // ["0000_init"] on a fresh database, [] afterwards
 */
export async function migrate(
  db: Database,
  options: { before?: string } = {},
): Promise<{ applied: string[] }> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${MIGRATION_LOCK})`);
    await tx.execute(
      sql`create table if not exists debrief_migrations (tag text primary key, applied_at timestamptz not null default now())`,
    );
    const done = new Set(
      resultRows<{ tag: string }>(await tx.execute(sql`select tag from debrief_migrations`)).map(
        (r) => r.tag,
      ),
    );
    const applied: string[] = [];
    for (const m of MIGRATIONS) {
      if (m.tag === options.before) break;
      if (done.has(m.tag)) continue;
      for (const statement of m.sql.split("--> statement-breakpoint")) {
        if (statement.trim()) await tx.execute(sql.raw(statement));
      }
      await tx.execute(sql`insert into debrief_migrations (tag) values (${m.tag})`);
      applied.push(m.tag);
    }
    return { applied };
  });
}

/** Migrations not yet applied (for /health). */
export async function pendingMigrations(db: Database): Promise<string[]> {
  const exists = resultRows<{ t: string | null }>(
    await db.execute(sql`select to_regclass('debrief_migrations')::text as t`),
  );
  if (!exists[0]?.t) return MIGRATIONS.map((m) => m.tag);
  const done = new Set(
    resultRows<{ tag: string }>(await db.execute(sql`select tag from debrief_migrations`)).map((r) => r.tag),
  );
  return MIGRATIONS.filter((m) => !done.has(m.tag)).map((m) => m.tag);
}
