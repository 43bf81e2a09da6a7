import { eq } from "drizzle-orm";
import { createOrganization } from "../../src/admin/operations.js";
import { newId } from "../../src/auth/keys.js";
import { memoryBlobStore } from "../../src/blobs/memory.js";
import { runCoaching } from "../../src/coaching-service/run.js";
import { createServices } from "../../src/compose.js";
import { loadConfig } from "../../src/config/env.js";
import type { Database } from "../../src/db/database.js";
import { calls, jobs } from "../../src/db/schema/index.js";
import type { AudioSource, Logger, Services, Transcriber, TranscriptionResult } from "../../src/services.js";
import type { Transcript } from "../../src/transcript/model.js";

/**
 * Test doubles for the job tests: services on a given database with a scripted transcriber
 * (nothing goes over HTTP), and a seeded audio call with its transcribe job.
 */

export const quietLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };

export const sampleTranscript: Transcript = {
  language: "en",
  speakers: [
    { id: "0", name: "Dana", role: "rep" },
    { id: "1", name: "Sam", role: "customer" },
  ],
  utterances: [
    {
      speaker: "0",
      start: 0,
      end: 4,
      text: "Thanks for joining. What made you look at new tools this quarter?",
    },
    {
      speaker: "1",
      start: 4.5,
      end: 12,
      text: "Our reps spend hours on notes and we lose deals in handoffs.",
    },
    { speaker: "0", start: 12.5, end: 16, text: "How do you handle handoffs today?" },
    {
      speaker: "1",
      start: 16.5,
      end: 24,
      text: "Mostly spreadsheets, honestly. It is painful and error prone.",
    },
  ],
};

export type Step = "ok" | Error | "hang" | ((audio: AudioSource) => Promise<TranscriptionResult>);

/** A transcriber that plays `steps` in order (the last one repeats) and counts its calls. */
export function scriptedTranscriber(steps: Step[]): Transcriber & { calls: number } {
  const t = {
    calls: 0,
    async transcribe(audio: AudioSource): Promise<TranscriptionResult> {
      const step = steps[Math.min(t.calls, steps.length - 1)] ?? "ok";
      t.calls += 1;
      if (step === "ok") return { transcript: sampleTranscript, raw: { stub: true } };
      if (step === "hang") return new Promise<never>(() => {});
      if (typeof step === "function") return step(audio);
      throw step;
    },
  };
  return t;
}

/** Services for the job code: real database, in-memory everything else, an adjustable clock. */
export function jobServices(
  db: Database,
  transcriber: Transcriber | null,
  now: () => Date = () => new Date(),
): Services {
  const config = loadConfig({ DEBRIEF_SEED_DEMO: "false", DEBRIEF_RATE_LIMIT_PER_MINUTE: "0" });
  return createServices(config, {
    db,
    blobs: memoryBlobStore(),
    transcriber,
    coach: (input) => runCoaching(input, {}), // the rules engine: deterministic, offline
    logger: quietLogger,
    now,
  });
}

/** A fresh organization with one audio-URL call (status queued) and its transcribe job. */
export async function seedAudioCall(
  db: Database,
  options: { runAt?: Date; maxAttempts?: number; orgId?: string } = {},
): Promise<{ orgId: string; callId: string; jobId: string }> {
  const orgId =
    options.orgId ??
    (await createOrganization(db, { name: "Jobs Co", adminEmail: `ops.${newId("x")}@example.test` })).orgId;
  const callId = newId("call");
  const jobId = newId("job");
  const now = new Date();
  await db.insert(calls).values({
    id: callId,
    orgId,
    status: "queued",
    source: "audio_url",
    contentHash: newId("hash"),
    audioUrl: "https://audio.example.test/call.mp3",
    fileName: "call.mp3",
    createdAt: now,
    updatedAt: now,
  });
  await db.insert(jobs).values({
    id: jobId,
    orgId,
    subject: callId,
    kind: "transcribe",
    runAt: options.runAt ?? now,
    ...(options.maxAttempts === undefined ? {} : { maxAttempts: options.maxAttempts }),
  });
  return { orgId, callId, jobId };
}

export async function jobRow(db: Database, jobId: string) {
  const [row] = await db.select().from(jobs).where(eq(jobs.id, jobId));
  if (!row) throw new Error(`no job ${jobId}`);
  return row;
}

export async function callRow(db: Database, callId: string) {
  const [row] = await db.select().from(calls).where(eq(calls.id, callId));
  if (!row) throw new Error(`no call ${callId}`);
  return row;
}

/** Poll `check` until it returns true (or throw after `timeoutMs`). */
export async function waitFor(
  check: () => Promise<boolean>,
  timeoutMs = 10_000,
  everyMs = 25,
): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > until) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
