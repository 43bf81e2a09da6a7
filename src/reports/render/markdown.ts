import { coachingLanguage } from "../../coaching/lang/index.js";
import type { ReportText } from "../../coaching/lang/types.js";
import { handlingSteps } from "../../coaching/summary.js";
import type { MetricStats } from "../metrics.js";
import { formatMetric, REPORT_METRIC_IDS, REPORT_METRICS, type ReportMetricId } from "../metrics.js";
import type { PostCallReport, Report, RepReview, TeamReport } from "../types.js";
import { capitalize, change, clockOf, escapeMd, pct } from "./text.js";

/**
 * Markdown for Slack or e-mail: short tables, user content escaped. Pure. The post-call report is
 * in the call's language; the rep review and team report in `opts.language` (default English).
 */

/** Rendering options of the rep review and the team report. */
export interface RenderOptions {
  /** A coaching language tag (en, ru, es, de, fr, pt); unknown or absent: English. */
  language?: string | undefined;
}

const table = (head: string[], rows: string[][]): string =>
  [
    `| ${head.join(" | ")} |`,
    `|${head.map(() => " --- ").join("|")}|`,
    ...rows.map((r) => `| ${r.join(" | ")} |`),
  ].join("\n");

const f = formatMetric;
const spread = (id: ReportMetricId, s: MetricStats) =>
  s.median === null ? "—" : `${f(id, s.median)} (${f(id, s.p25)}–${f(id, s.p75)}, n=${s.n})`;
const verdictMark = { good: "✅", warn: "⚠️", bad: "❌" } as const;
/** A metric's target in the report's language ("—" without one). */
export const targetText = (R: ReportText, id: ReportMetricId): string =>
  R.targets[id] ?? REPORT_METRICS[id].target?.text ?? "—";

export function postCallMarkdown(r: PostCallReport): string {
  const c = r.call;
  const lang = coachingLanguage(c.language);
  const L = lang.labels;
  const T = lang.text;
  const R = lang.report;
  const out = [
    `# ${L.callReport}: ${escapeMd(c.title ?? c.id)}`,
    "",
    `${c.occurredAt.slice(0, 10)} · ${c.rep ? escapeMd(c.rep.name) : R.noRep} · ${clockOf(c.durationSec)} · ${R.teamMedians(R.calls(r.team.calls))}`,
    "",
    `## ${L.metrics}`,
    "",
    table(
      [...R.callColumns, ""],
      r.metrics.map((m) => [
        R.metrics[m.id] ?? m.label,
        f(m.id, m.value),
        `${f(m.id, m.teamMedian)} (n=${m.teamN})`,
        m.target === null ? "—" : (R.targets[m.id] ?? m.target),
        m.verdict ? verdictMark[m.verdict] : "",
      ]),
    ),
    "",
    `## ${L.workOn}`,
    "",
    ...(r.habits.length === 0
      ? [L.onTargetAll]
      : r.habits.map(
          (h, i) =>
            `${i + 1}. **${escapeMd(h.title)}** — ${escapeMd(h.why)}${h.suggestedLine ? `\n   ${R.try}: ${escapeMd(h.suggestedLine)}` : ""}`,
        )),
  ];
  if (r.playbook) {
    out.push("", `## ${L.playbook}: ${escapeMd(r.playbook.name)} (${pct(r.playbook.score)})`, "");
    out.push(
      ...(r.playbook.gaps.length === 0
        ? [L.everyStepCovered]
        : r.playbook.gaps.map((g) => `- ${capitalize(L[g.status])}: ${escapeMd(g.title)}`)),
    );
  }
  out.push("", `## ${L.objections} (${r.objections.length})`, "");
  if (r.objections.length === 0) out.push(`${capitalize(L.noneRaised)}.`);
  for (const o of r.objections) {
    const steps = handlingSteps(o.handling).map((k) => T.steps[k]);
    out.push(
      `- ${clockOf(o.at)} **${T.category(o.category)}**: “${escapeMd(o.text)}” — ${steps.length ? steps.join(", ") : L.notHandled}; ${o.resolved ? L.resolved : L.notResolved}${o.response ? `. ${L.reply}: “${escapeMd(o.response)}”` : ""}`,
    );
  }
  out.push("", `## ${L.nextSteps}`, "");
  if (r.nextSteps.length === 0) out.push(L.noNextSteps);
  for (const s of r.nextSteps)
    out.push(
      `- ${escapeMd(s.text)}${s.owner ? ` — ${escapeMd(s.owner)}` : ""}${s.due ? ` (${escapeMd(s.due)})` : ""}`,
    );
  if (r.timeline)
    out.push(
      "",
      R.timelineNote(r.timeline.segments.length, r.timeline.questions.length, r.timeline.objections.length),
    );
  return `${out.join("\n")}\n`;
}

export function repReviewMarkdown(r: RepReview, opts: RenderOptions = {}): string {
  const R = coachingLanguage(opts.language).report;
  const label = (id: ReportMetricId) => R.metrics[id] ?? REPORT_METRICS[id].label;
  const p = r.period;
  const out = [
    `# ${R.repReview}: ${escapeMd(r.rep.name)}`,
    "",
    `${R.period(p.from, p.to, p.timeZone)} · ${R.calls(r.calls)} (${R.previousPeriod(R.calls(r.previousCalls))})`,
    "",
    `## ${R.callMetrics}`,
    "",
    R.spreadNote,
    "",
    table(
      R.reviewColumns,
      REPORT_METRIC_IDS.map((id) => [
        label(id),
        spread(id, r.metrics[id]),
        f(id, r.previousMetrics[id].median),
        f(id, r.team.metrics[id].median),
        targetText(R, id),
      ]),
    ),
  ];
  if (r.movedMost) {
    const m = r.movedMost;
    out.push(
      "",
      `**${R.movedMost}:** ${label(m.metric)} ${f(m.metric, m.previous)} → ${f(m.metric, m.current)} (${change(m.change)}).`,
    );
  }
  out.push("", `## ${R.weekByWeek}`, "");
  out.push(
    table(
      [R.week, R.callsColumn, ...REPORT_METRIC_IDS.slice(0, 4).map(label)],
      r.weeks.map((w) => [
        w.week,
        String(w.calls),
        ...REPORT_METRIC_IDS.slice(0, 4).map((id) => f(id, w.medians[id])),
      ]),
    ),
  );
  out.push("", `## ${R.outcomes}`, "");
  out.push(R.dealsClosedInPeriod(r.deals.won, r.deals.lost));
  if (r.outcomes) {
    const o = r.outcomes.metrics;
    out.push(
      R.outcomeLine(
        pct(o.winRate),
        pct(o.conversionRate),
        pct(o.responseRate),
        o.leadResponse?.medianSec == null ? "—" : clockOf(o.leadResponse.medianSec),
      ),
    );
  }
  out.push("", `## ${R.topPerformers}`, "");
  const t = r.topPerformers;
  if (t.reason) out.push(R.noComparison(t.eligibleReps, t.minClosedDeals, t.reason));
  else {
    out.push(
      `${R.topQuartile(t.eligibleReps, t.minClosedDeals, t.top.map((x) => R.topRep(escapeMd(x.name), pct(x.winRate), x.closed)).join(", "))}.`,
      "",
      table(
        R.topColumns,
        t.metrics.map((m) => [
          label(m.id),
          `${f(m.id, m.top)} (n=${m.topN})`,
          `${f(m.id, m.rest)} (n=${m.restN})`,
          f(m.id, r.metrics[m.id].median),
        ]),
      ),
    );
  }
  return `${out.join("\n")}\n`;
}

export function teamMarkdown(r: TeamReport, opts: RenderOptions = {}): string {
  const R = coachingLanguage(opts.language).report;
  const label = (id: ReportMetricId) => R.metrics[id] ?? REPORT_METRICS[id].label;
  const p = r.period;
  const cols: ReportMetricId[] = ["talkRatio", "longestMonologueSec", "repQuestions", "patienceSec"];
  const out = [
    `# ${R.teamReport}`,
    "",
    `${R.period(p.from, p.to, p.timeZone)} · ${R.calls(r.calls)} · ${R.winRate} ${pct(r.outcomes.metrics.winRate)}`,
    "",
    `## ${R.reps}`,
    "",
    R.repsNote(r.minCallsForFlags),
    "",
    table(
      [R.teamColumns.rep, R.callsColumn, ...cols.map(label), R.teamColumns.wonLost, R.winRate],
      r.reps.map((x) => [
        escapeMd(x.name),
        String(x.calls),
        ...cols.map(
          (id) => `${f(id, x.metrics[id].median)}${x.flags.some((fl) => fl.metric === id) ? " ⚑" : ""}`,
        ),
        `${x.deals.won}/${x.deals.lost}`,
        pct(x.outcomes?.winRate ?? null),
      ]),
    ),
  ];
  const flagged = r.reps.filter((x) => x.flags.length > 0);
  if (flagged.length > 0) {
    out.push("", `## ${R.outliers}`, "");
    for (const x of flagged)
      for (const fl of x.flags)
        out.push(
          `- ${escapeMd(x.name)}: ${label(fl.metric)} ${R.flag(fl, f(fl.metric, x.metrics[fl.metric].median))} (${fl.rule})`,
        );
  }
  const i = r.insights;
  out.push(
    "",
    `## ${R.behaviour}`,
    "",
    R.fromClosedCalls(R.calls(i.closedDealCalls)),
    "",
    table(
      R.bandColumns,
      i.talkBands.map((b) => [R.band(b.label), pct(b.winRate), String(b.calls), String(b.deals)]),
    ),
    "",
    table(R.wonLostColumns, [
      [
        label("repQuestions"),
        `${f("repQuestions", i.repQuestions.won.median)} (n=${i.repQuestions.won.n})`,
        `${f("repQuestions", i.repQuestions.lost.median)} (n=${i.repQuestions.lost.n})`,
      ],
      [
        label("patienceSec"),
        `${f("patienceSec", i.patienceSec.won.median)} (n=${i.patienceSec.won.n})`,
        `${f("patienceSec", i.patienceSec.lost.median)} (n=${i.patienceSec.lost.n})`,
      ],
    ]),
  );
  return `${out.join("\n")}\n`;
}

/** Any report as Markdown (a post-call report in its call's language, others in `opts.language`). */
export function reportMarkdown(r: Report, opts: RenderOptions = {}): string {
  return r.kind === "post-call"
    ? postCallMarkdown(r)
    : r.kind === "rep-review"
      ? repReviewMarkdown(r, opts)
      : teamMarkdown(r, opts);
}
