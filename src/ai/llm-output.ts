import { z } from "zod";
import { OBJECTION_CATEGORIES, PLAYBOOK_ITEM_STATUSES } from "../coaching/contract.js";

/**
 * What the model returns: judgements and verbatim quotes only. Everything computable is computed
 * by us (playbook score, start times, response delays, titles) and every quote is re-anchored to
 * the transcript before it reaches a CoachingContent. OpenAI strict structured outputs: every
 * property required (nullable instead of optional), no additional properties — the JSON schema
 * sent to the API is derived from these zod schemas (`zodResponseFormat`). No length limits here:
 * the mapping caps lists itself, so an over-long list is trimmed instead of failing the call.
 */

// No `.describe()`s: the system prompt explains every field, and descriptions would cost tokens in
// every request (the schema is sent with each chunk).
export const LlmQuoteSchema = z.object({ speaker: z.string(), quote: z.string() });
export type LlmQuote = z.infer<typeof LlmQuoteSchema>;

export const LlmObjectionSchema = z.object({
  speaker: z.string(),
  quote: z.string(),
  category: z.enum(OBJECTION_CATEGORIES),
  handling: z.object({
    acknowledged: z.boolean(),
    clarified: z.boolean(),
    responded: z.boolean(),
    confirmed: z.boolean(),
  }),
  resolved: z.boolean(),
  response: LlmQuoteSchema.nullable(),
});
export type LlmObjection = z.infer<typeof LlmObjectionSchema>;

export const LlmPlaybookItemSchema = z.object({
  id: z.string(),
  status: z.enum(PLAYBOOK_ITEM_STATUSES),
  evidence: z.array(LlmQuoteSchema),
});
export type LlmPlaybookItem = z.infer<typeof LlmPlaybookItemSchema>;

export const LlmCoachingSchema = z.object({
  objections: z.array(LlmObjectionSchema),
  playbook: z.array(LlmPlaybookItemSchema),
  summary: z.object({
    text: z.string(),
    wentWell: z.array(z.string()),
    toChange: z.array(z.string()),
    nextSteps: z.array(
      z.object({ text: z.string(), owner: z.string().nullable(), due: z.string().nullable() }),
    ),
  }),
  crm: z.object({
    nextStep: z.string().nullable(),
    painPoints: z.array(z.string()),
    decisionMakers: z.array(z.string()),
    competitors: z.array(z.string()),
    budget: z.string().nullable(),
    timeline: z.string().nullable(),
  }),
});
export type LlmCoaching = z.infer<typeof LlmCoachingSchema>;

/** The name of the structured-output schema in requests. */
export const LLM_SCHEMA_NAME = "call_coaching";
