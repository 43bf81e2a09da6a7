/**
 * The Node entry: `startNodeServer` (used by `debrief serve`), and run directly —
 * `node dist/src/entry/node.js` — it starts the API server with the job workers, the same as
 * `debrief serve`. Configuration comes from the environment (see README).
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { serve } from "@hono/node-server";
import { getConnInfo } from "@hono/node-server/conninfo";
import { bootstrap } from "../admin/operations.js";
import { createApp } from "../app.js";
import { cleanInterruptedUploads, fsBlobStore } from "../blobs/fs.js";
import { createServices, prepareDatabase } from "../compose.js";
import type { Config } from "../config/env.js";
import { defaultPoolSize, workerPool } from "../cpu/worker-pool.js";
import { describeDatabase, openDatabase } from "../db/open.js";
import { pgJobQueue } from "../jobs/pg-queue.js";
import { startWorkers } from "../jobs/poller.js";
import { jsonLogger } from "../logger.js";
import { nodeResolver } from "../net/node-resolver.js";
import { defaultDemoDir, loadDemoManifest, seedDemo } from "../seed/demo.js";
import type { Services } from "../services.js";
import { startSyncSweep } from "../webhooks/sweep.js";

export interface RunningServer {
  url: string;
  services: Services;
  stop: () => Promise<void>;
}

/**
 * The Node server: open the database (PGlite under DEBRIEF_DATA_DIR unless DATABASE_URL is set),
 * apply migrations, create the first organization on an empty database (seeding the demo calls
 * unless DEBRIEF_SEED_DEMO=false), start the job workers and listen on PORT.
 */
export async function startNodeServer(config: Config, out: (line: string) => void): Promise<RunningServer> {
  const logger = jsonLogger(config.LOG_LEVEL, (l) => process.stderr.write(l));
  const handle = await openDatabase(config);
  const { applied, backfilled } = await prepareDatabase(handle.db);
  if (applied.length > 0) logger.info("migrations applied", { applied });
  if (backfilled > 0) logger.info("call metrics backfilled", { calls: backfilled });

  let wake = () => {};
  const blobDir = join(config.DEBRIEF_DATA_DIR, "blobs");
  // Uploads interrupted by a crash (kill -9) leave temp files that no request will ever finish.
  const { removed } = await cleanInterruptedUploads(blobDir);
  if (removed.length > 0) logger.info("interrupted uploads removed", { files: removed.length });
  const services = createServices(config, {
    db: handle.db,
    blobs: fsBlobStore(blobDir),
    queue: pgJobQueue(handle.db, () => wake()),
    logger,
    // Uploads are parsed and analysed, and calls coached, on worker threads: one large file stalls
    // no other tenant.
    cpu: workerPool(config.DEBRIEF_CPU_THREADS || defaultPoolSize()),
    // Without OpenAI an upload is coached in its request, on that pool: a job per call cost more
    // than the coaching itself (docs/benchmarks.md, API throughput).
    coachOnUpload: true,
    resolve: nodeResolver,
  });

  const demoDir = defaultDemoDir();
  const demo =
    config.DEBRIEF_SEED_DEMO && existsSync(join(demoDir, "manifest.json"))
      ? await loadDemoManifest(demoDir)
      : null;
  const boot = await bootstrap(handle.db, {
    adminKey: config.DEBRIEF_ADMIN_KEY,
    orgName: demo?.organization.name ?? "Debrief",
  });
  let seeded: Awaited<ReturnType<typeof seedDemo>> | null = null;
  if (boot && demo)
    seeded = await seedDemo(services, { dir: demoDir, orgId: boot.orgId, adminUserId: boot.adminUserId });

  const workers = startWorkers(services, { concurrency: config.DEBRIEF_WORKERS });
  wake = () => workers.wake();
  // Re-enqueues webhook, write-back and CRM-apply work whose job was lost (src/webhooks/sweep.ts).
  const sweeper =
    config.DEBRIEF_SYNC_SWEEP_SEC > 0 ? startSyncSweep(services, config.DEBRIEF_SYNC_SWEEP_SEC * 1000) : null;
  const app = createApp({ services: () => services, clientAddress: (c) => getConnInfo(c).remote.address });
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: config.PORT }, () => resolve(s));
    s.once("error", reject);
  });
  const url = `http://localhost:${config.PORT}`;

  out(`Debrief API listening on ${url}  (docs: ${url}/docs, health: ${url}/health)`);
  out(`Database: ${describeDatabase(config)}; files: ${join(config.DEBRIEF_DATA_DIR, "blobs")}`);
  if (!services.transcriber) out("Audio transcription is off: set DEEPGRAM_API_KEY to accept audio uploads.");
  out(
    config.OPENAI_API_KEY
      ? `Coaching engine: OpenAI-compatible model ${config.OPENAI_MODEL}${config.OPENAI_BASE_URL ? ` at ${config.OPENAI_BASE_URL}` : ""}.`
      : "Coaching engine: deterministic rules (set OPENAI_API_KEY to use an OpenAI-compatible model).",
  );
  if (boot) {
    out(
      boot.generated
        ? `Admin API key (shown once — store it now): ${boot.key}`
        : "Admin API key: the value of DEBRIEF_ADMIN_KEY",
    );
    if (seeded) out(`Seeded the demo organization: ${seeded.users.length} users, ${seeded.calls} calls.`);
    out(
      `Try: curl -H "Authorization: Bearer ${boot.generated ? boot.key : "$DEBRIEF_ADMIN_KEY"}" ${url}/v1/calls`,
    );
  } else {
    // Keys are stored hashed, so the first start's key cannot be shown again.
    out("Existing database: the admin key was printed on first start. Lost it? Stop the server and run");
    out("  npx debrief keys create --user admin@debrief.local");
  }

  return {
    url,
    services,
    stop: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await sweeper?.stop();
      await workers.stop();
      await services.cpu.close();
      await handle.close();
    },
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const { runCli } = await import("../cli/main.js");
  process.exitCode = await runCli(["serve"]);
}
