import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { INLINE_JSON_MAX_BYTES } from "../../src/api/json-bodies.js";
import { createApp } from "../../src/app.js";
import { workerPool } from "../../src/cpu/worker-pool.js";
import { calls } from "../../src/db/schema/index.js";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { healthDuring, recording } from "../helpers/cpu.js";
import { testDatabases } from "../helpers/db.js";

/** A canonical transcript of `n` utterances with word timings (about 1.8 KB each in JSON). */
function canonical(n: number) {
  return {
    utterances: Array.from({ length: n }, (_, i) => ({
      speaker: i % 2 ? "Lee" : "Dana",
      start: i * 10,
      end: i * 10 + 9,
      text: "word ".repeat(25).trim(),
      words: Array.from({ length: 25 }, (_, k) => ({
        text: "word",
        start: i * 10 + k * 0.3,
        end: i * 10 + k * 0.3 + 0.2,
        confidence: 0.9,
      })),
    })),
  };
}

/**
 * A large JSON upload (a canonical transcript, up to 25 MB) is decoded, parsed and validated on
 * the CPU pool, its bytes moved there: the event loop keeps answering, and every refusal is the
 * same problem as for a small body.
 */
describe.each(testDatabases)("a large JSON upload read on the CPU pool, on $name", (database) => {
  let handle: Awaited<ReturnType<typeof database.open>>;
  let t: TestApp;
  let app: { request: TestApp["request"] };
  const cpu = recording(workerPool(1));
  const small = JSON.stringify(canonical(2));
  const big = JSON.stringify(canonical(4_000)); // ≈ 7 MB

  beforeAll(async () => {
    handle = await database.open();
    t = await createTestApp(handle.db);
    // The same services with the worker pool in place of the inline runner.
    const services = { ...t.services, cpu };
    app = createApp({ services: () => services });
  }, 300_000);
  afterAll(async () => {
    await cpu.close();
    await handle?.close();
  });

  const upload = (body: string | Uint8Array) =>
    app.request("/v1/calls", {
      method: "POST",
      headers: t.auth(t.adminKey, { "content-type": "application/json" }),
      body,
    });
  /** The problem document without what differs between any two requests. */
  const problemOf = async (res: Response) => {
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    const { instance: _i, requestId: _r, ...rest } = (await res.json()) as Record<string, unknown>;
    return { status: res.status, ...rest };
  };

  it("answers /health while a large body is parsed on the pool", async () => {
    expect(big.length).toBeGreaterThan(INLINE_JSON_MAX_BYTES);
    // Valid JSON, refused only by the walk after parsing: all the work is the body's reading.
    const body = `{"transcript":${big},"title":"a\\u0000b"}`;
    cpu.tasks.length = 0;
    const { order, health, res } = await healthDuring(app, () => upload(body));
    expect(health.status).toBe(200);
    expect(res.status).toBe(422);
    expect(order).toEqual(["health", "slow"]);
    expect(cpu.tasks).toEqual(["jsonUpload"]);
  });

  it("refuses a large body with exactly the problem a small one gets", async () => {
    const utf8 = (s: string) => new TextEncoder().encode(s);
    /** The body with one byte 0xFF in place of the "~" in it (not UTF-8). */
    const badByte = (s: string) => {
      const bytes = utf8(s);
      bytes[bytes.indexOf(0x7e)] = 0xff;
      return bytes;
    };
    const deep = `${"[".repeat(70)}${"]".repeat(70)}`;
    const cases: Array<[string, (transcript: string) => string | Uint8Array]> = [
      ["control character", (tr) => `{"title":"a\\u0000b","transcript":${tr}}`],
      ["control character in a key", (tr) => `{"transcript":${tr},"extra":{"k\\u0001":1}}`],
      // The transcript's text as a string: refused by the JSON rule (the schema does not scan it again).
      [
        "control character in the transcript's text",
        (tr) => `{"transcript":${JSON.stringify(`${tr}\u0001`)}}`,
      ],
      ["number out of range", (tr) => `{"transcript":${tr},"x":1e400}`],
      ["unpaired surrogate", (tr) => `{"transcript":${tr},"title":"a\\ud800b"}`],
      ["invalid JSON", (tr) => `{"title":"x",,"transcript":${tr}}`],
      ["truncated JSON", (tr) => `{"title":"x","transcript":${tr}`],
      ["nesting deeper than 64", (tr) => `{"transcript":${tr},"x":${deep}}`],
      ["invalid UTF-8", (tr) => badByte(`{"title":"~","transcript":${tr}}`)],
      ["schema: year 0000", (tr) => `{"occurredAt":"0000-01-01T00:00:00Z","transcript":${tr}}`],
      ["schema: unknown format", (tr) => `{"format":"doc","transcript":${tr}}`],
      ["schema: not an object", (tr) => `[${tr}]`],
      ["both transcript and audioUrl", (tr) => `{"audioUrl":"https://example.com/a.mp3","transcript":${tr}}`],
      // Checked after the body is read, on this thread: no transcriber on this server.
      ["audioUrl without Deepgram", (tr) => `{"audioUrl":"nope","x":${tr}}`],
      // The canonical parser's own refusal, in the same task: thrown after the event loop's checks.
      ["no utterances", (tr) => `{"transcript":{"utterances":[],"x":${tr}}}`],
      [
        "unknown playbook, then no utterances",
        (tr) => `{"playbook":"nope","transcript":{"utterances":[],"x":${tr}}}`,
      ],
      [
        "unknown rep, then no utterances",
        (tr) => `{"repUserId":"usr_nope","transcript":{"utterances":[],"x":${tr}}}`,
      ],
    ];
    // Where a truncated body ends is the one thing that differs with its size.
    const at = (p: object) =>
      JSON.parse(JSON.stringify(p).replace(/position \d+ \(line 1 column \d+\)|position \d+/g, "…"));
    for (const [name, make] of cases) {
      const expected = await problemOf(await upload(make(small)));
      cpu.tasks.length = 0;
      const got = await problemOf(await upload(make(big)));
      expect(name === "truncated JSON" ? at(got) : got, name).toEqual(
        name === "truncated JSON" ? at(expected) : expected,
      );
      expect(got.status, name).toBeGreaterThanOrEqual(400);
      expect(cpu.tasks[0], name).toBe("jsonUpload");
    }
    const res = await t.request("/v1/calls?limit=200", { headers: t.auth(t.adminKey) });
    expect(((await res.json()) as { items: unknown[] }).items).toEqual([]);
  });

  it("stores a large canonical upload as the inline path would, hashed on the pool", async () => {
    cpu.tasks.length = 0;
    const res = await upload(`{"title":"Big","transcript":${big}}`);
    expect(res.status).toBe(202);
    // Read, hashed, parsed and analysed in one task.
    expect(cpu.tasks).toEqual(["jsonUpload"]);
    const { id } = (await res.json()) as { id: string };
    const [call] = await handle.db.select().from(calls).where(eq(calls.id, id));
    // The content is the canonical object as JSON again, as the inline path hashes it.
    const content = JSON.stringify(JSON.parse(big));
    expect(call!.contentHash).toBe(createHash("sha256").update(content).digest("hex"));
    expect(call!.transcript?.utterances).toHaveLength(4_000);
    // The same upload again is recognised (same hash, same request).
    const again = await upload(`{"title":"Big","transcript":${big}}`);
    expect(again.status).toBe(202);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    // Recognised before its transcript's refusal is thrown, as when the parse was a task of its own:
    // the same content forced to a format it is not is still the same upload.
    const forced = await upload(`{"title":"Big","format":"webvtt","transcript":${big}}`);
    expect(forced.status).toBe(202);
    expect(((await forced.json()) as { id: string }).id).toBe(id);
  });
});
