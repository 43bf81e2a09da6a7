import { LineCounter, type Node, parseDocument } from "yaml";
import type { z } from "zod";
import { DebriefError, formatPath } from "../../errors.js";
import { type Playbook, PlaybookSchema } from "../contract.js";

export interface PlaybookIssue {
  /** Dotted path with indices, e.g. "items[2].examples"; "" for the document itself. */
  path: string;
  message: string;
  /** 1-based line in the source, when known. */
  line?: number;
}

/**
 * Parse and validate a playbook definition, YAML or JSON (detected: JSON starts with "{").
 * Errors are DebriefError("validation_failed") whose message names the file, the line when known
 * and the field, e.g. `discovery.yaml:14: items[2].examples: must contain at least 1 item`;
 * `details.errors` lists every problem as `{ path, message, line? }`.
 *
 * @example
 * const playbook = parsePlaybook(fs.readFileSync("discovery.yaml", "utf8"), "discovery.yaml");
 */
export function parsePlaybook(text: string, file?: string): Playbook {
  const where = file ? `${file}: ` : "";
  if (typeof text !== "string" || text.trim() === "") {
    throw invalid(where, [{ path: "", message: "the playbook is empty" }]);
  }
  const isJson = /^\s*\{/.test(text);
  const kind = isJson ? "JSON" : "YAML";
  const lineCounter = new LineCounter();
  let data: unknown;
  let doc: ReturnType<typeof parseDocument>;
  try {
    doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
    const err = doc.errors[0];
    if (err) {
      const line = lineCounter.linePos(err.pos[0]).line;
      const message = `${kind} syntax error: ${firstLine(err.message)}`;
      throw invalid(where, [{ path: "", message, line }]);
    }
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (err) {
    if (err instanceof DebriefError) throw err;
    throw invalid(where, [{ path: "", message: `${kind} could not be read: ${firstLine(String(err))}` }]);
  }
  if (data === null || typeof data !== "object" || Array.isArray(data)) {
    throw invalid(where, [
      { path: "", message: `the playbook must be a ${kind} object with id, name, stage and items` },
    ]);
  }

  const parsed = PlaybookSchema.safeParse(data);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((issue): PlaybookIssue => {
    const path = issue.path.filter((p): p is string | number => typeof p !== "symbol");
    const line = lineOf(doc, lineCounter, path);
    return { path: formatPath(path, ""), message: describeIssue(issue), ...(line ? { line } : {}) };
  });
  throw invalid(where, issues);
}

function invalid(where: string, issues: PlaybookIssue[]): DebriefError {
  const first = issues[0]!;
  const loc = first.line ? `${where.replace(/: $/, "")}:${first.line}: `.replace(/^:/, "line ") : where;
  const field = first.path ? `${first.path}: ` : "";
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : "";
  return new DebriefError("validation_failed", `${loc}${field}${first.message}${more}`, {
    details: { errors: issues },
  });
}

function firstLine(s: string): string {
  return s.split("\n")[0]!.trim();
}

/** The line of the deepest node on `path` that exists in the document. */
function lineOf(
  doc: ReturnType<typeof parseDocument>,
  lc: LineCounter,
  path: ReadonlyArray<string | number>,
): number | undefined {
  for (let n = path.length; n >= 0; n--) {
    const node = (n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true)) as Node | null | undefined;
    const range = node && typeof node === "object" && "range" in node ? node.range : undefined;
    if (range) return lc.linePos(range[0]).line;
  }
  return undefined;
}

/** A readable message for a zod issue (zod's own wording is for developers). */
function describeIssue(issue: z.core.$ZodIssue): string {
  const plural = (n: number | bigint, w: string) => `${n} ${w}${Number(n) === 1 ? "" : "s"}`;
  switch (issue.code) {
    case "too_small":
      if (issue.origin === "array") return `must contain at least ${plural(issue.minimum, "item")}`;
      if (issue.origin === "string")
        return Number(issue.minimum) <= 1
          ? "must not be empty"
          : `must be at least ${plural(issue.minimum, "character")}`;
      return `must be at least ${issue.minimum}`;
    case "too_big":
      if (issue.origin === "array") return `must contain at most ${plural(issue.maximum, "item")}`;
      if (issue.origin === "string") return `must be at most ${plural(issue.maximum, "character")}`;
      return `must be at most ${issue.maximum}`;
    case "invalid_type":
      return issue.input === undefined
        ? `is required (${issue.expected})`
        : `must be a ${issue.expected}, got ${typeName(issue.input)}`;
    case "invalid_value":
      return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}`;
    case "invalid_union":
      return issue.input === undefined ? "is required" : `has the wrong type (${typeName(issue.input)})`;
    default:
      return issue.message;
  }
}

function typeName(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "a list";
  if (typeof v === "object") return "an object";
  return typeof v;
}
