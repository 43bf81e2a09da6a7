/**
 * Embeds migrations/*.sql (written by drizzle-kit) into src/db/migrations.generated.ts, so the same
 * migrations run on Node and on Workers, which have no file system. Run by `npm run db:generate`;
 * a test fails when the generated module is stale.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { embeddedMigrationsSource } from "../src/db/migrations-source.js";

const root = join(import.meta.dirname, "..");
writeFileSync(
  join(root, "src", "db", "migrations.generated.ts"),
  embeddedMigrationsSource(join(root, "migrations")),
);
console.log("src/db/migrations.generated.ts updated");
