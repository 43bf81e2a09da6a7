/**
 * Evaluates objection detection and categorisation on the labelled development sets in
 * ../shared/datasets (Persuasion for Good, CraigslistBargain), against a trivial keyword baseline,
 * with and without punctuation. Usage: `npx tsx scripts/eval-objections.ts [--json] [--errors FILE]`.
 * Only the customer side (persuadee / buyer) is scored. Skips cleanly when the datasets are absent.
 * The data is read at run time only; nothing derived from it is written into the project.
 * `--errors FILE` dumps misclassified units for error analysis; FILE must lie outside the repository.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { OBJECTION_CATEGORIES, type ObjectionCategory } from "../src/coaching/contract.js";
import { classifyTurn } from "../src/coaching/objections.js";
import { splitSentences } from "../src/text/sentences.js";

export type Gold = ObjectionCategory | "none";
export type Prediction = ObjectionCategory | null;

export interface EvalUnit {
  conversation: string;
  text: string;
  gold: Gold;
  /** The corpus's own label (for error analysis only). */
  label: string;
  /** The latest preceding unit of the other side (the persuader / seller), if any. */
  previousText?: string;
}

export type Predictor = (text: string, previousText: string | undefined) => Prediction;

export interface Scores {
  units: number;
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
  /** Category accuracy on true positives (units that are objections and were detected). */
  categoryAccuracy: number;
  /** confusion[gold][predicted]; predicted "none" = not detected. */
  confusion: Record<Gold, Record<Gold, number>>;
}

export const DATASETS_DIR = resolve(
  dirname(fileURLToPath(import.meta.url)),
  "..",
  "..",
  "shared",
  "datasets",
);

export const CORPORA = [
  ["p4g", "p4g-objections-dev.jsonl"],
  ["cb", "cb-objections-dev.jsonl"],
] as const;

interface RawUnit {
  role?: unknown;
  text?: unknown;
  objection?: unknown;
  label?: unknown;
}

const CATEGORY_SET: ReadonlySet<string> = new Set(OBJECTION_CATEGORIES);

/**
 * Read a JSONL corpus into the customer-side units, each with the latest preceding rep unit.
 * @example loadCorpus(join(DATASETS_DIR, "cb-objections-dev.jsonl")).length
 */
export function loadCorpus(file: string): EvalUnit[] {
  const out: EvalUnit[] = [];
  for (const line of readFileSync(file, "utf8").split("\n")) {
    if (line.trim() === "") continue;
    const conv = JSON.parse(line) as { id?: unknown; units?: RawUnit[] };
    const id = String(conv.id ?? "");
    let lastRep: string | undefined;
    for (const u of conv.units ?? []) {
      const text = String(u.text ?? "");
      if (u.role !== "customer") {
        if (u.role === "rep") lastRep = text;
        continue;
      }
      const o = typeof u.objection === "string" && CATEGORY_SET.has(u.objection) ? u.objection : "none";
      const unit: EvalUnit = { conversation: id, text, gold: o as Gold, label: String(u.label ?? "") };
      if (lastRep !== undefined) unit.previousText = lastRep;
      out.push(unit);
    }
  }
  return out;
}

/** ASR without punctuation: drop ? . , ! and squeeze spaces. */
export function stripPunctuation(text: string): string {
  return text
    .replace(/[?.,!]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

const BASELINE_RE = /expensive|price|not interested|later|already|budget/i;
/** The trivial baseline: a keyword list; the keyword picks the category. */
export const baseline: Predictor = (text) => {
  const m = BASELINE_RE.exec(text);
  if (m === null) return null;
  const k = m[0].toLowerCase();
  if (k === "not interested") return "need";
  if (k === "later") return "timing";
  if (k === "already") return "competitor";
  return "price";
};

/**
 * Ours, per unit: a unit (one chat message, possibly several sentences) is an objection when any
 * of its sentences is; the category is the first one found. Every sentence reads the rep's
 * preceding message as context, as in `detectObjections`.
 */
export const ours: Predictor = (text, previousText) => {
  const ctx = previousText !== undefined ? { language: "en", previousText } : { language: "en" };
  return classifyTurn(text, splitSentences(text), ctx).find((c) => c !== null) ?? null;
};

function emptyConfusion(): Scores["confusion"] {
  const golds: Gold[] = [...OBJECTION_CATEGORIES, "none"];
  const row = (): Record<Gold, number> =>
    Object.fromEntries(golds.map((g) => [g, 0])) as Record<Gold, number>;
  return Object.fromEntries(golds.map((g) => [g, row()])) as Scores["confusion"];
}

/** Score a predictor unit by unit; `transform` simulates input conditions (e.g. no punctuation). */
export function score(
  units: readonly EvalUnit[],
  predict: Predictor,
  transform: (s: string) => string = (s) => s,
): Scores {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let catOk = 0;
  const confusion = emptyConfusion();
  for (const u of units) {
    const prev = u.previousText === undefined ? undefined : transform(u.previousText);
    const p = predict(transform(u.text), prev);
    confusion[u.gold][p ?? "none"]++;
    if (u.gold === "none") {
      if (p !== null) fp++;
    } else if (p === null) {
      fn++;
    } else {
      tp++;
      if (p === u.gold) catOk++;
    }
  }
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return {
    units: units.length,
    tp,
    fp,
    fn,
    precision,
    recall,
    f1,
    categoryAccuracy: tp === 0 ? 0 : catOk / tp,
    confusion,
  };
}

export interface Report {
  corpus: string;
  condition: string;
  system: string;
  scores: Scores;
}

/**
 * Run every corpus × condition × system that the datasets folder allows.
 * @example evaluate(DATASETS_DIR).find((r) => r.system === "debrief")?.scores.f1
 */
export function evaluate(dir = DATASETS_DIR): Report[] {
  const reports: Report[] = [];
  for (const [corpus, name] of CORPORA) {
    const file = join(dir, name);
    if (!existsSync(file)) continue;
    const units = loadCorpus(file);
    for (const [condition, transform] of [
      ["punctuated", (s: string) => s],
      ["no punctuation", stripPunctuation],
    ] as const) {
      reports.push({ corpus, condition, system: "baseline", scores: score(units, baseline, transform) });
      reports.push({ corpus, condition, system: "debrief", scores: score(units, ours, transform) });
    }
  }
  return reports;
}

/** Write the errors of `ours` to `file`, grouped by gold → predicted. `file` must be outside the repo. */
export function dumpErrors(dir: string, file: string): void {
  const repo = resolve(dirname(fileURLToPath(import.meta.url)), "..");
  if (resolve(file).startsWith(`${repo}/`))
    throw new Error("--errors: write the dump outside the repository");
  const lines: string[] = [];
  for (const [corpus, name] of CORPORA) {
    const path = join(dir, name);
    if (!existsSync(path)) continue;
    const groups = new Map<string, string[]>();
    for (const u of loadCorpus(path)) {
      const p = ours(u.text, u.previousText) ?? "none";
      if (p === u.gold) continue;
      const key = `${u.gold} -> ${p}`;
      const list = groups.get(key) ?? [];
      list.push(`    [${u.label}] ${u.text}   <<prev: ${(u.previousText ?? "").slice(0, 80)}>>`);
      groups.set(key, list);
    }
    lines.push(`##### ${corpus}`);
    for (const [k, v] of [...groups].sort((a, b) => b[1].length - a[1].length))
      lines.push(`=== ${k} (${v.length})`, ...v);
  }
  writeFileSync(file, `${lines.join("\n")}\n`);
  console.log(`eval-objections: errors written to ${file}`);
}

const f3 = (x: number): string => x.toFixed(3);

function main(): void {
  if (!existsSync(DATASETS_DIR)) {
    console.log(`eval-objections: datasets not found at ${DATASETS_DIR}; skipping.`);
    return;
  }
  const errorsAt = process.argv.indexOf("--errors");
  if (errorsAt >= 0) {
    dumpErrors(DATASETS_DIR, process.argv[errorsAt + 1] ?? "/tmp/objection-errors.txt");
    return;
  }
  const started = performance.now();
  const reports = evaluate(DATASETS_DIR);
  if (reports.length === 0) {
    console.log(`eval-objections: no objection dev sets in ${DATASETS_DIR}; skipping.`);
    return;
  }
  if (process.argv.includes("--json")) {
    console.log(JSON.stringify(reports, null, 2));
    return;
  }
  console.log("corpus | condition | system | customer units | P | R | F1 | category acc | TP FP FN");
  for (const r of reports) {
    const s = r.scores;
    console.log(
      `${r.corpus} | ${r.condition} | ${r.system} | ${s.units} | ${f3(s.precision)} | ${f3(s.recall)} | ${f3(s.f1)} | ${f3(s.categoryAccuracy)} | ${s.tp} ${s.fp} ${s.fn}`,
    );
  }
  const cols: Gold[] = [...OBJECTION_CATEGORIES, "none"];
  for (const r of reports) {
    if (r.system !== "debrief" || r.condition !== "punctuated") continue;
    console.log(`\nconfusion (${r.corpus}, ${r.condition}) gold ↓ / predicted →`);
    console.log(`  ${"".padEnd(10)}${cols.map((c) => c.padStart(11)).join("")}`);
    for (const gold of cols) {
      const row = r.scores.confusion[gold];
      if (cols.every((c) => row[c] === 0)) continue;
      console.log(`  ${gold.padEnd(10)}${cols.map((c) => String(row[c]).padStart(11)).join("")}`);
    }
  }
  // Speed: classify every customer unit of both corpora once more and report the rate.
  const all = CORPORA.flatMap(([, name]) =>
    existsSync(join(DATASETS_DIR, name)) ? loadCorpus(join(DATASETS_DIR, name)) : [],
  );
  const t0 = performance.now();
  for (const u of all) ours(u.text, u.previousText);
  const ms = performance.now() - t0;
  console.log(
    `\nspeed: ${all.length} units classified in ${ms.toFixed(0)} ms (${((ms / all.length) * 1000).toFixed(1)} µs/unit)`,
  );
  console.log(`total ${(performance.now() - started).toFixed(0)} ms`);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
