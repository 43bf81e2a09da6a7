import type { Role } from "../transcript/model.js";

export const ROLE_SOURCES = ["options", "transcript", "guessed"] as const;
export type RoleSource = (typeof ROLE_SOURCES)[number];

export interface RoleOptions {
  /** Speaker ids (or, failing that, display names) of the company's reps. */
  rep?: readonly string[];
  /** Speaker ids (or display names) of the customer side. */
  customer?: readonly string[];
}

export interface SpeakerFacts {
  id: string;
  name?: string | undefined;
  /** Role declared in the transcript's `speakers[]`. */
  declaredRole?: Role | undefined;
  /** Questions the speaker asked (reps ask most of them). */
  questions: number;
  /** Position of the speaker's first utterance (the rep usually opens the call). */
  firstIndex: number;
}

export interface RoleAssignment {
  roles: Map<string, Role>;
  source: RoleSource;
  /** Option values that matched no speaker, so the CLI can warn about typos. */
  unmatched: string[];
}

/**
 * Roles per the contract: explicit options first, then `speakers[].role`, then a guess.
 *
 * The guess (documented in docs/metrics.md): speakers with a declared role keep it. If no rep is
 * known, the undeclared speaker who asked the most questions is the rep (ties: who spoke first),
 * since discovery-style questioning is the rep's job; every other undeclared speaker is a customer.
 *
 * @example
 * assignRoles([{ id: "A", questions: 5, firstIndex: 0 }, { id: "B", questions: 1, firstIndex: 1 }], {})
 * // roles A → rep, B → customer, source "guessed"
 */
export function assignRoles(speakers: readonly SpeakerFacts[], options: RoleOptions): RoleAssignment {
  const roles = new Map<string, Role>();
  const repOpt = options.rep ?? [];
  const custOpt = options.customer ?? [];

  if (repOpt.length > 0 || custOpt.length > 0) {
    const unmatched: string[] = [];
    const reps = resolveNames(repOpt, speakers, unmatched);
    const customers = resolveNames(custOpt, speakers, unmatched);
    for (const s of speakers) {
      if (reps.has(s.id)) roles.set(s.id, "rep");
      else if (customers.has(s.id)) roles.set(s.id, "customer");
      // Naming one side only means "everyone else is the other side" (contract §1, Roles).
      else if (custOpt.length === 0) roles.set(s.id, "customer");
      else if (repOpt.length === 0) roles.set(s.id, "rep");
      else roles.set(s.id, s.declaredRole ?? "other");
    }
    return { roles, source: "options", unmatched };
  }

  if (speakers.every((s) => s.declaredRole !== undefined)) {
    for (const s of speakers) roles.set(s.id, s.declaredRole!);
    return { roles, source: "transcript", unmatched: [] };
  }

  for (const s of speakers) if (s.declaredRole) roles.set(s.id, s.declaredRole);
  const undeclared = speakers.filter((s) => s.declaredRole === undefined);
  const repKnown = [...roles.values()].includes("rep");
  let guessedRep: string | undefined;
  if (!repKnown) {
    const ranked = [...undeclared].sort((a, b) => b.questions - a.questions || a.firstIndex - b.firstIndex);
    guessedRep = ranked[0]?.id;
  }
  for (const s of undeclared) roles.set(s.id, s.id === guessedRep ? "rep" : "customer");
  return { roles, source: "guessed", unmatched: [] };
}

function resolveNames(
  values: readonly string[],
  speakers: readonly SpeakerFacts[],
  unmatched: string[],
): Set<string> {
  const ids = new Set<string>();
  for (const v of values) {
    const byId = speakers.find((s) => s.id === v);
    const byName =
      byId ?? speakers.find((s) => s.name !== undefined && s.name.toLowerCase() === v.toLowerCase());
    if (byName) ids.add(byName.id);
    else unmatched.push(v);
  }
  return ids;
}
