import { coachingLanguage } from "../../coaching/lang/index.js";
import { handlingSteps } from "../../coaching/summary.js";
import type { MetricStats } from "../metrics.js";
import { formatMetric, REPORT_METRIC_IDS, REPORT_METRICS, type ReportMetricId } from "../metrics.js";
import type { PostCallReport, Report, RepReview, TeamReport } from "../types.js";
import { calls, capitalize, change, clockOf, escapeMd, pct } from "./text.js";

/** Markdown for Slack or e-mail: short tables, user content escaped. Pure. */

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

export function postCallMarkdown(r: PostCallReport): string {
  const c = r.call;
  const lang = coachingLanguage(c.language);
  const L = lang.labels;
  const T = lang.text;
  const out = [
    `# ${L.callReport}: ${escapeMd(c.title ?? c.id)}`,
    "",
    `${c.occurredAt.slice(0, 10)} · ${c.rep ? escapeMd(c.rep.name) : "no rep"} · ${clockOf(c.durationSec)} · team medians from ${calls(r.team.calls)} of the last 90 days`,
    "",
    `## ${L.metrics}`,
    "",
    table(
      ["metric", "this call", "team median", "target", ""],
      r.metrics.map((m) => [
        T.benchmarks?.[m.id]?.label ?? m.label,
        f(m.id, m.value),
        `${f(m.id, m.teamMedian)} (n=${m.teamN})`,
        m.target ?? "—",
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
            `${i + 1}. **${escapeMd(h.title)}** — ${escapeMd(h.why)}${h.suggestedLine ? `\n   Try: ${escapeMd(h.suggestedLine)}` : ""}`,
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
      `Timeline: ${r.timeline.segments.length} turns, ${r.timeline.questions.length} questions, ${r.timeline.objections.length} objections (see the HTML report).`,
    );
  return `${out.join("\n")}\n`;
}

export function repReviewMarkdown(r: RepReview): string {
  const p = r.period;
  const out = [
    `# Rep review: ${escapeMd(r.rep.name)}`,
    "",
    `${p.from} to ${p.to} (exclusive), ${p.timeZone} · ${calls(r.calls)} (previous period: ${calls(r.previousCalls)})`,
    "",
    "## Call metrics",
    "",
    "Median (p25–p75, n calls with the metric); the team's median over the same period.",
    "",
    table(
      ["metric", "this period", "previous", "team", "target"],
      REPORT_METRIC_IDS.map((id) => [
        REPORT_METRICS[id].label,
        spread(id, r.metrics[id]),
        f(id, r.previousMetrics[id].median),
        f(id, r.team.metrics[id].median),
        REPORT_METRICS[id].target?.text ?? "—",
      ]),
    ),
  ];
  if (r.movedMost) {
    const m = r.movedMost;
    out.push(
      "",
      `**Moved most:** ${REPORT_METRICS[m.metric].label} ${f(m.metric, m.previous)} → ${f(m.metric, m.current)} (${change(m.change)}).`,
    );
  }
  out.push("", "## Week by week", "");
  out.push(
    table(
      ["week", "calls", ...REPORT_METRIC_IDS.slice(0, 4).map((id) => REPORT_METRICS[id].label)],
      r.weeks.map((w) => [
        w.week,
        String(w.calls),
        ...REPORT_METRIC_IDS.slice(0, 4).map((id) => f(id, w.medians[id])),
      ]),
    ),
  );
  out.push("", "## Outcomes", "");
  out.push(`Deals closed in the period: ${r.deals.won} won, ${r.deals.lost} lost.`);
  if (r.outcomes) {
    const o = r.outcomes.metrics;
    out.push(
      `Win rate ${pct(o.winRate)} · conversion ${pct(o.conversionRate)} · response rate ${pct(o.responseRate)} · lead response median ${o.leadResponse?.medianSec == null ? "—" : clockOf(o.leadResponse.medianSec)}`,
    );
  }
  out.push("", "## What top performers do differently", "");
  const t = r.topPerformers;
  if (t.reason) out.push(`No comparison: ${t.reason}.`);
  else {
    out.push(
      `Top quartile by win rate among ${t.eligibleReps} reps with ≥ ${t.minClosedDeals} closed deals: ${t.top.map((x) => `${escapeMd(x.name)} (${pct(x.winRate)} of ${x.closed})`).join(", ")}.`,
      "",
      table(
        ["metric", "top performers", "everyone else", "you"],
        t.metrics.map((m) => [
          REPORT_METRICS[m.id].label,
          `${f(m.id, m.top)} (n=${m.topN})`,
          `${f(m.id, m.rest)} (n=${m.restN})`,
          f(m.id, r.metrics[m.id].median),
        ]),
      ),
    );
  }
  return `${out.join("\n")}\n`;
}

export function teamMarkdown(r: TeamReport): string {
  const p = r.period;
  const cols: ReportMetricId[] = ["talkRatio", "longestMonologueSec", "repQuestions", "patienceSec"];
  const out = [
    "# Team report",
    "",
    `${p.from} to ${p.to} (exclusive), ${p.timeZone} · ${calls(r.calls)} · win rate ${pct(r.outcomes.metrics.winRate)}`,
    "",
    "## Reps",
    "",
    "Medians per rep (n = calls). ⚑ = outlier (beyond 1.5 × IQR of the reps' medians, or far off the published target; reps with ≥ " +
      `${r.minCallsForFlags} calls).`,
    "",
    table(
      ["rep", "calls", ...cols.map((id) => REPORT_METRICS[id].label), "won/lost", "win rate"],
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
    out.push("", "## Outliers", "");
    for (const x of flagged)
      for (const fl of x.flags)
        out.push(`- ${escapeMd(x.name)}: ${REPORT_METRICS[fl.metric].label} ${fl.detail} (${fl.rule})`);
  }
  const i = r.insights;
  out.push(
    "",
    "## Behaviour and outcomes",
    "",
    `From ${calls(i.closedDealCalls)} of the period linked to a deal that is now won or lost.`,
    "",
    table(
      ["rep talk ratio", "win rate (calls)", "calls", "deals"],
      i.talkBands.map((b) => [b.label, pct(b.winRate), String(b.calls), String(b.deals)]),
    ),
    "",
    table(
      ["median per call", "won deals", "lost deals"],
      [
        [
          "Rep questions",
          `${f("repQuestions", i.repQuestions.won.median)} (n=${i.repQuestions.won.n})`,
          `${f("repQuestions", i.repQuestions.lost.median)} (n=${i.repQuestions.lost.n})`,
        ],
        [
          "Patience",
          `${f("patienceSec", i.patienceSec.won.median)} (n=${i.patienceSec.won.n})`,
          `${f("patienceSec", i.patienceSec.lost.median)} (n=${i.patienceSec.lost.n})`,
        ],
      ],
    ),
  );
  return `${out.join("\n")}\n`;
}

/** Any report as Markdown. */
export function reportMarkdown(r: Report): string {
  return r.kind === "post-call"
    ? postCallMarkdown(r)
    : r.kind === "rep-review"
      ? repReviewMarkdown(r)
      : teamMarkdown(r);
}
