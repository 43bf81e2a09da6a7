/**
 * The coaching languages: one folder each (src/coaching/lang/<code>/), listed here. Adding a
 * language is one folder and one line in LANGUAGES; nothing else changes (docs/languages.md).
 */
import type { Playbook } from "../contract.js";
import { german } from "./de/index.js";
import { english } from "./en/index.js";
import { spanish } from "./es/index.js";
import { french } from "./fr/index.js";
import { portuguese } from "./pt/index.js";
import { russian } from "./ru/index.js";
import type { CoachingLanguage } from "./types.js";

export type { CoachingLanguage } from "./types.js";

const LANGUAGES: readonly CoachingLanguage[] = [english, russian, spanish, german, french, portuguese];

/** Codes of the languages coaching speaks, "en" first. */
export const COACHING_LANGUAGES: readonly string[] = LANGUAGES.map((l) => l.code);

/**
 * The coaching language for a language tag: "ru", "ru-RU", "rus", "Russian" (the folder's code or
 * one of its aliases) → Russian; unknown or
 * empty → English (the default the metric rules also fall back to).
 * @example coachingLanguage("pt-BR").code // "pt"
 */
export function coachingLanguage(tag: string | null | undefined): CoachingLanguage {
  const t = (typeof tag === "string" ? tag : "").trim().toLowerCase();
  if (t === "") return english;
  const primary = t.split(/[-_]/)[0]!;
  return (
    LANGUAGES.find((l) => l.code === primary) ??
    LANGUAGES.find((l) => l.aliases.includes(t) || l.aliases.includes(primary)) ??
    english
  );
}

/** The call's coaching language: the analysis's language (detected or overridden), else the transcript's. */
export function callLanguage(input: {
  analysis?: { language?: string | undefined } | null;
  transcript?: { language?: string | undefined } | null;
}): CoachingLanguage {
  return coachingLanguage(input.analysis?.language || input.transcript?.language);
}

/**
 * A built-in playbook in the call's language: when `language` has a translation of this playbook
 * (same id, every item translated), its names, examples and signals replace the originals; any
 * other playbook (a custom one, in whatever language it was written) is returned as is.
 */
export function localizePlaybook(playbook: Playbook | null, language: CoachingLanguage): Playbook | null {
  if (playbook === null) return null;
  if (coachingLanguage(playbook.language).code === language.code) return playbook;
  const tr = language.playbooks[playbook.id];
  if (!tr || !playbook.items.every((i) => tr.items[i.id] !== undefined)) return playbook;
  return {
    ...playbook,
    name: tr.name,
    language: language.code,
    items: playbook.items.map((item) => {
      const t = tr.items[item.id]!;
      return {
        ...item,
        title: t.title,
        description: t.description ?? item.description,
        why: t.why ?? item.why,
        examples: t.examples,
        signals: { required: t.required, forbidden: t.forbidden ?? [] },
      };
    }),
  };
}
