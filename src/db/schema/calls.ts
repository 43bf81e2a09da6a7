import { sql } from "drizzle-orm";
import { boolean, index, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import type { FileAnalysis } from "../../analysis/result.js";
import type { Coaching } from "../../coaching/contract.js";
import type { Transcript } from "../../transcript/model.js";
import { storedTranscriptText, transcriptOfStoredText } from "../../transcript/stored-form.js";
import { jsonAsText } from "../json-text.js";
import { organizations } from "./organizations.js";
import { users } from "./users.js";

export const CALL_STATUSES = ["queued", "transcribing", "analyzing", "done", "failed"] as const;
export const callStatus = pgEnum("call_status", CALL_STATUSES);
export const CALL_SOURCES = ["transcript", "audio", "audio_url"] as const;
export const COACHING_STATUSES = ["pending", "done", "failed"] as const;
export const coachingStatus = pgEnum("coaching_status", COACHING_STATUSES);
export const callSource = pgEnum("call_source", CALL_SOURCES);

/** Which speakers are reps and customers, as given at upload (ids or names). */
export interface SpeakerRoles {
  rep?: string[];
  customer?: string[];
}

export interface CallFailure {
  code: string;
  message: string;
  attempts: number;
}

/** One recorded or transcribed sales call and its analysis. */
export const calls = pgTable(
  "calls",
  {
    id: text("id").primaryKey(),
    orgId: text("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    repUserId: text("rep_user_id").references(() => users.id, { onDelete: "set null" }),
    /** Who uploaded the call: de-duplication and Idempotency-Keys are scoped to (org, uploader). */
    uploadedByUserId: text("uploaded_by_user_id").references(() => users.id, { onDelete: "set null" }),
    title: text("title"),
    occurredAt: timestamp("occurred_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    status: callStatus("status").notNull(),
    source: callSource("source").notNull(),
    fileName: text("file_name"),
    mediaType: text("media_type"),
    /** SHA-256 of the uploaded bytes (or of the audio URL): re-uploads are idempotent per uploader. */
    contentHash: text("content_hash").notNull(),
    idempotencyKey: text("idempotency_key"),
    /** SHA-256 of the whole request (content + metadata): an Idempotency-Key replays only the same request. */
    requestHash: text("request_hash"),
    /** Where the original audio is kept (blob store key) so a failed transcription can be retried. */
    blobKey: text("blob_key"),
    audioUrl: text("audio_url"),
    /** Stereo call recordings: one speaker per channel (Deepgram multichannel). */
    multichannel: boolean("multichannel").notNull().default(false),
    speakerRoles: jsonb("speaker_roles").$type<SpeakerRoles>().notNull().default({}),
    crmDealId: text("crm_deal_id"),
    crmContactId: text("crm_contact_id"),
    // JSON text in its stored form (src/transcript/stored-form.ts), as `text`: written by this code
    // and never queried inside but by the dashboard's search (which casts it), it skips `json`'s
    // validation and `jsonb`'s conversion.
    transcript: jsonAsText<Transcript>({ write: storedTranscriptText, read: transcriptOfStoredText })(
      "transcript",
    ),
    analysis: jsonb("analysis").$type<FileAnalysis>(),
    /** Playbook (slug) to judge the call against; null = the organization's default. */
    playbook: text("playbook"),
    /** Objections, playbook adherence, summary and CRM fields; filled by the `coach` job. */
    coaching: jsonb("coaching").$type<Coaching>(),
    /** Metrics are ready with status `done`; coaching (possibly an LLM) follows on its own. */
    coachingStatus: coachingStatus("coaching_status").notNull().default("pending"),
    failure: jsonb("failure").$type<CallFailure>(),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("calls_org_uploader_hash_uq").on(t.orgId, t.uploadedByUserId, t.contentHash),
    uniqueIndex("calls_org_uploader_idem_uq")
      .on(t.orgId, t.uploadedByUserId, t.idempotencyKey)
      .where(sql`${t.idempotencyKey} is not null`),
    index("calls_org_occurred_idx").on(t.orgId, t.occurredAt.desc(), t.id.desc()),
    index("calls_org_rep_occurred_idx").on(t.orgId, t.repUserId, t.occurredAt.desc()),
    index("calls_org_deal_idx").on(t.orgId, t.crmDealId),
  ],
);
export type Call = typeof calls.$inferSelect;
export type CallStatus = (typeof CALL_STATUSES)[number];
export type CoachingStatus = (typeof COACHING_STATUSES)[number];
