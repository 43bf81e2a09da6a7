import type { Logger } from "./services.js";

const LEVELS = ["debug", "info", "warn", "error", "silent"] as const;
export type LogLevel = (typeof LEVELS)[number];

/** Longest string a log field keeps: ids, sizes and messages fit; a transcript does not. */
const MAX_FIELD_CHARS = 400;

/**
 * A log value with user content and key material taken out: database errors' bound parameters
 * (drizzle's "params: …" carries transcripts, hashes, e-mails), API keys (`dbf_…`), e-mail
 * addresses and 64-hex digests (key hashes) are replaced, and long strings cut. Logs keep ids,
 * codes and sizes; never what a tenant sent.
 *
 * @example
 * scrub("Failed query: insert …\nparams: Dana: hello,a@b.c") // "Failed query: insert …\nparams: [redacted]"
 */
export function scrub(value: unknown): unknown {
  if (typeof value === "string") {
    const s = value
      .replace(/\bparams: [\s\S]*/g, "params: [redacted]")
      .replace(/\bdbf_[A-Za-z0-9_-]+/g, "dbf_[redacted]")
      .replace(/[^\s@"'<>(),;:]+@[^\s@"'<>(),;:]+\.[A-Za-z]{2,}/g, "[e-mail]")
      .replace(/\b[0-9a-f]{64}\b/gi, "[digest]");
    return s.length > MAX_FIELD_CHARS ? `${s.slice(0, MAX_FIELD_CHARS)}… (${s.length} chars)` : s;
  }
  if (Array.isArray(value)) return value.map(scrub);
  if (value !== null && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrub(v)]));
  return value;
}

/**
 * One JSON object per line on the given writer (stderr on Node): easy to grep, easy to ship.
 *
 * @example
 * const log = jsonLogger("info", (l) => process.stderr.write(l)); log.info("listening", { port: 8787 });
 */
export function jsonLogger(level: LogLevel, write: (line: string) => void): Logger {
  const min = LEVELS.indexOf(level);
  const at =
    (l: Exclude<LogLevel, "silent">) =>
    (msg: string, fields: Record<string, unknown> = {}): void => {
      if (LEVELS.indexOf(l) >= min)
        write(
          `${JSON.stringify({ time: new Date().toISOString(), level: l, msg, ...(scrub(fields) as object) })}\n`,
        );
    };
  return { debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") };
}
