import { z } from "zod";

/**
 * The canonical transcript (analysis contract, section 1). Every parser produces it and every
 * analysis consumes it. Times are seconds from the start of the recording; `null` where the
 * source has no timing (plain text), so timing metrics can say "unknown" instead of 0.
 */

export const ROLES = ["rep", "customer", "other"] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

const seconds = z.number().finite().min(0);

export const WordSchema = z.object({
  text: z.string(),
  start: seconds,
  end: seconds,
  confidence: z.number().min(0).max(1).optional(),
});
export type Word = z.infer<typeof WordSchema>;

export const UtteranceSchema = z.object({
  speaker: z.string().min(1, "speaker id must not be empty"),
  start: seconds.nullable(),
  end: seconds.nullable(),
  text: z.string(),
  words: z.array(WordSchema).optional(),
});
export type Utterance = z.infer<typeof UtteranceSchema>;

export const SpeakerSchema = z.object({
  id: z.string().min(1),
  name: z.string().optional(),
  role: RoleSchema.optional(),
});
export type Speaker = z.infer<typeof SpeakerSchema>;

export const TranscriptSchema = z.object({
  language: z.string().min(2).optional(),
  speakers: z.array(SpeakerSchema).optional(),
  utterances: z.array(UtteranceSchema),
});
export type Transcript = z.infer<typeof TranscriptSchema>;

/**
 * What the canonical JSON format accepts on input: like the transcript, but `start`/`end` may be
 * omitted (no timing) instead of `null`, and `words` may carry extra vendor fields.
 */
export const CanonicalInputSchema = z.object({
  language: z.string().min(2).optional(),
  speakers: z.array(SpeakerSchema).optional(),
  utterances: z.array(
    z.object({
      speaker: z.union([z.string().min(1), z.number().int()]).transform(String),
      start: seconds.nullable().optional(),
      end: seconds.nullable().optional(),
      text: z.string(),
      words: z.array(WordSchema.loose()).optional(),
    }),
  ),
});

export const TRANSCRIPT_FORMATS = [
  "canonical",
  "webvtt",
  "srt",
  "text",
  "deepgram",
  "assemblyai",
  "whisper",
  "whisper-timestamped",
] as const;
export const TranscriptFormatSchema = z.enum(TRANSCRIPT_FORMATS);
export type TranscriptFormat = z.infer<typeof TranscriptFormatSchema>;

export interface ParsedTranscript {
  format: TranscriptFormat;
  transcript: Transcript;
}
