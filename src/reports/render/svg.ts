import { coachingLanguage } from "../../coaching/lang/index.js";
import type { ReportText } from "../../coaching/lang/types.js";
import type { Timeline } from "../types.js";
import { clockOf, escapeHtml } from "./text.js";

/**
 * Inline SVG charts for the HTML reports: no script, no external resource, scalable (viewBox, width
 * 100%), with a <title> for screen readers. Pure.
 */

const ROLE_COLOR = { rep: "#2563eb", customer: "#16a34a", other: "#9ca3af" } as const;

/**
 * Who spoke when: one lane per speaker, questions as ticks above (open filled, closed hollow) and
 * objections as red triangles (hollow when unresolved… filled when resolved).
 */
export function timelineSvg(
  t: Timeline,
  words: ReportText["timelineSvg"] = coachingLanguage("en").report.timelineSvg,
  category: (c: Timeline["objections"][number]["category"]) => string = (c) => c,
): string {
  const W = 480;
  const left = 64;
  const lane = 24;
  const top = 28;
  const h = top + t.speakers.length * lane + 26;
  const x = (sec: number) =>
    left + (Math.min(sec, t.durationSec) / Math.max(t.durationSec, 1)) * (W - left - 10);
  const laneOf = new Map(t.speakers.map((s, i) => [s.id, i]));
  const parts: string[] = [];
  t.speakers.forEach((s, i) => {
    parts.push(
      `<text x="${left - 6}" y="${top + i * lane + 15}" text-anchor="end" font-size="12" fill="#374151">${escapeHtml(s.id.slice(0, 9))}</text>`,
      `<rect x="${left}" y="${top + i * lane + 3}" width="${W - left - 10}" height="${lane - 6}" fill="#f3f4f6"/>`,
    );
  });
  for (const s of t.segments) {
    const i = laneOf.get(s.speaker);
    if (i === undefined) continue;
    const w = Math.max(1, x(s.end) - x(s.start));
    parts.push(
      `<rect x="${x(s.start).toFixed(1)}" y="${top + i * lane + 3}" width="${w.toFixed(1)}" height="${lane - 6}" fill="${ROLE_COLOR[s.role]}"/>`,
    );
  }
  for (const q of t.questions) {
    const cx = x(q.at).toFixed(1);
    parts.push(
      `<circle cx="${cx}" cy="${top - 14}" r="4" fill="${q.kind === "open" ? "#7c3aed" : "#fff"}" stroke="#7c3aed"><title>${escapeHtml(words.question(q.kind, clockOf(q.at)))}</title></circle>`,
    );
  }
  for (const o of t.objections) {
    const cx = x(o.at);
    parts.push(
      `<path d="M${(cx - 5).toFixed(1)} ${top - 2} L${(cx + 5).toFixed(1)} ${top - 2} L${cx.toFixed(1)} ${top - 11} Z" fill="${o.resolved ? "#dc2626" : "#fff"}" stroke="#dc2626"><title>${escapeHtml(words.objection(category(o.category), clockOf(o.at), o.resolved))}</title></path>`,
    );
  }
  const ticks = 4;
  for (let k = 0; k <= ticks; k++) {
    const sec = (t.durationSec * k) / ticks;
    parts.push(
      `<text x="${x(sec).toFixed(1)}" y="${h - 6}" text-anchor="middle" font-size="12" fill="#6b7280">${clockOf(sec)}</text>`,
    );
  }
  return `<svg viewBox="0 0 ${W} ${h}" width="100%" role="img" xmlns="http://www.w3.org/2000/svg"><title>${escapeHtml(words.title)}</title>${parts.join("")}</svg>`;
}

/**
 * A small line chart of one series over labelled points (weeks); gaps where a value is null.
 * An optional target band is shaded.
 */
export function lineChartSvg(input: {
  title: string;
  labels: readonly string[];
  values: ReadonlyArray<number | null>;
  format: (v: number) => string;
  band?: { low: number | null; high: number | null } | null;
}): string {
  const W = 320;
  const H = 160;
  const pad = { l: 48, r: 16, t: 26, b: 26 };
  const present = input.values.filter((v): v is number => v !== null);
  const extra = [input.band?.low, input.band?.high].filter((v): v is number => typeof v === "number");
  let lo = Math.min(...present, ...extra);
  let hi = Math.max(...present, ...extra);
  if (!Number.isFinite(lo)) {
    lo = 0;
    hi = 1;
  }
  if (hi === lo) {
    hi = lo + 1;
    lo = Math.max(0, lo - 1);
  }
  const n = input.labels.length;
  const x = (i: number) => pad.l + (n <= 1 ? (W - pad.l - pad.r) / 2 : (i / (n - 1)) * (W - pad.l - pad.r));
  const y = (v: number) => pad.t + (1 - (v - lo) / (hi - lo)) * (H - pad.t - pad.b);
  const parts: string[] = [
    `<text x="${pad.l}" y="15" font-size="14" font-weight="600" fill="#111827">${escapeHtml(input.title)}</text>`,
  ];
  if (input.band && (input.band.low !== null || input.band.high !== null)) {
    const top = y(Math.min(input.band.high ?? hi, hi));
    const bottom = y(Math.max(input.band.low ?? lo, lo));
    parts.push(
      `<rect x="${pad.l}" y="${top.toFixed(1)}" width="${W - pad.l - pad.r}" height="${Math.max(0, bottom - top).toFixed(1)}" fill="#dcfce7"><title>target</title></rect>`,
    );
  }
  parts.push(
    `<text x="${pad.l - 4}" y="${y(hi) + 4}" text-anchor="end" font-size="12" fill="#6b7280">${escapeHtml(input.format(hi))}</text>`,
    `<text x="${pad.l - 4}" y="${y(lo) + 4}" text-anchor="end" font-size="12" fill="#6b7280">${escapeHtml(input.format(lo))}</text>`,
    `<line x1="${pad.l}" y1="${H - pad.b}" x2="${W - pad.r}" y2="${H - pad.b}" stroke="#d1d5db"/>`,
  );
  let path = "";
  input.values.forEach((v, i) => {
    if (v === null) return;
    const prev = i > 0 ? input.values[i - 1] : null;
    path += `${prev === null || prev === undefined ? "M" : "L"}${x(i).toFixed(1)} ${y(v).toFixed(1)} `;
  });
  if (path) parts.push(`<path d="${path.trim()}" fill="none" stroke="#2563eb" stroke-width="2"/>`);
  input.values.forEach((v, i) => {
    if (v !== null)
      parts.push(
        `<circle cx="${x(i).toFixed(1)}" cy="${y(v).toFixed(1)}" r="3" fill="#2563eb"><title>${escapeHtml(`${input.labels[i]}: ${input.format(v)}`)}</title></circle>`,
      );
  });
  const step = Math.max(1, Math.ceil(n / 4));
  input.labels.forEach((l, i) => {
    if (i % step === 0 || i === n - 1)
      parts.push(
        `<text x="${x(i).toFixed(1)}" y="${H - 6}" text-anchor="middle" font-size="12" fill="#6b7280">${escapeHtml(l)}</text>`,
      );
  });
  return `<svg viewBox="0 0 ${W} ${H}" width="100%" role="img" xmlns="http://www.w3.org/2000/svg"><title>${escapeHtml(input.title)}</title>${parts.join("")}</svg>`;
}

/** Horizontal bars (0–1 values) with a label and a note (the sample size) each. */
export function barsSvg(
  title: string,
  rows: ReadonlyArray<{ label: string; value: number | null; note: string }>,
): string {
  const left = 100;
  const bar = 120;
  const W = left + bar + 150;
  const row = 26;
  const H = 26 + rows.length * row;
  const parts = [
    `<text x="0" y="15" font-size="14" font-weight="600" fill="#111827">${escapeHtml(title)}</text>`,
  ];
  rows.forEach((r, i) => {
    const yy = 24 + i * row;
    const w = r.value === null ? 0 : r.value * bar;
    parts.push(
      `<text x="${left - 6}" y="${yy + 15}" text-anchor="end" font-size="12" fill="#374151">${escapeHtml(r.label)}</text>`,
      `<rect x="${left}" y="${yy + 3}" width="${bar}" height="18" fill="#f3f4f6"/>`,
      `<rect x="${left}" y="${yy + 3}" width="${w.toFixed(1)}" height="18" fill="#2563eb"/>`,
      `<text x="${left + bar + 6}" y="${yy + 16}" font-size="12" fill="#374151">${escapeHtml(`${r.value === null ? "—" : `${Math.round(r.value * 100)}%`} ${r.note}`)}</text>`,
    );
  });
  return `<svg viewBox="0 0 ${W} ${H}" width="100%" role="img" xmlns="http://www.w3.org/2000/svg"><title>${escapeHtml(title)}</title>${parts.join("")}</svg>`;
}
