import { coachingLanguage } from "../../coaching/lang/index.js";
import {
  formatMetric,
  type MetricStats,
  REPORT_METRIC_IDS,
  REPORT_METRICS,
  type ReportMetricId,
} from "../metrics.js";
import type { PostCallReport, Report, RepReview, TeamReport } from "../types.js";
import { type RenderOptions, targetText } from "./markdown.js";
import { barsSvg, lineChartSvg, timelineSvg } from "./svg.js";
import { capitalize, change, clockOf, escapeHtml as e, pct } from "./text.js";

/**
 * Self-contained HTML pages: inline CSS and SVG only (no script, no external style, font or
 * image), readable from a 390 px phone up. Pure. Serve with REPORT_CSP.
 */

/** The Content-Security-Policy every HTML report is served with: nothing loads, nothing runs. */
export const REPORT_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const CSS = `*{box-sizing:border-box}body{margin:0;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#111827;background:#f9fafb}
main{max-width:960px;margin:0 auto;padding:16px}h1{font-size:1.4rem;margin:.2em 0}h2{font-size:1.1rem;margin:1.4em 0 .5em}
.meta{color:#4b5563;margin:0 0 1em}.card{background:#fff;border:1px solid #e5e7eb;border-radius:8px;padding:12px;margin:8px 0}
.scroll{overflow-x:auto}table{border-collapse:collapse;width:100%;font-size:.9rem}th,td{text-align:left;padding:6px 8px;border-bottom:1px solid #e5e7eb;white-space:nowrap}
th{color:#4b5563;font-weight:600;white-space:normal;vertical-align:bottom}td.num{text-align:right;font-variant-numeric:tabular-nums}.good{color:#15803d}.warn{color:#b45309}.bad{color:#b91c1c}
.flag{color:#b91c1c;font-weight:600}.grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(300px,1fr));gap:8px}
.line{font-style:italic;color:#1e3a8a}ul,ol{padding-left:1.2em}.small{font-size:.85rem;color:#6b7280}
.timeline{max-width:720px}@media (max-width:600px){main{padding:10px}th,td{white-space:normal;padding:5px 4px}table{font-size:.85rem}}`;

function page(title: string, body: string, lang = "en"): string {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${e(title)}</title><style>${CSS}</style></head><body><main>${body}</main></body></html>\n`;
}

function table(head: string[], rows: string[][], numeric: readonly number[] = []): string {
  const th = head.map((h) => `<th>${h}</th>`).join("");
  const tr = rows
    .map(
      (r) =>
        `<tr>${r.map((c, i) => `<td${numeric.includes(i) ? ' class="num"' : ""}>${c}</td>`).join("")}</tr>`,
    )
    .join("");
  return `<div class="scroll"><table><thead><tr>${th}</tr></thead><tbody>${tr}</tbody></table></div>`;
}

const f = formatMetric;
const spread = (id: ReportMetricId, s: MetricStats) =>
  s.median === null
    ? "—"
    : `${f(id, s.median)} <span class="small">(${f(id, s.p25)}–${f(id, s.p75)}, n=${s.n})</span>`;

export function postCallHtml(r: PostCallReport): string {
  const c = r.call;
  const title = c.title ?? c.id;
  const lang = coachingLanguage(c.language);
  const L = lang.labels;
  const T = lang.text;
  const R = lang.report;
  const parts = [
    `<h1>${L.callReport}: ${e(title)}</h1>`,
    `<p class="meta">${c.occurredAt.slice(0, 10)} · ${c.rep ? e(c.rep.name) : R.noRep} · ${clockOf(c.durationSec)} · ${R.teamMedians(R.calls(r.team.calls))}</p>`,
  ];
  if (r.timeline)
    parts.push(
      `<div class="card"><div class="timeline">${timelineSvg(r.timeline, R.timelineSvg, T.category)}</div><p class="small">${R.timelineLegend}</p></div>`,
    );
  parts.push(
    `<h2>${L.workOn}</h2>`,
    r.habits.length === 0
      ? `<p>${L.onTargetAll}</p>`
      : `<ol>${r.habits.map((h) => `<li><strong>${e(h.title)}</strong><br>${e(h.why)}${h.suggestedLine ? `<br><span class="line">${R.try}: ${e(h.suggestedLine)}</span>` : ""}</li>`).join("")}</ol>`,
    `<h2>${L.metrics}</h2>`,
    table(
      R.callColumns,
      r.metrics.map((m) => [
        e(R.metrics[m.id] ?? m.label),
        `<span class="${m.verdict ?? ""}">${f(m.id, m.value)}</span>`,
        `${f(m.id, m.teamMedian)} <span class="small">n=${m.teamN}</span>`,
        e(m.target === null ? "—" : (R.targets[m.id] ?? m.target)),
      ]),
      [1, 2],
    ),
  );
  if (r.playbook)
    parts.push(
      `<h2>${L.playbook}: ${e(r.playbook.name)} (${pct(r.playbook.score)})</h2>`,
      r.playbook.gaps.length === 0
        ? `<p>${L.everyStepCovered}</p>`
        : `<ul>${r.playbook.gaps.map((g) => `<li><span class="${g.status === "missed" ? "bad" : "warn"}">${L[g.status]}</span>: ${e(g.title)}</li>`).join("")}</ul>`,
    );
  parts.push(`<h2>${L.objections} (${r.objections.length})</h2>`);
  parts.push(
    r.objections.length === 0
      ? `<p>${capitalize(L.noneRaised)}.</p>`
      : r.objections
          .map((o) => {
            const h = o.handling;
            const steps = (["acknowledged", "clarified", "responded", "confirmed"] as const).map(
              (k) => `<span class="${h[k] ? "good" : "small"}">${h[k] ? "✓" : "·"} ${T.steps[k]}</span>`,
            );
            return `<div class="card"><strong>${clockOf(o.at)} ${e(T.category(o.category))}</strong> — <span class="${o.resolved ? "good" : "bad"}">${o.resolved ? L.resolved : L.notResolved}</span><br>“${e(o.text)}”<br>${steps.join(" ")}${o.response ? `<br><span class="small">${L.reply}: “${e(o.response)}”</span>` : ""}</div>`;
          })
          .join(""),
  );
  parts.push(
    `<h2>${L.nextSteps}</h2>`,
    r.nextSteps.length === 0
      ? `<p>${L.noNextSteps}</p>`
      : `<ul>${r.nextSteps.map((s) => `<li>${e(s.text)}${s.owner ? ` — ${e(s.owner)}` : ""}${s.due ? ` (${e(s.due)})` : ""}</li>`).join("")}</ul>`,
  );
  return page(`${L.callReport}: ${title}`, parts.join(""), lang.code);
}

export function repReviewHtml(r: RepReview, opts: RenderOptions = {}): string {
  const lang = coachingLanguage(opts.language);
  const R = lang.report;
  const label = (id: ReportMetricId) => R.metrics[id] ?? REPORT_METRICS[id].label;
  const p = r.period;
  const parts = [
    `<h1>${R.repReview}: ${e(r.rep.name)}</h1>`,
    `<p class="meta">${R.period(p.from, p.to, e(p.timeZone))} · ${R.calls(r.calls)} (${R.previousPeriod(R.calls(r.previousCalls))}) · ${R.dealsClosed(r.deals.won, r.deals.lost)}${r.outcomes ? ` · ${R.winRate} ${pct(r.outcomes.metrics.winRate)}` : ""}</p>`,
  ];
  if (r.movedMost) {
    const m = r.movedMost;
    parts.push(
      `<div class="card"><strong>${R.movedMostSince}:</strong> ${e(label(m.metric))} ${f(m.metric, m.previous)} → ${f(m.metric, m.current)} (${change(m.change)})</div>`,
    );
  }
  parts.push(`<h2>${R.weekByWeek}</h2>`);
  const labels = r.weeks.map((w) => w.week.slice(5));
  parts.push(
    `<div class="grid">${[
      `<div class="card">${lineChartSvg({ title: R.callsPerWeek, labels, values: r.weeks.map((w) => w.calls), format: (v) => String(Math.round(v)) })}</div>`,
      ...REPORT_METRIC_IDS.slice(0, 4).map(
        (id) =>
          `<div class="card">${lineChartSvg({ title: label(id), labels, values: r.weeks.map((w) => w.medians[id]), format: (v) => f(id, v), band: REPORT_METRICS[id].target })}</div>`,
      ),
    ].join("")}</div>`,
    `<h2>${R.callMetrics}</h2>`,
    table(
      [R.reviewColumns[0], R.medianSpread, ...R.reviewColumns.slice(2)],
      REPORT_METRIC_IDS.map((id) => [
        e(label(id)),
        spread(id, r.metrics[id]),
        f(id, r.previousMetrics[id].median),
        f(id, r.team.metrics[id].median),
        e(targetText(R, id)),
      ]),
    ),
    `<h2>${R.topPerformers}</h2>`,
  );
  const t = r.topPerformers;
  if (t.reason) parts.push(`<p>${R.noComparison(t.eligibleReps, t.minClosedDeals, e(t.reason))}</p>`);
  else
    parts.push(
      `<p class="meta">${R.topQuartile(t.eligibleReps, t.minClosedDeals, t.top.map((x) => R.topRep(e(x.name), pct(x.winRate), x.closed)).join(", "))}</p>`,
      table(
        R.topColumns,
        t.metrics.map((m) => [
          e(label(m.id)),
          `${f(m.id, m.top)} <span class="small">n=${m.topN}</span>`,
          `${f(m.id, m.rest)} <span class="small">n=${m.restN}</span>`,
          f(m.id, r.metrics[m.id].median),
        ]),
      ),
    );
  return page(`${R.repReview}: ${r.rep.name}`, parts.join(""), lang.code);
}

export function teamHtml(r: TeamReport, opts: RenderOptions = {}): string {
  const lang = coachingLanguage(opts.language);
  const R = lang.report;
  const label = (id: ReportMetricId) => R.metrics[id] ?? REPORT_METRICS[id].label;
  const p = r.period;
  const cols: ReportMetricId[] = [
    "talkRatio",
    "longestMonologueSec",
    "repQuestions",
    "patienceSec",
    "playbookScore",
  ];
  const i = r.insights;
  const parts = [
    `<h1>${R.teamReport}</h1>`,
    `<p class="meta">${R.period(p.from, p.to, e(p.timeZone))} · ${R.calls(r.calls)} · ${R.winRate} ${pct(r.outcomes.metrics.winRate)}</p>`,
    `<h2>${R.reps}</h2>`,
    `<p class="small">${R.repsNoteHtml(r.minCallsForFlags, '<span class="flag">⚑</span>')}</p>`,
    table(
      [
        R.teamColumns.rep,
        R.callsColumn,
        ...cols.map((id) => e(label(id))),
        R.teamColumns.wonLostHtml,
        R.winRate,
        R.teamColumns.responseRate,
      ],
      r.reps.map((x) => [
        e(x.name),
        String(x.calls),
        ...cols.map((id) => {
          const flags = x.flags.filter((fl) => fl.metric === id);
          const v = f(id, x.metrics[id].median);
          return flags.length
            ? `<span class="flag" title="${e(flags.map((fl) => R.flag(fl, v)).join("; "))}">${v} ⚑</span>`
            : v;
        }),
        `${x.deals.won} / ${x.deals.lost}`,
        pct(x.outcomes?.winRate ?? null),
        pct(x.outcomes?.responseRate ?? null),
      ]),
      [1, 2, 3, 4, 5, 6],
    ),
  ];
  const flagged = r.reps.flatMap((x) =>
    x.flags.map(
      (fl) =>
        `<li>${e(x.name)}: ${e(label(fl.metric))} ${e(R.flag(fl, f(fl.metric, x.metrics[fl.metric].median)))}</li>`,
    ),
  );
  if (flagged.length) parts.push(`<h2>${R.outliers}</h2>`, `<ul>${flagged.join("")}</ul>`);
  parts.push(
    `<h2>${R.behaviour}</h2>`,
    `<p class="meta">${R.fromClosedCalls(R.calls(i.closedDealCalls))}</p>`,
    `<div class="grid"><div class="card">${barsSvg(
      R.winRateByTalk,
      i.talkBands.map((b) => ({
        label: R.band(b.label),
        value: b.winRate,
        note: R.bandNote(R.calls(b.calls), b.deals),
      })),
    )}</div><div class="card">${table(R.wonLostColumnsHtml, [
      [
        label("repQuestions"),
        `${f("repQuestions", i.repQuestions.won.median)} <span class="small">n=${i.repQuestions.won.n}</span>`,
        `${f("repQuestions", i.repQuestions.lost.median)} <span class="small">n=${i.repQuestions.lost.n}</span>`,
      ],
      [
        label("patienceSec"),
        `${f("patienceSec", i.patienceSec.won.median)} <span class="small">n=${i.patienceSec.won.n}</span>`,
        `${f("patienceSec", i.patienceSec.lost.median)} <span class="small">n=${i.patienceSec.lost.n}</span>`,
      ],
    ])}</div></div>`,
  );
  return page(R.teamReport, parts.join(""), lang.code);
}

/** Any report as a self-contained HTML page (a post-call report in its call's language, others in `opts.language`). */
export function reportHtml(r: Report, opts: RenderOptions = {}): string {
  return r.kind === "post-call"
    ? postCallHtml(r)
    : r.kind === "rep-review"
      ? repReviewHtml(r, opts)
      : teamHtml(r, opts);
}
