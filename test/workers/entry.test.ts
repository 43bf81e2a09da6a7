import type { ExecutionContext, Message, MessageBatch } from "@cloudflare/workers-types/index.js";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../src/db/database.js";
import { migrate } from "../../src/db/migrate.js";
import { openPostgres } from "../../src/db/postgres.js";
import { jobs } from "../../src/db/schema/index.js";
import worker, { type Env } from "../../src/entry/worker.js";
import type { JobMessage } from "../../src/jobs/cf-queue.js";
import { createTempDatabase, TEST_DATABASE_URL } from "../helpers/db.js";
import { seedOrphanedDelivery } from "../integrations/helpers.js";
import { callRow, jobRow, seedAudioCall } from "../jobs/helpers.js";

/**
 * The Worker entry's glue, run on Node with stub bindings (fast, no workerd): configuration errors
 * become a 500 problem naming the variable, and the queue handler acks/retries per job outcome.
 * test/workers/wrangler.test.ts runs the same entry for real under workerd.
 */

function executionContext(): ExecutionContext & { settle: () => Promise<void> } {
  const pending: Promise<unknown>[] = [];
  const ctx = {
    waitUntil: (p: Promise<unknown>) => {
      pending.push(p);
    },
    passThroughOnException: () => {},
    props: {},
    settle: async () => {
      await Promise.allSettled(pending);
    },
  };
  return ctx as unknown as ExecutionContext & { settle: () => Promise<void> };
}

const stubBindings = {
  BLOBS: {} as Env["BLOBS"],
  JOBS: {
    send: async () => ({ metadata: { metrics: { backlogCount: 0, backlogBytes: 0 } } }),
  } as unknown as Env["JOBS"],
};

async function problemFor(env: Env): Promise<{ status: number; detail: string; code: string }> {
  const ctx = executionContext();
  const res = await worker.fetch(new Request("http://worker.test/health"), env, ctx);
  await ctx.settle();
  expect(res.headers.get("content-type")).toMatch(/application\/problem\+json/);
  return { status: res.status, ...((await res.json()) as { detail: string; code: string }) };
}

describe("Worker entry configuration", () => {
  it("answers a clear 500 naming a missing database", async () => {
    const p = await problemFor({ ...stubBindings });
    expect(p).toMatchObject({ status: 500, code: "config.invalid" });
    expect(p.detail).toMatch(/DATABASE_URL: set it \(or bind HYPERDRIVE/);
  });

  it("names an invalid variable", async () => {
    const p = await problemFor({ ...stubBindings, DATABASE_URL: "not a url", LOG_LEVEL: "loud" });
    expect(p.status).toBe(500);
    expect(p.detail).toContain("DATABASE_URL: DATABASE_URL must be a postgres:// URL");
    expect(p.detail).toMatch(/LOG_LEVEL/);
  });

  it("names a missing binding", async () => {
    const p = await problemFor({ JOBS: stubBindings.JOBS, DATABASE_URL: "postgres://127.0.0.1:1/x" });
    expect(p.status).toBe(500);
    expect(p.detail).toMatch(/BLOBS: binding missing/);
  });
});

describe.skipIf(!TEST_DATABASE_URL)("Worker entry queue consumer (real PostgreSQL)", () => {
  let temp: { url: string; drop: () => Promise<void> };
  let handle: DatabaseHandle;
  beforeAll(async () => {
    temp = await createTempDatabase(TEST_DATABASE_URL!);
    handle = openPostgres(temp.url, { max: 2 });
    await migrate(handle.db);
  });
  afterAll(async () => {
    await handle?.close();
    await temp?.drop();
  });

  it("claims and runs each message's job, acking final outcomes and malformed messages", async () => {
    const { jobId, callId } = await seedAudioCall(handle.db);
    const outcomes: Record<string, string> = {};
    const message = (id: string, body: unknown): Message<unknown> =>
      ({
        id,
        body,
        attempts: 1,
        timestamp: new Date(),
        ack: () => {
          outcomes[id] = "ack";
        },
        retry: (o?: { delaySeconds?: number }) => {
          outcomes[id] = `retry ${o?.delaySeconds}`;
        },
      }) as Message<unknown>;
    const batch = {
      queue: "debrief-jobs",
      messages: [message("m1", { jobId } satisfies JobMessage), message("m2", { job: 1 })],
      metadata: { metrics: { backlogCount: 0, backlogBytes: 0 } },
      ackAll: () => {},
      retryAll: () => {},
    } as MessageBatch<unknown>;
    const ctx = executionContext();
    // No DEEPGRAM_API_KEY: the transcribe job fails at once (not retryable) — and nothing goes online.
    await worker.queue(batch, { ...stubBindings, DATABASE_URL: temp.url, LOG_LEVEL: "silent" }, ctx);
    await ctx.settle();
    expect(outcomes).toEqual({ m1: "ack", m2: "ack" });
    expect(await jobRow(handle.db, jobId)).toMatchObject({ status: "failed", attempts: 1 });
    expect((await callRow(handle.db, callId)).failure).toMatchObject({
      code: "transcription.not_configured",
    });
  });

  it("scheduled(): the sync sweep re-enqueues an orphaned delivery and sends its message once", async () => {
    const { deliveryId } = await seedOrphanedDelivery(handle.db);
    const sent: unknown[] = [];
    const JOBS = {
      send: async (body: unknown) => {
        sent.push(body);
      },
    } as unknown as Env["JOBS"];
    const env = { ...stubBindings, JOBS, DATABASE_URL: temp.url, LOG_LEVEL: "silent" };
    const run = async () => {
      const ctx = executionContext();
      await worker.scheduled({} as never, env, ctx);
      await ctx.settle();
    };
    await run();
    const [job] = await handle.db
      .select()
      .from(jobs)
      .where(and(eq(jobs.kind, "webhooks.deliver"), eq(jobs.subject, deliveryId)));
    expect(job).toMatchObject({ status: "queued", payload: { deliveryId } });
    expect(sent).toContainEqual({ jobId: job!.id });
    await run(); // the job is live: nothing new, and not overdue, so not re-sent either
    expect(sent.filter((m) => (m as JobMessage).jobId === job!.id)).toHaveLength(1);
  });
});
