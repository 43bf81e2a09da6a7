import { z } from "zod";
import { sha256Hex } from "../auth/keys.js";
import { type AnalysisCaps, type ParsedUpload, parseAndAnalyze } from "../calls/analyze-upload.js";
import { AudioUrlBodySchema, type CallMeta, CallMetaSchema } from "../calls/schemas.js";
import type { Playbook } from "../coaching/contract.js";
import { type Settled, settle } from "../cpu/errors.js";
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
  | {
      kind: "transcript";
      content: string;
      /** The transcript as the body held it, when an object: `content` is its JSON text. */
      value?: Record<string, unknown>;
      fileName: string;
      meta: CallMeta;
    }
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
  if (typeof transcript === "string")
    return { kind: "transcript", content: transcript, fileName: fileName ?? "transcript", meta };
  return {
    kind: "transcript",
    content: JSON.stringify(transcript),
    value: transcript,
    fileName: fileName ?? "transcript.json",
    meta,
  };
}

/** Throws the 422 of an audio URL body that failed its schema. */
export function audioUrlData(upload: Extract<JsonUpload, { kind: "audioUrl" }>) {
  if (!upload.parsed.ok) throw invalidErrors(upload.parsed.errors);
  return upload.parsed.data;
}

/** A large transcript upload read on the CPU pool: hashed, and already parsed and analysed. */
export interface AnalysedJsonUpload {
  kind: "transcript";
  /** SHA-256 of the transcript's text as UTF-8 (what the inline path hashes). */
  contentHash: string;
  fileName: string;
  meta: CallMeta;
  /** The parse and analysis, or their refusal: reported after the upload's other checks. */
  analysed: Settled<ParsedUpload>;
}

/**
 * A large JSON upload from its bytes, in one CPU task (on the Node server, a worker thread): the
 * API's JSON rule (strict UTF-8, depth, control characters, numbers — `parseJsonBody`), the
 * upload's schema, the transcript's SHA-256, then its parse and analysis (`parseAndAnalyze`). One
 * task where there were two: the text no longer goes back to the event loop as bytes to be sent
 * to the pool again and decoded there. The body's refusals are thrown (the same problems as the
 * inline path's, which reads small bodies); the transcript's are settled, so the event loop still
 * makes its checks first.
 *
 * @example
 * const upload = await cpu.run("jsonUpload", { bytes, caps });
 * if (upload.kind === "transcript") unwrap(upload.analysed).analysis;
 */
export async function readJsonUploadBytes(input: {
  bytes: Uint8Array;
  caps: AnalysisCaps;
  /** `parseAndAnalyze`'s `retain`. */
  retain?: boolean | undefined;
  /**
   * `parseAndAnalyze`'s `coach` with the organization's default playbook, for a body that names
   * none (one that names a playbook is coached once the event loop has resolved it).
   */
  coachWithDefault?: { playbook: Playbook } | undefined;
}): Promise<Extract<JsonUpload, { kind: "audioUrl" }> | AnalysedJsonUpload> {
  const upload = readJsonUpload(parseJsonBody(input.bytes).value);
  if (upload.kind !== "transcript") return upload;
  const { content, value, fileName, meta } = upload;
  const contentHash = await sha256Hex(content);
  const analysed = settle(() =>
    parseAndAnalyze({
      content,
      // An object is parsed from the value the body already made, not from its JSON text again.
      ...(value ? { value } : {}),
      fileName,
      format: meta.format,
      roles: meta.speakerRoles ?? {},
      language: meta.language,
      caps: input.caps,
      retain: input.retain,
      coach: meta.playbook === undefined ? input.coachWithDefault : undefined,
    }),
  );
  return { kind: "transcript", contentHash, fileName, meta, analysed };
}
