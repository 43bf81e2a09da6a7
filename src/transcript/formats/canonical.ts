import { z } from "zod";
import { formatPath } from "../../errors.js";
import { CanonicalInputSchema, SpeakerSchema, type Transcript, type Utterance, type Word } from "../model.js";
import { describeJson, fieldError, isRecord, type JsonContext } from "./json.js";

/**
 * Canonical JSON (analysis contract, section 1): validated with `CanonicalInputSchema`;
 * omitted `start`/`end` become `null`, vendor extras on words are dropped.
 *
 * @example
 * parseCanonical({ utterances: [{ speaker: "A", text: "Hi" }] });
 * // { utterances: [{ speaker: "A", start: null, end: null, text: "Hi" }] }
 */
export function parseCanonical(value: unknown, file?: string): Transcript {
  // The fast path refuses (null) whatever checkTimes would refuse, so its result needs no second pass.
  return fastCanonical(value) ?? parseCanonicalBySchema(value, file);
}

/**
 * The definition the fast path must equal: the schema, then the time rules. Exported for the
 * property test that holds `parseCanonical` to it (same transcript, same error message).
 */
export function parseCanonicalBySchema(value: unknown, file?: string): Transcript {
  const ctx: JsonContext = { format: "canonical", file };
  return checkTimes(ctx, schemaCanonical(value, ctx));
}

/**
 * Longest time accepted, in seconds (~115 days): far beyond any call, and small enough that sums and
 * ratios of times stay exact (times near 1e308 would overflow to Infinity and give a talk ratio of 0).
 */
export const MAX_TIME_SECONDS = 1e7;

/**
 * What neither the fast path nor the schema says: a transcript has utterances, times are within
 * MAX_TIME_SECONDS, and nothing ends before it starts (utterances and words).
 */
function checkTimes(ctx: JsonContext, transcript: Transcript): Transcript {
  const { utterances } = transcript;
  if (utterances.length === 0) {
    fieldError(ctx, "utterances", "no utterances: the transcript is empty");
  }
  // Plain loops and paths built only on a refusal: a one-hour call has ~10k words.
  for (let i = 0; i < utterances.length; i++) {
    const u = utterances[i]!;
    if (!spanOk(u.start, u.end)) refuseSpan(ctx, `utterances[${i}]`, u.start, u.end);
    const words = u.words;
    if (words === undefined) continue;
    for (let k = 0; k < words.length; k++) {
      const w = words[k]!;
      if (!spanOk(w.start, w.end)) refuseSpan(ctx, `utterances[${i}].words[${k}]`, w.start, w.end);
    }
  }
  return transcript;
}

function spanOk(start: number | null, end: number | null): boolean {
  if (start !== null && start > MAX_TIME_SECONDS) return false;
  if (end !== null && end > MAX_TIME_SECONDS) return false;
  return start === null || end === null || end >= start;
}

function refuseSpan(ctx: JsonContext, path: string, start: number | null, end: number | null): never {
  for (const [name, t] of [
    ["start", start],
    ["end", end],
  ] as const) {
    if (t !== null && t > MAX_TIME_SECONDS) {
      fieldError(
        ctx,
        `${path}.${name}`,
        `${t} s is beyond the longest call accepted (${MAX_TIME_SECONDS} s)`,
      );
    }
  }
  fieldError(ctx, `${path}.end`, `ends (${end} s) before it starts (${start} s)`);
}

function schemaCanonical(value: unknown, ctx: JsonContext): Transcript {
  const result = CanonicalInputSchema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    if (issue === undefined) fieldError(ctx, "(root)", "invalid transcript");
    fieldError(ctx, formatPath(issue.path), describeIssue(issue, value));
  }
  const input = result.data;
  const utterances: Utterance[] = input.utterances.map((u) => {
    const out: Utterance = { speaker: u.speaker, start: u.start ?? null, end: u.end ?? null, text: u.text };
    if (u.words !== undefined) {
      out.words = u.words.map((w) => {
        const word: Word = { text: w.text, start: w.start, end: w.end };
        if (w.confidence !== undefined) word.confidence = w.confidence;
        return word;
      });
    }
    return out;
  });
  const transcript: Transcript = { utterances };
  if (input.language !== undefined) transcript.language = input.language;
  if (input.speakers !== undefined) transcript.speakers = input.speakers;
  return transcript;
}

const SpeakersSchema = z.array(SpeakerSchema);

/**
 * A time the canonical format accepts, bounds included: a number in [0, MAX_TIME_SECONDS]
 * (finite and ≥ 0 for the schema, within the longest call for checkTimes; NaN fails both tests).
 */
const isTimeWithin = (v: unknown): v is number => typeof v === "number" && v >= 0 && v <= MAX_TIME_SECONDS;

/**
 * Hand-written equivalent of `parseCanonicalBySchema` for the common, valid case: zod would roughly
 * double the cost of `JSON.parse` on a one-hour call with word timings. Returns `null` on anything
 * it does not accept, the time rules included, and the caller then runs the schema and the time
 * rules, which stay the authority and word the error (a property test holds both to the same
 * result). It must never accept what they refuse.
 *
 * One function per level (document, utterance list, one utterance with its words): the utterance
 * function turns hot as an ordinary call within the first parse and is compiled after it has run
 * every branch a valid call takes. As one function with nested loops it was compiled on-stack in
 * mid-loop, before its exit (the document fields) had ever run, deoptimised there and compiled
 * three times in the first three parses of a process.
 */
function fastCanonical(value: unknown): Transcript | null {
  if (!isRecord(value)) return null;
  const { language, speakers, utterances } = value;
  if (language !== undefined && (typeof language !== "string" || language.length < 2)) return null;
  if (!Array.isArray(utterances) || utterances.length === 0) return null;
  const out = fastUtterances(utterances);
  if (out === null) return null;
  return withHeader(out, language, speakers);
}

function fastUtterances(utterances: unknown[]): Utterance[] | null {
  const out: Utterance[] = new Array(utterances.length);
  for (let i = 0; i < utterances.length; i++) {
    const utt = fastUtterance(utterances[i]);
    if (utt === null) return null;
    out[i] = utt;
  }
  return out;
}

function fastUtterance(u: unknown): Utterance | null {
  if (!isRecord(u)) return null;
  const { speaker: id, start, end, text, words } = u;
  let speaker: string;
  if (typeof id === "string" && id.length > 0) speaker = id;
  else if (typeof id === "number" && Number.isSafeInteger(id)) speaker = String(id);
  else return null;
  if (typeof text !== "string") return null;
  let from: number | null = null;
  if (start !== undefined && start !== null) {
    if (!isTimeWithin(start)) return null;
    from = start;
  }
  let to: number | null = null;
  if (end !== undefined && end !== null) {
    if (!isTimeWithin(end)) return null;
    to = end;
  }
  if (from !== null && to !== null && to < from) return null;
  // One literal per shape: adding `words` afterwards would change the object's map per utterance.
  if (words === undefined) return { speaker, start: from, end: to, text };
  if (!Array.isArray(words)) return null;
  // A word with no extra vendor fields is already canonical and is kept, and when every word is,
  // so is the input array (a one-hour call has ~10k words): a copy starts only at the first word
  // that has extras, which are dropped.
  let copy: Word[] | null = null;
  for (let k = 0; k < words.length; k++) {
    const w: unknown = words[k];
    if (!isRecord(w)) return null;
    const { text: wt, start: s, end: e, confidence: c } = w;
    if (typeof wt !== "string" || !isTimeWithin(s) || !isTimeWithin(e) || e < s) return null;
    if (c !== undefined && (typeof c !== "number" || !(c >= 0 && c <= 1))) return null;
    // Counting keys is cheaper than naming them; only a count that differs needs their names.
    const canonical = keyCount(w) === (c === undefined ? 3 : 4) || onlyWordKeys(w);
    if (copy === null) {
      if (canonical) continue;
      copy = words.slice(0, k) as Word[];
    }
    copy.push(
      canonical
        ? (w as Word)
        : c === undefined
          ? { text: wt, start: s, end: e }
          : { text: wt, start: s, end: e, confidence: c },
    );
  }
  return { speaker, start: from, end: to, text, words: copy ?? (words as Word[]) };
}

/** Language and speakers, once per document: apart from the per-utterance functions. */
function withHeader(utterances: Utterance[], language: unknown, speakers: unknown): Transcript | null {
  const transcript: Transcript = { utterances };
  if (typeof language === "string") transcript.language = language;
  if (speakers !== undefined) {
    // Rare and small: the schema is cheap here and keeps role validation in one place.
    const parsed = SpeakersSchema.safeParse(speakers);
    if (!parsed.success) return null;
    transcript.speakers = parsed.data;
  }
  return transcript;
}

function keyCount(w: Record<string, unknown>): number {
  let n = 0;
  for (const _ in w) n++;
  return n;
}

function onlyWordKeys(w: Record<string, unknown>): boolean {
  for (const key in w) {
    if (key !== "text" && key !== "start" && key !== "end" && key !== "confidence") return false;
  }
  return true;
}

/** "expected a number, got a string" rather than zod's generic wording. */
function describeIssue(issue: z.core.$ZodIssue, root: unknown): string {
  if (issue.code === "invalid_type") {
    const got = valueAt(root, issue.path);
    const article = /^[aeiou]/.test(issue.expected) ? "an" : "a";
    return `expected ${article} ${issue.expected}, got ${describeJson(got)}`;
  }
  return issue.message;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let cur = root;
  for (const key of path) {
    if (typeof cur !== "object" || cur === null) return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[key];
  }
  return cur;
}
