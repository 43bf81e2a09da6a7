import { z } from "zod";
import { RoleSchema, TranscriptFormatSchema } from "../transcript/model.js";
import { ROLE_SOURCES } from "./roles.js";

/**
 * The analysis result (analysis contract §4). These schemas are the single source of the output
 * shape: the library's types, the JSON Schema in `docs/schema/` and the API responses derive from them.
 * Timing fields are `null` when the transcript has no timestamps (never 0).
 */

const sec = z.number().nullable().describe("seconds, rounded to the millisecond; null without timing");

export const SpeakerStatsSchema = z.object({
  id: z.string(),
  role: RoleSchema,
  talkTimeSec: sec,
  talkShare: z.number().min(0).max(1).nullable(),
  words: z.number().int().min(0),
  wpm: z.number().min(0).nullable(),
  turns: z.number().int().min(0).nullable(),
  interruptions: z.number().int().min(0).nullable(),
  fillerWords: z.number().int().min(0),
  questions: z.number().int().min(0),
});
export type SpeakerStats = z.infer<typeof SpeakerStatsSchema>;

export const QuestionKindSchema = z.enum(["open", "closed"]);

const OpenClosedSchema = z.object({ open: z.number().int().min(0), closed: z.number().int().min(0) });

export const CallMetricsSchema = z.object({
  talkRatio: z.number().min(0).max(1).nullable().describe("rep talk time ÷ (rep + customer talk time)"),
  longestMonologueSec: sec,
  longestCustomerStorySec: sec,
  interactivity: z.number().min(0).nullable().describe("speaker switches per minute"),
  patienceSec: sec,
  silenceSec: sec,
  pauses: z.number().int().min(0).nullable(),
  longestPauseSec: sec,
  questions: z.object({ rep: OpenClosedSchema, customer: OpenClosedSchema }),
});
export type CallMetrics = z.infer<typeof CallMetricsSchema>;

export const QuestionSchema = z.object({
  speaker: z.string(),
  start: z.number().nullable(),
  text: z.string(),
  kind: QuestionKindSchema,
});
export type Question = z.infer<typeof QuestionSchema>;

export const CallAnalysisSchema = z.object({
  language: z.string(),
  roleSource: z.enum(ROLE_SOURCES),
  durationSec: sec,
  speakers: z.array(SpeakerStatsSchema),
  metrics: CallMetricsSchema,
  questions: z.array(QuestionSchema),
});
export type CallAnalysis = z.infer<typeof CallAnalysisSchema>;

/** One NDJSON line of `debrief analyze --json`. */
export const FileAnalysisSchema = z.object({
  file: z.string(),
  format: TranscriptFormatSchema,
  ...CallAnalysisSchema.shape,
});
export type FileAnalysis = z.infer<typeof FileAnalysisSchema>;
