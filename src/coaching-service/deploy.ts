import { openaiFromConfig } from "../ai/client.js";
import type { Config } from "../config/env.js";
import type { Database } from "../db/database.js";
import type { Logger, Services } from "../services.js";
import { dbCoachingCache } from "./cache-db.js";
import { runCoaching } from "./run.js";

/**
 * The coaching function of a deployment: OpenAI (any OpenAI-compatible server) when
 * OPENAI_API_KEY is set, with results cached in the database; otherwise the rules engine.
 */
export function coachingFor(config: Config, db: Database, logger: Logger): Services["coach"] {
  const openai = openaiFromConfig(config);
  const cache = dbCoachingCache(db);
  return (input) => runCoaching(input, { openai, cache, logger });
}
