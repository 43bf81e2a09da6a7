import { and, desc, eq, gte, isNotNull, isNull, lt, or, type SQL, sql } from "drizzle-orm";
import type { FileAnalysis } from "../analysis/result.js";
import type { Actor } from "../auth/actor.js";
import { newId, sha256Hex, sha256HexSmall } from "../auth/keys.js";
import type { Coaching, Playbook } from "../coaching/contract.js";
import { withCoaching } from "../coaching/output.js";
import { coachingInputFromStored } from "../coaching-service/stored.js";
import type { Config } from "../config/env.js";
import type { OperationCtx } from "../context.js";
import { type Settled, unwrap } from "../cpu/errors.js";
import { type Database, perDatabase } from "../db/database.js";
import { type Call, type CallFailure, calls, type SpeakerRoles, users } from "../db/schema/index.js";
import { DebriefError } from "../errors.js";
import { recordEvent } from "../events/outbox.js";
import { deleteJobs, jobInsert } from "../jobs/store.js";
import { playbookExists, resolvePlaybook } from "../playbooks/store.js";
import type { Services } from "../services.js";
import type { Transcript } from "../transcript/model.js";
import type { AnalysisCaps, ParsedUpload } from "./analyze-upload.js";
import { type CoachPayload, coachPayload } from "./jobs/coach.js";
import { insertAnalysedCall } from "./save.js";
import type { CallDetail, CallMeta, CallSummary, ListCallsQuery } from "./schemas.js";
import { type CallJsonText, callEventPayload, insertCall } from "./status.js";

/** Business logic of calls, shared by the API, the CLI and the jobs. Handlers only validate, call and map. */
export type CallCtx = OperationCtx;

export interface CreateResult {
  call: CallDetail;
  /** false when an identical upload (same bytes or same Idempotency-Key) already existed. */
  created: boolean;
}

/** Reps read only their own calls; managers and admins the whole organization (the one rule every read uses). */
export function visibleTo(actor: Actor): SQL {
  const org = eq(calls.orgId, actor.orgId);
  return actor.role === "rep" ? and(org, eq(calls.repUserId, actor.userId))! : org;
}

async function resolveRep(ctx: CallCtx, repUserId: string | undefined): Promise<string | null> {
  const { actor } = ctx;
  if (actor.role === "rep") {
    if (repUserId !== undefined && repUserId !== actor.userId) {
      throw new DebriefError("auth.forbidden", "reps can only upload their own calls; leave repUserId out");
    }
    return actor.userId;
  }
  if (repUserId === undefined) return null;
  const found = await ctx.services.db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, repUserId), eq(users.orgId, actor.orgId)));
  if (found.length === 0) {
    throw new DebriefError("validation_failed", `repUserId: no user ${repUserId} in this organization`, {
      details: { errors: [{ path: "repUserId", message: "no such user in this organization" }] },
    });
  }
  return repUserId;
}

/**
 * The playbook an upload names must exist (the organization's own or a built-in one): a 422 naming
 * `playbook` at upload, before anything is stored — not a coaching job that fails later.
 */
async function checkPlaybook(ctx: CallCtx, slug: string | undefined): Promise<void> {
  if (slug === undefined || (await playbookExists(ctx.services.db, ctx.actor.orgId, slug))) return;
  throw noSuchPlaybook(slug);
}

function noSuchPlaybook(slug: string): DebriefError {
  const message = `no playbook '${slug}' in this organization (GET /v1/playbooks lists them)`;
  return new DebriefError("validation_failed", `playbook: ${message}`, {
    details: { errors: [{ path: "playbook", message }] },
  });
}

/** `checkPlaybook` for an upload coached on arrival: the playbook itself, as the coach job reads it. */
async function uploadPlaybook(ctx: CallCtx, slug: string | undefined): Promise<Playbook> {
  try {
    return await resolvePlaybook(ctx.services.db, ctx.actor.orgId, slug ?? null);
  } catch (err) {
    if (slug !== undefined && err instanceof DebriefError && err.code === "not_found")
      throw noSuchPlaybook(slug);
    throw err;
  }
}

/**
 * What a large JSON upload's CPU task needs to coach the call itself when its body names no
 * playbook (`Services.coachOnUpload`): the organization's default playbook. Undefined without
 * `coachOnUpload`.
 */
export async function defaultUploadCoaching(ctx: CallCtx): Promise<{ playbook: Playbook } | undefined> {
  if (!ctx.services.coachOnUpload) return undefined;
  return { playbook: await uploadPlaybook(ctx, undefined) };
}

/**
 * Coach an upload in its request (`services.coachOnUpload`), from the text its analysis made (or
 * kept on the CPU thread). Null when that fails: the call is then coached by a job, as without
 * `coachOnUpload`, whose retries and failure status apply.
 */
async function coachUpload(ctx: CallCtx, parsed: ParsedUpload, playbook: Playbook): Promise<Coaching | null> {
  const { services } = ctx;
  const readings = parsed.readings ?? undefined;
  const stored = parsed.retained
    ? { keptTranscript: parsed.retained, analysisJson: parsed.analysisJson, playbook, readings }
    : { transcriptJson: parsed.transcriptJson, analysisJson: parsed.analysisJson, playbook, readings };
  try {
    return await services.coach(coachingInputFromStored(stored, async () => parsed.transcriptJson));
  } catch (err) {
    // The error's kind only: a message may quote the transcript.
    services.logger.warn("coaching on upload failed; a job coaches the call", {
      error: err instanceof Error ? err.name : typeof err,
    });
    return null;
  }
}

/**
 * What an upload is de-duplicated against: the caller's own uploads that the caller can still read.
 * Never the organization's: a colleague's identical file or Idempotency-Key must neither hand their
 * call over nor reveal that it exists (Stripe scopes keys the same way, to the account and request).
 */
function ownUploads(ctx: CallCtx): SQL {
  return and(eq(calls.uploadedByUserId, ctx.actor.userId), visibleTo(ctx.actor))!;
}

/**
 * Calls stored before uploads recorded their uploader: credit them to their rep, so a rep's re-upload
 * of such a call is still recognised. Idempotent; runs on every start.
 */
export async function backfillCallUploaders(db: Database): Promise<number> {
  const rows = await db
    .update(calls)
    .set({ uploadedByUserId: calls.repUserId })
    .where(and(isNull(calls.uploadedByUserId), isNotNull(calls.repUserId)))
    .returning({ id: calls.id });
  return rows.length;
}

/** Longest Idempotency-Key accepted (compared whole; longer keys are refused, never cut). */
export const MAX_IDEMPOTENCY_KEY_LENGTH = 255;

/**
 * The fingerprint of a whole upload request: its content and every metadata field, so the same
 * Idempotency-Key sent with another body or other metadata is caught instead of replayed.
 */
export function requestFingerprint(contentHash: string, fields: Record<string, unknown>): string {
  return sha256HexSmall(stableJson([contentHash, fields]));
}

/** JSON with object keys sorted, so equal values give equal text whatever the key order. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : v,
  );
}

/** An existing call of the caller's for the same Idempotency-Key or the same content, if any. */
async function findDuplicate(
  ctx: CallCtx,
  contentHash: string,
  idempotencyKey: string | null | undefined,
  requestHash: string | null | undefined,
): Promise<Call | null> {
  const { db } = ctx.services;
  if (idempotencyKey) {
    const [byKey] = await db
      .select()
      .from(calls)
      .where(and(ownUploads(ctx), eq(calls.idempotencyKey, idempotencyKey)));
    if (byKey) {
      if (byKey.requestHash !== requestHash) {
        throw new DebriefError(
          "idempotency_key_reused",
          "this Idempotency-Key was already used for a different request (other content or metadata); use a new key",
        );
      }
      return byKey;
    }
  }
  const [byHash] = await db
    .select()
    .from(calls)
    .where(and(ownUploads(ctx), eq(calls.contentHash, contentHash)));
  return byHash ?? null;
}

export { analyzeForCall } from "./analyze-upload.js";

/** The largest transcript one call may analyse, from the configuration. */
export function analysisCaps(config: Config): AnalysisCaps {
  return { maxUtterances: config.DEBRIEF_MAX_UTTERANCES, maxWords: config.DEBRIEF_MAX_WORDS };
}

/**
 * Whether an upload keeps its transcript's text on the CPU thread for its coach job
 * (src/cpu/retained.ts): when every CPU task runs on one thread, and the rules engine coaches there
 * (the OpenAI engine reads the transcript on the event loop, from the database).
 */
export function keepsTranscripts(services: Services): boolean {
  return services.cpu.oneThread === true && !services.config.OPENAI_API_KEY;
}

/**
 * A transcript upload as `createTranscriptCall` takes it: its text, or (a large JSON upload, read
 * on the CPU pool) its hash with its parse and analysis already done or refused.
 */
export type TranscriptUpload = (
  | { content: string }
  | { contentHash: string; analysed: Settled<ParsedUpload> }
) & {
  fileName?: string | undefined;
  meta: CallMeta;
  idempotencyKey?: string | undefined;
};

/**
 * Upload a transcript: it is parsed now (a malformed file is refused and nothing is stored) and its
 * conversation metrics are computed inline — they never wait on a queue or a slow service.
 */
export async function createTranscriptCall(ctx: CallCtx, input: TranscriptUpload): Promise<CreateResult> {
  const contentHash = "analysed" in input ? input.contentHash : await sha256Hex(input.content);
  const requestHash = requestFingerprint(contentHash, {
    fileName: input.fileName ?? null,
    meta: input.meta,
  });
  const dup = await findDuplicate(ctx, contentHash, input.idempotencyKey, requestHash);
  if (dup) return { call: toDetail(dup), created: false };

  const fileName = input.fileName ?? "transcript";
  const repUserId = await resolveRep(ctx, input.meta.repUserId);
  const { services } = ctx;
  // Coached on the pool already (a large JSON body naming no playbook: the default's), or to be.
  const coachedBefore = "analysed" in input && input.analysed.ok ? input.analysed.value.coaching : undefined;
  const playbook =
    services.coachOnUpload && coachedBefore === undefined
      ? await uploadPlaybook(ctx, input.meta.playbook)
      : null;
  if (!playbook) await checkPlaybook(ctx, input.meta.playbook);
  const roles: SpeakerRoles = input.meta.speakerRoles ?? {};
  // Parsing and analysis are the CPU-heavy part: off the event loop on Node (a worker thread).
  // A refusal of an upload analysed beforehand is thrown only now, after the checks above.
  const parsed =
    "analysed" in input
      ? unwrap(input.analysed)
      : await services.cpu.run("parseAnalyze", {
          content: input.content,
          fileName,
          format: input.meta.format,
          roles,
          language: input.meta.language,
          caps: analysisCaps(services.config),
          retain: keepsTranscripts(services),
          coach: playbook ? { playbook } : undefined,
        });
  const row = newCallRow(ctx, input.meta, repUserId, {
    status: "analyzing",
    source: "transcript",
    fileName,
    contentHash,
    idempotencyKey: input.idempotencyKey ?? null,
    requestHash,
    speakerRoles: roles,
  });
  const coaching =
    parsed.coaching !== undefined
      ? parsed.coaching
      : playbook
        ? await coachUpload(ctx, parsed, playbook)
        : null;
  if (coaching) Object.assign(row, { coaching, coachingStatus: "done" });
  else if (parsed.coaching === null)
    services.logger.warn("coaching on upload failed; a job coaches the call");
  // The call, its analysis and its coaching (or its coaching job) are one write: a crash can't
  // leave a call that is never coached. The transcript and the analysis are stored from the task's
  // JSON text: the transcript never becomes objects on this thread.
  return insertCallWithJob(ctx, row, coaching ? null : "coach", {
    analysis: parsed.analysis,
    json: { transcript: parsed.transcriptJson, analysis: parsed.analysisJson },
    payload: coachPayload(parsed),
  });
}

/**
 * Register an audio call whose bytes are already in the blob store (or an audio URL) and queue its
 * transcription. The caller checked that a transcriber is configured.
 */
export async function createAudioCall(
  ctx: CallCtx,
  input: {
    contentHash: string;
    blobKey: string | null;
    audioUrl: string | null;
    mediaType: string | null;
    fileName: string | null;
    multichannel: boolean;
    meta: CallMeta;
    idempotencyKey?: string | undefined;
  },
): Promise<CreateResult> {
  const requestHash = requestFingerprint(input.contentHash, {
    audioUrl: input.audioUrl,
    fileName: input.fileName,
    multichannel: input.multichannel,
    meta: input.meta,
  });
  const dup = await findDuplicate(ctx, input.contentHash, input.idempotencyKey, requestHash);
  if (dup) return { call: toDetail(dup), created: false };
  const repUserId = await resolveRep(ctx, input.meta.repUserId);
  await checkPlaybook(ctx, input.meta.playbook);
  const row = newCallRow(ctx, input.meta, repUserId, {
    status: "queued",
    source: input.audioUrl ? "audio_url" : "audio",
    fileName: input.fileName,
    mediaType: input.mediaType,
    contentHash: input.contentHash,
    idempotencyKey: input.idempotencyKey ?? null,
    requestHash,
    blobKey: input.blobKey,
    audioUrl: input.audioUrl,
    multichannel: input.multichannel,
  });
  return insertCallWithJob(ctx, row, "transcribe");
}

/** A new call row: the upload's metadata, defaults for everything else, then the given fields. */
function newCallRow(
  ctx: CallCtx,
  meta: CallMeta,
  repUserId: string | null,
  fields: Pick<Call, "status" | "source" | "contentHash"> & Partial<Call>,
): Call {
  const now = ctx.services.now();
  return {
    id: newId("call"),
    orgId: ctx.actor.orgId,
    repUserId,
    uploadedByUserId: ctx.actor.userId,
    title: meta.title ?? null,
    occurredAt: meta.occurredAt ? new Date(meta.occurredAt) : now,
    fileName: null,
    mediaType: null,
    idempotencyKey: null,
    requestHash: null,
    blobKey: null,
    audioUrl: null,
    multichannel: false,
    speakerRoles: meta.speakerRoles ?? {},
    crmDealId: meta.crmDealId ?? null,
    crmContactId: meta.crmContactId ?? null,
    transcript: null,
    analysis: null,
    playbook: meta.playbook ?? null,
    coaching: null,
    coachingStatus: "pending",
    failure: null,
    createdAt: now,
    updatedAt: now,
    ...fields,
  };
}

/**
 * Insert a new call together with its first job, then wake the queue. When an identical upload won
 * a race (same content hash or Idempotency-Key), answer with that call instead.
 */
async function insertCallWithJob(
  ctx: CallCtx,
  row: Call,
  kind: "transcribe" | "coach" | null,
  analysed?: { analysis: FileAnalysis; json: CallJsonText; payload: CoachPayload },
): Promise<CreateResult> {
  const { services } = ctx;
  // The call's job (none for a call coached on arrival), or null when an identical upload won.
  const job = await services.db.transaction(async (tx) => {
    // The job is written in one statement with the call's event (and metrics).
    // The coach job carries the metric pass's readings and the kept text's token (src/calls/jobs/coach.ts).
    const payload = analysed?.payload ?? {};
    const first = kind
      ? jobInsert(tx, services.jobs, {
          kind,
          orgId: row.orgId,
          subject: row.id,
          runAt: row.createdAt,
          ...(Object.keys(payload).length > 0 ? { payload } : {}),
        })
      : null;
    const alongside = first ? [first.insert] : [];
    const inserted = analysed
      ? await insertAnalysedCall(tx, {
          call: row,
          analysis: analysed.analysis,
          now: row.createdAt,
          alongside,
          json: analysed.json,
        })
      : await insertCall(tx, row, alongside);
    if (!inserted) return null;
    if (analysed)
      Object.assign(row, {
        status: "done",
        analysis: analysed.analysis,
        failure: null,
        updatedAt: row.createdAt,
      });
    return { job: first?.job ?? null };
  });
  if (!job) {
    const winner = await findDuplicate(ctx, row.contentHash, row.idempotencyKey, row.requestHash);
    if (winner) return { call: toDetail(winner), created: false };
    throw new DebriefError("conflict", "a concurrent upload conflicted with this one; retry");
  }
  if (job.job) await services.queue.notify(job.job);
  return { call: toDetail(row), created: true };
}

// The hottest read of the API: prepared once per database, for the two visibility rules.
const callDetailQuery = (db: Database, repOnly: boolean) =>
  db
    .select({ ...summaryColumns, analysis: calls.analysis, coaching: calls.coaching })
    .from(calls)
    .where(
      and(
        eq(calls.id, sql.placeholder("id")),
        eq(calls.orgId, sql.placeholder("orgId")),
        repOnly ? eq(calls.repUserId, sql.placeholder("userId")) : undefined,
      ),
    )
    .prepare(repOnly ? "call_detail_rep" : "call_detail_org");
const callDetailOrg = perDatabase((db) => callDetailQuery(db, false));
const callDetailRep = perDatabase((db) => callDetailQuery(db, true));

export async function getCall(ctx: CallCtx, id: string): Promise<CallDetail> {
  // The transcript (with word timings, the bulk of the row) is served separately. Visibility is
  // `visibleTo`'s rule: reps their own calls, everyone else the organization's.
  const { actor } = ctx;
  const query = actor.role === "rep" ? callDetailRep : callDetailOrg;
  const [row] = await query(ctx.services.db).execute({ id, orgId: actor.orgId, userId: actor.userId });
  // A colleague's call and another organization's call look the same: not found.
  if (!row) throw new DebriefError("not_found", `no call ${id}`);
  return toDetail(row);
}

/** The canonical transcript of a call (null while an audio call is still being transcribed). */
export async function getCallTranscript(ctx: CallCtx, id: string): Promise<Transcript | null> {
  const [row] = await ctx.services.db
    .select({ transcript: calls.transcript })
    .from(calls)
    .where(and(eq(calls.id, id), visibleTo(ctx.actor)));
  if (!row) throw new DebriefError("not_found", `no call ${id}`);
  return row.transcript;
}

interface Cursor {
  occurredAt: string;
  id: string;
}

function encodeCursor(c: Cursor): string {
  return btoa(JSON.stringify([c.occurredAt, c.id]))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");
}

function decodeCursor(s: string): Cursor {
  try {
    const [occurredAt, id] = JSON.parse(atob(s.replace(/-/g, "+").replace(/_/g, "/"))) as unknown[];
    const ms = typeof occurredAt === "string" ? Date.parse(occurredAt) : Number.NaN;
    // Year 0000 or a NUL in the id would reach the database as an error: refused here as invalid.
    if (typeof id !== "string" || id.includes("\u0000") || !(ms >= 0 && ms < Date.UTC(10000, 0, 1)))
      throw new Error();
    return { occurredAt: occurredAt as string, id };
  } catch {
    throw new DebriefError("validation_failed", "cursor: not a cursor returned by this API", {
      details: { errors: [{ path: "cursor", message: "invalid cursor" }] },
    });
  }
}

/** Newest first, cursor-paginated on (occurredAt, id). */
export async function listCalls(
  ctx: CallCtx,
  query: ListCallsQuery,
): Promise<{ items: CallSummary[]; nextCursor: string | null }> {
  const conds: SQL[] = [visibleTo(ctx.actor)];
  if (query.repUserId) conds.push(eq(calls.repUserId, query.repUserId));
  if (query.status) conds.push(eq(calls.status, query.status));
  if (query.from) conds.push(gte(calls.occurredAt, new Date(query.from)));
  if (query.to) conds.push(lt(calls.occurredAt, new Date(query.to)));
  if (query.cursor) {
    const c = decodeCursor(query.cursor);
    const at = new Date(c.occurredAt);
    conds.push(or(lt(calls.occurredAt, at), and(eq(calls.occurredAt, at), lt(calls.id, c.id)))!);
  }
  const rows = await ctx.services.db
    .select({ ...summaryColumns })
    .from(calls)
    .where(and(...conds))
    .orderBy(desc(calls.occurredAt), desc(calls.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    items: page.map(toSummary),
    nextCursor:
      rows.length > query.limit && last
        ? encodeCursor({ occurredAt: last.occurredAt.toISOString(), id: last.id })
        : null,
  };
}

/** Delete a call, its jobs and its stored audio. Reps may delete their own calls. */
export async function deleteCall(ctx: CallCtx, id: string): Promise<void> {
  const row = await ctx.services.db.transaction(async (tx) => {
    const [deleted] = await tx
      .delete(calls)
      .where(and(eq(calls.id, id), visibleTo(ctx.actor)))
      .returning({
        id: calls.id,
        orgId: calls.orgId,
        blobKey: calls.blobKey,
        status: calls.status,
        coachingStatus: calls.coachingStatus,
        repUserId: calls.repUserId,
        crmDealId: calls.crmDealId,
      });
    if (!deleted) return undefined;
    await deleteJobs(tx, { orgId: deleted.orgId, subject: id });
    await recordEvent(tx, {
      orgId: deleted.orgId,
      type: "call.deleted",
      subject: id,
      payload: callEventPayload(deleted),
      createdAt: ctx.services.now(),
    });
    return deleted;
  });
  if (!row) throw new DebriefError("not_found", `no call ${id}`);
  if (row.blobKey) await ctx.services.blobs.delete(row.blobKey);
}

const summaryColumns = {
  id: calls.id,
  status: calls.status,
  source: calls.source,
  title: calls.title,
  occurredAt: calls.occurredAt,
  repUserId: calls.repUserId,
  fileName: calls.fileName,
  crmDealId: calls.crmDealId,
  crmContactId: calls.crmContactId,
  speakerRoles: calls.speakerRoles,
  failure: calls.failure,
  coachingStatus: calls.coachingStatus,
  createdAt: calls.createdAt,
  updatedAt: calls.updatedAt,
};

type SummaryRow = Pick<Call, keyof typeof summaryColumns>;

function toSummary(r: SummaryRow): CallSummary {
  return {
    id: r.id,
    status: r.status,
    source: r.source,
    title: r.title,
    occurredAt: r.occurredAt.toISOString(),
    repUserId: r.repUserId,
    fileName: r.fileName,
    crm: { dealId: r.crmDealId, contactId: r.crmContactId },
    speakerRoles: r.speakerRoles,
    failure: (r.failure as CallFailure | null) ?? null,
    coachingStatus: r.coachingStatus,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

export function toDetail(r: SummaryRow & Pick<Call, "analysis" | "coaching">): CallDetail {
  return { ...toSummary(r), analysis: r.analysis ? withCoaching(r.analysis, r.coaching) : null };
}
