/** English sentences of the summary and of the "went well" / "work on" lines, and the output labels. */
import type { CoachingText, Labels } from "../types.js";

function list(names: readonly string[]): string {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

export const TEXT: CoachingText = {
  list,
  spokeWith: (reps, customers, minutes) => `${reps} spoke with ${customers}${minutes}`,
  callBetween: (names, minutes) => `A call between ${names}${minutes}`,
  unknownSpeakers: "unknown speakers",
  minutes: (n) => ` (${n} min)`,
  mainPain: (q) => `; the main pain raised: "${q}"`,
  playbookScored: (p) =>
    `the ${p.name} playbook scored ${p.percent}% (${p.covered} of ${p.total} items covered, ${p.partly} partly)`,
  objectionsCameUp: (n, cats, handled) =>
    `${n} objection${n === 1 ? "" : "s"} came up (${cats}), ${handled} handled`,
  competition: (names) => `competition mentioned: ${names}`,
  nextStep: (step) => `Next step: ${step}.`,
  noNextStep: "No concrete next step was agreed.",
  category: (c) => c,
  benchmarks: null,
  onTarget: (label, value, target) => `${label} on target: ${value} (benchmark ${target}).`,
  coveredItems: (p) =>
    `Covered ${p.covered} of ${p.total} ${p.name} items: ${p.names}${p.more > 0 ? ` and ${p.more} more` : ""}.`,
  avoidForbidden: (title, quote, why) =>
    `Avoid what the playbook forbids for "${title}": you said "${quote}".${why ? ` ${why}` : ""}`,
  coverNextTime: (title, example) =>
    `Cover "${title}" next time${example ? ` — for example: "${example}"` : ""}.`,
  partlyExplored: (title, example) =>
    `"${title}" came up but you didn't explore it: ask a follow-up question${example ? ` such as "${example}"` : ""}.`,
  objectionWhat: (category, text) => `the ${category} objection ("${text}")`,
  unanswered: (what) =>
    `Answer objections before moving on: ${what} got no answer — acknowledge it, ask what is behind it, then respond with proof.`,
  notAnswered: (what, did) =>
    `When ${what} came up, you ${did.join(" and ") || "moved on"} but never answered it: respond with proof (a result, a number, a reference) before moving on.`,
  did: { acknowledged: "acknowledged it", clarified: "asked about it" },
  straightToAnswer: (what) =>
    `Before answering ${what}, acknowledge it and ask a clarifying question — you went straight to the answer.`,
  checkLanded: (what) =>
    `After answering ${what}, check it landed ("does that address it?") — it was left open.`,
  handled: (what, steps) => `Handled ${what}: ${steps}.`,
  steps: {
    acknowledged: "acknowledged",
    clarified: "clarified",
    responded: "responded",
    confirmed: "confirmed",
  },
};

export const LABELS: Labels = {
  speakers: "Speakers",
  callMetrics: "Call metrics",
  workOn: "Work on",
  nothingStandsOut: "Nothing stands out against the benchmarks — keep it up.",
  repQuestions: (n) => `Rep questions (${n})`,
  more: (n) => `… ${n} more (use --json for all)`,
  playbook: "Playbook",
  covered: "covered",
  partly: "partly",
  missed: "missed",
  objections: "Objections",
  handledShare: (p) => `, ${p}% handled`,
  noneRaised: "none raised",
  resolved: "resolved",
  notResolved: "not resolved",
  handling: ["acknowledge", "clarify", "respond", "confirm"],
  summary: "Summary",
  nextSteps: "Next steps",
  noNextSteps: "None agreed in the call.",
  open: "open",
  closed: "closed",
  callReport: "Call report",
  metrics: "Metrics",
  notHandled: "not handled",
  reply: "Reply",
  everyStepCovered: "Every step covered.",
  onTargetAll: "Nothing stands out: every metric with a target is on target.",
  speakerColumns: [
    "speaker",
    "role",
    "talk",
    "share",
    "wpm",
    "words",
    "turns",
    "interr.",
    "fillers",
    "questions",
  ],
  metricColumns: ["metric", "value", "benchmark"],
  repOpenClosed: "Rep questions open / closed",
  customerOpenClosed: "Customer questions open / closed",
  longestCustomerStory: "Longest customer story",
  longerIsBetter: "longer is better",
  interactivity: "Interactivity",
  switchesPerMin: (v) => `${v} switches/min`,
  silence: "Silence",
  pauses: "Pauses ≥ 2 s (longest)",
  noTimestamps: "no timestamps",
  rolesGuessed: "roles guessed — set --rep/--customer to be sure",
  rolesFrom: (source) => `roles from ${source}`,
  engine: "Coaching engine",
};
