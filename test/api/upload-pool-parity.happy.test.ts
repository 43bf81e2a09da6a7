import { readFileSync } from "node:fs";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { INLINE_JSON_MAX_BYTES } from "../../src/api/json-bodies.js";
import { parseAndAnalyze } from "../../src/calls/analyze-upload.js";
import { insertAnalysedCall } from "../../src/calls/save.js";
import { workerPool } from "../../src/cpu/worker-pool.js";
import { type Database, resultRows } from "../../src/db/database.js";
import { type Call, callMetrics, calls } from "../../src/db/schema/index.js";
import { transcriptOfStoredText } from "../../src/transcript/stored-form.js";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { testDatabases } from "../helpers/db.js";

const vtt = readFileSync("fixtures/calls/discovery-acme.vtt", "utf8");
const now = () => new Date("2026-12-01T10:00:00.000Z");

/**
 * A canonical transcript with word timings, `n` utterances, with what JSON text is touchy about:
 * non-ASCII and astral characters, escapes, tiny and long fractions, integers as times.
 */
function wordTimed(n: number) {
  const say = ["Größe", "naïve", "“quoted”", "tab\there", 'a "quote"', "emoji 😀", "back\\slash", "1e-7"];
  return {
    language: "en",
    speakers: [
      { id: "rep", name: "Dana Reyes", role: "rep" },
      { id: "cust", name: "Łukasz Żółć" },
    ],
    utterances: Array.from({ length: n }, (_, i) => {
      const start = i * 7 + 0.1 + 0.2; // 0.30000000000000004
      const words = Array.from({ length: 12 }, (_, k) => ({
        text: k % 3 === 0 ? say[(i + k) % say.length]! : `word${k}`,
        start: start + k * 0.37,
        end: start + k * 0.37 + (k === 0 ? 1e-7 : 0.31),
        confidence: k === 5 ? 1 : 0.987654321,
      }));
      return {
        speaker: i % 3 === 2 ? "cust" : "rep",
        start: i === 0 ? 0 : start,
        end: start + 12 * 0.37,
        text: words.map((w) => w.text).join(" ") + (i % 4 === 0 ? "?" : "."),
        words,
      };
    }),
  };
}

/**
 * The Node server runs an upload's parse and analysis on a worker thread, which hands back the
 * transcript and the analysis as JSON text (`parseAndAnalyze`), written to their columns as is;
 * inline (Workers, tests) the same function runs on the calling thread. Both must answer and
 * store byte for byte what the other does, and what Drizzle wrote from the objects before.
 */
describe.each(testDatabases)("an upload over the CPU pool and inline, on $name", (database) => {
  let inlineDb: Awaited<ReturnType<typeof database.open>>;
  let pooledDb: Awaited<ReturnType<typeof database.open>>;
  let inline: TestApp;
  let pooled: TestApp;
  const cpu = workerPool(1);

  beforeAll(async () => {
    inlineDb = await database.open();
    pooledDb = await database.open();
    inline = await createTestApp(inlineDb.db, { now });
    pooled = await createTestApp(pooledDb.db, { now, cpu });
  }, 300_000);
  afterAll(async () => {
    await cpu.close();
    await inlineDb?.close();
    await pooledDb?.close();
  });

  const big = JSON.stringify(wordTimed(800));
  const small = JSON.stringify(wordTimed(6));
  const json = (body: unknown) => ({ body: JSON.stringify(body), type: "application/json" });
  const uploads: Array<[string, () => { body: string | FormData; type?: string }]> = [
    ["canonical JSON text in a large JSON body (read on the pool)", () => json({ transcript: big })],
    ["a canonical object in a large JSON body", () => json({ transcript: JSON.parse(big), title: "Big" })],
    [
      "canonical JSON in a small JSON body",
      () => json({ transcript: small, speakerRoles: { rep: ["rep"] } }),
    ],
    ["WebVTT in a JSON body", () => json({ transcript: vtt, fileName: "acme.vtt", language: "en" })],
    [
      "canonical JSON as a multipart file",
      () => {
        const form = new FormData();
        form.set("file", new File([big], "call.json", { type: "application/json" }));
        form.set("rep", "rep");
        return { body: form };
      },
    ],
  ];

  /** The stored call, byte for byte as the database gives it back (ids and keys left out). */
  const stored = async (db: Database, id: string) => {
    const [row] = resultRows<Record<string, unknown>>(
      await db.execute(
        sql`select transcript::text as transcript, analysis::text as analysis, status, coaching_status,
              speaker_roles::text as roles, file_name, title from calls where id = ${id}`,
      ),
    );
    const [metrics] = await db.select().from(callMetrics).where(eq(callMetrics.callId, id));
    const { callId: _c, orgId: _o, ...rest } = metrics!;
    return { row, metrics: rest };
  };

  it.each(uploads)("%s: same response, same stored call", async (_name, make) => {
    expect(big.length).toBeGreaterThan(INLINE_JSON_MAX_BYTES);
    const send = async (t: TestApp) => {
      const { body, type } = make();
      const res = await t.request("/v1/calls", {
        method: "POST",
        headers: t.auth(t.adminKey, type ? { "content-type": type } : {}),
        body,
      });
      const text = await res.text();
      expect(res.status, text).toBe(202);
      const { id } = JSON.parse(text) as { id: string };
      const get = async (path: string) => (await t.request(path, { headers: t.auth(t.adminKey) })).text();
      return {
        id,
        // The id is the one thing that differs (random); every other byte must not.
        response: text.replaceAll(id, "ID"),
        detail: (await get(`/v1/calls/${id}`)).replaceAll(id, "ID"),
        transcript: await get(`/v1/calls/${id}/transcript`),
      };
    };
    const a = await send(inline);
    const b = await send(pooled);
    expect(b.response).toBe(a.response);
    expect(b.detail).toBe(a.detail);
    expect(b.transcript).toBe(a.transcript);
    expect(await stored(pooledDb.db, b.id)).toEqual(await stored(inlineDb.db, a.id));
  });

  it("stores from the task's JSON text exactly what Drizzle writes from the objects", async () => {
    const db = inlineDb.db;
    const parsed = parseAndAnalyze({
      content: big,
      fileName: "call.json",
      roles: { rep: ["rep"] },
      caps: { maxUtterances: 20_000, maxWords: 500_000 },
    });
    const [base] = await db.select().from(calls).limit(1);
    const row = (id: string, contentHash: string): Call => ({
      ...base!,
      id,
      contentHash,
      idempotencyKey: null,
      transcript: transcriptOfStoredText(parsed.transcriptJson),
    });
    await db.transaction(async (tx) => {
      await insertAnalysedCall(tx, {
        call: row("call_objects", "h1"),
        analysis: parsed.analysis,
        now: now(),
      });
      await insertAnalysedCall(tx, {
        call: { ...row("call_text", "h2"), transcript: null },
        analysis: parsed.analysis,
        now: now(),
        json: { transcript: parsed.transcriptJson, analysis: parsed.analysisJson },
      });
    });
    const fromObjects = await stored(db, "call_objects");
    const fromText = await stored(db, "call_text");
    expect(fromText).toEqual(fromObjects);
    // The column keeps the text as sent: the transcript exactly as its stored form made it.
    expect(fromText.row!.transcript).toBe(parsed.transcriptJson);
    const [back] = await db.select().from(calls).where(eq(calls.id, "call_text"));
    expect(back!.analysis).toEqual(parsed.analysis);
    expect(back!.transcript).toEqual(transcriptOfStoredText(parsed.transcriptJson));
  });
});
