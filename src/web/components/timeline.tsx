import { clock } from "../../analysis/benchmarks.js";
import type { Role, Transcript } from "../../transcript/model.js";

export interface TimelineMarker {
  kind: "question" | "objection";
  speaker: string;
  start: number;
  text: string;
}

const WIDTH = 1000;
const LABEL_W = 120;
const LANE_H = 28;
const AXIS_H = 22;

/**
 * Who spoke when, as inline SVG: one lane per speaker (rep side first), a bar per utterance, and
 * markers for questions (circles) and objections (diamonds). Nothing is drawn for a transcript
 * without timing (the caller says so instead).
 */
export function SpeakerTimeline(props: {
  transcript: Transcript;
  speakers: ReadonlyArray<{ id: string; role: Role; talkShare: number | null }>;
  durationSec: number;
  markers: TimelineMarker[];
}) {
  const { transcript, durationSec } = props;
  const order = [...props.speakers].sort((a, b) => rank(a.role) - rank(b.role));
  const lane = new Map(order.map((s, i) => [s.id, i]));
  const scale = (t: number) => LABEL_W + (Math.min(t, durationSec) / durationSec) * (WIDTH - LABEL_W - 10);
  const height = order.length * LANE_H + AXIS_H;
  const ticks = tickSeconds(durationSec);
  const questions = props.markers.filter((m) => m.kind === "question").length;
  const objections = props.markers.length - questions;
  const desc = `${clock(durationSec)} call. ${order
    .map(
      (s) =>
        `${s.id} (${s.role}) talked ${s.talkShare == null ? "an unknown share" : `${Math.round(s.talkShare * 100)}%`}`,
    )
    .join("; ")}. ${questions} questions and ${objections} objections are marked.`;
  return (
    <figure class="timeline">
      <svg viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-labelledby="tl-title tl-desc">
        <title id="tl-title">Speaker timeline</title>
        <desc id="tl-desc">{desc}</desc>
        {order.map((s, i) => (
          <text x={4} y={i * LANE_H + 18}>
            {s.id.length > 16 ? `${s.id.slice(0, 15)}…` : s.id}
          </text>
        ))}
        {transcript.utterances.map((u) => {
          const i = lane.get(u.speaker);
          if (i === undefined || u.start == null || u.end == null) return null;
          const role = order[i]!.role;
          const x = scale(u.start);
          return (
            <rect
              class={`lane-${role}`}
              x={x.toFixed(1)}
              y={i * LANE_H + 6}
              width={Math.max(1, scale(u.end) - x).toFixed(1)}
              height={LANE_H - 12}
            />
          );
        })}
        {props.markers.map((m) => {
          const i = lane.get(m.speaker) ?? 0;
          const x = scale(m.start);
          const y = i * LANE_H + LANE_H / 2;
          const label = `${m.kind === "question" ? "Question" : "Objection"} at ${clock(m.start)}: ${m.text}`;
          return m.kind === "question" ? (
            <circle class="q" cx={x.toFixed(1)} cy={y} r={4}>
              <title>{label}</title>
            </circle>
          ) : (
            <path class="obj" d={`M${x.toFixed(1)} ${y - 7}l6 7l-6 7l-6 -7z`}>
              <title>{label}</title>
            </path>
          );
        })}
        {ticks.map((t) => (
          <text x={scale(t).toFixed(1)} y={height - 6} text-anchor="middle">
            {clock(t)}
          </text>
        ))}
      </svg>
      <ul class="legend">
        <li>
          <span class="swatch rep" aria-hidden="true"></span>Rep speaking
        </li>
        <li>
          <span class="swatch customer" aria-hidden="true"></span>Customer speaking
        </li>
        <li>
          <span class="swatch q" aria-hidden="true"></span>Question
        </li>
        <li>
          <span class="swatch obj" aria-hidden="true"></span>Objection
        </li>
      </ul>
    </figure>
  );
}

function rank(role: Role): number {
  return role === "rep" ? 0 : role === "customer" ? 1 : 2;
}

/** About six round tick positions across the call. */
export function tickSeconds(durationSec: number): number[] {
  const steps = [30, 60, 120, 300, 600, 900, 1800, 3600];
  const step = steps.find((s) => durationSec / s <= 6) ?? 3600;
  const out: number[] = [];
  for (let t = 0; t <= durationSec; t += step) out.push(t);
  return out;
}
