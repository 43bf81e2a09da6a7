import { z } from "zod";

export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string(),
    instance: z.string().optional(),
    requestId: z.string().optional(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .describe("RFC 9457 problem details");

const DESCRIPTIONS: Record<number, string> = {
  400: "bad request",
  401: "missing, unknown or revoked API key",
  403: "the key's role does not allow this",
  404: "not found (or not visible to this key)",
  409: "conflict",
  413: "payload too large",
  415: "neither a supported transcript nor a recognised audio file",
  422: "validation failed (the problem's `errors` point at the fields)",
  429: "rate limited (see Retry-After)",
  503: "unavailable",
};

/** OpenAPI entries for the problem responses a route can give. */
export function problemResponses<S extends number>(
  ...statuses: S[]
): Record<
  S,
  { description: string; content: { "application/problem+json": { schema: typeof ProblemSchema } } }
> {
  const out = {} as Record<
    S,
    { description: string; content: { "application/problem+json": { schema: typeof ProblemSchema } } }
  >;
  for (const s of statuses) {
    out[s] = {
      description: DESCRIPTIONS[s] ?? "error",
      content: { "application/problem+json": { schema: ProblemSchema } },
    };
  }
  return out;
}
