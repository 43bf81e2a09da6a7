import { z } from "zod";
import { CoachedAnalysisSchema } from "../coaching/output.js";
import { CALL_SOURCES, CALL_STATUSES, COACHING_STATUSES } from "../db/schema/index.js";
import { line } from "../input.js";
import { TranscriptFormatSchema } from "../transcript/model.js";

/**
 * An ISO 8601 instant between 1970 and 9999: year 0000 (and other dates PostgreSQL and JavaScript
 * disagree on) is a 422 naming the field, never a database error.
 */
const instant = () =>
  z.iso.datetime({ offset: true }).refine(
    (v) => {
      const ms = Date.parse(v);
      // Not a date at all is the format check's issue; report it once, not twice.
      return !Number.isFinite(ms) || (ms >= 0 && ms < Date.UTC(10000, 0, 1));
    },
    { message: "must be between 1970-01-01 and 9999-12-31" },
  );

const ids = z.array(line().min(1).max(200)).max(50);

/** Metadata that comes with an upload (multipart fields or JSON body). */
export const CallMetaSchema = z.object({
  title: line().trim().min(1).max(300).optional(),
  occurredAt: instant().optional().describe("when the call happened (ISO 8601)"),
  repUserId: line()
    .min(1)
    .optional()
    .describe("the Debrief user who ran the call; reps default to themselves"),
  speakerRoles: z
    .object({ rep: ids.optional(), customer: ids.optional() })
    .optional()
    .describe("speaker ids (or names) of the rep side and the customer side, as in the transcript"),
  crmDealId: line().min(1).max(200).optional(),
  crmContactId: line().min(1).max(200).optional(),
  format: TranscriptFormatSchema.optional().describe("force the transcript format instead of detecting it"),
  language: line()
    .min(2)
    .max(35)
    .optional()
    .describe(
      "the call's language (BCP-47, e.g. es or pt-BR); en, ru, es, de, fr and pt have filler and question rules, others use English's; detected when absent",
    ),
  playbook: z
    .string()
    .regex(/^[a-z0-9][a-z0-9_-]*$/)
    .max(60)
    .optional()
    .describe("playbook id to judge the call against; default: the organization's default playbook"),
});
export type CallMeta = z.infer<typeof CallMetaSchema>;

export const AudioUrlBodySchema = CallMetaSchema.extend({
  audioUrl: z.url({ protocol: /^https?$/ }).describe("a publicly reachable audio file Deepgram can fetch"),
  multichannel: z.boolean().optional().describe("one speaker per channel (stereo call recordings)"),
});

export const CallFailureSchema = z.object({
  code: z.string(),
  message: z.string(),
  attempts: z.number().int(),
});

export const CallSummarySchema = z.object({
  id: z.string(),
  status: z.enum(CALL_STATUSES),
  source: z.enum(CALL_SOURCES),
  title: z.string().nullable(),
  occurredAt: z.string().describe("ISO 8601"),
  repUserId: z.string().nullable(),
  fileName: z.string().nullable(),
  crm: z.object({ dealId: z.string().nullable(), contactId: z.string().nullable() }),
  speakerRoles: z.object({ rep: z.array(z.string()).optional(), customer: z.array(z.string()).optional() }),
  failure: CallFailureSchema.nullable(),
  coachingStatus: z
    .enum(COACHING_STATUSES)
    .describe("objections, playbook, summary: pending until the coach job ran"),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type CallSummary = z.infer<typeof CallSummarySchema>;

export const CallDetailSchema = CallSummarySchema.extend({
  analysis: CoachedAnalysisSchema.nullable().describe(
    "the analysis contract's JSON (with objections, playbook, summary, crm once coaching is done); null until analysed",
  ),
});
export type CallDetail = z.infer<typeof CallDetailSchema>;

export const ListCallsQuerySchema = z.object({
  repUserId: line().optional(),
  status: z.enum(CALL_STATUSES).optional(),
  from: instant().optional().describe("occurredAt ≥ from"),
  to: instant().optional().describe("occurredAt < to"),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: line().max(200).optional(),
});
export type ListCallsQuery = z.infer<typeof ListCallsQuerySchema>;
