import { openaiFromConfig } from "../ai/client.js";
import type { Config } from "../config/env.js";
import type { CpuRunner } from "../cpu/tasks.js";
import type { Database } from "../db/database.js";
import type { Logger, Services } from "../services.js";
import { dbCoachingCache } from "./cache-db.js";
import { runCoaching } from "./run.js";

/**
 * The coaching function of a deployment: OpenAI (any OpenAI-compatible server) when
 * OPENAI_API_KEY is set, with results cached in the database; otherwise the rules engine, which
 * runs on `cpu` (the Node server's worker pool) so coaching a long call stalls no other request.
 */
export function coachingFor(
  config: Config,
  db: Database,
  logger: Logger,
  cpu?: CpuRunner,
): Services["coach"] {
  const openai = openaiFromConfig(config);
  const cache = dbCoachingCache(db);
  return (input) => runCoaching(input, { openai, cache, logger, cpu });
}
