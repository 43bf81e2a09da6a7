import type { Transcript, Utterance } from "../src/transcript/model.js";

/** Small, fast, seedable PRNG (mulberry32) so generated calls are reproducible. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const REP_LINES = [
  "What made you start looking at this now?",
  "How does your team handle call reviews today?",
  "Walk me through what happens after a discovery call.",
  "So you're using Salesforce for the pipeline today, right?",
  "Let me show you how the coaching dashboard works for a manager with eight reps.",
  "Um, the way most teams roll this out is one pod first and then everyone after two weeks.",
  "Is budget already set aside for this quarter or is that still open?",
  "Who else would be involved in signing off on a decision like this?",
  "That makes sense, and it's exactly why we built the weekly trends view.",
  "Pricing is per seat, billed annually, and the coaching module is included.",
  "What would success look like for you ninety days from now?",
  "Would it help if I sent over a short summary and we booked thirty minutes next Tuesday?",
];
const CUSTOMER_LINES = [
  "Honestly our managers can't listen to every call, so coaching happens only when something goes wrong.",
  "We tried another tool last year but uh the reps stopped using it after a month.",
  "The main issue is ramp time, new reps take about five months to hit quota.",
  "I'd need to run this by our VP of sales before we commit to anything.",
  "That sounds expensive for a team our size, to be honest.",
  "We're in the middle of a CRM migration so timing is a bit tricky.",
  "Can it pull recordings straight from Zoom, or do we upload them?",
  "Our conversion from demo to proposal dropped from about thirty to twenty percent this year.",
  "Hmm, I like the idea, I just want to see how it works with our own calls first.",
];
const BACKCHANNELS = ["Right.", "Uh-huh.", "Yeah.", "Okay.", "Sure.", "Mhm."];

/**
 * A multi-speaker call of roughly `minutes` minutes at ~165 words per minute of speech, with word
 * timings, backchannels, overlaps, pauses and a third participant joining now and then.
 */
export function generateCall({ minutes, seed }: { minutes: number; seed: number }): Transcript {
  const rand = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const round = (x: number) => Math.round(x * 1000) / 1000;
  const utterances: Utterance[] = [];
  const end = minutes * 60;
  let t = 0.4;
  let speaker = "rep";
  while (t < end) {
    const backchannel = utterances.length > 0 && rand() < 0.15;
    let text: string;
    if (backchannel) text = pick(BACKCHANNELS);
    else {
      const lines = speaker === "rep" ? REP_LINES : CUSTOMER_LINES;
      const n = 1 + Math.floor(rand() * 3);
      text = Array.from({ length: n }, () => pick(lines)).join(" ");
    }
    const id = speaker === "rep" ? "rep-dana" : rand() < 0.2 ? "cust-omar" : "cust-priya";
    const words = [];
    let wt = t;
    for (const w of text.split(" ")) {
      const dur = 0.1 + w.length * 0.03 + rand() * 0.06;
      words.push({ text: w, start: round(wt), end: round(wt + dur), confidence: round(0.8 + rand() * 0.2) });
      wt += dur + (rand() < 0.05 ? 0.4 + rand() * 0.6 : 0.03 + rand() * 0.05);
    }
    const uEnd = words[words.length - 1]!.end;
    utterances.push({ speaker: id, start: words[0]!.start, end: uEnd, text, words });
    // Next speaker: mostly alternate; sometimes the same one continues; sometimes overlap or a long pause.
    if (!backchannel || rand() < 0.5)
      speaker = rand() < 0.85 ? (speaker === "rep" ? "customer" : "rep") : speaker;
    const r = rand();
    t = r < 0.1 ? uEnd - 0.3 - rand() * 0.5 : r < 0.15 ? uEnd + 2 + rand() * 3 : uEnd + 0.1 + rand() * 0.9;
    if (t <= words[0]!.start) t = words[0]!.start + 0.05;
  }
  return {
    language: "en",
    speakers: [
      { id: "rep-dana", name: "Dana Reyes (Debrief)", role: "rep" },
      { id: "cust-priya", name: "Priya Shah (Northwind)", role: "customer" },
      { id: "cust-omar", name: "Omar Haddad (Northwind)", role: "customer" },
    ],
    utterances,
  };
}
