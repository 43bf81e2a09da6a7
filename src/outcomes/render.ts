import type { LeadResponse } from "./metrics.js";
import type { OutcomesReport } from "./operations.js";

/** The outcome report as a readable text table (the CLI without --json). Pure. */

const pct = (v: number | null) => (v === null ? "—" : `${(v * 100).toFixed(1)}%`);
const money = (v: number | null, currency: string) =>
  v === null
    ? "—"
    : `${v.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })} ${currency}`;

/** 75 → "1m 15s"; 7200 → "2h 0m". */
export function duration(sec: number | null): string {
  if (sec === null) return "—";
  const s = Math.round(sec);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m ${s % 60}s`;
  if (s < 86_400) return `${Math.floor(s / 3600)}h ${Math.floor((s % 3600) / 60)}m`;
  return `${Math.floor(s / 86_400)}d ${Math.floor((s % 86_400) / 3600)}h`;
}

const response = (r: LeadResponse | null) =>
  r === null ? "—" : `${duration(r.medianSec)} / ${duration(r.p90Sec)}, ${pct(r.within5MinShare)} ≤5m`;

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows
    .map((r) =>
      r
        .map((c, i) => c.padEnd(widths[i]!))
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}

/**
 * @example
 * process.stdout.write(renderOutcomes(report));
 */
export function renderOutcomes(r: OutcomesReport): string {
  const m = r.metrics;
  const lines = [
    `Outcomes ${r.from} to ${r.to} (exclusive), ${r.timeZone}`,
    "",
    table([
      ["conversion rate", pct(m.conversionRate)],
      ["win rate", pct(m.winRate)],
      ["lead response (median / p90)", response(m.leadResponse)],
      ["unanswered leads", m.leadResponse ? String(m.leadResponse.unanswered) : "—"],
      ["response rate", pct(m.responseRate)],
      ["churn rate", pct(m.churnRate)],
      ["CAC", money(m.cac, r.currency)],
      [
        "pipeline velocity",
        m.pipelineVelocity === null ? "—" : `${money(m.pipelineVelocity, r.currency)}/day`,
      ],
    ]),
  ];
  const reasons = Object.entries(r.reasons);
  if (reasons.length > 0) lines.push("", ...reasons.map(([k, v]) => `  ${k}: ${v}`));
  if (r.reps.length > 0) {
    lines.push(
      "",
      table([
        ["rep", "conversion", "win", "lead response (median / p90)", "response", "velocity/day"],
        ...r.reps.map((x) => [
          x.email,
          pct(x.metrics.conversionRate),
          pct(x.metrics.winRate),
          response(x.metrics.leadResponse),
          pct(x.metrics.responseRate),
          money(x.metrics.pipelineVelocity, r.currency),
        ]),
      ]),
    );
  }
  return `${lines.join("\n")}\n`;
}
