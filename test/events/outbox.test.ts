import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setCallStatus } from "../../src/calls/status.js";
import type { DatabaseHandle } from "../../src/db/database.js";
import { calls, events } from "../../src/db/schema/index.js";
import { JobError } from "../../src/errors.js";
import { readEvents } from "../../src/events/outbox.js";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { testDatabases } from "../helpers/db.js";
import { scriptedTranscriber } from "../jobs/helpers.js";

describe.each(testDatabases)("events outbox on $name", (database) => {
  let handle: DatabaseHandle;
  let t: TestApp;
  beforeAll(async () => {
    handle = await database.open();
    t = await createTestApp(handle.db, {
      transcriber: scriptedTranscriber([new JobError("transcription.failed", "unsupported codec", false)]),
    });
  });
  afterAll(async () => {
    await handle?.close();
  });

  async function upload(body: Record<string, unknown>): Promise<string> {
    const res = await t.request("/v1/calls", {
      method: "POST",
      headers: t.auth(t.adminKey, { "content-type": "application/json" }),
      body: JSON.stringify({ crmDealId: "deal_9", ...body }),
    });
    expect(res.status).toBe(202);
    return ((await res.json()) as { id: string }).id;
  }

  it("writes call.analyzed, call.coached, call.failed and call.deleted, read in order after a seq", async () => {
    const start =
      (await readEvents({ db: handle.db, orgId: t.orgId, afterSeq: 0, limit: 1000 })).at(-1)?.seq ?? 0;
    const id = await upload({ transcript: "Dana: What brought you here today?\nSam: Our notes are a mess." });
    await t.runJobs(); // coach
    const audio = await upload({ audioUrl: "https://audio.example.test/a.mp3" });
    await t.runJobs(); // transcribe fails for good
    const del = await t.request(`/v1/calls/${id}`, { method: "DELETE", headers: t.auth(t.adminKey) });
    expect(del.status).toBe(204);

    const seen = await readEvents({ db: handle.db, orgId: t.orgId, afterSeq: start, limit: 100 });
    expect(seen.map((e) => [e.type, e.subject])).toEqual([
      ["call.analyzed", id],
      ["call.coached", id],
      ["call.failed", audio],
      ["call.deleted", id],
    ]);
    expect(seen[0]).toMatchObject({
      orgId: t.orgId,
      payload: {
        callId: id,
        status: "done",
        coachingStatus: "pending",
        repUserId: null,
        crmDealId: "deal_9",
      },
    });
    expect(seen[0]!.id).toMatch(/^evt_/);
    expect(seen[2]!.payload).toMatchObject({ callId: audio, status: "failed" });
    expect(JSON.stringify(seen)).not.toMatch(/notes are a mess/); // no content in events
    const seqs = seen.map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));

    // Paging and scoping.
    const page = await readEvents({ db: handle.db, orgId: t.orgId, afterSeq: seqs[1]!, limit: 1 });
    expect(page.map((e) => e.type)).toEqual(["call.failed"]);
    expect(await readEvents({ db: handle.db, afterSeq: start, limit: 10, orgId: "org_other" })).toEqual([]);
  });

  it("a transaction that fails after the status write leaves neither the status nor the event", async () => {
    const id = await upload({ transcript: "Dana: Any questions so far?\nSam: None." });
    const [before] = await handle.db.select().from(calls).where(eq(calls.id, id));
    const eventsBefore = (await handle.db.select().from(events).where(eq(events.subject, id))).length;
    await expect(
      handle.db.transaction(async (tx) => {
        const row = await setCallStatus(tx, {
          call: { id, orgId: t.orgId },
          now: new Date(),
          status: "failed",
          failure: { code: "internal", message: "boom", attempts: 1 },
        });
        expect(row?.status).toBe("failed");
        throw new Error("crash after the status write");
      }),
    ).rejects.toThrow(/crash after the status write/);
    const [after] = await handle.db.select().from(calls).where(eq(calls.id, id));
    expect(after).toMatchObject({ status: before!.status, failure: null });
    expect(await handle.db.select().from(events).where(eq(events.subject, id))).toHaveLength(eventsBefore);
  });

  it.runIf(database.name === "postgres")(
    "writers never wait for each other, and an event committed late is read after what was read before",
    async () => {
      const a = await upload({ transcript: "Dana: First one?\nSam: Yes." });
      const b = await upload({ transcript: "Dana: Second one?\nSam: Yes." });
      const read = (afterSeq: number) => readEvents({ db: handle.db, orgId: t.orgId, afterSeq, limit: 100 });
      const start = (await read(0)).at(-1)?.seq ?? 0;
      let release: () => void = () => {};
      const gate = new Promise<void>((r) => {
        release = r;
      });
      const fail = (id: string) => ({
        call: { id, orgId: t.orgId },
        now: new Date(),
        status: "failed" as const,
        failure: { code: "internal", message: "x", attempts: 1 },
      });
      // a writes its event first but commits last.
      const first = handle.db.transaction(async (tx) => {
        await setCallStatus(tx, fail(a));
        await gate;
      });
      await new Promise((r) => setTimeout(r, 100));
      await handle.db.transaction(async (tx) => {
        await setCallStatus(tx, fail(b));
      }); // commits while a is still open: no lock between writers
      const early = await read(start);
      expect(early.map((e) => e.subject)).toEqual([b]);
      release();
      await first;
      const late = await read(early.at(-1)!.seq);
      expect(late.map((e) => e.subject)).toEqual([a]);
      expect(late[0]!.seq).toBeGreaterThan(early[0]!.seq);
      // Numbers are given once: reading again from the start finds the same order.
      expect((await read(start)).map((e) => e.subject)).toEqual([b, a]);
    },
  );
});
