import { CALL_STATUSES, DEAL_STATUSES } from "../../db/schema/index.js";
import type { CallListQuery, CallRow, Sort } from "../calls-query.js";
import { dur, int, pct, STATUS_LABEL, when } from "../format.js";
import type { WebUser } from "../session.js";
import { Layout, TableWrap } from "./layout.js";

const OUTCOME_LABEL = { open: "Open", won: "Won", lost: "Lost" } as const;

export interface Option {
  value: string;
  label: string;
}

/** The query string of the list with some parameters changed (empty values dropped). */
function listHref(q: CallListQuery, change: Partial<Record<keyof CallListQuery, string | number>>): string {
  const params = new URLSearchParams();
  const merged = { ...q, ...change } as Record<string, unknown>;
  for (const k of ["q", "rep", "status", "playbook", "outcome", "from", "to", "sort", "dir", "page"]) {
    const v = merged[k];
    if (v === undefined || v === null || v === "") continue;
    if ((k === "sort" && v === "occurredAt") || (k === "dir" && v === "desc") || (k === "page" && v === 1))
      continue;
    params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `/calls?${s}` : "/calls";
}

function SortHeader(props: { q: CallListQuery; sort: Sort; label: string; num?: boolean }) {
  const { q, sort } = props;
  const active = q.sort === sort;
  const nextDir = active && q.dir === "desc" ? "asc" : "desc";
  return (
    <th
      scope="col"
      class={props.num ? "num" : undefined}
      aria-sort={active ? (q.dir === "asc" ? "ascending" : "descending") : undefined}
    >
      <a href={listHref(q, { sort, dir: nextDir, page: 1 })}>
        {props.label}
        {active ? (q.dir === "asc" ? " ▲" : " ▼") : ""}
        {/* Screen readers hear the action, not only the arrow. */}
        <span class="sr-only">{`, sort ${nextDir === "asc" ? "ascending" : "descending"}`}</span>
      </a>
    </th>
  );
}

function Select(props: {
  id: string;
  label: string;
  value: string | undefined;
  options: Option[];
  any: string;
}) {
  return (
    <div>
      <label for={props.id}>{props.label}</label>
      <select id={props.id} name={props.id}>
        <option value="">{props.any}</option>
        {props.options.map((o) => (
          <option value={o.value} selected={o.value === props.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function CallsPage(props: {
  user: WebUser;
  query: CallListQuery;
  rows: CallRow[];
  hasNext: boolean;
  reps: Option[];
  playbooks: Option[];
  repName: (id: string | null) => string;
  error?: string | null;
}) {
  const { query: q, user } = props;
  const isRep = user.actor.role === "rep";
  return (
    <Layout title="Calls" user={user} section="calls">
      <h1>{isRep ? "My calls" : "Calls"}</h1>
      {props.error ? (
        <p class="error" role="alert">
          {props.error}
        </p>
      ) : null}
      <form method="get" action="/calls" class="card" aria-label="Filter calls">
        <div class="row">
          <div>
            <label for="q">Search titles and transcripts</label>
            <input type="search" id="q" name="q" value={q.q ?? ""} />
          </div>
          {isRep ? null : <Select id="rep" label="Rep" value={q.rep} options={props.reps} any="All reps" />}
          <Select
            id="status"
            label="Status"
            value={q.status}
            any="Any status"
            options={CALL_STATUSES.map((s) => ({ value: s, label: STATUS_LABEL[s] ?? s }))}
          />
          <Select
            id="playbook"
            label="Playbook"
            value={q.playbook}
            options={props.playbooks}
            any="Any playbook"
          />
          <Select
            id="outcome"
            label="Deal outcome"
            value={q.outcome}
            any="Any outcome"
            options={DEAL_STATUSES.map((s) => ({ value: s, label: OUTCOME_LABEL[s] }))}
          />
          <div>
            <label for="from">From</label>
            <input type="date" id="from" name="from" value={q.from ?? ""} />
          </div>
          <div>
            <label for="to">To (inclusive)</label>
            <input type="date" id="to" name="to" value={q.to ?? ""} />
          </div>
        </div>
        <input type="hidden" name="sort" value={q.sort} />
        <input type="hidden" name="dir" value={q.dir} />
        <p class="row">
          <button type="submit">Apply filters</button> <a href="/calls">Clear</a>
        </p>
      </form>
      <TableWrap label="Calls table">
        <table>
          <caption>{props.rows.length === 0 ? "No calls match." : `Calls, page ${q.page}`}</caption>
          <thead>
            <tr>
              <th scope="col">Call</th>
              {isRep ? null : <th scope="col">Rep</th>}
              <SortHeader q={q} sort="occurredAt" label="Date" />
              <th scope="col">Status</th>
              <SortHeader q={q} sort="duration" label="Duration" num />
              <SortHeader q={q} sort="talkRatio" label="Talk ratio" num />
              <SortHeader q={q} sort="questions" label="Questions" num />
              <SortHeader q={q} sort="monologue" label="Longest monologue" num />
              <SortHeader q={q} sort="playbook" label="Playbook score" num />
              <th scope="col">Deal</th>
            </tr>
          </thead>
          <tbody>
            {props.rows.map((r) => (
              <tr>
                <td>
                  <a href={`/calls/${r.id}`}>{r.title ?? r.fileName ?? r.id}</a>
                </td>
                {isRep ? null : <td>{props.repName(r.repUserId)}</td>}
                <td>{when(r.occurredAt)}</td>
                <td>{STATUS_LABEL[r.status] ?? r.status}</td>
                <td class="num">{dur(r.durationSec)}</td>
                <td class="num">{pct(r.talkRatio)}</td>
                <td class="num">{int(r.questions)}</td>
                <td class="num">{dur(r.monologueSec)}</td>
                <td class="num">{pct(r.playbookScore)}</td>
                <td>{r.outcome ? OUTCOME_LABEL[r.outcome] : "–"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      <nav class="pager" aria-label="Pages">
        {q.page > 1 ? <a href={listHref(q, { page: q.page - 1 })}>← Previous page</a> : null}
        {props.hasNext ? <a href={listHref(q, { page: q.page + 1 })}>Next page →</a> : null}
      </nav>
    </Layout>
  );
}
