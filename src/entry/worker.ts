/**
 * Cloudflare Workers entry (wrangler.toml `main`): the same Hono app as on Node, with services built
 * from the bindings — PostgreSQL through postgres.js (Hyperdrive, or DATABASE_URL directly), R2 for
 * uploads, a Cloudflare Queue for jobs, Deepgram when DEEPGRAM_API_KEY is set. Nothing here may
 * import PGlite or Node-only modules: this file is the root of the Worker bundle.
 */
import type {
  ExecutionContext,
  Hyperdrive,
  MessageBatch,
  Queue,
  R2Bucket,
  ScheduledController,
} from "@cloudflare/workers-types/index.js";
import { bootstrap } from "../admin/operations.js";
import { memoryRateLimiter } from "../api/rate-limiter.js";
import { createApp } from "../app.js";
import { r2BlobStore } from "../blobs/r2.js";
import { createServices, prepareDatabase } from "../compose.js";
import { type Config, loadConfig } from "../config/env.js";
import type { DatabaseHandle } from "../db/database.js";
import { openPostgres } from "../db/postgres.js";
import { DebriefError, describeError } from "../errors.js";
import { cfJobQueue, handleJobMessage, type JobMessage, sweepStaleJobs } from "../jobs/cf-queue.js";
import { jsonLogger } from "../logger.js";
import type { RateLimiter, Services } from "../services.js";
import { sweepSync } from "../webhooks/sweep.js";

/** The Worker's bindings (wrangler.toml) and variables (`[vars]`, secrets, `--var`). */
export type Env = {
  /** Hyperdrive in front of PostgreSQL (production); wins over DATABASE_URL. */
  HYPERDRIVE?: Hyperdrive;
  BLOBS?: R2Bucket;
  JOBS?: Queue<JobMessage>;
  DATABASE_URL?: string;
  DEBRIEF_ADMIN_KEY?: string;
  DEEPGRAM_API_KEY?: string;
  [variable: string]: unknown;
};

/** Leases on Workers: a consumer invocation may run 15 min, so a job may too (minus a margin). */
const JOB_OPTIONS = { leaseMs: 60_000, jobTimeoutMs: 12 * 60_000 } as const;

// Per isolate: migrations (and the first organization) are set up once, by the first request.
let ready: Promise<void> | undefined;
let limiter: { perMinute: number; limiter: RateLimiter } | undefined;

interface Scope {
  services: () => Promise<Services>;
  /** Close this invocation's database connection (after the response, via waitUntil). */
  close: () => Promise<void>;
}

function configFrom(env: Env): Config {
  const config = loadConfig({ ...env });
  if (!env.HYPERDRIVE && !config.DATABASE_URL) {
    throw new DebriefError(
      "config.invalid",
      "invalid configuration:\n  DATABASE_URL: set it (or bind HYPERDRIVE in wrangler.toml); the Worker needs PostgreSQL",
    );
  }
  return config;
}

function required<T>(binding: T | undefined, name: string, what: string): T {
  if (binding === undefined || binding === null) {
    throw new DebriefError("config.invalid", `invalid configuration:\n  ${name}: binding missing — ${what}`);
  }
  return binding;
}

/**
 * Services for one invocation. Connections cannot outlive a Worker request, so each invocation
 * opens its own (Hyperdrive pools them) and closes it when done.
 */
function scope(env: Env): Scope {
  let handle: DatabaseHandle | undefined;
  let built: Promise<Services> | undefined;
  const build = async (): Promise<Services> => {
    const config = configFrom(env);
    const blobs = r2BlobStore(required(env.BLOBS, "BLOBS", "an R2 bucket for uploaded audio"));
    const jobs = required(env.JOBS, "JOBS", "a Queue producer for background jobs");
    const url = env.HYPERDRIVE?.connectionString ?? config.DATABASE_URL!;
    handle = openPostgres(url, { max: 5 });
    const { db } = handle;
    const logger = jsonLogger(config.LOG_LEVEL, (line) => console.log(line.trimEnd()));
    if (limiter?.perMinute !== config.DEBRIEF_RATE_LIMIT_PER_MINUTE) {
      limiter = {
        perMinute: config.DEBRIEF_RATE_LIMIT_PER_MINUTE,
        limiter: memoryRateLimiter(config.DEBRIEF_RATE_LIMIT_PER_MINUTE),
      };
    }
    const services = createServices(config, {
      db,
      blobs,
      queue: cfJobQueue(jobs, db),
      rateLimiter: limiter.limiter,
      logger,
    });
    // A failed set-up (database down) is retried by the next request; meanwhile /health reports it.
    ready ??= setUp(services).catch((err: unknown) => {
      ready = undefined;
      logger.error("set-up failed (migrations / first organization)", { error: describeError(err).message });
    });
    await ready;
    return services;
  };
  return {
    services: () => {
      built ??= build();
      return built;
    },
    close: async () => {
      await handle?.close();
    },
  };
}

/** First request of an isolate: apply pending migrations; create the first organization if asked to. */
async function setUp(services: Services): Promise<void> {
  const { applied, backfilled } = await prepareDatabase(services.db);
  if (applied.length > 0) services.logger.info("migrations applied", { applied });
  if (backfilled > 0) services.logger.info("call metrics backfilled", { calls: backfilled });
  // A generated key could only be shown in logs, so the Worker bootstraps only with a chosen one.
  if (services.config.DEBRIEF_ADMIN_KEY) {
    const boot = await bootstrap(services.db, { adminKey: services.config.DEBRIEF_ADMIN_KEY });
    if (boot) services.logger.info("created the first organization", { orgId: boot.orgId });
  }
}

// The app is built once per isolate; each request finds its own services through its Request.
const scopes = new WeakMap<object, Scope>();
const app = createApp({
  services: (c) => {
    const s = scopes.get(c.req.raw);
    if (!s) throw new DebriefError("internal", "no services for this request");
    return s.services();
  },
  // Set by Cloudflare's edge to the connecting client; a client cannot forge it.
  clientAddress: (c) => c.req.header("cf-connecting-ip"),
});

export default {
  async fetch(request: Request, env: Env, ctx: ExecutionContext): Promise<Response> {
    const s = scope(env);
    scopes.set(request, s);
    try {
      return await app.fetch(request, env, ctx);
    } finally {
      ctx.waitUntil(s.close());
    }
  },

  /** Queue consumer: run each job message with the same claim/lease/backoff rules as on Node. */
  async queue(batch: MessageBatch<unknown>, env: Env, ctx: ExecutionContext): Promise<void> {
    const s = scope(env);
    try {
      const services = await s.services();
      await Promise.all(
        batch.messages.map(async (message) => {
          try {
            const r = await handleJobMessage(services, message.body, JOB_OPTIONS);
            if (r.action === "ack") message.ack();
            else message.retry({ delaySeconds: r.delaySeconds });
          } catch (err) {
            // Unexpected (e.g. the database is down): try the message again a little later.
            services.logger.error("job message failed", {
              messageId: message.id,
              error: describeError(err).message,
            });
            message.retry({ delaySeconds: 30 });
          }
        }),
      );
    } finally {
      ctx.waitUntil(s.close());
    }
  },

  /**
   * Cron safety net: re-enqueue webhook, write-back and CRM-apply work whose job was lost (the sync
   * sweep, which sends the new jobs' messages), then re-send jobs whose message was lost (send
   * failed, deliveries exhausted).
   */
  async scheduled(_controller: ScheduledController, env: Env, ctx: ExecutionContext): Promise<void> {
    const s = scope(env);
    try {
      const services = await s.services();
      const swept = await sweepSync(services);
      if (swept.dispatch + swept.deliver + swept.writeback + swept.apply > 0)
        services.logger.warn("sync sweep re-enqueued orphaned work", { ...swept });
      const resent = await sweepStaleJobs(services.db, required(env.JOBS, "JOBS", "a Queue producer"), {
        now: services.now(),
      });
      if (resent > 0) services.logger.warn("re-sent overdue jobs", { resent });
    } finally {
      ctx.waitUntil(s.close());
    }
  },
};
