/**
 * `npm run bench`: cost of analysing 15-, 60- and 240-minute calls (canonical JSON with word
 * timings), next to the cost of a bare JSON.parse of the same file — the floor any analysis pays.
 * Prints a markdown table; `npm run bench -- --write` also records it in docs/benchmarks.md.
 * A benchmark, not a test: numbers depend on the machine and are recorded, not asserted.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { analyzeTranscript } from "../src/analysis/analyze.js";
import { parseTranscript } from "../src/transcript/parse.js";
import { machineLine, report } from "./record.js";
import { generateCall } from "./synthetic.js";

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
 */
function timePaired(
  floor: () => unknown,
  fn: () => unknown,
  budgetMs: number,
): { floor: number; full: number } {
  for (let i = 0; i < 3; i++) {
    floor();
    fn(); // warm-up: JIT and caches
  }
  const a: number[] = [];
  const b: number[] = [];
  const until = performance.now() + budgetMs;
  while (a.length < 9 || (performance.now() < until && a.length < 200)) {
    let t0 = performance.now();
    floor();
    a.push(performance.now() - t0);
    t0 = performance.now();
    fn();
    b.push(performance.now() - t0);
  }
  const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
  return { floor: median(a), full: median(b) };
}

const rows: string[] = [];
const header =
  "| call | words | utterances | file MB | JSON.parse ms | parse + analyze ms | × JSON.parse | MB/s | ms per call-minute |";
rows.push(header, "|---|---|---|---|---|---|---|---|---|");
for (const minutes of SIZES) {
  const content = fixture(minutes);
  const mb = Buffer.byteLength(content) / 1e6;
  const sample = parseTranscript(content, { file: "bench.json" }).transcript;
  const words = sample.utterances.reduce((n, u) => n + (u.words?.length ?? 0), 0);
  const { floor, full } = timePaired(
    () => JSON.parse(content),
    () => analyzeTranscript(parseTranscript(content, { file: "bench.json" }).transcript),
    4000,
  );
  rows.push(
    `| ${minutes} min | ${words.toLocaleString("en-US")} | ${sample.utterances.length.toLocaleString("en-US")} | ${mb.toFixed(2)} | ${floor.toFixed(2)} | ${full.toFixed(2)} | ${(full / floor).toFixed(2)} | ${(mb / (full / 1000)).toFixed(1)} | ${(full / minutes).toFixed(3)} |`,
  );
}

report("analysis", machineLine(""), rows.join("\n"));
