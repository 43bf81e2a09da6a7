import type { Objection, Playbook, PlaybookItemResult } from "../coaching/contract.js";
import type { CoachingContent } from "../coaching/engine.js";
import { bestStatus, dedupeObjections, playbookScore } from "../coaching/verify.js";
import type { Transcript } from "../transcript/model.js";
import type { LlmCoaching, LlmQuote } from "./llm-output.js";
import type { SpeakerLabel } from "./render.js";

/**
 * The model's answer as (still unverified) coaching content: speaker labels become transcript ids,
 * playbook entries are lined up with the playbook's items (unknown ids ignored, missing items
 * missed), titles and the score come from us. Start times and delays stay null until
 * verification re-anchors every quote.
 */
export function claimsFromLlm(
  llm: LlmCoaching,
  labels: readonly SpeakerLabel[],
  playbook: Playbook | null,
): CoachingContent {
  const idOf = new Map(labels.map((s) => [s.label.toLowerCase(), s.id]));
  const speaker = (label: string): string => idOf.get(label.trim().toLowerCase()) ?? "";
  const quote = (q: LlmQuote) => ({ speaker: speaker(q.speaker), start: null, quote: q.quote });

  const objections: Objection[] = llm.objections.map((o) => ({
    speaker: speaker(o.speaker),
    start: null,
    text: o.quote,
    category: o.category,
    handling: o.handling,
    responseDelaySec: null,
    resolved: o.resolved,
    response: o.response ? quote(o.response) : null,
  }));

  let result: CoachingContent["playbook"] = null;
  if (playbook) {
    const items: PlaybookItemResult[] = playbook.items.map((def) => {
      const claims = llm.playbook.filter((p) => p.id === def.id);
      const status = claims.reduce<PlaybookItemResult["status"]>((s, c) => bestStatus(s, c.status), "missed");
      return {
        id: def.id,
        title: def.title,
        status,
        coveredBy: null,
        evidence: claims.flatMap((c) => c.evidence.map(quote)),
      };
    });
    result = {
      id: playbook.id,
      name: playbook.name,
      version: playbook.version,
      stage: playbook.stage,
      score: playbookScore(items),
      items,
    };
  }

  return {
    objections,
    playbook: result,
    summary: {
      text: llm.summary.text.trim(),
      wentWell: llm.summary.wentWell,
      toChange: llm.summary.toChange,
      nextSteps: llm.summary.nextSteps,
    },
    crm: llm.crm,
  };
}

const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, " ");

/** Union of string lists in order, case- and space-insensitively de-duplicated. */
export function unionStrings(
  lists: ReadonlyArray<readonly string[]>,
  max = Number.POSITIVE_INFINITY,
): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const list of lists) {
    for (const s of list) {
      const k = norm(s);
      if (k === "" || seen.has(k)) continue;
      seen.add(k);
      out.push(s.trim());
    }
  }
  return out.slice(0, max);
}

/**
 * Merge the verified contents of the chunks of one call, in call order: objections de-duplicated
 * (overlaps quote the same one), each playbook item at its best status with the union of the
 * evidence (≤ 3, the best chunk's first), summary text from the last chunk (it has seen how the
 * call ended), lists unioned; CRM scalars from the latest chunk that states them.
 */
export function mergeContents(parts: readonly CoachingContent[], transcript: Transcript): CoachingContent {
  const first = parts[0];
  if (!first) throw new Error("mergeContents: no parts");
  if (parts.length === 1) return first;
  const last = parts[parts.length - 1]!;

  let playbook: CoachingContent["playbook"] = null;
  if (first.playbook) {
    const items = first.playbook.items.map((item) => {
      const versions = parts.flatMap((p) => p.playbook?.items.filter((i) => i.id === item.id) ?? []);
      const best = versions.reduce((a, b) => (bestStatus(a.status, b.status) === a.status ? a : b));
      const seen = new Set<string>();
      const evidence = [best, ...versions]
        .flatMap((v) => (v.status === "missed" && best.status !== "missed" ? [] : v.evidence))
        .filter((e) => {
          const k = `${e.speaker}\u0000${e.start}\u0000${e.quote}`;
          if (seen.has(k)) return false;
          seen.add(k);
          return true;
        })
        .slice(0, 3);
      return { ...best, evidence };
    });
    playbook = { ...first.playbook, items, score: playbookScore(items) };
  }

  const laterFirst = [...parts].reverse();
  const latest = <K extends "nextStep" | "budget" | "timeline">(k: K) =>
    laterFirst.find((p) => p.crm[k] !== null)?.crm[k] ?? null;
  const seenSteps = new Set<string>();
  return {
    objections: dedupeObjections(
      parts.flatMap((p) => p.objections),
      transcript,
    ),
    playbook,
    summary: {
      text: last.summary.text,
      wentWell: unionStrings(
        parts.map((p) => p.summary.wentWell),
        5,
      ),
      toChange: unionStrings(
        laterFirst.map((p) => p.summary.toChange),
        2,
      ),
      nextSteps: parts
        .flatMap((p) => p.summary.nextSteps)
        .filter((s) => {
          const k = norm(s.text);
          if (seenSteps.has(k)) return false;
          seenSteps.add(k);
          return true;
        }),
    },
    crm: {
      nextStep: latest("nextStep"),
      painPoints: unionStrings(parts.map((p) => p.crm.painPoints)),
      decisionMakers: unionStrings(parts.map((p) => p.crm.decisionMakers)),
      competitors: unionStrings(parts.map((p) => p.crm.competitors)),
      budget: latest("budget"),
      timeline: latest("timeline"),
    },
  };
}
