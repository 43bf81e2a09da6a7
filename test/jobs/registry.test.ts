import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { createOrganization } from "../../src/admin/operations.js";
import { newId } from "../../src/auth/keys.js";
import type { DatabaseHandle } from "../../src/db/database.js";
import { type Job, jobs } from "../../src/db/schema/index.js";
import { JobError } from "../../src/errors.js";
import { executeJob } from "../../src/jobs/executor.js";
import { type JobFailure, type JobHandler, jobRegistry } from "../../src/jobs/registry.js";
import { claimJob, enqueue } from "../../src/jobs/store.js";
import { testDatabases } from "../helpers/db.js";
import { jobRow, jobServices } from "./helpers.js";

/** A handler that records its runs and final failures, failing with `errors` in order. */
function recorder(kind: string, errors: Error[] = []) {
  const runs: Job[] = [];
  const finalFailures: JobFailure[] = [];
  const handler: JobHandler = {
    kind,
    payload: z.object({ to: z.string() }),
    async run(_ctx, job) {
      runs.push(job);
      const e = errors[runs.length - 1];
      if (e) throw e;
    },
    async onFinalFailure(_ctx, _job, failure) {
      finalFailures.push(failure);
    },
  };
  return { handler, runs, finalFailures };
}

describe("job registry", () => {
  it("refuses duplicate and malformed kinds, and unknown kinds on lookup", () => {
    const a = recorder("webhook.deliver").handler;
    expect(() => jobRegistry([a, a])).toThrow(/registered twice/);
    expect(() => jobRegistry([{ ...a, kind: "Bad Kind" }])).toThrow(/not a valid kind/);
    const registry = jobRegistry([a]);
    expect(registry.kinds).toEqual(["webhook.deliver"]);
    expect(registry.get("webhook.deliver")).toBe(a);
    expect(() => registry.get("crm.import")).toThrow(/no handler for job kind 'crm.import'/);
  });
});

describe.each(testDatabases)("generic jobs on $name", (database) => {
  let handle: DatabaseHandle;
  let orgId: string;
  beforeAll(async () => {
    handle = await database.open();
    orgId = (
      await createOrganization(handle.db, { name: "Hooks Co", adminEmail: `ops.${newId("x")}@example.test` })
    ).orgId;
  });
  afterAll(async () => {
    await handle?.close();
  });

  it("enqueue refuses an unknown kind or a bad payload and writes nothing", async () => {
    const { db } = handle;
    const registry = jobRegistry([recorder("webhook.deliver").handler]);
    await expect(
      db.transaction((tx) => enqueue(tx, registry, { kind: "crm.import", orgId, subject: "x" })),
    ).rejects.toThrow(/unknown job kind 'crm.import'/);
    await expect(
      db.transaction((tx) =>
        enqueue(tx, registry, { kind: "webhook.deliver", orgId, subject: "x", payload: { to: 1 } }),
      ),
    ).rejects.toThrow(/invalid payload/);
    expect(await db.select().from(jobs).where(eq(jobs.subject, "x"))).toEqual([]);
  });

  it("a job written in a transaction that rolls back does not exist", async () => {
    const { db } = handle;
    const registry = jobRegistry([recorder("webhook.deliver").handler]);
    let id = "";
    await expect(
      db.transaction(async (tx) => {
        id = (await enqueue(tx, registry, { kind: "webhook.deliver", orgId, payload: { to: "a" } })).id;
        throw new Error("the caller's own write failed");
      }),
    ).rejects.toThrow(/own write failed/);
    expect(await db.select().from(jobs).where(eq(jobs.id, id))).toEqual([]);
  });

  it("runs the handler of the job's kind with its subject and payload", async () => {
    const { db } = handle;
    const hooks = recorder("webhook.deliver");
    const other = recorder("crm.import");
    const services = { ...jobServices(db, null), jobs: jobRegistry([hooks.handler, other.handler]) };
    const queued = await db.transaction((tx) =>
      enqueue(tx, services.jobs, {
        kind: "webhook.deliver",
        orgId,
        subject: "evt_1",
        payload: { to: "https://hooks.example.test/in" },
      }),
    );
    expect(queued).toMatchObject({ kind: "webhook.deliver", orgId, subject: "evt_1" });
    const job = (await claimJob(db, { leaseMs: 30_000, now: new Date(), jobId: queued.id }))!;
    expect(await executeJob(services, job)).toEqual({ kind: "done" });
    expect(hooks.runs).toHaveLength(1);
    expect(hooks.runs[0]).toMatchObject({
      subject: "evt_1",
      payload: { to: "https://hooks.example.test/in" },
    });
    expect(other.runs).toHaveLength(0);
    expect(hooks.finalFailures).toEqual([]);
  });

  it("calls onFinalFailure once, on the final failure only", async () => {
    const { db } = handle;
    const flaky = recorder("webhook.deliver", [
      new JobError("upstream.unavailable", "503", true),
      new JobError("upstream.unavailable", "503 again", true),
    ]);
    const services = { ...jobServices(db, null), jobs: jobRegistry([flaky.handler]) };
    const t0 = new Date();
    const queued = await db.transaction((tx) =>
      enqueue(tx, services.jobs, {
        kind: "webhook.deliver",
        orgId,
        payload: { to: "x" },
        maxAttempts: 2,
        runAt: t0,
      }),
    );
    const first = (await claimJob(db, { leaseMs: 30_000, now: t0, jobId: queued.id }))!;
    expect((await executeJob(services, first, { backoff: { random: () => 0 } })).kind).toBe("retry");
    expect(flaky.finalFailures).toEqual([]);
    const second = (await claimJob(db, { leaseMs: 30_000, now: new Date(), jobId: queued.id }))!;
    expect(await executeJob(services, second)).toEqual({
      kind: "failed",
      failure: { code: "upstream.unavailable", message: "503 again", attempts: 2 },
    });
    expect(flaky.finalFailures).toEqual([
      { code: "upstream.unavailable", message: "503 again", attempts: 2 },
    ]);
    // Delivered again after the failure (e.g. a duplicate queue message): nothing runs, no second call.
    expect(await claimJob(db, { leaseMs: 30_000, now: new Date(), jobId: queued.id })).toBeNull();
    expect(flaky.runs).toHaveLength(2);
    expect(flaky.finalFailures).toHaveLength(1);
  });

  it("fails a job of a kind nobody handles (any more) at once", async () => {
    const { db } = handle;
    const services = { ...jobServices(db, null), jobs: jobRegistry([]) };
    const id = newId("job");
    // run_at set here: the column's default is the server's clock, finer than a JS Date, so a
    // claim at `new Date()` could see the job as not yet due.
    const now = new Date();
    await db.insert(jobs).values({ id, orgId, kind: "retired.kind", runAt: now });
    const job = (await claimJob(db, { leaseMs: 30_000, now, jobId: id }))!;
    expect(await executeJob(services, job)).toMatchObject({ kind: "failed", failure: { code: "internal" } });
    expect((await jobRow(db, id)).lastError).toMatch(/no handler for job kind 'retired.kind'/);
  });
});
