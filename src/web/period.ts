import { z } from "zod";
import { addDays, epochDay } from "../outcomes/period.js";
import { mondayOf } from "../reports/compute.js";

/**
 * The report pages' period selector: `from` and `to` are calendar days, both inclusive as the
 * form shows them (the reports take `[from, to)`, so `to` is moved a day on). Pure.
 */

/** Weeks shown when no period is asked for: the current ISO week and the eleven before it. */
export const DEFAULT_WEEKS = 12;

const day = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date like 2026-03-01")
  .refine((v) => epochDay(v) !== null, "is not a real calendar date");
const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

export const PeriodQuerySchema = z.object({
  from: z.preprocess(blankToUndefined, day.optional()),
  to: z.preprocess(blankToUndefined, day.optional()),
});

export interface PagePeriod {
  /** First day shown (inclusive). */
  from: string;
  /** Last day shown (inclusive). */
  to: string;
  /** The day after `to`: what the report operations take as `to`. */
  toExclusive: string;
}

/** The default period ending on `today` (a `YYYY-MM-DD` day): whole ISO weeks, DEFAULT_WEEKS of them. */
export function defaultPeriod(today: string): PagePeriod {
  const from = addDays(mondayOf(today), -7 * (DEFAULT_WEEKS - 1));
  return { from, to: today, toExclusive: addDays(today, 1) };
}

/**
 * The period a report page shows, from its query string: both days given, or one of them with the
 * default's length, or the default. A query that cannot be used gives the default and a message.
 *
 * @example
 * pagePeriod({ from: "2026-03-01", to: "2026-03-31" }, "2026-12-01").period;
 * // { from: "2026-03-01", to: "2026-03-31", toExclusive: "2026-04-01" }
 */
export function pagePeriod(query: unknown, today: string): { period: PagePeriod; error: string | null } {
  const fallback = defaultPeriod(today);
  const parsed = PeriodQuerySchema.safeParse(query);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return {
      period: fallback,
      error: `${String(issue.path[0])}: ${issue.message}. Showing the last ${DEFAULT_WEEKS} weeks instead.`,
    };
  }
  const span = epochDay(fallback.to)! - epochDay(fallback.from)!;
  const { from: f, to: t } = parsed.data;
  const to = t ?? (f ? addDays(f, span) : fallback.to);
  const from = f ?? (t ? addDays(t, -span) : fallback.from);
  if (epochDay(to)! < epochDay(from)!)
    return {
      period: fallback,
      error: `The last day (${to}) is before the first (${from}). Showing the last ${DEFAULT_WEEKS} weeks instead.`,
    };
  return { period: { from, to, toExclusive: addDays(to, 1) }, error: null };
}
