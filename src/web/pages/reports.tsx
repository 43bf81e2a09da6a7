import { raw } from "hono/html";
import { compareCall, pickHabits } from "../../reports/compute.js";
import {
  formatMetric as f,
  type MetricStats,
  type MetricStatsById,
  REPORT_METRIC_IDS,
  REPORT_METRICS,
  type ReportMetricId,
} from "../../reports/metrics.js";
import { barsSvg, lineChartSvg } from "../../reports/render/svg.js";
import type { Habit, RepReview, TeamReport, WeekPoint } from "../../reports/types.js";
import { pct } from "../format.js";
import type { PagePeriod } from "../period.js";
import type { WebUser } from "../session.js";
import { Layout, Messages, TableWrap } from "./layout.js";

/**
 * The rep page (`/reps/{userId}`) and the team page (`/team`): the rep-review and team reports of
 * src/reports, as dashboard pages with the weekly trend charts (inline SVG, from the reports'
 * renderers) and the one or two habits to work on.
 */

/** The metrics charted week by week (the first four of the reports, as in the HTML report). */
const CHARTED: readonly ReportMetricId[] = REPORT_METRIC_IDS.slice(0, 4);
const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? "" : "s"}`;

/**
 * One or two habits from a set of calls' medians against the team's: the metric furthest from
 * its published target first (the post-call report's rule, applied to medians).
 */
export function habitsOf(medians: MetricStatsById, team: MetricStatsById): Habit[] {
  const values = Object.fromEntries(REPORT_METRIC_IDS.map((id) => [id, medians[id].median])) as Record<
    ReportMetricId,
    number | null
  >;
  return pickHabits(compareCall(values, team), []);
}

function PeriodForm(props: { action: string; period: PagePeriod }) {
  return (
    <form method="get" action={props.action} class="card" aria-label="Period">
      <div class="row">
        <div>
          <label for="from">From</label>
          <input type="date" id="from" name="from" value={props.period.from} />
        </div>
        <div>
          <label for="to">To (inclusive)</label>
          <input type="date" id="to" name="to" value={props.period.to} />
        </div>
        <div>
          <button type="submit">Show period</button>
        </div>
      </div>
    </form>
  );
}

function Habits(props: { habits: Habit[]; who: string }) {
  return (
    <section aria-labelledby="h-habits">
      <h2 id="h-habits">Habits to work on</h2>
      {props.habits.length === 0 ? (
        <p class="card">Nothing stands out: {props.who} on target for every metric that has one.</p>
      ) : (
        <ol class="card habits">
          {props.habits.map((h) => (
            <li>
              <strong>{h.title}</strong>
              {h.why ? <p>{h.why}</p> : null}
              {h.suggestedLine ? <p class="muted">Try: {h.suggestedLine}</p> : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** Calls per week and the charted metrics' weekly medians, each an inline SVG line chart. */
function WeeklyCharts(props: { weeks: WeekPoint[] }) {
  const labels = props.weeks.map((w) => w.week.slice(5));
  const charts = [
    lineChartSvg({
      title: "Calls per week",
      labels,
      values: props.weeks.map((w) => w.calls),
      format: (v) => String(Math.round(v)),
    }),
    ...CHARTED.map((id) =>
      lineChartSvg({
        title: REPORT_METRICS[id].label,
        labels,
        values: props.weeks.map((w) => w.medians[id]),
        format: (v) => f(id, v),
        band: REPORT_METRICS[id].target,
      }),
    ),
  ];
  return (
    <section aria-labelledby="h-weeks">
      <h2 id="h-weeks">Week by week</h2>
      <p class="muted">
        Calls per ISO week and each metric's weekly median; the shaded band is the published target.
      </p>
      <div class="grid charts">
        {charts.map((svg) => (
          <figure class="card chart">{raw(svg)}</figure>
        ))}
      </div>
    </section>
  );
}

function Spread(props: { id: ReportMetricId; s: MetricStats }) {
  const { id, s } = props;
  if (s.median === null) return <>–</>;
  return (
    <>
      {f(id, s.median)}{" "}
      <span class="muted">
        ({f(id, s.p25)}–{f(id, s.p75)}, n={s.n})
      </span>
    </>
  );
}

export function RepPage(props: {
  user: WebUser;
  report: RepReview;
  period: PagePeriod;
  error?: string | null;
}) {
  const { report: r, user, period } = props;
  const own = user.actor.userId === r.rep.userId;
  const title = own ? "My coaching" : `Coaching: ${r.rep.name}`;
  const callsHref = `/calls?${new URLSearchParams({
    ...(own ? {} : { rep: r.rep.userId }),
    from: period.from,
    to: period.to,
  })}`;
  return (
    <Layout title={title} user={user} section={own ? "me" : "team"}>
      {own ? null : (
        <p>
          <a href={`/team?from=${period.from}&to=${period.to}`}>← Team</a>
        </p>
      )}
      <h1>{title}</h1>
      <Messages error={props.error} />
      <PeriodForm action={`/reps/${r.rep.userId}`} period={period} />
      <dl class="card row">
        <div>
          <dt>Calls</dt>
          <dd>
            <a href={callsHref}>{plural(r.calls, "call")}</a>
            <span class="muted"> (previous period: {r.previousCalls})</span>
          </dd>
        </div>
        <div>
          <dt>Deals closed</dt>
          <dd>
            {r.deals.won} won, {r.deals.lost} lost
          </dd>
        </div>
        <div>
          <dt>Win rate</dt>
          <dd>{pct(r.outcomes?.metrics.winRate ?? null)}</dd>
        </div>
        <div>
          <dt>Moved most</dt>
          <dd>
            {r.movedMost
              ? `${REPORT_METRICS[r.movedMost.metric].label}: ${f(r.movedMost.metric, r.movedMost.previous)} → ${f(r.movedMost.metric, r.movedMost.current)}`
              : "–"}
          </dd>
        </div>
      </dl>
      <Habits habits={habitsOf(r.metrics, r.team.metrics)} who={own ? "you are" : `${r.rep.name} is`} />
      <WeeklyCharts weeks={r.weeks} />
      <section aria-labelledby="h-metrics">
        <h2 id="h-metrics">Call metrics</h2>
        <TableWrap label="Call metrics table">
          <table>
            <thead>
              <tr>
                <th scope="col">Metric</th>
                <th scope="col">Median (p25–p75, n)</th>
                <th scope="col" class="num">
                  Previous period
                </th>
                <th scope="col" class="num">
                  Team
                </th>
                <th scope="col">Target</th>
              </tr>
            </thead>
            <tbody>
              {REPORT_METRIC_IDS.map((id) => (
                <tr>
                  <th scope="row">{REPORT_METRICS[id].label}</th>
                  <td>
                    <Spread id={id} s={r.metrics[id]} />
                  </td>
                  <td class="num">{f(id, r.previousMetrics[id].median)}</td>
                  <td class="num">{f(id, r.team.metrics[id].median)}</td>
                  <td>{REPORT_METRICS[id].target?.text ?? "–"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      </section>
      <section aria-labelledby="h-top">
        <h2 id="h-top">What top performers do differently</h2>
        {r.topPerformers.reason ? (
          <p class="muted">No comparison: {r.topPerformers.reason}.</p>
        ) : (
          <TableWrap label="Top performers table">
            <table>
              <caption>Top quartile by win rate: {r.topPerformers.top.map((x) => x.name).join(", ")}</caption>
              <thead>
                <tr>
                  <th scope="col">Metric</th>
                  <th scope="col" class="num">
                    Top performers
                  </th>
                  <th scope="col" class="num">
                    Everyone else
                  </th>
                  <th scope="col" class="num">
                    {own ? "You" : r.rep.name}
                  </th>
                </tr>
              </thead>
              <tbody>
                {r.topPerformers.metrics.map((m) => (
                  <tr>
                    <th scope="row">{REPORT_METRICS[m.id].label}</th>
                    <td class="num">{f(m.id, m.top)}</td>
                    <td class="num">{f(m.id, m.rest)}</td>
                    <td class="num">{f(m.id, r.metrics[m.id].median)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
      </section>
    </Layout>
  );
}

/** The team page's rep columns. */
const TEAM_COLUMNS: readonly ReportMetricId[] = [
  "talkRatio",
  "longestMonologueSec",
  "repQuestions",
  "patienceSec",
  "playbookScore",
];

export function TeamPage(props: {
  user: WebUser;
  report: TeamReport;
  weeks: WeekPoint[];
  period: PagePeriod;
  error?: string | null;
}) {
  const { report: r, user, period } = props;
  const i = r.insights;
  const flagged = r.reps.flatMap((x) => x.flags.map((fl) => ({ rep: x, flag: fl })));
  const q = `from=${period.from}&to=${period.to}`;
  return (
    <Layout title="Team" user={user} section="team">
      <h1>Team</h1>
      <Messages error={props.error} />
      <PeriodForm action="/team" period={period} />
      <dl class="card row">
        <div>
          <dt>Calls</dt>
          <dd>
            <a href={`/calls?${q}`}>{plural(r.calls, "call")}</a>
          </dd>
        </div>
        <div>
          <dt>Reps</dt>
          <dd>{r.reps.length}</dd>
        </div>
        <div>
          <dt>Win rate</dt>
          <dd>{pct(r.outcomes.metrics.winRate)}</dd>
        </div>
        <div>
          <dt>Outliers flagged</dt>
          <dd>{flagged.length}</dd>
        </div>
      </dl>
      <Habits habits={habitsOf(r.metrics, r.metrics)} who="the team is" />
      <section aria-labelledby="h-reps">
        <h2 id="h-reps">Reps</h2>
        <p class="muted">
          Medians per rep. ⚑ marks an outlier: beyond 1.5 × IQR of the reps' medians or far off the published
          target (reps with at least {r.minCallsForFlags} calls).
        </p>
        <TableWrap label="Reps table">
          <table>
            <thead>
              <tr>
                <th scope="col">Rep</th>
                <th scope="col" class="num">
                  Calls
                </th>
                {TEAM_COLUMNS.map((id) => (
                  <th scope="col" class="num">
                    {REPORT_METRICS[id].label}
                  </th>
                ))}
                <th scope="col" class="num">
                  Won / lost
                </th>
                <th scope="col" class="num">
                  Win rate
                </th>
              </tr>
            </thead>
            <tbody>
              {r.reps.map((x) => (
                <tr>
                  <th scope="row">
                    <a href={`/reps/${x.userId}?${q}`}>{x.name}</a>
                  </th>
                  <td class="num">{x.calls}</td>
                  {TEAM_COLUMNS.map((id) => {
                    const flags = x.flags.filter((fl) => fl.metric === id);
                    return (
                      <td class={flags.length ? "num bad" : "num"}>
                        {f(id, x.metrics[id].median)}
                        {flags.length ? (
                          <>
                            {" ⚑"}
                            <span class="sr-only">{` outlier: ${flags.map((fl) => fl.detail).join("; ")}`}</span>
                          </>
                        ) : null}
                      </td>
                    );
                  })}
                  <td class="num">
                    {x.deals.won} / {x.deals.lost}
                  </td>
                  <td class="num">{pct(x.outcomes?.winRate ?? null)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
        {flagged.length ? (
          <ul>
            {flagged.map(({ rep, flag }) => (
              <li>
                {rep.name}: {REPORT_METRICS[flag.metric].label} {flag.detail}
              </li>
            ))}
          </ul>
        ) : null}
      </section>
      <WeeklyCharts weeks={props.weeks} />
      <section aria-labelledby="h-outcomes">
        <h2 id="h-outcomes">Behaviour and outcomes</h2>
        <p class="muted">
          From {plural(i.closedDealCalls, "call")} of the period linked to a deal that is now won or lost.
        </p>
        <div class="grid">
          <figure class="card chart">
            {raw(
              barsSvg(
                "Win rate by rep talk ratio",
                i.talkBands.map((b) => ({
                  label: b.label,
                  value: b.winRate,
                  note: `of ${plural(b.calls, "call")} (${b.deals} deals)`,
                })),
              ),
            )}
          </figure>
          <TableWrap label="Won and lost deals table">
            <table>
              <thead>
                <tr>
                  <th scope="col">Median per call</th>
                  <th scope="col" class="num">
                    Won
                  </th>
                  <th scope="col" class="num">
                    Lost
                  </th>
                </tr>
              </thead>
              <tbody>
                {(["repQuestions", "patienceSec"] as const).map((id) => (
                  <tr>
                    <th scope="row">{REPORT_METRICS[id].label}</th>
                    <td class="num">
                      {f(id, i[id].won.median)} <span class="muted">n={i[id].won.n}</span>
                    </td>
                    <td class="num">
                      {f(id, i[id].lost.median)} <span class="muted">n={i[id].lost.n}</span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        </div>
      </section>
    </Layout>
  );
}
