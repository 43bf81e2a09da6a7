import { z } from "zod";
import { sha256Hex } from "../auth/keys.js";
import { AudioUrlBodySchema, type CallMeta, CallMetaSchema } from "../calls/schemas.js";
import { DebriefError } from "../errors.js";
import { parseJsonBody } from "../http/json-body.js";
import { line } from "../input.js";
import { issuesToErrors } from "./validation.js";

// The JSON body of `POST /v1/calls`, read and validated without any service: a large one (a
// canonical transcript up to 25 MB) is read on the CPU pool (`jsonUpload` in src/cpu/tasks.ts).

/**
 * JSON upload of a transcript: the file's text (any supported format) or a canonical object. The
 * text is a plain `z.string()`, not `text()`: this schema only ever reads a body that passed the
 * API's JSON rule (`parseJsonBody`), which refused control characters in every string of it by
 * `text()`'s own rule, so a second scan of a 350 KB–25 MB transcript would find nothing.
 */
export const TranscriptJsonBodySchema = CallMetaSchema.extend({
  transcript: z
    .union([z.string().min(1), z.record(z.string(), z.unknown())])
    .describe("the transcript file's content as a string (any format), or a canonical transcript object"),
  fileName: line().min(1).max(300).optional(),
});

/** JSON upload of an audio URL for Deepgram to fetch and transcribe. */
export const AudioUrlJsonBodySchema = AudioUrlBodySchema;

/** A 422 listing zod's issues (the first one in the detail). */
export function invalid(issues: readonly z.core.$ZodIssue[]): never {
  throw invalidErrors(issuesToErrors(issues));
}

function invalidErrors(errors: Array<{ path: string; message: string }>): DebriefError {
  return new DebriefError(
    "validation_failed",
    errors[0] ? `${errors[0].path}: ${errors[0].message}` : "invalid upload",
    { details: { errors } },
  );
}

/** A 422 naming one field. */
export function invalidField(path: string, message: string): never {
  invalid([{ code: "custom", path: [path], message, input: undefined }]);
}

/**
 * A JSON upload, validated: a transcript (its text as the parsers read it) or an audio URL. The
 * audio URL's schema errors are carried, not thrown, so the route can first say that this server
 * has no transcriber, as before.
 */
export type JsonUpload =
  | { kind: "transcript"; content: string; fileName: string; meta: CallMeta }
  | {
      kind: "audioUrl";
      parsed:
        | { ok: true; data: z.infer<typeof AudioUrlJsonBodySchema> }
        | { ok: false; errors: Array<{ path: string; message: string }> };
    };

/** The checks of `POST /v1/calls` on a JSON body already parsed (by src/api/json-bodies.ts). */
export function readJsonUpload(body: unknown): JsonUpload {
  if (typeof body === "object" && body !== null && !Array.isArray(body) && "audioUrl" in body) {
    if ("transcript" in body) invalidField("audioUrl", "send either `transcript` or `audioUrl`, not both");
    const parsed = AudioUrlJsonBodySchema.safeParse(body);
    return {
      kind: "audioUrl",
      parsed: parsed.success
        ? { ok: true, data: parsed.data }
        : { ok: false, errors: issuesToErrors(parsed.error.issues) },
    };
  }
  const parsed = TranscriptJsonBodySchema.safeParse(body);
  if (!parsed.success) invalid(parsed.error.issues);
  const { transcript, fileName, ...meta } = parsed.data;
  return {
    kind: "transcript",
    content: typeof transcript === "string" ? transcript : JSON.stringify(transcript),
    fileName: fileName ?? (typeof transcript === "string" ? "transcript" : "transcript.json"),
    meta,
  };
}

/** Throws the 422 of an audio URL body that failed its schema. */
export function audioUrlData(upload: Extract<JsonUpload, { kind: "audioUrl" }>) {
  if (!upload.parsed.ok) throw invalidErrors(upload.parsed.errors);
  return upload.parsed.data;
}

/**
 * A large JSON upload from its bytes, off the request path: the API's JSON rule (strict UTF-8,
 * depth, control characters, numbers — `parseJsonBody`), the upload's schema, and a transcript's
 * text as UTF-8 bytes with their SHA-256 (the content hash of the inline path, which hashes the
 * same bytes). Bytes, not a string: they move back to the event loop and on to `parseAnalyze`
 * without a copy (receiving a 25 MB string costs the event loop about as much as parsing it).
 * `keepText` (the task runs on the calling thread, nothing crosses): the text stays a string, and
 * `parseAnalyze` does not decode it again. The same errors as the inline path, which reads small
 * bodies.
 */
export async function parseJsonUpload(input: {
  bytes: Uint8Array;
  keepText?: boolean;
}): Promise<
  JsonUpload | (TranscriptBytes & { kind: "transcript" }) | (TranscriptText & { kind: "transcript" })
> {
  const upload = readJsonUpload(parseJsonBody(input.bytes).value);
  if (upload.kind !== "transcript") return upload;
  const content = new TextEncoder().encode(upload.content);
  const contentHash = await sha256Hex(content);
  return input.keepText ? { ...upload, contentHash } : { ...upload, content, contentHash };
}

/** A transcript upload's text as UTF-8 bytes, hashed. */
export interface TranscriptBytes {
  content: Uint8Array;
  contentHash: string;
  fileName: string;
  meta: CallMeta;
}

/** A transcript upload's text, hashed (`keepText`). */
export type TranscriptText = Omit<TranscriptBytes, "content"> & { content: string };
