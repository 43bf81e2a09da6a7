import type { FileAnalysis } from "../analysis/result.js";
import type { Coaching } from "../coaching/schema.js";
import type { Database } from "../db/database.js";
import type { Call } from "../db/schema/index.js";
import type { Transcript } from "../transcript/model.js";
import { setCallStatus } from "./status.js";

/**
 * The one writer of a call's analysis (upload, transcription, re-analysis, demo seed) and of its
 * coaching: each is saved in the caller's transaction with everything derived from it.
 */

/**
 * Save a call's analysis (and the transcript it came from, when new): the call becomes `done`.
 *
 * @example
 * await db.transaction((tx) => saveAnalysis(tx, { call, analysis, now: new Date() }));
 */
export async function saveAnalysis(
  tx: Database,
  input: {
    call: Pick<Call, "id" | "orgId">;
    analysis: FileAnalysis;
    transcript?: Transcript;
    now: Date;
  },
): Promise<void> {
  const { call, analysis, now } = input;
  await setCallStatus(tx, {
    call,
    now,
    status: "done",
    failure: null,
    fields: { analysis, ...(input.transcript ? { transcript: input.transcript } : {}) },
  });
}

/**
 * Save a call's coaching: coaching status `done`.
 *
 * @example
 * await db.transaction((tx) => saveCoaching(tx, { call, coaching, now: new Date() }));
 */
export async function saveCoaching(
  tx: Database,
  input: { call: Pick<Call, "id" | "orgId">; coaching: Coaching; now: Date },
): Promise<void> {
  const { call, coaching, now } = input;
  await setCallStatus(tx, { call, now, coachingStatus: "done", fields: { coaching } });
}
