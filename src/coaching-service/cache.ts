import { sha256Hex } from "../auth/keys.js";
import { type Coaching, CoachingSchema } from "../coaching/contract.js";
import type { CoachingInput } from "../coaching/engine.js";

/**
 * Where OpenAI coaching results are kept, so re-analysing the same call with the same playbook,
 * prompt and model costs nothing. Only results the model produced are stored (never a fallback).
 */
export interface CoachingCache {
  get(key: string): Promise<Coaching | null>;
  set(key: string, value: Coaching): Promise<void>;
}

/** An in-process cache (tests, the CLI); values are copied in and out. */
export function memoryCoachingCache(): CoachingCache & { readonly size: number } {
  const map = new Map<string, Coaching>();
  return {
    get size() {
      return map.size;
    },
    async get(key) {
      const hit = map.get(key);
      return hit ? structuredClone(hit) : null;
    },
    async set(key, value) {
      map.set(key, structuredClone(value));
    },
  };
}

/** A stored value read back through the contract (a DB-backed cache hands over JSON). */
export function parseCachedCoaching(value: unknown): Coaching | null {
  const r = CoachingSchema.safeParse(value);
  return r.success ? r.data : null;
}

/**
 * The cache key: SHA-256 of the transcript's hash, the speaker roles (they change the prompt),
 * the playbook (id, version and a hash of its definition, so an edit without a version bump does
 * not serve stale results), the prompt version and the model.
 *
 * @example
 * await coachingCacheKey(input, { model: "gpt-4.1-mini", promptVersion: "coaching@1" }) // "9f2c…" (64 hex)
 */
export async function coachingCacheKey(
  input: CoachingInput,
  engine: { model: string; promptVersion: string },
): Promise<string> {
  const transcript = await sha256Hex(JSON.stringify(input.transcript));
  const playbook = input.playbook
    ? {
        id: input.playbook.id,
        version: input.playbook.version,
        hash: await sha256Hex(JSON.stringify(input.playbook)),
      }
    : null;
  const roles = input.analysis.speakers.map((s) => [s.id, s.role]);
  return sha256Hex(
    JSON.stringify({ transcript, roles, playbook, promptVersion: engine.promptVersion, model: engine.model }),
  );
}
