/** English words of the reports (the wording the reports were written with; snapshots pin it). */
import type { ReportText } from "../types.js";

const calls = (n: number): string => `${n} call${n === 1 ? "" : "s"}`;

export const REPORT: ReportText = {
  metrics: {
    talkRatio: "Rep talk ratio",
    longestMonologueSec: "Longest rep monologue",
    repQuestions: "Rep questions",
    patienceSec: "Patience",
    interactivity: "Interactivity (switches/min)",
    repFillersPerMin: "Rep fillers per minute",
    playbookScore: "Playbook adherence",
  },
  targets: {
    talkRatio: "43% (35–50%)",
    longestMonologueSec: "≤ 2:30",
    repQuestions: "11–14 per discovery call",
    patienceSec: "≥ 1.0 s",
  },
  suggestedLines: {
    talkRatio: "“Before I go on — how does that compare with the way you handle it today?”",
    longestMonologueSec: "“Let me pause there — which part of that matters most for your team?”",
    repQuestions: "“Walk me through what happens today when a new request comes in?”",
    patienceSec: "Count one breath after the customer stops, then: “Tell me more about that.”",
  },
  habitTitle: (label, value, target) => `${label}: ${value} (target ${target})`,
  fromCoaching: "from the call's coaching",
  try: "Try",
  noRep: "no rep",
  calls,
  teamMedians: (c) => `team medians from ${c} of the last 90 days`,
  callColumns: ["metric", "this call", "team median", "target"],
  timelineNote: (turns, questions, objections) =>
    `Timeline: ${turns} turns, ${questions} questions, ${objections} objections (see the HTML report).`,
  timelineLegend:
    "Blue: rep · green: customer · ● open / ○ closed question · ▲ objection (filled when resolved)",
  repReview: "Rep review",
  period: (from, to, tz) => `${from} to ${to} (exclusive), ${tz}`,
  previousPeriod: (c) => `previous period: ${c}`,
  dealsClosed: (won, lost) => `deals closed: ${won} won, ${lost} lost`,
  dealsClosedInPeriod: (won, lost) => `Deals closed in the period: ${won} won, ${lost} lost.`,
  winRate: "win rate",
  callMetrics: "Call metrics",
  spreadNote: "Median (p25–p75, n calls with the metric); the team's median over the same period.",
  reviewColumns: ["metric", "this period", "previous", "team", "target"],
  medianSpread: "median (p25–p75, n)",
  movedMost: "Moved most",
  movedMostSince: "Moved most since the previous period",
  weekByWeek: "Week by week",
  week: "week",
  callsColumn: "calls",
  callsPerWeek: "Calls per week",
  outcomes: "Outcomes",
  outcomeLine: (win, conv, resp, lead) =>
    `Win rate ${win} · conversion ${conv} · response rate ${resp} · lead response median ${lead}`,
  topPerformers: "What top performers do differently",
  noComparison: (_eligible, _min, reason) => `No comparison: ${reason}.`,
  topQuartile: (eligible, min, names) =>
    `Top quartile by win rate among ${eligible} reps with ≥ ${min} closed deals: ${names}`,
  topRep: (name, winRate, closed) => `${name} (${winRate} of ${closed})`,
  topColumns: ["metric", "top performers", "everyone else", "you"],
  teamReport: "Team report",
  reps: "Reps",
  repsNote: (min) =>
    `Medians per rep (n = calls). ⚑ = outlier (beyond 1.5 × IQR of the reps' medians, or far off the published target; reps with ≥ ${min} calls).`,
  repsNoteHtml: (min, flag) =>
    `Medians per rep. ${flag} outlier: beyond 1.5 × IQR of the reps' medians or far off the published target (reps with ≥ ${min} calls).`,
  teamColumns: { rep: "rep", wonLost: "won/lost", wonLostHtml: "won / lost", responseRate: "response rate" },
  outliers: "Outliers",
  flag: (f) => f.detail,
  behaviour: "Behaviour and outcomes",
  fromClosedCalls: (c) => `From ${c} of the period linked to a deal that is now won or lost.`,
  bandColumns: ["rep talk ratio", "win rate (calls)", "calls", "deals"],
  band: (label) => label,
  wonLostColumns: ["median per call", "won deals", "lost deals"],
  wonLostColumnsHtml: ["median per call", "won", "lost"],
  winRateByTalk: "Win rate by rep talk ratio",
  bandNote: (c, deals) => `of ${c} (${deals} deals)`,
};
