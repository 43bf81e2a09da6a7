import { readFileSync } from "node:fs";
import { and, eq } from "drizzle-orm";
import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { FileAnalysisSchema } from "../../src/analysis/result.js";
import { jobs } from "../../src/db/schema/index.js";
import { deepgramTranscriber } from "../../src/transcription/deepgram.js";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { testDatabases } from "../helpers/db.js";
import { wav } from "../helpers/wav.js";

const LISTEN = "https://api.deepgram.com/v1/listen";
const deepgramAnswer = (name: string) =>
  new HttpResponse(readFileSync(`fixtures/deepgram/${name}`, "utf8"), {
    headers: { "content-type": "application/json", "dg-request-id": "5b0e6f2a-91c4-4f7e-8a3d-0c9d4e7b1f26" },
  });

/** Multipart with metadata fields placed before or after the file part. */
function form(
  file: Uint8Array,
  name: string,
  fields: Record<string, string>,
  fieldsFirst: boolean,
): FormData {
  const f = new FormData();
  const add = () => {
    for (const [k, v] of Object.entries(fields)) f.append(k, v);
  };
  if (fieldsFirst) add();
  f.append("file", new File([file.slice()], name, { type: "application/octet-stream" }));
  if (!fieldsFirst) add();
  return f;
}

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

describe.each(testDatabases)("audio calls on $name", (database) => {
  let handle: Awaited<ReturnType<typeof database.open>>;
  let t: TestApp;
  let rep: { id: string; key: string };

  beforeAll(async () => {
    handle = await database.open();
    t = await createTestApp(handle.db, { transcriber: deepgramTranscriber({ apiKey: "dg_test_key" }) });
    rep = await t.user("rep", "dana");
  });
  afterAll(async () => {
    await handle?.close();
  });

  async function runQueuedJob(callId: string) {
    const rows = await handle.db
      .select()
      .from(jobs)
      .where(and(eq(jobs.subject, callId), eq(jobs.kind, "transcribe")));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: "queued" });
    await t.services.jobs.get("transcribe").run({ services: t.services }, rows[0]!);
  }

  async function getCall(id: string) {
    const res = await t.request(`/v1/calls/${id}`, { headers: t.auth(rep.key) });
    expect(res.status).toBe(200);
    return (await res.json()) as { status: string; source: string; fileName: string; analysis: unknown };
  }

  it("streams an uploaded WAV to storage, queues it, and the job transcribes it with Deepgram", async () => {
    const audio = wav(1);
    let sent: { bytes: Uint8Array; type: string | null; q: URLSearchParams } | undefined;
    server.use(
      http.post(LISTEN, async ({ request }) => {
        sent = {
          bytes: new Uint8Array(await request.arrayBuffer()),
          type: request.headers.get("content-type"),
          q: new URL(request.url).searchParams,
        };
        return deepgramAnswer("prerecorded-diarized.json");
      }),
    );
    // Metadata after the file part: the parser must not need it first.
    const res = await t.request("/v1/calls", {
      method: "POST",
      headers: t.auth(rep.key),
      body: form(
        audio,
        "discovery.wav",
        { title: "Discovery with Sam", rep: "0", occurredAt: "2026-11-20T15:00:00Z" },
        false,
      ),
    });
    expect(res.status).toBe(202);
    const created = (await res.json()) as { id: string; status: string; source: string; analysis: unknown };
    expect(created).toMatchObject({ status: "queued", source: "audio", analysis: null });
    expect(res.headers.get("location")).toBe(`/v1/calls/${created.id}`);
    expect(res.headers.get("idempotent-replayed")).toBeNull();
    expect(t.blobs.keys()).toHaveLength(1);
    const stored = await t.blobs.get(t.blobs.keys()[0]!);
    expect(stored).toMatchObject({ contentType: "audio/wav", size: audio.length });

    await runQueuedJob(created.id);
    expect(sent?.type).toBe("audio/wav");
    expect(sent?.bytes).toEqual(audio);
    expect(sent?.q.get("diarize")).toBe("true");

    const call = await getCall(created.id);
    expect(call.status).toBe("done");
    expect(call.fileName).toBe("discovery.wav");
    const analysis = FileAnalysisSchema.parse(call.analysis);
    expect(analysis.format).toBe("deepgram");
    expect(analysis.speakers.map((s) => s.id).sort()).toEqual(["0", "1"]);
    expect(analysis.speakers.find((s) => s.id === "0")?.role).toBe("rep");
    expect(analysis.questions.length).toBeGreaterThanOrEqual(4);
  });

  it("accepts an audio URL (multichannel) and transcribes it per channel", async () => {
    let body: unknown;
    let multichannel: string | null = null;
    server.use(
      http.post(LISTEN, async ({ request }) => {
        body = await request.json();
        multichannel = new URL(request.url).searchParams.get("multichannel");
        return deepgramAnswer("prerecorded-multichannel.json");
      }),
    );
    const url = "https://recordings.example.com/2026/11/call-7.mp3";
    const res = await t.request("/v1/calls", {
      method: "POST",
      headers: t.auth(rep.key, { "content-type": "application/json" }),
      body: JSON.stringify({ audioUrl: url, multichannel: true, speakerRoles: { rep: ["ch0"] } }),
    });
    expect(res.status).toBe(202);
    const created = (await res.json()) as { id: string; status: string; source: string };
    expect(created).toMatchObject({ status: "queued", source: "audio_url" });

    await runQueuedJob(created.id);
    expect(body).toEqual({ url });
    expect(multichannel).toBe("true");
    const analysis = FileAnalysisSchema.parse((await getCall(created.id)).analysis);
    expect(analysis.speakers.map((s) => s.id).sort()).toEqual(["ch0", "ch1"]);
    expect(analysis.speakers.find((s) => s.id === "ch0")?.role).toBe("rep");

    const again = await t.request("/v1/calls", {
      method: "POST",
      headers: t.auth(rep.key, { "content-type": "application/json" }),
      body: JSON.stringify({ audioUrl: url }),
    });
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(((await again.json()) as { id: string }).id).toBe(created.id);
  });

  it("multipart multichannel=true (fields first) reaches Deepgram as multichannel", async () => {
    let q: URLSearchParams | undefined;
    server.use(
      http.post(LISTEN, async ({ request }) => {
        q = new URL(request.url).searchParams;
        await request.arrayBuffer();
        return deepgramAnswer("prerecorded-multichannel.json");
      }),
    );
    const res = await t.request("/v1/calls", {
      method: "POST",
      headers: t.auth(rep.key),
      body: form(wav(0.25, 3), "stereo.wav", { multichannel: "true" }, true),
    });
    expect(res.status).toBe(202);
    const { id } = (await res.json()) as { id: string };
    await runQueuedJob(id);
    expect(q?.get("multichannel")).toBe("true");
    expect(q?.get("diarize")).toBeNull();
    expect((await getCall(id)).status).toBe("done");
  });

  it("re-uploading the same audio bytes returns the same call and stores no second blob; DELETE removes the blob", async () => {
    const audio = wav(0.5, 11);
    const upload = (key?: string) =>
      t.request("/v1/calls", {
        method: "POST",
        headers: t.auth(rep.key, key ? { "idempotency-key": key } : {}),
        body: form(audio, "again.wav", { title: "Same bytes" }, true),
      });
    const before = t.blobs.keys().length;
    const first = await upload("audio-k-1");
    expect(first.status).toBe(202);
    const { id } = (await first.json()) as { id: string };
    expect(t.blobs.keys().length).toBe(before + 1);

    for (const res of [await upload(), await upload("audio-k-1")]) {
      expect(res.status).toBe(202);
      expect(res.headers.get("idempotent-replayed")).toBe("true");
      expect(((await res.json()) as { id: string }).id).toBe(id);
    }
    expect(t.blobs.keys().length).toBe(before + 1);

    const del = await t.request(`/v1/calls/${id}`, { method: "DELETE", headers: t.auth(rep.key) });
    expect(del.status).toBe(204);
    expect(t.blobs.keys().length).toBe(before);
    expect(await handle.db.select().from(jobs).where(eq(jobs.subject, id))).toEqual([]);
  });
});
