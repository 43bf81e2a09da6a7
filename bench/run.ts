/**
 * `npm run bench`: cost of analysing 15-, 60- and 240-minute calls (canonical JSON with word
 * timings), next to the cost of a bare JSON.parse of the same file — the floor any analysis pays.
 * Prints a markdown table; `npm run bench -- --write` also records it in docs/benchmarks.md.
 * A benchmark, not a test: numbers depend on the machine and are recorded, not asserted.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { analyzeTranscript } from "../src/analysis/analyze.js";
import { BUILTIN_DEFAULT_PLAYBOOK, loadDefaultPlaybook } from "../src/coaching/playbook/builtins.js";
import { runCoaching } from "../src/coaching-service/run.js";
import type { Utterance } from "../src/transcript/model.js";
import { parseTranscript } from "../src/transcript/parse.js";
import { asTheCliRuns } from "./cli.js";
import { machineLine, report } from "./record.js";
import { generateCall } from "./synthetic.js";

// The engine measured with the V8 flags `debrief analyze` runs it with (bin/debrief.js).
asTheCliRuns(import.meta.filename);

const root = join(import.meta.dirname, "..");
const SIZES = [15, 60, 240];

function fixture(minutes: number): string {
  const file = join(root, "fixtures", "bench", `call-${minutes}min.json`);
  if (existsSync(file)) return readFileSync(file, "utf8");
  // Only the 60-minute call is committed; the others are regenerated (deterministically) on demand.
  const json = `${JSON.stringify(generateCall({ minutes, seed: 42 }))}\n`;
  writeFileSync(file, json);
  return json;
}

/**
 * Median wall times (ms) of `floor` and `fn`, sampled in alternation for ~`budgetMs` (at least 9
 * pairs), so both see the same machine state — JSON.parse alone swings by 60% between runs here.
 * A promise `fn` returns is awaited after its time is taken, as the CLI awaits each call: left
 * pending, a coaching's continuation keeps its transcript and analysis alive (~2 MB for the hour),
 * and 200 of them made the heap, and every collection in it, grow for the rest of the loop.
 */
async function timePaired(
  floor: () => unknown,
  fn: () => unknown,
  budgetMs: number,
): Promise<{ floor: number; full: number }> {
  for (let i = 0; i < 3; i++) {
    floor();
    await fn(); // warm-up: JIT and caches
  }
  const a: number[] = [];
  const b: number[] = [];
  const until = performance.now() + budgetMs;
  while (a.length < 9 || (performance.now() < until && a.length < 200)) {
    // An unrecorded floor first: it pays the garbage collection `fn` left behind (with coaching,
    // a recorded floor right after `fn` measured up to twice its own time).
    floor();
    let t0 = performance.now();
    floor();
    a.push(performance.now() - t0);
    t0 = performance.now();
    const done = fn();
    b.push(performance.now() - t0);
    await done;
  }
  const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
  return { floor: median(a), full: median(b) };
}

/**
 * About an hour of real conversation: Switchboard dev-set dialogue acts from ../shared/datasets
 * (when present; read at run time, never written into the project), as canonical JSON with
 * synthesised word timings and confidences. Its short, disfluent, often unfinished segments are harder on question
 * detection than the generated call's sentences.
 */
function switchboardHour(): string | null {
  const file = join(root, "..", "shared", "datasets", "swda-dev.jsonl");
  if (!existsSync(file)) return null;
  const utterances: Utterance[] = [];
  let t = 0.4;
  let count = 0;
  for (const line of readFileSync(file, "utf8").split("\n")) {
    if (line.trim() === "") continue;
    const conv = JSON.parse(line) as { units?: Array<{ speaker?: unknown; text?: unknown }> };
    for (const u of conv.units ?? []) {
      const tokens = String(u.text ?? "")
        .split(/\s+/)
        .filter((w) => w !== "");
      if (tokens.length === 0) continue;
      const words = tokens.map((text, i) => {
        const start = Math.round((t + i * 0.35) * 1000) / 1000;
        // A confidence per word, as ASR output carries (and the generated calls have).
        return { text, start, end: Math.round((start + 0.3) * 1000) / 1000, confidence: 0.9 };
      });
      const last = words[words.length - 1]!;
      utterances.push({
        speaker: String(u.speaker ?? "A"),
        start: words[0]!.start,
        end: last.end,
        text: String(u.text),
        words,
      });
      t = last.end + 0.4;
      count += tokens.length;
      if (count >= 9_700) return `${JSON.stringify({ language: "en", utterances })}\n`;
    }
  }
  return null;
}

const rows: string[] = [];
const header =
  "| call | words | utterances | file MB | JSON.parse ms | parse + analyze ms | × JSON.parse | MB/s | ms per call-minute |";
rows.push(header, "|---|---|---|---|---|---|---|---|---|");
const inputs: Array<{ label: string; minutes: number; content: string }> = SIZES.map((minutes) => ({
  label: `${minutes} min`,
  minutes,
  content: fixture(minutes),
}));
const swb = switchboardHour();
if (swb !== null) {
  const { transcript } = parseTranscript(swb);
  const minutes = Math.round(transcript.utterances[transcript.utterances.length - 1]!.end! / 60);
  inputs.push({ label: `Switchboard text, ${minutes} min`, minutes, content: swb });
}
for (const { label, minutes, content } of inputs) {
  const mb = Buffer.byteLength(content) / 1e6;
  const sample = parseTranscript(content, { file: "bench.json" }).transcript;
  const words = sample.utterances.reduce((n, u) => n + (u.words?.length ?? 0), 0);
  const { floor, full } = await timePaired(
    () => JSON.parse(content),
    () => analyzeTranscript(parseTranscript(content, { file: "bench.json" }).transcript),
    4000,
  );
  rows.push(
    `| ${label} | ${words.toLocaleString("en-US")} | ${sample.utterances.length.toLocaleString("en-US")} | ${mb.toFixed(2)} | ${floor.toFixed(2)} | ${full.toFixed(2)} | ${(full / floor).toFixed(2)} | ${(mb / (full / 1000)).toFixed(1)} | ${(full / minutes).toFixed(3)} |`,
  );
}

report("analysis", machineLine(""), rows.join("\n"));

/**
 * The CLI's default batch analysis (`debrief analyze --json` without an OpenAI key): parse, metrics,
 * questions, then the rules coaching (objections, discovery playbook, summary, evidence
 * verification; not the final JSON.stringify). The rules engine does all its work before runCoaching's first
 * await, so timing the call synchronously measures it whole.
 */
const playbook = loadDefaultPlaybook(BUILTIN_DEFAULT_PLAYBOOK);
if (!playbook) throw new Error("the built-in playbooks are missing");
const coached: string[] = [
  "| call | JSON.parse ms | parse + analyze + rules coaching ms | × JSON.parse | ms per call-minute |",
  "|---|---|---|---|---|",
];
for (const { label, minutes, content } of inputs) {
  const { floor, full } = await timePaired(
    () => JSON.parse(content),
    () => {
      const { transcript } = parseTranscript(content, { file: "bench.json" });
      const analysis = analyzeTranscript(transcript, { keepReadings: true });
      return runCoaching({ transcript, analysis, playbook });
    },
    4000,
  );
  coached.push(
    `| ${label} | ${floor.toFixed(2)} | ${full.toFixed(2)} | ${(full / floor).toFixed(2)} | ${(full / minutes).toFixed(3)} |`,
  );
}
report("analysis-coaching", machineLine(""), coached.join("\n"));
