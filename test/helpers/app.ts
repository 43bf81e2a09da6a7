import { bootstrap, createKey, createUser } from "../../src/admin/operations.js";
import { createApp } from "../../src/app.js";
import { memoryBlobStore } from "../../src/blobs/memory.js";
import { runCoaching } from "../../src/coaching-service/run.js";
import { createServices } from "../../src/compose.js";
import { type Config, loadConfig } from "../../src/config/env.js";
import type { Database } from "../../src/db/database.js";
import type { UserRole } from "../../src/db/schema/index.js";
import { executeJob } from "../../src/jobs/executor.js";
import { claimJob } from "../../src/jobs/store.js";
import type { Logger, Services, Transcriber } from "../../src/services.js";

export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };

export interface TestAppOptions {
  config?: Partial<Config>;
  transcriber?: Transcriber | null;
  coach?: Services["coach"];
  now?: () => Date;
  /** The outbound URL guard's resolver (tests never use real DNS). */
  resolve?: Services["resolve"];
  /** Where the logs go (default: nowhere). */
  logger?: Logger;
  /** Where CPU tasks run (default: inline); the worker pool to test the Node server's path. */
  cpu?: Services["cpu"];
  /** Coach uploads in their request, as the Node server does (`Services.coachOnUpload`). */
  coachOnUpload?: boolean;
}

/**
 * The app on a given database with in-memory blobs, the Postgres job queue and no transcriber
 * (unless given), plus helpers to make users and keys. Requests go through `app.request`.
 *
 * @example
 * const t = await createTestApp(db);
 * const res = await t.request("/v1/calls", { headers: t.auth(t.adminKey) });
 */
export async function createTestApp(db: Database, options: TestAppOptions = {}) {
  const config: Config = { ...loadConfig({ DEBRIEF_SEED_DEMO: "false" }), ...options.config };
  const blobs = memoryBlobStore();
  const services = createServices(config, {
    db,
    blobs,
    transcriber: options.transcriber ?? null,
    // The rules engine, as on a server without OPENAI_API_KEY (on `cpu` when one is given).
    coach: options.coach ?? ((input) => runCoaching(input, { cpu: options.cpu })),
    logger: options.logger ?? silentLogger,
    ...(options.now ? { now: options.now } : {}),
    ...(options.resolve ? { resolve: options.resolve } : {}),
    ...(options.cpu ? { cpu: options.cpu } : {}),
    ...(options.coachOnUpload ? { coachOnUpload: true } : {}),
  });
  const app = createApp({ services: () => services });
  const boot = await bootstrap(db, { orgName: "Test Org" });
  if (!boot) throw new Error("createTestApp needs an empty database");
  const adminActor = {
    orgId: boot.orgId,
    userId: boot.adminUserId,
    role: "admin" as const,
    keyId: "boot",
    operator: true,
  };

  return {
    app,
    services,
    blobs,
    orgId: boot.orgId,
    adminKey: boot.key,
    adminUserId: boot.adminUserId,
    request: (path: string, init?: RequestInit) => app.request(path, init),
    auth: (key: string, extra: Record<string, string> = {}) => ({ authorization: `Bearer ${key}`, ...extra }),
    /** Run every job that is due (coaching, transcription) as a worker would; returns how many ran. */
    async runJobs() {
      let n = 0;
      for (;;) {
        const job = await claimJob(db, { leaseMs: 60_000, now: services.now() });
        if (!job) return n;
        await executeJob(services, job, { leaseMs: 60_000 });
        n++;
      }
    },
    /** A user of the test org with their own key. */
    async user(role: UserRole, name: string = role) {
      const ctx = { services, actor: adminActor };
      const user = await createUser(ctx, {
        email: `${name}.${Math.random().toString(36).slice(2)}@example.test`,
        name,
        role,
      });
      const key = await createKey(ctx, { userId: user.id, name: `${name} key` });
      return { id: user.id, key: key.key, keyId: key.id };
    },
  };
}
export type TestApp = Awaited<ReturnType<typeof createTestApp>>;
