import { DebriefError } from "../errors.js";

/**
 * Report periods: `[from, to)` of calendar dates read in an IANA time zone. Pure (no I/O); the SQL
 * turns the dates into instants with `(date::timestamp AT TIME ZONE tz)`, which follows DST.
 */

export interface Period {
  /** First day, `YYYY-MM-DD`. */
  from: string;
  /** Day after the last one, `YYYY-MM-DD`. */
  to: string;
  /** Canonical IANA name, e.g. `Europe/Berlin`. */
  timeZone: string;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a `YYYY-MM-DD` date; null when it is not a real calendar date. */
export function epochDay(date: string): number | null {
  const m = DATE.exec(date);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return ms / DAY_MS;
}

/** The `YYYY-MM-DD` date `n` days after `date`. */
export function addDays(date: string, n: number): string {
  const day = epochDay(date);
  if (day === null) throw new RangeError(`not a date: ${date}`);
  return new Date((day + n) * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The canonical spelling of an IANA time-zone name, or null when the runtime does not know it.
 *
 * @example
 * canonicalTimeZone("europe/berlin"); // "Europe/Berlin"
 * canonicalTimeZone("Mars/Olympus"); // null
 */
export function canonicalTimeZone(name: string): string | null {
  if (name.length === 0 || name.length > 64 || !/^[A-Za-z0-9_+\-/]+$/.test(name)) return null;
  const known = canonicalZones.get(name);
  if (known !== undefined) return known;
  let zone: string | null;
  try {
    zone = new Intl.DateTimeFormat("en-US", { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    zone = null;
  }
  if (canonicalZones.size >= 1_000) canonicalZones.clear();
  canonicalZones.set(name, zone);
  return zone;
}

/**
 * Names already resolved: building an `Intl.DateTimeFormat` costs milliseconds, ahead of every
 * report's queries. Bounded (there are ~600 zones; spellings beyond that start it afresh).
 */
const canonicalZones = new Map<string, string | null>();

/** Periods longer than this are refused (a runaway `to` would scan everything for nothing). */
export const MAX_PERIOD_DAYS = 3_660;

/**
 * Validate a period; throws `validation_failed` naming the field.
 *
 * @example
 * parsePeriod({ from: "2026-03-23", to: "2026-03-30", timeZone: "Europe/Berlin" });
 */
export function parsePeriod(input: { from: string; to: string; timeZone: string }): Period {
  const from = epochDay(input.from);
  if (from === null) throw fieldError("from", "must be a date like 2026-01-01");
  const to = epochDay(input.to);
  if (to === null) throw fieldError("to", "must be a date like 2026-04-01");
  if (to <= from) throw fieldError("to", "must be after `from` (the period is [from, to))");
  if (to - from > MAX_PERIOD_DAYS) throw fieldError("to", `a period is at most ${MAX_PERIOD_DAYS} days`);
  const timeZone = canonicalTimeZone(input.timeZone);
  if (!timeZone) throw fieldError("timeZone", "must be an IANA time zone such as Europe/Berlin or UTC");
  return { from: input.from, to: input.to, timeZone };
}

function fieldError(path: string, message: string): DebriefError {
  return new DebriefError("validation_failed", `${path}: ${message}`, {
    details: { errors: [{ path, message }] },
  });
}

/**
 * Days of `[start, end]` (inclusive dates) that fall in `[from, to)`: how a cost row is attributed.
 *
 * @example
 * overlapDays("2026-01-15", "2026-02-14", "2026-02-01", "2026-03-01"); // 14
 */
export function overlapDays(start: string, end: string, from: string, to: string): number {
  const lo = Math.max(epochDay(start)!, epochDay(from)!);
  const hi = Math.min(epochDay(end)!, epochDay(to)! - 1);
  return Math.max(0, hi - lo + 1);
}
