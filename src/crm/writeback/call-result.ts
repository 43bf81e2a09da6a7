/**
 * What Debrief writes back to a CRM deal after a call is analysed, and how it reads there: HTML for
 * HubSpot and Pipedrive notes, plain text for a Salesforce Task. Pure. Everything from the call
 * (title, summary, next steps) is untrusted text and is escaped.
 */
export interface NextStep {
  text: string;
  owner?: string | null;
  /** Due date, `YYYY-MM-DD`. */
  due?: string | null;
}

/** The metrics a write-back carries (and a HubSpot connection may copy to deal properties). */
export const CALL_METRICS = [
  "talkRatio",
  "questions",
  "patienceSec",
  "objections",
  "playbookScore",
] as const satisfies readonly (keyof CallMetrics)[];

export interface CallMetrics {
  /** The rep's share of talk time, 0–1. */
  talkRatio: number | null;
  /** Questions the rep asked. */
  questions: number | null;
  /** Mean pause before the rep answered, in seconds. */
  patienceSec: number | null;
  /** Objections raised by the buyer. */
  objections: number | null;
  /** Playbook score, 0–100. */
  playbookScore: number | null;
}

export interface CallResult {
  callId: string;
  title: string;
  /** When the call took place (the note's timestamp in the CRM). */
  occurredAt: Date;
  summary: string;
  nextSteps: readonly NextStep[];
  metrics: CallMetrics;
  /** Link to the call in Debrief, if the deployment has a public URL. */
  url?: string | null;
}

const HTML_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};
const html = (s: string) => s.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);

/** The metric lines in display order, with missing ones left out. */
function metricLines(m: CallMetrics): string[] {
  const lines: string[] = [];
  if (m.talkRatio !== null) lines.push(`Talk ratio: ${Math.round(m.talkRatio * 100)}% rep`);
  if (m.questions !== null) lines.push(`Questions asked: ${m.questions}`);
  if (m.patienceSec !== null) lines.push(`Patience: ${m.patienceSec.toFixed(1)} s`);
  if (m.objections !== null) lines.push(`Objections: ${m.objections}`);
  if (m.playbookScore !== null) lines.push(`Playbook score: ${Math.round(m.playbookScore)}/100`);
  return lines;
}

function stepLine(s: NextStep): { text: string; who: string } {
  const who = [s.owner ? s.owner : null, s.due ? `due ${s.due}` : null].filter(Boolean).join(", ");
  return { text: s.text, who };
}

/** The call link only when it is an http(s) URL (never `javascript:` from a misconfiguration). */
function safeUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === "https:" || u.protocol === "http:" ? u.href : null;
  } catch {
    return null;
  }
}

/**
 * The note as HTML (HubSpot `hs_note_body`, Pipedrive note `content`).
 *
 * @example
 * renderNoteHtml(result);
 * // "<p><strong>Debrief: Discovery – Acme</strong></p><p>Summary…</p><p><strong>Next steps</strong></p><ul>…"
 */
export function renderNoteHtml(r: CallResult): string {
  const parts = [`<p><strong>Debrief: ${html(r.title)}</strong></p>`];
  if (r.summary.trim()) parts.push(`<p>${html(r.summary.trim()).replace(/\n+/g, "<br>")}</p>`);
  if (r.nextSteps.length > 0) {
    const items = r.nextSteps.map((s) => {
      const { text, who } = stepLine(s);
      return `<li>${html(text)}${who ? ` (${html(who)})` : ""}</li>`;
    });
    parts.push(`<p><strong>Next steps</strong></p><ul>${items.join("")}</ul>`);
  }
  const metrics = metricLines(r.metrics);
  if (metrics.length > 0) {
    parts.push(
      `<p><strong>Key metrics</strong></p><ul>${metrics.map((l) => `<li>${html(l)}</li>`).join("")}</ul>`,
    );
  }
  const url = safeUrl(r.url);
  if (url) parts.push(`<p><a href="${html(url)}">Open the call in Debrief</a></p>`);
  return parts.join("");
}

/**
 * The note as plain text (Salesforce Task `Description`).
 *
 * @example
 * renderNoteText(result);
 * // "Debrief: Discovery – Acme\n\nSummary…\n\nNext steps\n- Send pricing (Dana, due 2026-03-05)\n…"
 */
export function renderNoteText(r: CallResult): string {
  const parts = [`Debrief: ${r.title}`];
  if (r.summary.trim()) parts.push(r.summary.trim());
  if (r.nextSteps.length > 0) {
    const lines = r.nextSteps.map((s) => {
      const { text, who } = stepLine(s);
      return `- ${text}${who ? ` (${who})` : ""}`;
    });
    parts.push(["Next steps", ...lines].join("\n"));
  }
  const metrics = metricLines(r.metrics);
  if (metrics.length > 0) parts.push(["Key metrics", ...metrics.map((l) => `- ${l}`)].join("\n"));
  const url = safeUrl(r.url);
  if (url) parts.push(`Open the call in Debrief: ${url}`);
  return parts.join("\n\n");
}
