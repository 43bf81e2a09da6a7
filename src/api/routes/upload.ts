import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import { z } from "zod";
import { newId, sha256Hex } from "../../auth/keys.js";
import {
  type AudioKind,
  decodeUploadText,
  peekStream,
  SNIFF_BYTES,
  sniffAudio,
  sniffOtherBinary,
} from "../../calls/audio.js";
import {
  analysisCaps,
  type CallCtx,
  type CreateResult,
  createAudioCall,
  createTranscriptCall,
  defaultUploadCoaching,
  keepsTranscripts,
  MAX_IDEMPOTENCY_KEY_LENGTH,
} from "../../calls/operations.js";
import { CallDetailSchema, type CallMeta, CallMetaSchema } from "../../calls/schemas.js";
import { DebriefError } from "../../errors.js";
import { type FilePartInfo, readMultipart } from "../../http/multipart.js";
import { mb, readLimited } from "../../http/read-limited.js";
import { line } from "../../input.js";
import { assertPublicUrl, urlGuardOptions } from "../../net/public-url.js";
import type { Services } from "../../services.js";
import type { AppEnv } from "../env.js";
import {
  AudioUrlJsonBodySchema,
  audioUrlData,
  invalid,
  invalidField,
  readJsonUpload,
  TranscriptJsonBodySchema,
} from "../upload-json.js";
import { problemResponses } from "./common.js";

/** Multipart text fields → CallMeta (lists as "a,b" or JSON; speakerRoles as JSON). */
export function metaFromFields(fields: Record<string, string>): CallMeta {
  const list = (v: string | undefined) => {
    if (v === undefined) return undefined;
    const t = v.trim();
    if (t.startsWith("[")) {
      try {
        return z.array(line()).parse(JSON.parse(t));
      } catch {
        return [t];
      }
    }
    return t
      .split(",")
      .map((x) => x.trim())
      .filter(Boolean);
  };
  let speakerRoles: unknown;
  if (fields.speakerRoles !== undefined) {
    try {
      speakerRoles = JSON.parse(fields.speakerRoles);
    } catch {
      invalid([
        {
          code: "custom",
          path: ["speakerRoles"],
          message: 'must be JSON like {"rep":["Dana"]}',
          input: fields.speakerRoles,
        },
      ]);
    }
  } else if (fields.rep !== undefined || fields.customer !== undefined) {
    speakerRoles = { rep: list(fields.rep), customer: list(fields.customer) };
  }
  const raw = {
    title: fields.title,
    occurredAt: fields.occurredAt,
    repUserId: fields.repUserId,
    speakerRoles,
    crmDealId: fields.crmDealId,
    crmContactId: fields.crmContactId,
    format: fields.format,
    language: fields.language,
    playbook: fields.playbook,
  };
  const parsed = CallMetaSchema.safeParse(
    Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined)),
  );
  if (!parsed.success) invalid(parsed.error.issues);
  return parsed.data;
}

/** `multichannel` form field: true/false (also 1/0, yes/no, on/off); absent means false. */
function booleanField(fields: Record<string, string>, name: string): boolean {
  const v = fields[name]?.trim().toLowerCase();
  if (v === undefined || v === "" || v === "false" || v === "0" || v === "no" || v === "off") return false;
  if (v === "true" || v === "1" || v === "yes" || v === "on") return true;
  invalidField(name, "must be true or false");
}

// ---------------------------------------------------------------------------------------------
// The route
// ---------------------------------------------------------------------------------------------

type FileUpload =
  | { kind: "transcript"; content: string; fileName: string }
  | { kind: "audio"; blobKey: string; sha256: string; audio: AudioKind; fileName: string };

function notConfigured(what: string): DebriefError {
  return new DebriefError(
    "transcription.not_configured",
    `${what}: transcribing audio needs Deepgram, and this server has no DEEPGRAM_API_KEY. Set DEEPGRAM_API_KEY (and DEEPGRAM_BASE_URL for self-hosted Deepgram) and restart, or upload a transcript instead`,
  );
}

function notRecognised(fileName: string, detected: string): DebriefError {
  return new DebriefError(
    "unsupported_media_type",
    `${fileName}: neither a supported transcript nor a recognised audio container (detected: ${detected}). Send a transcript (WebVTT, SRT, plain text, Deepgram/AssemblyAI/Whisper JSON) or audio (WAV, MP3, M4A/MP4, FLAC, Ogg/Opus, WebM, AAC, AMR, CAF)`,
  );
}

/** The `file` part: sniffed, then streamed to the blob store (audio) or read as text (transcript). */
async function receiveFile(
  services: Services,
  orgId: string,
  info: FilePartInfo,
  body: ReadableStream<Uint8Array>,
): Promise<FileUpload> {
  const { head, stream } = await peekStream(body, SNIFF_BYTES);
  const audio = sniffAudio(head);
  if (audio) {
    const fileName = info.filename || `audio.${audio.container}`;
    if (!services.transcriber) {
      await stream.cancel().catch(() => {});
      throw notConfigured(`${fileName} is ${audio.label} audio`);
    }
    const blobKey = `audio/${orgId}/${newId("blob")}`;
    const { sha256 } = await services.blobs.put(blobKey, stream, {
      contentType: audio.mediaType,
      maxBytes: services.config.DEBRIEF_MAX_AUDIO_MB * 1e6,
    });
    return { kind: "audio", blobKey, sha256, audio, fileName };
  }
  const fileName = info.filename || "transcript";
  const other = sniffOtherBinary(head);
  if (other) {
    await stream.cancel().catch(() => {});
    throw notRecognised(fileName, other);
  }
  const bytes = await readLimited(stream, services.config.DEBRIEF_MAX_TRANSCRIPT_MB * 1e6, "transcripts");
  const text = decodeUploadText(bytes);
  if (!text.ok) throw notRecognised(fileName, text.reason);
  return { kind: "transcript", content: text.text, fileName };
}

/** Hooks for other front ends of the same upload (the dashboard's form). */
export interface MultipartUploadOptions {
  /** Runs when the file part starts, with the fields seen so far; throw to refuse before storing anything. */
  beforeFile?: (fields: Readonly<Record<string, string>>) => void;
  /** Treat empty text fields as absent (HTML forms send every field, filled or not). */
  ignoreEmptyFields?: boolean;
}

/** A multipart upload (`file` + metadata fields), streamed: see the route's description. */
export async function createFromMultipart(
  c: Context<AppEnv>,
  ctx: CallCtx,
  type: string,
  idempotencyKey: string | undefined,
  options: MultipartUploadOptions = {},
): Promise<CreateResult> {
  const { services } = ctx;
  const body = c.req.raw.body;
  if (!body) invalidField("file", "a `file` part with the transcript or audio is required");
  const fields: Record<string, string> = {};
  // A holder, not a `let`: the assignment happens inside the onFile callback.
  const received: { upload: FileUpload | null } = { upload: null };
  const maxFile =
    Math.max(services.config.DEBRIEF_MAX_AUDIO_MB, services.config.DEBRIEF_MAX_TRANSCRIPT_MB) * 1e6;
  try {
    await readMultipart(
      body,
      type,
      {
        onField(name, value) {
          if (options.ignoreEmptyFields && value.trim() === "") return;
          fields[name] = value;
        },
        async onFile(info, stream) {
          if (options.beforeFile) {
            try {
              options.beforeFile(fields);
            } catch (err) {
              await stream.cancel().catch(() => {});
              throw err;
            }
          }
          if (info.name !== "file") {
            await stream.cancel().catch(() => {});
            invalidField(info.name, "unexpected file part: send the transcript or audio as `file`");
          }
          if (received.upload) {
            await stream.cancel().catch(() => {});
            invalidField("file", "one `file` per upload");
          }
          received.upload = await receiveFile(services, ctx.actor.orgId, info, stream);
        },
      },
      // Metadata fields are small; the total allows the largest file plus its fields.
      { maxParts: 64, maxFieldBytes: 64 * 1024, maxTotalBytes: maxFile + 1e6 },
    );
  } catch (err) {
    const got = received.upload;
    if (got?.kind === "audio") await services.blobs.delete(got.blobKey);
    throw err;
  }
  const file = received.upload;
  if (!file) invalidField("file", "a `file` part with the transcript or audio is required");

  if (file.kind === "transcript") {
    return createTranscriptCall(ctx, {
      content: file.content,
      fileName: file.fileName,
      meta: metaFromFields(fields),
      idempotencyKey,
    });
  }
  // Audio: the bytes are stored; any refusal from here on must take them back out.
  let result: CreateResult;
  try {
    result = await createAudioCall(ctx, {
      contentHash: file.sha256,
      blobKey: file.blobKey,
      audioUrl: null,
      mediaType: file.audio.mediaType,
      fileName: file.fileName,
      multichannel: booleanField(fields, "multichannel"),
      meta: metaFromFields(fields),
      idempotencyKey,
    });
  } catch (err) {
    await services.blobs.delete(file.blobKey);
    throw err;
  }
  // An identical upload already existed: it keeps its own blob, this copy is not needed.
  if (!result.created) await services.blobs.delete(file.blobKey);
  return result;
}

/**
 * An audio URL Deepgram may be asked to fetch: https to public addresses only (names resolved and
 * checked too), else a 422 naming `audioUrl` — never a request into the server's own network.
 */
async function assertPublicAudioUrl(services: Services, audioUrl: string): Promise<void> {
  try {
    await assertPublicUrl(audioUrl, urlGuardOptions(services.config, services.resolve));
  } catch (err) {
    if (err instanceof DebriefError) invalidField("audioUrl", err.message);
    throw err;
  }
}

async function createFromJson(
  c: Context<AppEnv>,
  ctx: CallCtx,
  idempotencyKey: string | undefined,
): Promise<CreateResult> {
  // Read and checked by the API's one JSON rule (src/api/json-bodies.ts): strict UTF-8, bounded
  // depth, no control characters, no number out of range (1e400 would be stored as null). A large
  // body comes unread: it is decoded, parsed, validated, and its transcript parsed and analysed,
  // in one task on the CPU pool, its bytes moved there.
  const { services } = ctx;
  const maxBytes = services.config.DEBRIEF_MAX_TRANSCRIPT_MB * 1e6;
  const large = c.get("largeJsonBody");
  const got = c.get("jsonBody");
  if ((large?.byteLength ?? got?.bytes ?? 0) > maxBytes)
    throw new DebriefError("payload_too_large", `JSON uploads are limited to ${mb(maxBytes)}`);
  const upload = large
    ? await services.cpu.run(
        "jsonUpload",
        {
          bytes: large,
          caps: analysisCaps(services.config),
          retain: keepsTranscripts(services),
          // Coached in the same task when the body names no playbook (the default's, read first).
          coachWithDefault: await defaultUploadCoaching(ctx),
        },
        [large.buffer as ArrayBuffer],
      )
    : readJsonUpload(got?.value);
  if (upload.kind === "audioUrl") {
    if (!services.transcriber) throw notConfigured("audioUrl");
    const { audioUrl, multichannel, ...meta } = audioUrlData(upload);
    await assertPublicAudioUrl(services, audioUrl);
    return createAudioCall(ctx, {
      contentHash: await sha256Hex(audioUrl),
      blobKey: null,
      audioUrl,
      mediaType: null,
      fileName: null,
      multichannel: multichannel ?? false,
      meta,
      idempotencyKey,
    });
  }
  const { fileName, meta } = upload;
  return createTranscriptCall(
    ctx,
    "analysed" in upload
      ? { contentHash: upload.contentHash, analysed: upload.analysed, fileName, meta, idempotencyKey }
      : { content: upload.content, fileName, meta, idempotencyKey },
  );
}

/** The Idempotency-Key header, compared whole: a key longer than the limit is refused, never cut. */
export function idempotencyKeyOf(header: string | undefined): string | undefined {
  if (header === undefined || header === "") return undefined;
  if (header.length > MAX_IDEMPOTENCY_KEY_LENGTH) {
    invalidField("Idempotency-Key", `at most ${MAX_IDEMPOTENCY_KEY_LENGTH} characters`);
  }
  return header;
}

export function registerUploadRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openAPIRegistry.registerPath({
    method: "post",
    path: "/v1/calls",
    tags: ["calls"],
    summary: "Upload a call: a transcript (any supported format) or audio; returns 202 with the call id",
    description:
      "multipart/form-data with a `file` part (a transcript, or audio: WAV, MP3, M4A/MP4, FLAC, Ogg/Opus, WebM, AAC, AMR, CAF — detected from the bytes, streamed, never buffered) and metadata fields (title, occurredAt, repUserId, rep, customer, speakerRoles, crmDealId, crmContactId, format, language, multichannel) before or after it; or JSON with `transcript` — or `audioUrl` (+ `multichannel`) — and the same metadata. Transcripts are analysed at once (status done) and, on a Node server without OpenAI, coached at once too (coachingStatus done; otherwise pending until a background job coaches them); audio is queued for transcription (status queued) and needs DEEPGRAM_API_KEY on the server (else 422). Your own identical upload (same content, or the same Idempotency-Key with the same request) returns that call with `idempotent-replayed: true`; de-duplication never looks at colleagues' uploads. An Idempotency-Key (at most 255 characters) reused with another body or other metadata is refused with 422 `idempotency_key_reused`.",
    security: [{ bearer: [] }],
    request: {
      headers: z.object({ "idempotency-key": z.string().max(MAX_IDEMPOTENCY_KEY_LENGTH).optional() }),
      body: {
        content: {
          "application/json": { schema: z.union([TranscriptJsonBodySchema, AudioUrlJsonBodySchema]) },
          "multipart/form-data": {
            schema: z
              .object({
                file: z.string().describe("the transcript or audio file (binary)"),
                multichannel: z
                  .enum(["true", "false"])
                  .optional()
                  .describe("audio only: one speaker per channel (stereo call recordings)"),
              })
              .catchall(z.string()),
          },
        },
      },
    },
    responses: {
      202: {
        description: "accepted (or an identical upload already existed)",
        content: { "application/json": { schema: CallDetailSchema } },
      },
      ...problemResponses(401, 403, 409, 413, 415, 422, 429),
    },
  });

  app.post("/v1/calls", async (c) => {
    const services = c.get("services");
    const ctx: CallCtx = { services, actor: c.get("actor") };
    const idempotencyKey = idempotencyKeyOf(c.req.header("idempotency-key"));
    const type = c.req.header("content-type") ?? "";
    const lower = type.toLowerCase();
    const declared = Number(c.req.header("content-length") ?? "0");
    let result: CreateResult;
    if (lower.startsWith("application/json")) {
      const max = services.config.DEBRIEF_MAX_TRANSCRIPT_MB * 1e6;
      if (declared > max)
        throw new DebriefError("payload_too_large", `JSON uploads are limited to ${mb(max)}`);
      result = await createFromJson(c, ctx, idempotencyKey);
    } else if (lower.startsWith("multipart/form-data")) {
      const max =
        Math.max(services.config.DEBRIEF_MAX_AUDIO_MB, services.config.DEBRIEF_MAX_TRANSCRIPT_MB) * 1e6 + 1e6;
      if (declared > max)
        throw new DebriefError("payload_too_large", `uploads are limited to ${mb(max - 1e6)}`);
      result = await createFromMultipart(c, ctx, type, idempotencyKey);
    } else {
      throw new DebriefError(
        "unsupported_media_type",
        "send multipart/form-data (a `file` part) or application/json",
      );
    }
    if (!result.created) c.header("idempotent-replayed", "true");
    c.header("location", `/v1/calls/${result.call.id}`);
    return c.json(result.call, 202);
  });
}
