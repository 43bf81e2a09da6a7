import { clock, evaluateBenchmarks, type Verdict } from "../analysis/benchmarks.js";
import { coachingLanguage } from "../coaching/lang/index.js";
import type { Labels } from "../coaching/lang/types.js";
import type { CoachedAnalysis } from "../coaching/output.js";

const MARK: Record<Verdict, string> = { good: "✓", warn: "!", bad: "✗" };

/**
 * The human-readable coaching summary of one analysed file: who talked how much, each metric
 * against its benchmark, the one or two things to work on, and the rep's questions.
 *
 * @example
 * io.stdout(formatSummary(result));
 */
export function formatSummary(a: CoachedAnalysis, opts: { color?: boolean } = {}): string {
  const c = colors(opts.color ?? false);
  const lang = coachingLanguage(a.language);
  const L = lang.labels;
  const own = (id: string) => lang.text.benchmarks?.[id];
  const out: string[] = [];
  const dur = a.durationSec === null ? L.noTimestamps : clock(a.durationSec);
  const roles = a.roleSource === "guessed" ? L.rolesGuessed : L.rolesFrom(a.roleSource);
  out.push(c.bold(a.file), c.dim(`  ${a.format} · ${a.language} · ${dur} · ${roles}`), "");

  out.push(c.bold(L.speakers));
  const rows: string[][] = [L.speakerColumns];
  for (const s of a.speakers) {
    rows.push([
      s.id,
      s.role,
      s.talkTimeSec === null ? "–" : clock(s.talkTimeSec),
      s.talkShare === null ? "–" : `${Math.round(s.talkShare * 100)}%`,
      s.wpm === null ? "–" : String(Math.round(s.wpm)),
      String(s.words),
      s.turns === null ? "–" : String(s.turns),
      s.interruptions === null ? "–" : String(s.interruptions),
      String(s.fillerWords),
      String(s.questions),
    ]);
  }
  out.push(...table(rows).map((l) => `  ${l}`), "");

  out.push(c.bold(L.callMetrics));
  const m = a.metrics;
  const bench = evaluateBenchmarks(a);
  const mrows: string[][] = [[...L.metricColumns, ""]];
  for (const r of bench) {
    mrows.push([
      own(r.benchmark.id)?.label ?? r.benchmark.label,
      r.value === null ? "–" : r.benchmark.format(r.value),
      own(r.benchmark.id)?.target ?? r.benchmark.target,
      r.verdict === null ? "" : paint(c, r.verdict, MARK[r.verdict]),
    ]);
  }
  const q = m.questions;
  mrows.push([L.repOpenClosed, `${q.rep.open} / ${q.rep.closed}`, "", ""]);
  mrows.push([L.customerOpenClosed, `${q.customer.open} / ${q.customer.closed}`, "", ""]);
  mrows.push([
    L.longestCustomerStory,
    m.longestCustomerStorySec === null ? "–" : clock(m.longestCustomerStorySec),
    L.longerIsBetter,
    "",
  ]);
  mrows.push([
    L.interactivity,
    m.interactivity === null ? "–" : L.switchesPerMin(m.interactivity.toFixed(1)),
    "",
    "",
  ]);
  mrows.push([L.silence, m.silenceSec === null ? "–" : clock(m.silenceSec), "", ""]);
  mrows.push([
    L.pauses,
    m.pauses === null ? "–" : `${m.pauses} (${(m.longestPauseSec ?? 0).toFixed(1)} s)`,
    "",
    "",
  ]);
  out.push(...table(mrows).map((l) => `  ${l}`), "");

  const toWork = bench
    .filter((r) => r.value !== null && r.verdict !== null && r.verdict !== "good")
    .sort((x, y) => rank(y.verdict) - rank(x.verdict))
    .slice(0, 2);
  out.push(...coachingSections(a, c, L));

  out.push(c.bold(L.workOn));
  const advice = a.summary?.toChange.length
    ? a.summary.toChange
    : toWork.map((r) => (own(r.benchmark.id) ?? r.benchmark).advice(r.value!));
  if (advice.length === 0) out.push(`  ${L.nothingStandsOut}`);
  for (const line of advice) out.push(`  • ${line}`);
  for (const line of a.summary?.wentWell ?? []) out.push(`  ${c.green("+")} ${line}`);
  out.push("");

  const repQs = a.questions.filter((qq) => a.speakers.find((s) => s.id === qq.speaker)?.role === "rep");
  if (repQs.length > 0) {
    out.push(c.bold(L.repQuestions(repQs.length)));
    const w = Math.max(L.open.length, L.closed.length);
    for (const qq of repQs.slice(0, 20)) {
      const at = qq.start === null ? "" : `${clock(qq.start)} `;
      out.push(`  ${c.dim(at)}${(qq.kind === "open" ? L.open : L.closed).padEnd(w)} ${qq.text}`);
    }
    if (repQs.length > 20) out.push(c.dim(`  ${L.more(repQs.length - 20)}`));
    out.push("");
  }
  return `${out.join("\n")}\n`;
}

const STATUS_MARK = { covered: "✓", partly: "~", missed: "✗" } as const;

/** Playbook, objections and next steps, when the analysis was coached. */
function coachingSections(a: CoachedAnalysis, c: Colors, L: Labels): string[] {
  const out: string[] = [];
  if (a.playbook) {
    const p = a.playbook;
    const n = (s: string) => p.items.filter((i) => i.status === s).length;
    out.push(
      c.bold(`${L.playbook}: ${p.name}`) +
        `  ${Math.round(p.score * 100)}% (${n("covered")} ${L.covered}, ${n("partly")} ${L.partly}, ${n("missed")} ${L.missed})`,
    );
    for (const item of p.items) {
      const mark =
        item.status === "covered"
          ? c.green(STATUS_MARK.covered)
          : item.status === "partly"
            ? c.yellow(STATUS_MARK.partly)
            : c.red(STATUS_MARK.missed);
      const ev = item.evidence[0];
      const quote = ev
        ? c.dim(`  "${truncate(ev.quote, 70)}"${ev.start === null ? "" : ` ${clock(ev.start)}`}`)
        : "";
      out.push(`  ${mark} ${item.title}${quote}`);
    }
    out.push("");
  }
  if (a.objections) {
    const m = a.metrics.objections;
    const handled = m?.handledShare == null ? "" : L.handledShare(Math.round(m.handledShare * 100));
    out.push(c.bold(`${L.objections} (${a.objections.length}${handled})`));
    if (a.objections.length === 0) out.push(`  ${L.noneRaised}`);
    const category = coachingLanguage(a.language).text.category;
    for (const o of a.objections) {
      const h = o.handling;
      const steps = [
        [L.handling[0], h.acknowledged],
        [L.handling[1], h.clarified],
        [L.handling[2], h.responded],
        [L.handling[3], h.confirmed],
      ]
        .map(([label, ok]) => (ok ? c.green(`${label} ✓`) : c.dim(`${label} ✗`)))
        .join(" ");
      const at = o.start === null ? "" : `${clock(o.start)} `;
      out.push(`  ${c.dim(at)}${category(o.category).padEnd(10)} "${truncate(o.text, 80)}"`);
      out.push(`      ${steps}  ${o.resolved ? c.green(L.resolved) : c.yellow(L.notResolved)}`);
    }
    out.push("");
  }
  if (a.summary) {
    out.push(c.bold(L.summary), `  ${a.summary.text}`);
    for (const s of a.summary.nextSteps) {
      const who = s.owner ? ` — ${s.owner}` : "";
      const when = s.due ? `, ${s.due}` : "";
      out.push(`  → ${s.text}${c.dim(`${who}${when}`)}`);
    }
    out.push("");
  }
  if (a.engineInfo) {
    const e = a.engineInfo;
    const detail =
      e.engine === "openai"
        ? ` ${e.model ?? ""} (${e.promptTokens + e.completionTokens} tokens, ~$${e.estimatedCostUsd.toFixed(4)})`
        : "";
    out.push(
      c.dim(`${L.engine}: ${e.engine}${detail}${e.fallback ? ` — fell back: ${e.fallback}` : ""}`),
      "",
    );
  }
  return out;
}

function truncate(s: string, n: number): string {
  return s.length <= n ? s : `${s.slice(0, n - 1)}…`;
}

function rank(v: Verdict | null): number {
  return v === "bad" ? 2 : v === "warn" ? 1 : 0;
}

function table(rows: string[][]): string[] {
  const widths: number[] = [];
  for (const r of rows) {
    r.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, visible(cell).length);
    });
  }
  return rows.map((r) =>
    r
      .map((cell, i) => cell + " ".repeat((widths[i] ?? 0) - visible(cell).length))
      .join("  ")
      .trimEnd(),
  );
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: strips ANSI colour codes to measure width
const ANSI = /\u001b\[[0-9;]*m/g;
function visible(s: string): string {
  return s.replace(ANSI, "");
}

interface Colors {
  bold: (s: string) => string;
  dim: (s: string) => string;
  green: (s: string) => string;
  yellow: (s: string) => string;
  red: (s: string) => string;
}

function colors(on: boolean): Colors {
  const wrap = (code: string) => (s: string) => (on ? `\u001b[${code}m${s}\u001b[0m` : s);
  return { bold: wrap("1"), dim: wrap("2"), green: wrap("32"), yellow: wrap("33"), red: wrap("31") };
}

function paint(c: Colors, v: Verdict, s: string): string {
  return v === "good" ? c.green(s) : v === "warn" ? c.yellow(s) : c.red(s);
}
