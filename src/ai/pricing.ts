/**
 * Standard (non-batch, uncached-input) prices in USD per 1M tokens, from OpenAI's public price
 * list. Dated snapshots (`gpt-4.1-mini-2025-04-14`) price as their base model. An unknown model
 * (another vendor behind OPENAI_BASE_URL, a fine-tune) costs 0 and says so in `note`.
 */
export const PRICES_PER_MILLION: Readonly<Record<string, { input: number; output: number }>> = {
  "gpt-4.1": { input: 2.0, output: 8.0 },
  "gpt-4.1-mini": { input: 0.4, output: 1.6 },
  "gpt-4.1-nano": { input: 0.1, output: 0.4 },
  "gpt-4o": { input: 2.5, output: 10.0 },
  "gpt-4o-mini": { input: 0.15, output: 0.6 },
  "o4-mini": { input: 1.1, output: 4.4 },
};

const SNAPSHOT = /-\d{4}-\d{2}-\d{2}$/;

export interface CostEstimate {
  usd: number;
  /** Why the figure is 0 or approximate; null when the model is priced. */
  note: string | null;
}

/**
 * @example
 * estimateCost("gpt-4.1-mini", 10_000, 1_000) // { usd: 0.0056, note: null }
 */
export function estimateCost(model: string, promptTokens: number, completionTokens: number): CostEstimate {
  const price = PRICES_PER_MILLION[model] ?? PRICES_PER_MILLION[model.replace(SNAPSHOT, "")];
  if (!price) return { usd: 0, note: `no price known for model '${model}': cost reported as 0` };
  const usd = (promptTokens * price.input + completionTokens * price.output) / 1_000_000;
  return { usd: Math.round(usd * 1e6) / 1e6, note: null };
}
