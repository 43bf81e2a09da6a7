import { backfillOperatorUser } from "./admin/operations.js";
import { memoryRateLimiter } from "./api/rate-limiter.js";
import { callJobHandlers } from "./calls/jobs/index.js";
import { backfillCallUploaders } from "./calls/operations.js";
import { backfillCallMetrics } from "./calls/save.js";
import { coachingFor } from "./coaching-service/deploy.js";
import type { Config } from "./config/env.js";
import { inlineCpu } from "./cpu/tasks.js";
import { syncJobHandlers } from "./crm/sync-jobs.js";
import type { Database } from "./db/database.js";
import { migrate } from "./db/migrate.js";
import { pgJobQueue } from "./jobs/pg-queue.js";
import { jobRegistry } from "./jobs/registry.js";
import { jsonLogger } from "./logger.js";
import type { Services } from "./services.js";
import { deepgramTranscriber } from "./transcription/deepgram.js";

/** Every background-job handler of the application (each feature contributes its own). */
export const JOB_HANDLERS = [...callJobHandlers, ...syncJobHandlers()];

/** What a runtime must supply (database, blob store), and anything it wants to replace. */
export type ServiceParts = Pick<Services, "db" | "blobs"> & Partial<Omit<Services, "config">>;

/**
 * The one composition root: the services of the Node server, the Worker, the CLI and the tests,
 * from the configuration and the runtime's own parts. Runtime-neutral (the Worker bundles it):
 * nothing here imports PGlite or Node-only modules.
 *
 * Defaults: the Postgres job queue (no wake-up), every registered job handler, Deepgram when
 * DEEPGRAM_API_KEY is set, an in-memory rate limiter, the configured coaching engine (OpenAI or
 * rules, cached in the database), a JSON logger on stderr and the wall clock.
 *
 * @example
 * const services = createServices(config, { db, blobs: memoryBlobStore(), transcriber: null });
 */
export function createServices(config: Config, parts: ServiceParts): Services {
  const { db } = parts;
  const logger = parts.logger ?? jsonLogger(config.LOG_LEVEL, (line) => console.error(line.trimEnd()));
  const cpu = parts.cpu ?? inlineCpu();
  return {
    config,
    db,
    blobs: parts.blobs,
    queue: parts.queue ?? pgJobQueue(db),
    jobs: parts.jobs ?? jobRegistry(JOB_HANDLERS),
    transcriber: parts.transcriber !== undefined ? parts.transcriber : transcriberFor(config),
    rateLimiter: parts.rateLimiter ?? memoryRateLimiter(config.DEBRIEF_RATE_LIMIT_PER_MINUTE),
    coach: parts.coach ?? coachingFor(config, db, logger, cpu),
    coachOnUpload: parts.coachOnUpload === true && !config.OPENAI_API_KEY,
    logger,
    now: parts.now ?? (() => new Date()),
    cpu,
    resolve: parts.resolve,
  };
}

function transcriberFor(config: Config): Services["transcriber"] {
  return config.DEEPGRAM_API_KEY
    ? deepgramTranscriber({
        apiKey: config.DEEPGRAM_API_KEY,
        ...(config.DEEPGRAM_BASE_URL ? { baseUrl: config.DEEPGRAM_BASE_URL } : {}),
      })
    : null;
}

/**
 * Bring a database up to date: apply pending migrations, then the idempotent data backfills that
 * follow schema changes (e.g. `call_metrics` rows of calls analysed before the table existed).
 * Run on every start (Node server, first request of a Worker isolate) and by `debrief migrate`.
 *
 * @example
 * const { applied, backfilled } = await prepareDatabase(db);
 */
export async function prepareDatabase(db: Database): Promise<{ applied: string[]; backfilled: number }> {
  const { applied } = await migrate(db);
  const backfilled = await backfillCallMetrics(db);
  await backfillOperatorUser(db);
  await backfillCallUploaders(db);
  return { applied, backfilled };
}
