/**
 * Trains the English question model (src/analysis/questions/model/) on the MRDA training split
 * (ICSI Meeting Recorder Dialog Act corpus, Shriberg et al. 2004, CC BY 4.0) read at run time from
 * ../shared/datasets/mrda-train.jsonl, and writes the quantised weights to
 * src/analysis/questions/model/en.generated.ts. Never reads the -dev files.
 *
 * Method: every unit twice, as transcribed and with punctuation stripped (so the model learns both
 * regimes); hashed features (features.ts) including the rules' own decision; logistic regression
 * fitted by FTRL-proximal (L1 keeps the table sparse), in a seeded order, so the output is the same
 * on every run. The decision threshold is picked on held-out training meetings (every 5th), then
 * the model is refitted on all meetings. Usage: `npm run train:questions [-- --dry-run]`.
 */
import { existsSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { rng as prng } from "../bench/synthetic.js";
import { classifyEnglish, lastAnswerFirm } from "../src/analysis/questions/english.js";
import { extractFeatures, MAX_FEATURES, newFeatureVector } from "../src/analysis/questions/model/features.js";
import { FEATURE_BITS, FEATURE_COUNT } from "../src/analysis/questions/model/hash.js";
import { decodeWeights, encodeWeights, type PackedModel } from "../src/analysis/questions/model/weights.js";
import { DATASETS_DIR, type EvalUnit, loadCorpus, stripPunctuation } from "./eval-questions.js";

export interface Hyper {
  alpha: number;
  beta: number;
  l1: number;
  l2: number;
  epochs: number;
  seed: number;
}

export const HYPER: Hyper = { alpha: 0.1, beta: 1, l1: 1, l2: 1, epochs: 4, seed: 13 };

/** Examples as one flat feature table: features of example e are idx[start[e] .. start[e+1]). */
export interface Examples {
  idx: Int32Array;
  start: Int32Array;
  /** 1 question, 0 not. */
  question: Uint8Array;
  /** 1 open, 0 closed (meaningful for questions only). */
  open: Uint8Array;
  /** Regime: 0 stripped copy, 1 punctuated as transcribed, 2 punctuated with seeded noise. */
  punctuated: Uint8Array;
  count: number;
}

/**
 * The noisy-punctuation copy of a unit: transcribers and ASR punctuate unevenly, so with a seeded
 * coin a final "?" becomes "." (a question typed as a statement), and a final "." becomes ","
 * when the same speaker goes on (a clause cut where the next one continues).
 */
export function noisyPunctuation(u: EvalUnit, random: () => number): string {
  const text = u.text.trimEnd();
  if (text.endsWith("?") && random() < NOISE_QUESTION) return `${text.slice(0, -1)}.`;
  if (text.endsWith(".") && u.nextText === undefined && random() < NOISE_COMMA)
    return `${text.slice(0, -1)},`;
  return text;
}
const NOISE_QUESTION = 0.3;
const NOISE_COMMA = 0.5;

/** Features of every scored unit, in the three regimes (stripped, as transcribed, noisy). */
export function buildExamples(units: readonly EvalUnit[], seed = HYPER.seed): Examples {
  const random = prng(seed);
  const v = newFeatureVector();
  const idx: number[] = [];
  const start: number[] = [0];
  const question: number[] = [];
  const open: number[] = [];
  const punctuated: number[] = [];
  for (const regime of [1, 0, 2]) {
    const t = regime === 0 ? stripPunctuation : (s: string) => s;
    for (const u of units) {
      if (u.gold === "excluded") continue;
      const text = regime === 2 ? noisyPunctuation(u, random) : t(u.text);
      if (text.trim() === "") continue;
      const prev = u.previousText === undefined ? undefined : t(u.previousText);
      const next = u.nextText === undefined ? undefined : t(u.nextText);
      const rule = classifyEnglish(text, prev);
      // The rules' contract categories are final at run time: the model learns the rest only.
      if (lastAnswerFirm()) continue;
      extractFeatures(v, text, rule, prev, next);
      for (let i = 0; i < v.n; i++) idx.push(v.idx[i]!);
      start.push(idx.length);
      question.push(u.gold === "none" ? 0 : 1);
      open.push(u.gold === "open" ? 1 : 0);
      punctuated.push(regime);
    }
  }
  return {
    idx: Int32Array.from(idx),
    start: Int32Array.from(start),
    question: Uint8Array.from(question),
    open: Uint8Array.from(open),
    punctuated: Uint8Array.from(punctuated),
    count: question.length,
  };
}

/**
 * FTRL-proximal logistic regression over the examples `use` selects, labels from `label`.
 * Returns the dense weights.
 */
export function train(ex: Examples, label: Uint8Array, use: (e: number) => boolean, h: Hyper): Float32Array {
  const z = new Float64Array(FEATURE_COUNT);
  const n = new Float64Array(FEATURE_COUNT);
  const weight = (i: number): number => {
    const zi = z[i]!;
    if (Math.abs(zi) <= h.l1) return 0;
    return -(zi - Math.sign(zi) * h.l1) / ((h.beta + Math.sqrt(n[i]!)) / h.alpha + h.l2);
  };
  const order: number[] = [];
  for (let e = 0; e < ex.count; e++) if (use(e)) order.push(e);
  const random = prng(h.seed);
  const w = new Float64Array(MAX_FEATURES);
  for (let epoch = 0; epoch < h.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const e of order) {
      const a = ex.start[e]!;
      const b = ex.start[e + 1]!;
      let s = 0;
      for (let k = a; k < b; k++) {
        w[k - a] = weight(ex.idx[k]!);
        s += w[k - a]!;
      }
      const p = 1 / (1 + Math.exp(-Math.max(-35, Math.min(35, s))));
      const g = p - label[e]!;
      for (let k = a; k < b; k++) {
        const i = ex.idx[k]!;
        const ni = n[i]!;
        const sigma = (Math.sqrt(ni + g * g) - Math.sqrt(ni)) / h.alpha;
        z[i] = z[i]! + g - sigma * w[k - a]!;
        n[i] = ni + g * g;
      }
    }
  }
  const out = new Float32Array(FEATURE_COUNT);
  for (let i = 0; i < FEATURE_COUNT; i++) out[i] = weight(i);
  return out;
}

/** Logit of example e. */
function logit(ex: Examples, w: Float32Array, e: number): number {
  let s = 0;
  for (let k = ex.start[e]!; k < ex.start[e + 1]!; k++) s += w[ex.idx[k]!]!;
  return s;
}

/**
 * F1 of "question" at each threshold on the examples `use` selects, per regime; returns the best
 * threshold of each regime, [stripped, punctuated].
 */
export function pickThresholds(ex: Examples, w: Float32Array, use: (e: number) => boolean): [number, number] {
  const grid: number[] = [];
  for (let t = 0.1; t <= 0.8001; t += 0.02) grid.push(Math.round(t * 100) / 100);
  // stats[grid][regime] = [tp, fp, fn]
  const stats = grid.map(() => [
    [0, 0, 0],
    [0, 0, 0],
  ]);
  for (let e = 0; e < ex.count; e++) {
    if (!use(e) || ex.punctuated[e]! > 1) continue;
    const p = 1 / (1 + Math.exp(-logit(ex, w, e)));
    const y = ex.question[e]!;
    grid.forEach((t, g) => {
      const s = stats[g]![ex.punctuated[e]!]!;
      if (p >= t && y === 1) s[0]!++;
      else if (p >= t) s[1]!++;
      else if (y === 1) s[2]!++;
    });
  }
  const best: [number, number] = [0.5, 0.5];
  const bestF1 = [-1, -1];
  grid.forEach((t, g) => {
    const f1s = stats[g]!.map(([tp = 0, fp = 0, fn = 0]) => (2 * tp) / Math.max(1, 2 * tp + fp + fn));
    console.log(
      `  threshold ${t.toFixed(2)}: F1 punctuated ${f1s[1]!.toFixed(3)}, stripped ${f1s[0]!.toFixed(3)}`,
    );
    for (const r of [0, 1] as const) {
      if (f1s[r]! > bestF1[r]!) {
        bestF1[r] = f1s[r]!;
        best[r] = t;
      }
    }
  });
  return best;
}

/** Train, pick the threshold on held-out meetings, refit on everything, pack. */
export function trainModel(units: readonly EvalUnit[], h: Hyper = HYPER): PackedModel {
  const meetings = [...new Set(units.map((u) => u.conversation))].sort();
  const heldOut = new Set(meetings.filter((_, i) => i % 5 === 4));
  const scored = units.filter((u) => u.gold !== "excluded" && u.text.trim() !== "");
  const ex = buildExamples(units, h.seed);
  // buildExamples keeps scored units in order, once per regime (stripped copies may drop empties).
  const meetingOf: string[] = [];
  const random = prng(h.seed);
  for (const regime of [1, 0, 2]) {
    for (const u of scored) {
      const text =
        regime === 0 ? stripPunctuation(u.text) : regime === 2 ? noisyPunctuation(u, random) : u.text;
      if (text.trim() === "") continue;
      const prev =
        u.previousText === undefined || regime !== 0 ? u.previousText : stripPunctuation(u.previousText);
      classifyEnglish(text, prev);
      if (lastAnswerFirm()) continue;
      meetingOf.push(u.conversation);
    }
  }
  if (meetingOf.length !== ex.count) throw new Error("train-questions: example bookkeeping is off");
  const inTrain = (e: number) => !heldOut.has(meetingOf[e]!);
  const inHeld = (e: number) => heldOut.has(meetingOf[e]!);
  console.log(
    `train-questions: ${ex.count} examples, ${heldOut.size} of ${meetings.length} meetings held out`,
  );
  const wHeld = decodeWeights(encodeWeights(train(ex, ex.question, inTrain, h)));
  const thresholds = pickThresholds(ex, wHeld, inHeld);
  console.log(`train-questions: thresholds ${thresholds.join(" / ")} (stripped / punctuated)`);
  const question = encodeWeights(train(ex, ex.question, () => true, h));
  const kind = encodeWeights(train(ex, ex.open, (e) => ex.question[e] === 1, h));
  return { version: 1, bits: FEATURE_BITS, thresholds, question, kind };
}

/** The generated module's source. */
export function moduleSource(model: PackedModel): string {
  return `// Generated by scripts/train-questions.ts from the MRDA training split — do not edit.
// ICSI Meeting Recorder Dialog Act corpus (Shriberg et al. 2004), CC BY 4.0; see docs/questions.md.
import type { PackedModel } from "./weights.js";

export const EN_QUESTION_MODEL: PackedModel = ${JSON.stringify(model, null, 2)};
`;
}

function main(): void {
  const file = join(DATASETS_DIR, "mrda-train.jsonl");
  if (!existsSync(file)) {
    console.log(`train-questions: ${file} not found; nothing to do.`);
    return;
  }
  const units = loadCorpus(file, "mrda");
  const model = trainModel(units);
  console.log(`train-questions: ${model.question.count} question weights, ${model.kind.count} kind weights`);
  if (process.argv.includes("--dry-run")) return;
  const out = resolve(
    dirname(fileURLToPath(import.meta.url)),
    "..",
    "src/analysis/questions/model/en.generated.ts",
  );
  writeFileSync(out, moduleSource(model));
  console.log(`train-questions: wrote ${out}`);
}

main();
