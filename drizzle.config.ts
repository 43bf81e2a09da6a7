import { defineConfig } from "drizzle-kit";

// `npm run db:generate` turns changes to src/db/schema/ into a new SQL migration in migrations/.
export default defineConfig({
  dialect: "postgresql",
  schema: "./src/db/schema/index.ts",
  out: "./migrations",
});
