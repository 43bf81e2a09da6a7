/**
 * Child process of test/jobs/crash.test.ts: runs job workers against DATABASE_URL (argv[2]) with a
 * transcriber that announces the job it started on stdout and then never returns — the test
 * SIGKILLs this process mid-job. Run with `node --import tsx test/jobs/crash-child.ts <url>`.
 */
import { openPostgres } from "../../src/db/postgres.js";
import { startWorkers } from "../../src/jobs/poller.js";
import type { Transcriber } from "../../src/services.js";
import { jobServices } from "./helpers.js";

const url = process.argv[2];
if (!url) {
  process.stderr.write("usage: crash-child.ts <database url>\n");
  process.exit(2);
}
const { db } = openPostgres(url, { max: 2 });
const blocking: Transcriber = {
  transcribe(audio) {
    process.stdout.write(`started ${audio.kind === "url" ? audio.url : "stream"}\n`);
    return new Promise(() => {}); // hang until killed
  },
};
startWorkers(jobServices(db, blocking), {
  concurrency: 1,
  pollIntervalMs: 50,
  leaseMs: 1_000,
  heartbeatMs: 200,
});
process.stdout.write("ready\n");
