import { evaluateBenchmarks } from "../../analysis/benchmarks.js";
import type { CallDetail } from "../../calls/schemas.js";
import type { Evidence } from "../../coaching/contract.js";
import type { Transcript } from "../../transcript/model.js";
import { SpeakerTimeline, type TimelineMarker } from "../components/timeline.js";
import { dur, pct, progressOf, when } from "../format.js";
import type { WebUser } from "../session.js";
import { Layout, TableWrap } from "./layout.js";

/** Where a quote sits in the transcript: the anchor id of its utterance, if found. */
export function anchorFinder(
  transcript: Transcript | null,
): (e: Pick<Evidence, "speaker" | "start" | "quote">) => string | null {
  if (!transcript) return () => null;
  const byStart = new Map<string, number>();
  transcript.utterances.forEach((u, i) => {
    const k = `${u.speaker}@${u.start}`;
    if (!byStart.has(k)) byStart.set(k, i);
  });
  return (e) => {
    const hit = e.start != null ? byStart.get(`${e.speaker}@${e.start}`) : undefined;
    if (hit !== undefined) return `u-${hit}`;
    const q = e.quote.toLowerCase();
    const i = transcript.utterances.findIndex(
      (u) => u.speaker === e.speaker && u.text.toLowerCase().includes(q),
    );
    return i >= 0 ? `u-${i}` : null;
  };
}

function Quote(props: { e: Evidence; anchor: string | null }) {
  const { e, anchor } = props;
  const at = e.start != null ? ` at ${dur(e.start)}` : "";
  return (
    <blockquote>
      “{e.quote}”{" "}
      <span class="muted">
        — {e.speaker}
        {at}
      </span>
      {anchor ? (
        <>
          {" "}
          <a href={`#${anchor}`}>in the transcript</a>
        </>
      ) : null}
    </blockquote>
  );
}

const VERDICT = { good: "On target", warn: "Off target", bad: "Far off" } as const;
const ITEM = { covered: "Covered", partly: "Partly", missed: "Missed" } as const;
const ITEM_CLASS = { covered: "good", partly: "warn", missed: "bad" } as const;

export function CallPage(props: {
  user: WebUser;
  call: CallDetail;
  transcript: Transcript | null;
  repName: string;
}) {
  const { call, transcript, user } = props;
  const a = call.analysis;
  const progress = progressOf(call);
  const anchor = anchorFinder(transcript);
  const names = new Map((transcript?.speakers ?? []).map((s) => [s.id, s.name ?? s.id]));
  const roles = new Map((a?.speakers ?? []).map((s) => [s.id, s.role]));
  const markers: TimelineMarker[] = [
    ...(a?.questions ?? [])
      .filter((q) => q.start != null && roles.get(q.speaker) === "rep")
      .map((q) => ({ kind: "question" as const, speaker: q.speaker, start: q.start!, text: q.text })),
    ...(a?.objections ?? [])
      .filter((o) => o.start != null)
      .map((o) => ({ kind: "objection" as const, speaker: o.speaker, start: o.start!, text: o.text })),
  ];
  const title = call.title ?? call.fileName ?? call.id;
  return (
    <Layout title={title} user={user} section="calls">
      <p>
        <a href="/calls">← All calls</a>
      </p>
      <h1>{title}</h1>
      <dl class="card row">
        <div>
          <dt>Rep</dt>
          <dd>{props.repName}</dd>
        </div>
        <div>
          <dt>Date</dt>
          <dd>{when(call.occurredAt)}</dd>
        </div>
        <div>
          <dt>Duration</dt>
          <dd>{dur(a?.durationSec)}</dd>
        </div>
        <div>
          <dt>Deal</dt>
          <dd>{call.crm.dealId ?? "–"}</dd>
        </div>
        <div>
          <dt>Playbook</dt>
          <dd>{a?.playbook?.name ?? "–"}</dd>
        </div>
      </dl>
      <div
        class="card"
        role="status"
        aria-live="polite"
        data-status-url={`/calls/${call.id}/status`}
        data-finished={progress.finished ? "true" : "false"}
      >
        <p>
          Status: <span class="status-text">{progress.label}</span>{" "}
          <a class="status-link" href={`/calls/${call.id}`} hidden={progress.finished}>
            Reload to see the latest analysis
          </a>
        </p>
      </div>
      {a ? (
        <>
          <section aria-labelledby="h-timeline">
            <h2 id="h-timeline">Timeline</h2>
            {transcript && a.durationSec ? (
              <SpeakerTimeline
                transcript={transcript}
                speakers={a.speakers}
                durationSec={a.durationSec}
                markers={markers}
              />
            ) : (
              <p class="muted">This transcript has no timestamps, so there is no timeline.</p>
            )}
          </section>
          <section aria-labelledby="h-metrics">
            <h2 id="h-metrics">Metrics against the benchmarks</h2>
            <TableWrap label="Metrics table">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Metric</th>
                    <th scope="col" class="num">
                      This call
                    </th>
                    <th scope="col">Benchmark</th>
                    <th scope="col">Verdict</th>
                    <th scope="col">Advice</th>
                  </tr>
                </thead>
                <tbody>
                  {evaluateBenchmarks(a).map((r) => (
                    <tr>
                      <th scope="row">{r.benchmark.label}</th>
                      <td class="num">{r.value === null ? "–" : r.benchmark.format(r.value)}</td>
                      <td>
                        {r.benchmark.target} <span class="muted">({r.benchmark.source})</span>
                      </td>
                      <td>
                        {r.verdict ? <span class={`badge ${r.verdict}`}>{VERDICT[r.verdict]}</span> : "–"}
                      </td>
                      <td>
                        {r.verdict && r.verdict !== "good" && r.value !== null
                          ? r.benchmark.advice(r.value)
                          : ""}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
            <p class="muted">
              Interactivity{" "}
              {a.metrics.interactivity == null ? "–" : `${a.metrics.interactivity.toFixed(1)} switches/min`}
              {" · "}longest customer story {dur(a.metrics.longestCustomerStorySec)}
              {a.metrics.objections ? ` · objections handled ${pct(a.metrics.objections.handledShare)}` : ""}
            </p>
          </section>
          {a.summary ? (
            <section aria-labelledby="h-summary">
              <h2 id="h-summary">Coaching summary</h2>
              <div class="card">
                <p>{a.summary.text}</p>
                <div class="grid">
                  <div>
                    <h3>Went well</h3>
                    <ul>
                      {a.summary.wentWell.length ? a.summary.wentWell.map((t) => <li>{t}</li>) : <li>–</li>}
                    </ul>
                  </div>
                  <div>
                    <h3>To change next time</h3>
                    <ul>
                      {a.summary.toChange.length ? a.summary.toChange.map((t) => <li>{t}</li>) : <li>–</li>}
                    </ul>
                  </div>
                </div>
                <h3>Next steps</h3>
                {a.summary.nextSteps.length ? (
                  <ul>
                    {a.summary.nextSteps.map((s) => (
                      <li>
                        {s.text}
                        {s.owner ? ` — ${s.owner}` : ""}
                        {s.due ? ` (${s.due})` : ""}
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p class="muted">No next step was agreed in the call.</p>
                )}
              </div>
            </section>
          ) : null}
          {a.playbook ? (
            <section aria-labelledby="h-playbook">
              <h2 id="h-playbook">
                Playbook: {a.playbook.name} — {pct(a.playbook.score)}
              </h2>
              <ul class="checklist">
                {a.playbook.items.map((item) => (
                  <li>
                    <span class={`badge ${ITEM_CLASS[item.status]}`}>{ITEM[item.status]}</span>{" "}
                    <strong>{item.title}</strong>
                    {item.evidence.map((e) => (
                      <Quote e={e} anchor={anchor(e)} />
                    ))}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          {a.objections ? (
            <section aria-labelledby="h-objections">
              <h2 id="h-objections">Objections ({a.objections.length})</h2>
              {a.objections.length === 0 ? <p class="muted">No objections were raised.</p> : null}
              <ul class="checklist">
                {a.objections.map((o) => (
                  <li>
                    <span class="badge">{o.category}</span>{" "}
                    <span class={`badge ${o.resolved ? "good" : "warn"}`}>
                      {o.resolved ? "Resolved" : "Unresolved"}
                    </span>
                    <Quote
                      e={{ speaker: o.speaker, start: o.start, quote: o.text }}
                      anchor={anchor({ speaker: o.speaker, start: o.start, quote: o.text })}
                    />
                    <p>
                      Handling: {o.handling.acknowledged ? "acknowledged" : "not acknowledged"},{" "}
                      {o.handling.clarified ? "clarified" : "not clarified"},{" "}
                      {o.handling.responded ? "responded" : "no answer"},{" "}
                      {o.handling.confirmed ? "confirmed" : "not confirmed"}
                      {o.responseDelaySec != null
                        ? ` · replied after ${o.responseDelaySec.toFixed(1)} s`
                        : ""}
                    </p>
                    {o.response ? <Quote e={o.response} anchor={anchor(o.response)} /> : null}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </>
      ) : null}
      <section aria-labelledby="h-transcript">
        <h2 id="h-transcript">Transcript</h2>
        {transcript ? (
          <ol class="transcript">
            {transcript.utterances.map((u, i) => {
              const role = roles.get(u.speaker) ?? "other";
              return (
                <li id={`u-${i}`}>
                  {u.start != null ? <time>{dur(u.start)}</time> : null}
                  <span class={`spk ${role}`}>{names.get(u.speaker) ?? u.speaker}</span>
                  {role !== "other" ? <span class="sr-only">{` (${role})`}</span> : null}: {u.text}
                </li>
              );
            })}
          </ol>
        ) : (
          <p class="muted">The transcript is not ready yet.</p>
        )}
      </section>
    </Layout>
  );
}
