import { DebriefError } from "../errors.js";
import { PROMPT_FILES } from "./prompts.generated.js";

/**
 * Versioned prompts. Each file in prompts/ starts with a front matter naming its version
 * (`version: coaching@1`); the files are embedded into prompts.generated.ts at build time, so
 * Workers (no file system) and Node load exactly the same text. A prompt's version is part of the
 * coaching cache key: changing a prompt means a new file and a new version, never an edit in place.
 */
export interface Prompt {
  /** `name@n`, e.g. `coaching@1`. */
  version: string;
  name: string;
  text: string;
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/;
const VERSION = /^(?<name>[a-z][a-z0-9-]*)@(?<n>\d+)$/;

/** Parse one prompt file: front matter (`key: value` lines, `version` required) and body. */
export function parsePrompt(file: string, content: string): Prompt {
  const m = FRONT_MATTER.exec(content);
  if (!m) throw new DebriefError("internal", `prompt ${file}: missing front matter with a version`);
  const meta = new Map<string, string>();
  for (const line of (m[1] ?? "").split(/\r?\n/)) {
    const i = line.indexOf(":");
    if (i > 0) meta.set(line.slice(0, i).trim(), line.slice(i + 1).trim());
  }
  const version = meta.get("version") ?? "";
  const v = VERSION.exec(version);
  if (!v?.groups)
    throw new DebriefError(
      "internal",
      `prompt ${file}: version must look like 'coaching@1', got '${version}'`,
    );
  return { version, name: v.groups.name ?? "", text: content.slice(m[0].length).trim() };
}

const ALL: readonly Prompt[] = Object.entries(PROMPT_FILES).map(([file, content]) =>
  parsePrompt(file, content),
);

const numberOf = (p: Prompt): number => Number(p.version.slice(p.version.indexOf("@") + 1));

/**
 * A prompt by name (its latest version) or by exact version.
 *
 * @example
 * getPrompt("coaching").version // "coaching@1"
 * getPrompt("coaching", "coaching@1").text // "You are a sales coach…"
 */
export function getPrompt(name: string, version?: string): Prompt {
  const candidates = ALL.filter((p) => p.name === name && (version === undefined || p.version === version));
  if (candidates.length === 0) {
    throw new DebriefError(
      "internal",
      `no prompt ${version ?? name} (have: ${ALL.map((p) => p.version).join(", ")})`,
    );
  }
  return candidates.reduce((a, b) => (numberOf(b) > numberOf(a) ? b : a));
}

/** Every embedded prompt version, e.g. `["coaching@1"]`. */
export function promptVersions(): string[] {
  return ALL.map((p) => p.version).sort();
}
