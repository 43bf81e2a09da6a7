import { evaluateBenchmarks } from "../../analysis/benchmarks.js";
import type { CallDetail } from "../../calls/schemas.js";
import type { CallSyncStatus } from "../../calls/sync-status.js";
import type { Evidence } from "../../coaching/contract.js";
import { callLanguage } from "../../coaching/lang/index.js";
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

/** Where evidence links point: the call (for its audio route) and whether it has a recording. */
interface Media {
  callId: string;
  audio: boolean;
}

function Quote(props: { e: Evidence; anchor: string | null; media: Media }) {
  const { e, anchor, media } = props;
  const at = e.start != null ? ` at ${dur(e.start)}` : "";
  // With a recording, a quote's links also move the player (app.js); without JavaScript the
  // play link opens the recording at that second (a media fragment) and the other one scrolls.
  const seek = media.audio && e.start != null ? String(Math.max(0, e.start)) : undefined;
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
          <a href={`#${anchor}`} data-seek={seek}>
            in the transcript
          </a>
        </>
      ) : null}
      {seek !== undefined ? (
        <>
          {" · "}
          <a class="play" href={`/calls/${media.callId}/audio#t=${seek}`} data-seek={seek}>
            play from {dur(e.start)}
          </a>
        </>
      ) : null}
    </blockquote>
  );
}

const SYNC = { pending: "Waiting", retrying: "Retrying", done: "Written", failed: "Failed" } as const;
const SYNC_CLASS = { pending: "", retrying: "warn", done: "good", failed: "bad" } as const;
const DELIVERY = { pending: "Pending", succeeded: "Delivered", failed: "Failed" } as const;
const DELIVERY_CLASS = { pending: "warn", succeeded: "good", failed: "bad" } as const;
const VENDOR = {
  hubspot: "HubSpot",
  pipedrive: "Pipedrive",
  salesforce: "Salesforce",
  generic: "Signed JSON",
} as const;

/** Where the call's results went: the CRM write-back and (managers, admins) webhook deliveries. */
function SyncSection(props: { sync: CallSyncStatus; dealId: string | null }) {
  const { crm, webhooks } = props.sync;
  return (
    <section aria-labelledby="h-sync">
      <h2 id="h-sync">CRM sync and webhooks</h2>
      <div class="card">
        <h3>CRM</h3>
        {crm.length === 0 ? (
          <p class="muted">
            {props.dealId
              ? "Not written back to a CRM: no connection writes results back, or the call is not coached yet."
              : "No deal is linked to this call, so nothing is written back to a CRM."}
          </p>
        ) : (
          <ul class="checklist">
            {crm.map((w) => (
              <li>
                <span class={`badge ${SYNC_CLASS[w.status]}`}>{SYNC[w.status]}</span>{" "}
                {w.name ?? VENDOR[w.vendor]} ({VENDOR[w.vendor]}), deal {w.dealId}
                {w.vendorObjectId ? `, note ${w.vendorObjectId}` : ""}
                <span class="muted"> · {when(w.updatedAt)}</span>
                {w.error ? <p class="bad">{w.error}</p> : null}
              </li>
            ))}
          </ul>
        )}
        {webhooks ? (
          <>
            <h3>Webhook deliveries</h3>
            {webhooks.length === 0 ? (
              <p class="muted">No webhook message about this call.</p>
            ) : (
              <ul class="checklist">
                {webhooks.map((d) => (
                  <li>
                    <span class={`badge ${DELIVERY_CLASS[d.status]}`}>{DELIVERY[d.status]}</span>{" "}
                    <code>{d.eventType}</code> to {d.endpointHost}
                    <span class="muted">
                      {" "}
                      · {d.attempts} attempt{d.attempts === 1 ? "" : "s"}
                      {d.responseStatus != null ? ` · HTTP ${d.responseStatus}` : ""}
                      {d.lastAttemptAt ? ` · last ${when(d.lastAttemptAt)}` : ""}
                      {d.status === "pending" && d.nextAttemptAt ? ` · next ${when(d.nextAttemptAt)}` : ""}
                    </span>
                    {d.lastError && d.status !== "succeeded" ? <p class="bad">{d.lastError}</p> : null}
                  </li>
                ))}
              </ul>
            )}
          </>
        ) : null}
      </div>
    </section>
  );
}

const ITEM_CLASS = { covered: "good", partly: "warn", missed: "bad" } as const;

export function CallPage(props: {
  user: WebUser;
  call: CallDetail;
  transcript: Transcript | null;
  repName: string;
  sync: CallSyncStatus;
}) {
  const { call, transcript, user } = props;
  const media: Media = { callId: call.id, audio: call.source === "audio" };
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
  // The coaching sections speak the call's language (the page around them stays English).
  const lang = callLanguage({ analysis: a });
  const P = lang.report.page;
  const L = lang.labels;
  const T = lang.text;
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
      {media.audio ? (
        <section aria-labelledby="h-audio" class="player">
          <h2 id="h-audio" class="sr-only">
            Recording
          </h2>
          {/* biome-ignore lint/a11y/useMediaCaption: the transcript below is the recording's text */}
          <audio id="call-audio" controls preload="metadata" src={`/calls/${call.id}/audio`}>
            <a href={`/calls/${call.id}/audio`}>Download the recording</a>
          </audio>
        </section>
      ) : null}
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
          <section aria-labelledby="h-metrics" lang={lang.code}>
            <h2 id="h-metrics">{P.metricsHeading}</h2>
            <TableWrap label="Metrics table">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{P.metricColumns[0]}</th>
                    <th scope="col" class="num">
                      {P.metricColumns[1]}
                    </th>
                    <th scope="col">{P.metricColumns[2]}</th>
                    <th scope="col">{P.metricColumns[3]}</th>
                    <th scope="col">{P.metricColumns[4]}</th>
                  </tr>
                </thead>
                <tbody>
                  {evaluateBenchmarks(a).map((r) => {
                    const b = T.benchmarks?.[r.benchmark.id] ?? r.benchmark;
                    return (
                      <tr>
                        <th scope="row">{b.label}</th>
                        <td class="num">{r.value === null ? "–" : r.benchmark.format(r.value)}</td>
                        <td>
                          {b.target} <span class="muted">({r.benchmark.source})</span>
                        </td>
                        <td>
                          {r.verdict ? <span class={`badge ${r.verdict}`}>{P.verdict[r.verdict]}</span> : "–"}
                        </td>
                        <td>
                          {r.verdict && r.verdict !== "good" && r.value !== null ? b.advice(r.value) : ""}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </TableWrap>
            {lang.code === "en" ? (
              <p class="muted">
                Interactivity{" "}
                {a.metrics.interactivity == null ? "–" : `${a.metrics.interactivity.toFixed(1)} switches/min`}
                {" · "}longest customer story {dur(a.metrics.longestCustomerStorySec)}
                {a.metrics.objections
                  ? ` · objections handled ${pct(a.metrics.objections.handledShare)}`
                  : ""}
              </p>
            ) : (
              <p class="muted">
                {L.interactivity}{" "}
                {a.metrics.interactivity == null ? "–" : L.switchesPerMin(a.metrics.interactivity.toFixed(1))}
                {" · "}
                {L.longestCustomerStory} {dur(a.metrics.longestCustomerStorySec)}
                {a.metrics.objections?.handledShare != null
                  ? ` · ${L.objections}${L.handledShare(Math.round(a.metrics.objections.handledShare * 100))}`
                  : ""}
              </p>
            )}
          </section>
          {a.summary ? (
            <section aria-labelledby="h-summary" lang={lang.code}>
              <h2 id="h-summary">{P.coachingSummary}</h2>
              <div class="card">
                <p>{a.summary.text}</p>
                <div class="grid">
                  <div>
                    <h3>{P.wentWell}</h3>
                    <ul>
                      {a.summary.wentWell.length ? a.summary.wentWell.map((t) => <li>{t}</li>) : <li>–</li>}
                    </ul>
                  </div>
                  <div>
                    <h3>{P.toChange}</h3>
                    <ul>
                      {a.summary.toChange.length ? a.summary.toChange.map((t) => <li>{t}</li>) : <li>–</li>}
                    </ul>
                  </div>
                </div>
                <h3>{L.nextSteps}</h3>
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
                  <p class="muted">{P.noNextStep}</p>
                )}
              </div>
            </section>
          ) : null}
          {a.playbook ? (
            <section aria-labelledby="h-playbook" lang={lang.code}>
              <h2 id="h-playbook">
                {L.playbook}: {a.playbook.name} — {pct(a.playbook.score)}
              </h2>
              <ul class="checklist">
                {a.playbook.items.map((item) => (
                  <li>
                    <span class={`badge ${ITEM_CLASS[item.status]}`}>{P.item[item.status]}</span>{" "}
                    <strong>{item.title}</strong>
                    {item.evidence.map((e) => (
                      <Quote e={e} anchor={anchor(e)} media={media} />
                    ))}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          {a.objections ? (
            <section aria-labelledby="h-objections" lang={lang.code}>
              <h2 id="h-objections">
                {L.objections} ({a.objections.length})
              </h2>
              {a.objections.length === 0 ? <p class="muted">{P.noObjections}</p> : null}
              <ul class="checklist">
                {a.objections.map((o) => (
                  <li>
                    <span class="badge">{T.category(o.category)}</span>{" "}
                    <span class={`badge ${o.resolved ? "good" : "warn"}`}>
                      {o.resolved ? P.resolved : P.unresolved}
                    </span>
                    <Quote
                      e={{ speaker: o.speaker, start: o.start, quote: o.text }}
                      anchor={anchor({ speaker: o.speaker, start: o.start, quote: o.text })}
                      media={media}
                    />
                    <p>
                      {P.handling(o.handling)}
                      {o.responseDelaySec != null ? P.repliedAfter(o.responseDelaySec.toFixed(1)) : ""}
                    </p>
                    {o.response ? <Quote e={o.response} anchor={anchor(o.response)} media={media} /> : null}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </>
      ) : null}
      <SyncSection sync={props.sync} dealId={call.crm.dealId} />
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
