/**
 * Evaluates question detection and open/closed classification on the labelled development sets
 * in ../shared/datasets (SwDA, MRDA), against a naive "?"-based baseline, with and without
 * punctuation. Usage: `npx tsx scripts/eval-questions.ts [--json] [--errors FILE]`. Skips cleanly
 * when the datasets are absent. The data is read at run time only; nothing derived from it is
 * written into the project. `--errors FILE` dumps the false positives, false negatives and kind
 * errors, grouped by a coarse pattern, for error analysis; FILE must lie outside the repository.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import {
  classifySentence,
  detectQuestions,
  type QuestionContext,
  type QuestionKind,
} from "../src/analysis/questions/index.js";

/** Gold label of a unit: a question kind, not a question, or excluded from scoring (rhetorical, backchannel). */
export type Gold = QuestionKind | "none" | "excluded";
export type Prediction = QuestionKind | null;

export interface EvalUnit {
  conversation: string;
  speaker: string;
  text: string;
  gold: Gold;
  /** The directly preceding unit when it is by a different speaker. */
  previousText?: string;
  /** The directly following unit when it is by a different speaker (an answer, if any). */
  nextText?: string;
}

export type Predictor = (
  text: string,
  previousText: string | undefined,
  nextText: string | undefined,
) => Prediction;

export interface Scores {
  units: number;
  scored: number;
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
  /** Open/closed accuracy on true positives. */
  kindAccuracy: number;
  /** confusion[gold][predicted], predicted "none" = not detected. */
  confusion: Record<Gold, Record<QuestionKind | "none", number>>;
}

export const DATASETS_DIR = resolve(
  dirname(fileURLToPath(import.meta.url)),
  "..",
  "..",
  "shared",
  "datasets",
);

/**
 * SWBD-DAMSL tag → gold. A tag is a base act plus "^"-separated modifiers ("qy^d", "qw^d", "^g").
 * qh (rhetorical) and bh (backchannel question) are excluded; qy/qrr/qr (any modifiers) and any
 * "^g" (tag question) are closed; qw/qo (any modifiers) open; "^q" (quoted speech) makes a
 * question a report, not a question; everything else is not a question.
 * @example mapSwdaTag("qy^d") // "closed"
 */
export function mapSwdaTag(tag: string): Gold {
  const clean = tag.trim().replace(/[()*]/g, "");
  const [base = "", ...mods] = clean.split("^");
  if (base === "qh" || base === "bh") return "excluded";
  if (mods.includes("q")) return "none";
  if (base === "qy" || base === "qrr" || base === "qr" || mods.includes("g")) return "closed";
  if (base === "qw" || base === "qo") return "open";
  return "none";
}

/**
 * MRDA labels → gold, by the `general` tag: qw, qo open; qy, qrr, qr closed; qh or full "bh" excluded.
 * @example mapMrda("qy", "bh") // "excluded"
 */
export function mapMrda(general: string, full: string): Gold {
  if (general === "qh" || full.split(/[\^|.:]/).includes("bh")) return "excluded";
  if (general === "qw" || general === "qo") return "open";
  if (general === "qy" || general === "qrr" || general === "qr") return "closed";
  return "none";
}

interface RawUnit {
  speaker?: unknown;
  text?: unknown;
  tag?: unknown;
  general?: unknown;
  full?: unknown;
}

/**
 * Read a JSONL corpus into units with gold labels and the previous other-speaker unit.
 * @example loadCorpus(join(DATASETS_DIR, "swda-dev.jsonl"), "swda").length // 69702
 */
export function loadCorpus(file: string, corpus: "swda" | "mrda"): EvalUnit[] {
  const out: EvalUnit[] = [];
  for (const line of readFileSync(file, "utf8").split("\n")) {
    if (line.trim() === "") continue;
    const conv = JSON.parse(line) as { id?: unknown; units?: RawUnit[] };
    const id = String(conv.id ?? "");
    const prevBySpeaker: EvalUnit[] = [];
    for (const u of conv.units ?? []) {
      const speaker = String(u.speaker ?? "");
      const text = String(u.text ?? "");
      const gold =
        corpus === "swda"
          ? mapSwdaTag(String(u.tag ?? ""))
          : mapMrda(String(u.general ?? ""), String(u.full ?? ""));
      // Only a unit that directly follows another speaker's unit gets previousText: a unit that
      // continues the same speaker's turn is not a reaction to anyone (see QuestionContext).
      const last = prevBySpeaker[prevBySpeaker.length - 1];
      const previousText = last !== undefined && last.speaker !== speaker ? last.text : undefined;
      const unit: EvalUnit = { conversation: id, speaker, text, gold };
      if (previousText !== undefined) unit.previousText = previousText;
      if (last !== undefined && last.speaker !== speaker) last.nextText = text;
      out.push(unit);
      prevBySpeaker.push(unit);
    }
  }
  return out;
}

/**
 * ASR without punctuation: drop ? . , ! and squeeze spaces.
 * @example stripPunctuation("So, what now?") // "So what now"
 */
export function stripPunctuation(text: string): string {
  return text
    .replace(/[?.,!]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

const BASELINE_WH = /\b(?:what|how|why|where|when|who|whom|whose|which)\b/i;
/** The naive baseline: ends with "?" ⇒ question; contains a wh-word ⇒ open, else closed. */
export const baseline: Predictor = (text) => {
  if (!/\?\s*$/.test(text)) return null;
  return BASELINE_WH.test(text) ? "open" : "closed";
};

/** Ours, per unit: the unit is a question when any of its sentences is; its kind is the first one's. */
export const ours: Predictor = (text, previousText, nextText) => {
  const context: QuestionContext = { language: "en" };
  if (previousText !== undefined) context.previousText = previousText;
  if (nextText !== undefined) context.nextText = nextText;
  const found = detectQuestions(text, context);
  return found[0]?.kind ?? null;
};

function emptyConfusion(): Scores["confusion"] {
  const row = () => ({ open: 0, closed: 0, none: 0 });
  return { open: row(), closed: row(), none: row(), excluded: row() };
}

function finish(
  units: number,
  scored: number,
  tp: number,
  fp: number,
  fn: number,
  kindOk: number,
  confusion: Scores["confusion"],
): Scores {
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return {
    units,
    scored,
    tp,
    fp,
    fn,
    precision,
    recall,
    f1,
    kindAccuracy: tp === 0 ? 0 : kindOk / tp,
    confusion,
  };
}

/**
 * Score a predictor unit by unit; `transform` simulates input conditions (e.g. no punctuation).
 * @example score(units, baseline, stripPunctuation).f1
 */
export function score(
  units: readonly EvalUnit[],
  predict: Predictor,
  transform: (s: string) => string = (s) => s,
): Scores {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let kindOk = 0;
  let scored = 0;
  const confusion = emptyConfusion();
  for (const u of units) {
    const prev = u.previousText === undefined ? undefined : transform(u.previousText);
    const next = u.nextText === undefined ? undefined : transform(u.nextText);
    const p = predict(transform(u.text), prev, next);
    confusion[u.gold][p ?? "none"]++;
    if (u.gold === "excluded") continue;
    scored++;
    if (u.gold === "none") {
      if (p !== null) fp++;
    } else if (p === null) {
      fn++;
    } else {
      tp++;
      if (p === u.gold) kindOk++;
    }
  }
  return finish(units.length, scored, tp, fp, fn, kindOk, confusion);
}

/**
 * Turn-level check of `detectQuestions`: consecutive units of one speaker are joined into a turn;
 * per turn, detected questions are matched to gold question units by count (and by kind for the
 * accuracy). Excluded units (rhetorical, backchannel) absorb as many extra detections unpenalised.
 */
export function scoreTurns(units: readonly EvalUnit[], transform: (s: string) => string = (s) => s): Scores {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let kindOk = 0;
  let turns = 0;
  const confusion = emptyConfusion();
  let i = 0;
  while (i < units.length) {
    const first = units[i]!;
    let j = i;
    const texts: string[] = [];
    let gOpen = 0;
    let gClosed = 0;
    let excluded = 0;
    while (
      j < units.length &&
      units[j]!.speaker === first.speaker &&
      units[j]!.conversation === first.conversation
    ) {
      const u = units[j]!;
      texts.push(u.text);
      if (u.gold === "open") gOpen++;
      else if (u.gold === "closed") gClosed++;
      else if (u.gold === "excluded") excluded++;
      j++;
    }
    const ctx: QuestionContext = { language: "en" };
    if (first.previousText !== undefined) ctx.previousText = transform(first.previousText);
    const next = units[j - 1]!.nextText;
    if (next !== undefined) ctx.nextText = transform(next);
    const found = detectQuestions(transform(texts.join(" ")), ctx);
    const pOpen = found.filter((q) => q.kind === "open").length;
    const pClosed = found.length - pOpen;
    const g = gOpen + gClosed;
    const p = found.length;
    tp += Math.min(g, p);
    fn += Math.max(0, g - p);
    fp += Math.max(0, p - g - excluded);
    kindOk += Math.min(Math.min(gOpen, pOpen) + Math.min(gClosed, pClosed), Math.min(g, p));
    turns++;
    i = j;
  }
  return finish(turns, turns, tp, fp, fn, kindOk, confusion);
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
export function evaluate(dir = DATASETS_DIR, options: { turns?: boolean } = {}): Report[] {
  const reports: Report[] = [];
  const corpora: Array<["swda" | "mrda", string]> = [
    ["swda", join(dir, "swda-dev.jsonl")],
    ["mrda", join(dir, "mrda-dev.jsonl")],
  ];
  for (const [corpus, file] of corpora) {
    if (!existsSync(file)) continue;
    const units = loadCorpus(file, corpus);
    for (const [condition, transform] of [
      ["punctuated", (s: string) => s],
      ["no punctuation", stripPunctuation],
    ] as const) {
      reports.push({ corpus, condition, system: "baseline", scores: score(units, baseline, transform) });
      reports.push({ corpus, condition, system: "debrief", scores: score(units, ours, transform) });
      if (options.turns) {
        reports.push({
          corpus,
          condition,
          system: "debrief (merged turns)",
          scores: scoreTurns(units, transform),
        });
      }
    }
  }
  return reports;
}

/** Coarse pattern of a unit for grouping errors: first word, final punctuation, length bucket. */
export function errorPattern(text: string): string {
  const w = text.toLowerCase().match(/[a-z']+/g) ?? [];
  const skip = new Set(["uh", "um", "so", "and", "but", "well", "oh", "okay", "yeah", "now", "you", "know"]);
  const first = w.find((x) => !skip.has(x)) ?? "-";
  const end = /\?\s*$/.test(text) ? "?" : /[.!]\s*$/.test(text) ? "." : /,\s*$/.test(text) ? "," : "_";
  const len = w.length <= 2 ? "1-2" : w.length <= 5 ? "3-5" : w.length <= 10 ? "6-10" : "11+";
  return `${end} ${first} [${len}]`;
}

/**
 * Write the errors of `ours` on every corpus and condition to `file`, grouped by error type and
 * `errorPattern`, largest groups first. For error analysis only: `file` must be outside the repo.
 */
export function dumpErrors(dir: string, file: string): void {
  const repo = resolve(dirname(fileURLToPath(import.meta.url)), "..");
  if (resolve(file).startsWith(`${repo}/`))
    throw new Error("--errors: write the dump outside the repository");
  const lines: string[] = [];
  for (const corpus of ["swda", "mrda"] as const) {
    const path = join(dir, `${corpus}-dev.jsonl`);
    if (!existsSync(path)) continue;
    const units = loadCorpus(path, corpus);
    for (const [condition, transform] of [
      ["punctuated", (s: string) => s],
      ["no punctuation", stripPunctuation],
    ] as const) {
      const groups = new Map<string, string[]>();
      for (const u of units) {
        if (u.gold === "excluded") continue;
        const prev = u.previousText === undefined ? undefined : transform(u.previousText);
        const next = u.nextText === undefined ? undefined : transform(u.nextText);
        const p = ours(transform(u.text), prev, next);
        const type =
          u.gold === "none"
            ? p === null
              ? null
              : `FP(${p})`
            : p === null
              ? `FN(${u.gold})`
              : p !== u.gold
                ? `KIND(${u.gold}->${p})`
                : null;
        if (type === null) continue;
        const key = `${type} ${errorPattern(u.text)}`;
        const ctx = prev === undefined ? "" : `   <<prev: ${prev.slice(0, 60)}>>`;
        const list = groups.get(key) ?? [];
        list.push(`    ${transform(u.text)}${ctx}`);
        groups.set(key, list);
      }
      lines.push(`##### ${corpus} / ${condition}`);
      const byType = new Map<string, number>();
      for (const [k, v] of groups) {
        const t = k.split(" ")[0]!;
        byType.set(t, (byType.get(t) ?? 0) + v.length);
      }
      for (const [t, n] of byType) lines.push(`  ${t}: ${n}`);
      for (const [k, v] of [...groups].sort((a, b) => b[1].length - a[1].length)) {
        lines.push(`=== ${k}  (${v.length})`, ...v);
      }
    }
  }
  writeFileSync(file, `${lines.join("\n")}\n`);
  console.log(`eval-questions: errors written to ${file}`);
}

const pct = (x: number): string => x.toFixed(3);

function main(): void {
  if (!existsSync(DATASETS_DIR)) {
    console.log(`eval-questions: datasets not found at ${DATASETS_DIR}; skipping.`);
    return;
  }
  const errorsAt = process.argv.indexOf("--errors");
  if (errorsAt >= 0) {
    dumpErrors(DATASETS_DIR, process.argv[errorsAt + 1] ?? "/tmp/q-errors.txt");
    return;
  }
  const started = performance.now();
  const reports = evaluate(DATASETS_DIR, { turns: true });
  if (reports.length === 0) {
    console.log(`eval-questions: no swda-dev.jsonl or mrda-dev.jsonl in ${DATASETS_DIR}; skipping.`);
    return;
  }
  if (process.argv.includes("--json")) {
    console.log(JSON.stringify(reports, null, 2));
    return;
  }
  console.log("corpus | condition | system | units | P | R | F1 | open/closed acc | TP FP FN");
  for (const r of reports) {
    const s = r.scores;
    console.log(
      `${r.corpus} | ${r.condition} | ${r.system} | ${s.scored} | ${pct(s.precision)} | ${pct(s.recall)} | ${pct(s.f1)} | ${pct(s.kindAccuracy)} | ${s.tp} ${s.fp} ${s.fn}`,
    );
  }
  for (const r of reports) {
    if (r.system !== "debrief") continue;
    console.log(`\nconfusion (${r.corpus}, ${r.condition}) gold → predicted open / closed / none`);
    for (const gold of ["open", "closed", "none", "excluded"] as const) {
      const row = r.scores.confusion[gold];
      console.log(
        `  ${gold.padEnd(8)} ${String(row.open).padStart(6)} ${String(row.closed).padStart(6)} ${String(row.none).padStart(6)}`,
      );
    }
  }
  // Speed: classify every SwDA unit once more and report the rate.
  const swda = join(DATASETS_DIR, "swda-dev.jsonl");
  if (existsSync(swda)) {
    const units = loadCorpus(swda, "swda");
    const t0 = performance.now();
    for (const u of units) classifySentence(u.text, { language: "en" });
    const ms = performance.now() - t0;
    console.log(
      `\nspeed: ${units.length} SwDA units classified in ${ms.toFixed(0)} ms (${((ms / units.length) * 1000).toFixed(1)} µs/unit)`,
    );
  }
  console.log(`total ${(performance.now() - started).toFixed(0)} ms`);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
