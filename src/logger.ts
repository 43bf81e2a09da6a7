import type { Logger } from "./services.js";

const LEVELS = ["debug", "info", "warn", "error", "silent"] as const;
export type LogLevel = (typeof LEVELS)[number];

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
        write(`${JSON.stringify({ time: new Date().toISOString(), level: l, msg, ...fields })}\n`);
    };
  return { debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") };
}
