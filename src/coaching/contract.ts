import { z } from "zod";

/**
 * The coaching contract: what both engines (OpenAI and the deterministic rules engine) return for
 * a call — objections, playbook adherence, a summary for the rep and CRM-ready fields. These zod
 * schemas are also the OpenAI structured-output schemas, so the model cannot drift from them.
 */

export const OBJECTION_CATEGORIES = [
  "price",
  "timing",
  "authority",
  "need",
  "competitor",
  "trust",
  "other",
] as const;
export const ObjectionCategorySchema = z
  .enum(OBJECTION_CATEGORIES)
  .describe("price/budget, timing, authority, need/no interest, competitor/status quo, trust/risk, other");
export type ObjectionCategory = z.infer<typeof ObjectionCategorySchema>;

/** A quote from the transcript, re-anchored to the utterance it was found in. */
export const EvidenceSchema = z.object({
  speaker: z.string(),
  start: z
    .number()
    .nullable()
    .describe("start of the utterance holding the quote (seconds); null without timing"),
  quote: z.string().describe("verbatim words from the transcript"),
});
export type Evidence = z.infer<typeof EvidenceSchema>;

export const HandlingSchema = z
  .object({
    acknowledged: z.boolean().describe("the rep acknowledged the concern (empathy, restating it)"),
    clarified: z.boolean().describe("the rep asked a clarifying question about it"),
    responded: z.boolean().describe("the rep answered with value (evidence, proof, a relevant capability)"),
    confirmed: z.boolean().describe("the rep checked the answer landed ('does that address it?')"),
  })
  .describe("acknowledge → clarify with a question → respond with value → confirm");
export type Handling = z.infer<typeof HandlingSchema>;

export const ObjectionSchema = z.object({
  speaker: z.string(),
  start: z.number().nullable(),
  text: z.string().describe("the customer's objection, verbatim"),
  category: ObjectionCategorySchema,
  handling: HandlingSchema,
  /** Seconds between the end of the objection and the rep's reply; null when unknown or unanswered. */
  responseDelaySec: z.number().nullable(),
  resolved: z.boolean().describe("the customer accepted the answer or moved on positively"),
  response: EvidenceSchema.nullable().describe("the rep's reply, if any"),
});
export type Objection = z.infer<typeof ObjectionSchema>;

export const PLAYBOOK_ITEM_STATUSES = ["covered", "partly", "missed"] as const;

export const PlaybookItemResultSchema = z.object({
  id: z.string(),
  title: z.string(),
  status: z.enum(PLAYBOOK_ITEM_STATUSES),
  coveredBy: z.string().nullable().describe("speaker id who covered it"),
  evidence: z.array(EvidenceSchema),
});
export type PlaybookItemResult = z.infer<typeof PlaybookItemResultSchema>;

export const PlaybookResultSchema = z.object({
  id: z.string(),
  name: z.string(),
  version: z.string(),
  stage: z.string(),
  /** (covered + ½ partly) ÷ items. */
  score: z.number().min(0).max(1),
  items: z.array(PlaybookItemResultSchema),
});
export type PlaybookResult = z.infer<typeof PlaybookResultSchema>;

export const NextStepSchema = z.object({
  text: z.string(),
  owner: z.string().nullable().describe("who committed to it, as named in the call"),
  due: z.string().nullable().describe("when, as said in the call ('Thursday at two') or an ISO date"),
});

export const SummarySchema = z.object({
  text: z.string().describe("two or three sentences for the rep"),
  wentWell: z.array(z.string()).max(5),
  toChange: z.array(z.string()).max(2).describe("the one or two things to change next time"),
  nextSteps: z.array(NextStepSchema),
});
export type Summary = z.infer<typeof SummarySchema>;

export const CrmFieldsSchema = z.object({
  nextStep: z.string().nullable(),
  painPoints: z.array(z.string()),
  decisionMakers: z.array(z.string()),
  competitors: z.array(z.string()),
  budget: z.string().nullable(),
  timeline: z.string().nullable(),
});
export type CrmFields = z.infer<typeof CrmFieldsSchema>;

export const ENGINES = ["rules", "openai"] as const;

export const EngineInfoSchema = z.object({
  engine: z.enum(ENGINES),
  model: z.string().nullable(),
  promptVersion: z.string().nullable(),
  /** Why the OpenAI result was replaced by the rules engine's, when it was. */
  fallback: z.string().nullable(),
  cached: z.boolean(),
  promptTokens: z.number().int().min(0),
  completionTokens: z.number().int().min(0),
  estimatedCostUsd: z.number().min(0),
  /** Quotes an engine returned that are not in the transcript: dropped, and counted here. */
  unverifiedEvidenceDropped: z.number().int().min(0),
});
export type EngineInfo = z.infer<typeof EngineInfoSchema>;

/** Everything coaching adds to a call's analysis. */
export const CoachingSchema = z.object({
  engine: z.enum(ENGINES),
  engineInfo: EngineInfoSchema,
  objections: z.array(ObjectionSchema),
  playbook: PlaybookResultSchema.nullable(),
  summary: SummarySchema,
  crm: CrmFieldsSchema,
});
export type Coaching = z.infer<typeof CoachingSchema>;

/** Objection counts that join the call metrics. */
export const ObjectionMetricsSchema = z.object({
  count: z.number().int().min(0),
  /** Share of objections with at least acknowledge + respond; null when there were none. */
  handledShare: z.number().min(0).max(1).nullable(),
  resolvedShare: z.number().min(0).max(1).nullable(),
});

// ---- playbook definitions (input) ----

const nonEmpty = z.string().trim().min(1);

export const PlaybookItemSchema = z.object({
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9_-]*$/, "ids are lower-case letters, digits, '-' and '_'")
    .max(60),
  title: nonEmpty.max(120),
  description: nonEmpty.max(1000),
  why: nonEmpty.max(1000).describe("why it matters, shown to the rep"),
  examples: z.array(nonEmpty.max(300)).min(1).max(20).describe("example phrasings"),
  /** Who is expected to cover it: usually the rep asking, sometimes the customer telling. */
  by: z.enum(["rep", "customer", "any"]).default("rep"),
  signals: z
    .object({
      required: z
        .array(nonEmpty.max(100))
        .max(50)
        .default([])
        .describe("words or phrases that show the item was covered"),
      forbidden: z
        .array(nonEmpty.max(100))
        .max(50)
        .default([])
        .describe("phrases that must not be said (e.g. 'discount' in discovery)"),
    })
    .default({ required: [], forbidden: [] }),
});
export type PlaybookItem = z.infer<typeof PlaybookItemSchema>;

export const PlaybookSchema = z
  .object({
    id: z
      .string()
      .regex(/^[a-z0-9][a-z0-9_-]*$/, "ids are lower-case letters, digits, '-' and '_'")
      .max(60),
    name: nonEmpty.max(120),
    version: z.union([z.string().min(1), z.number()]).transform(String),
    stage: z.enum(["discovery", "demo", "negotiation", "closing", "renewal", "other"]),
    language: z.string().min(2).default("en"),
    description: z.string().max(2000).optional(),
    items: z.array(PlaybookItemSchema).min(1).max(40),
  })
  .superRefine((p, ctx) => {
    const seen = new Set<string>();
    p.items.forEach((item, i) => {
      if (seen.has(item.id))
        ctx.addIssue({ code: "custom", path: ["items", i, "id"], message: `duplicate item id '${item.id}'` });
      seen.add(item.id);
    });
  });
export type Playbook = z.infer<typeof PlaybookSchema>;
export type PlaybookInput = z.input<typeof PlaybookSchema>;
