import { eq } from "drizzle-orm";
import { CoachingSchema } from "../coaching/contract.js";
import type { Database } from "../db/database.js";
import { coachingCache } from "../db/schema/index.js";
import type { CoachingCache } from "./cache.js";

/**
 * The coaching cache in the database, shared by every worker and process. A stored value that no
 * longer matches the schema (after an upgrade) is treated as a miss.
 */
export function dbCoachingCache(db: Database): CoachingCache {
  return {
    async get(key) {
      const [row] = await db
        .select({ value: coachingCache.value })
        .from(coachingCache)
        .where(eq(coachingCache.key, key));
      if (!row) return null;
      const parsed = CoachingSchema.safeParse(row.value);
      return parsed.success ? parsed.data : null;
    },
    async set(key, value) {
      await db
        .insert(coachingCache)
        .values({ key, value })
        .onConflictDoUpdate({ target: coachingCache.key, set: { value } });
    },
  };
}
