import type { FileAnalysis } from "./result.js";

/**
 * Coaching benchmarks each call is held against. The numbers come from published research on
 * recorded B2B sales calls; docs/metrics.md gives every source. They are defaults, meant to be
 * overridden per team once a team has its own won/lost data.
 */
export type Verdict = "good" | "warn" | "bad";

export interface Benchmark {
  id: string;
  label: string;
  /** Human-readable target, e.g. "43% (35–50%)". */
  target: string;
  /** Where the target comes from (short); the full reference is in docs/metrics.md. */
  source: string;
  value: (a: Pick<FileAnalysis, "metrics" | "speakers" | "durationSec">) => number | null;
  format: (v: number) => string;
  verdict: (v: number) => Verdict;
  /** One-line advice when the verdict is not good. */
  advice: (v: number) => string;
}

const pct = (v: number): string => `${Math.round(v * 100)}%`;

/** Formats seconds as m:ss (or h:mm:ss). */
export function clock(sec: number): string {
  const s = Math.round(sec);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const r = String(s % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${r}` : `${m}:${r}`;
}

export const BENCHMARKS: readonly Benchmark[] = [
  {
    id: "talkRatio",
    label: "Rep talk ratio",
    target: "43% (35–50%)",
    source: "Gong Labs, talk-to-listen ratio, 25,537 B2B calls",
    value: (a) => a.metrics.talkRatio,
    format: pct,
    verdict: (v) => (v > 0.65 ? "bad" : v > 0.5 || v < 0.35 ? "warn" : "good"),
    advice: (v) =>
      v < 0.35
        ? `You talked ${pct(v)} of the time: steer more, summarise what you heard and propose next steps.`
        : `You talked ${pct(v)} of the time: aim for about 43% — ask, then let the customer talk.`,
  },
  {
    id: "longestMonologueSec",
    label: "Longest rep monologue",
    target: "≤ 2:30",
    source: "Gong Labs, monologue length of top performers",
    value: (a) => a.metrics.longestMonologueSec,
    format: clock,
    verdict: (v) => (v > 300 ? "bad" : v > 150 ? "warn" : "good"),
    advice: (v) =>
      `Your longest monologue ran ${clock(v)}: break it up with a check-in question before 2:30.`,
  },
  {
    id: "repQuestions",
    label: "Rep questions",
    target: "11–14 per discovery call",
    source: "Gong Labs, questions on successful discovery calls",
    value: (a) => a.metrics.questions.rep.open + a.metrics.questions.rep.closed,
    format: (v) => String(v),
    verdict: (v) => (v < 6 || v > 20 ? "bad" : v < 11 || v > 14 ? "warn" : "good"),
    advice: (v) =>
      v < 11
        ? `You asked ${v} questions: discovery calls that convert ask 11–14, spread across the call.`
        : `You asked ${v} questions: past ~14 a discovery call starts to feel like an interrogation.`,
  },
  {
    id: "openQuestionShare",
    label: "Open questions (rep)",
    target: "≥ 50% of rep questions",
    source: "Open vs closed questioning (SPIN Selling, Rackham 1988)",
    value: (a) => {
      const q = a.metrics.questions.rep;
      return q.open + q.closed > 0 ? q.open / (q.open + q.closed) : null;
    },
    format: pct,
    verdict: (v) => (v < 0.3 ? "bad" : v < 0.5 ? "warn" : "good"),
    advice: (v) => `${pct(v)} of your questions were open: ask more "what/how/walk me through" questions.`,
  },
  {
    id: "patienceSec",
    label: "Patience",
    target: "≥ 1.0 s",
    source: "Gong Labs, pause before responding",
    value: (a) => a.metrics.patienceSec,
    format: (v) => `${v.toFixed(1)} s`,
    verdict: (v) => (v < 0.5 ? "bad" : v < 1 ? "warn" : "good"),
    advice: (v) =>
      `You answered after ${v.toFixed(1)} s on average: wait a beat (≥ 1 s) so the customer can finish.`,
  },
];

export interface BenchmarkRow {
  benchmark: Benchmark;
  value: number | null;
  verdict: Verdict | null;
}

/** Evaluate every benchmark that applies to a call (those whose value is not null). */
export function evaluateBenchmarks(
  a: Pick<FileAnalysis, "metrics" | "speakers" | "durationSec">,
): BenchmarkRow[] {
  return BENCHMARKS.map((benchmark) => {
    const value = benchmark.value(a);
    return { benchmark, value, verdict: value === null ? null : benchmark.verdict(value) };
  });
}
