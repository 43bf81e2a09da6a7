/**
 * The English question model beside the rules: a logistic regression over hashed features
 * (features.ts) trained on the ICSI Meeting Recorder Dialog Act corpus by
 * scripts/train-questions.ts, embedded in en.generated.ts. It takes the rules' decision as one of
 * its features and has the last word on whether a sentence is a question; the kind stays the
 * rules' when they found one, else a second model over the same features picks it.
 */
import type { QuestionKind } from "../types.js";
import { EN_QUESTION_MODEL } from "./en.generated.js";
import { extractFeatures, type FeatureVector, lastWordCount, newFeatureVector } from "./features.js";
import { FEATURE_BITS } from "./hash.js";
import { decodeWeights, type PackedModel, PackedModelSchema } from "./weights.js";

export interface LoadedModel {
  /** [text without punctuation, punctuated text] */
  thresholds: readonly [number, number];
  question: Float32Array;
  kind: Float32Array;
}

/**
 * Validate and decode a packed model. Throws when it does not match this build's feature space.
 */
export function loadModel(packed: PackedModel): LoadedModel {
  const m = PackedModelSchema.parse(packed);
  if (m.bits !== FEATURE_BITS)
    throw new Error(`question model: ${m.bits}-bit table, expected ${FEATURE_BITS}`);
  return { thresholds: m.thresholds, question: decodeWeights(m.question), kind: decodeWeights(m.kind) };
}

const CLOSERS = new Set(['"', "'", ")", "]", "”", "»"]);

/**
 * Whether the sentence ends with "." "!" or "…" (then only closing quotes or brackets, then
 * spaces): what `/[.!…]["')\]”»]*\s*$/` says, read backwards from the end instead of trying the
 * expression at every position of the sentence.
 */
export function closesAsStatement(sentence: string): boolean {
  const t = sentence.trimEnd(); // the same characters as \s
  let i = t.length - 1;
  while (i >= 0 && CLOSERS.has(t[i]!)) i--;
  const c = t[i];
  return c === "." || c === "!" || c === "…";
}

/** Below this probability the model drops a question the rules found. */
const VETO = 0.15;

let english: LoadedModel | undefined;
/** The embedded English model, decoded on first use. */
export function englishModel(): LoadedModel {
  english ??= loadModel(EN_QUESTION_MODEL);
  return english;
}

const vector: FeatureVector = newFeatureVector();

/** Σ weights over the vector's features (a logit). */
export function score(weights: Float32Array, v: FeatureVector): number {
  let z = 0;
  const idx = v.idx;
  for (let i = 0; i < v.n; i++) z += weights[idx[i]!]!;
  return z;
}

/** 1 / (1 + e^-z) */
export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

/**
 * Probability that `sentence` is a question, given the rules' decision and its neighbours by
 * other speakers.
 * @example questionProbability("so you're based in austin", null, undefined, "yeah") > 0.5
 */
export function questionProbability(
  sentence: string,
  rule: QuestionKind | null,
  previousText: string | undefined,
  nextText: string | undefined,
  model: LoadedModel = englishModel(),
): number {
  extractFeatures(vector, sentence, rule, previousText, nextText);
  return sigmoid(score(model.question, vector));
}

/**
 * Final decision for an English sentence: a question when the model's probability reaches its
 * threshold (one for punctuated text, one for text without punctuation); of the rules' kind when
 * they found one, else of the kind model's. The rules alone decide a punctuated sentence that ends
 * without a closing mark and a one-word sentence in text without punctuation.
 * @example decideEnglish("you guys are using salesforce right now", null, undefined, "yes we are") // "closed"
 */
export function decideEnglish(
  sentence: string,
  rule: QuestionKind | null,
  previousText: string | undefined,
  nextText: string | undefined,
  model: LoadedModel = englishModel(),
  /** The rules' answer rests on a category the contract defines (see english.ts lastAnswerFirm). */
  firm = false,
): QuestionKind | null {
  if (firm) return rule;
  // Speed: a statement the transcript closes with "." or "!" stays one (most sentences of a call);
  // the model reads questions, unpunctuated text and "?"-marked sentences.
  if (rule === null && closesAsStatement(sentence) && !sentence.includes("?")) return null;
  const end = extractFeatures(vector, sentence, rule, previousText, nextText);
  // Where the model has seen nothing like the sentence, the rules decide: the training units all
  // end with a mark, so never with a comma or mid-clause; and with no punctuation at all, whether a
  // lone word ("right", "okay", "what") asks is a matter of intonation that only the rules' reading
  // of the context (who spoke before) approaches.
  if (end === 4 || (end === 0 && lastWordCount() <= 1)) return rule;
  const p = sigmoid(score(model.question, vector));
  // Adding a question takes the regime's threshold; dropping one the rules found takes more
  // certainty, so a plain question in words the meetings never used keeps its rules' answer.
  if (p < (rule === null ? model.thresholds[end === 0 ? 0 : 1] : VETO)) return null;
  if (rule !== null) return rule;
  return score(model.kind, vector) >= 0 ? "open" : "closed";
}
