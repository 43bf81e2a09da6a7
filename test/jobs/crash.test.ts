import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../src/db/database.js";
import { migrate } from "../../src/db/migrate.js";
import { openPostgres } from "../../src/db/postgres.js";
import { calls, jobs } from "../../src/db/schema/index.js";
import { startWorkers } from "../../src/jobs/poller.js";
import { createTempDatabase, TEST_DATABASE_URL } from "../helpers/db.js";
import { callRow, jobRow, jobServices, scriptedTranscriber, seedAudioCall, waitFor } from "./helpers.js";

const CHILD = fileURLToPath(new URL("./crash-child.ts", import.meta.url));
const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** Resolves with the first stdout line matching `pattern` (rejects if the child exits first). */
function waitForLine(child: ChildProcess, pattern: RegExp, timeoutMs = 15_000): Promise<string> {
  return new Promise((resolve, reject) => {
    let buffer = "";
    let stderr = "";
    const timer = setTimeout(
      () => fail(new Error(`child printed no ${pattern} within ${timeoutMs} ms`)),
      timeoutMs,
    );
    const onData = (chunk: Buffer) => {
      buffer += chunk.toString();
      const line = buffer.split("\n").find((l) => pattern.test(l));
      if (line) {
        cleanup();
        resolve(line);
      }
    };
    const onErr = (chunk: Buffer) => {
      stderr += chunk.toString();
    };
    const onExit = (code: number | null) =>
      fail(new Error(`child exited (${code}) early: ${stderr.slice(-2000)}`));
    function cleanup() {
      clearTimeout(timer);
      child.stdout?.off("data", onData);
      child.stderr?.off("data", onErr);
      child.off("exit", onExit);
    }
    function fail(err: Error) {
      cleanup();
      reject(err);
    }
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onErr);
    child.on("exit", onExit);
  });
}

// A worker process dies mid-job (SIGKILL: no cleanup, no lease release). Its lease expires and
// another worker takes the job over; nothing is lost or run to completion twice.
describe.skipIf(!TEST_DATABASE_URL)("job worker crash recovery (real PostgreSQL)", () => {
  let temp: { url: string; drop: () => Promise<void> };
  let handle: DatabaseHandle;
  let child: ChildProcess | undefined;

  beforeAll(async () => {
    temp = await createTempDatabase(TEST_DATABASE_URL!);
    handle = openPostgres(temp.url, { max: 3 });
    await migrate(handle.db);
  });
  afterAll(async () => {
    if (child && child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    await handle?.close();
    await temp?.drop();
  });

  it("a job whose worker was SIGKILLed is taken over after its lease and completes", async () => {
    const { db } = handle;
    const victim = await seedAudioCall(db);
    // Queued behind the victim: the dead worker never got to them.
    const others = [await seedAudioCall(db), await seedAudioCall(db)];

    child = spawn(process.execPath, ["--import", "tsx", CHILD, temp.url], {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, NODE_OPTIONS: "" },
    });
    await waitForLine(child, /^started /);
    const running = await jobRow(db, victim.jobId);
    expect(running).toMatchObject({ status: "running", attempts: 1 });
    expect((await callRow(db, victim.callId)).status).toBe("transcribing");

    const exited = new Promise((r) => child?.once("exit", r));
    child.kill("SIGKILL");
    await exited;

    const transcriber = scriptedTranscriber(["ok"]);
    const workers = startWorkers(jobServices(db, transcriber), {
      concurrency: 2,
      pollIntervalMs: 100,
      leaseMs: 1_000,
    });
    try {
      await waitFor(async () => {
        const rows = await db.select({ status: jobs.status }).from(jobs);
        return rows.every((r) => r.status === "done");
      }, 15_000);
    } finally {
      await workers.stop();
    }

    expect(await jobRow(db, victim.jobId)).toMatchObject({ status: "done", attempts: 2 });
    const call = await callRow(db, victim.callId);
    expect(call.status).toBe("done");
    expect(call.failure).toBeNull();
    expect(call.analysis?.file).toBe("call.mp3");
    for (const o of others) {
      expect(await jobRow(db, o.jobId)).toMatchObject({ status: "done", attempts: 1 });
      expect((await callRow(db, o.callId)).status).toBe("done");
    }
    // Nothing lost, nothing duplicated: three calls, each transcribed once by the survivor and then
    // coached (the transcribe job queues a coach job).
    expect(await db.select({ id: calls.id }).from(calls)).toHaveLength(3);
    const transcribed = await db
      .select({ id: jobs.id })
      .from(jobs)
      .where(and(eq(jobs.kind, "transcribe"), eq(jobs.status, "done")));
    expect(transcribed).toHaveLength(3);
    expect(transcriber.calls).toBe(3);
    for (const id of [victim.callId, ...others.map((o) => o.callId)]) {
      expect((await callRow(db, id)).coachingStatus).toBe("done");
    }
  }, 30_000);
});
