/**
 * Question detection and open/closed classification (analysis contract §3) for English, Russian,
 * Spanish, German, French and Portuguese transcripts. Rule-based and offline: see
 * docs/questions.md for the method and figures.
 */

import { splitSentences } from "../../text/sentences.js";
import { languageCode } from "../language.js";
import { classifyEnglish, lastAnswerFirm } from "./english.js";
import { FRENCH } from "./french.js";
import { GERMAN } from "./german.js";
import { classifyLexical, type LexicalRules } from "./lexical.js";
import { decideEnglish } from "./model/index.js";
import { PORTUGUESE } from "./portuguese.js";
import { classifyRussian } from "./russian.js";
import { SPANISH } from "./spanish.js";
import type { DetectedQuestion, QuestionContext, QuestionKind } from "./types.js";

export type { DetectedQuestion, QuestionContext, QuestionKind } from "./types.js";

const LEXICAL: Readonly<Record<"es" | "de" | "fr" | "pt", LexicalRules>> = {
  es: SPANISH,
  de: GERMAN,
  fr: FRENCH,
  pt: PORTUGUESE,
};

/** The rules for a language tag: "ru", "ru-RU", "rus", "russian" → Russian; "es-MX" → Spanish…; anything unsupported → English. */
function rulesFor(language: string): "en" | "ru" | LexicalRules {
  // Asked once per utterance with the same language all call long: remember the last answer.
  if (language !== lastLanguage) {
    lastLanguage = language;
    const code = languageCode(language);
    lastRules = code === null || code === "en" ? "en" : code === "ru" ? "ru" : LEXICAL[code];
  }
  return lastRules;
}
let lastLanguage: string | undefined;
let lastRules: "en" | "ru" | LexicalRules = "en";

function classifyOther(rules: "ru" | LexicalRules, sentence: string): QuestionKind | null {
  return rules === "ru" ? classifyRussian(sentence) : classifyLexical(sentence, rules);
}

/**
 * Classify one sentence: its question kind, or null when it is not a counted question
 * (statements, rhetorical questions, backchannels such as "oh really?").
 * @example classifySentence("so what does your current process look like", { language: "en" }) // "open"
 * @example classifySentence("You're using Salesforce today?", { language: "en" }) // "closed"
 * @example classifySentence("Расскажите, как у вас устроены продажи", { language: "ru" }) // "open"
 * @example classifySentence("cuántos vendedores tienen", { language: "es" }) // "open"
 */
export function classifySentence(sentence: string, context: QuestionContext): QuestionKind | null {
  if (typeof sentence !== "string" || sentence.trim() === "") return null;
  const rules = rulesFor(context.language);
  return rules === "en"
    ? classifyEnglishSentence(sentence, context.previousText, context.nextText)
    : classifyOther(rules, sentence);
}

/** English: the rules, then the model (which leaves the rules' contract categories alone). */
function classifyEnglishSentence(
  sentence: string,
  previousText: string | undefined,
  nextText: string | undefined,
): QuestionKind | null {
  const rule = classifyEnglish(sentence, previousText);
  return decideEnglish(sentence, rule, previousText, nextText, undefined, lastAnswerFirm());
}

/**
 * One utterance as the detector read it: its sentences (`splitSentences`), the context it was
 * given and, per sentence, the answer and (English) what the answer rested on. Lets a later reader
 * of the same utterance with the same previous text take the answers instead of classifying again
 * (`detectQuestions`' `prior`). Treat as read-only.
 */
export interface UtteranceReading {
  readonly text: string;
  readonly language: string;
  readonly previousText: string | undefined;
  readonly nextText: string | undefined;
  readonly sentences: readonly string[];
  /** Per sentence: its kind, or null (not a question, or blank). */
  readonly kinds: ReadonlyArray<QuestionKind | null>;
  /** English, per sentence: the rules' answer and `lastAnswerFirm` after it (the model's inputs besides the texts). */
  readonly rules: ReadonlyArray<QuestionKind | null> | null;
  readonly firm: readonly boolean[] | null;
}

/**
 * Read one utterance: `detectQuestions`' answers with the sentences and context they rest on.
 * @example questionsOf(readUtterance("Got it. Walk me through your process?", { language: "en" })) // [{ text: "Walk me through your process?", kind: "open" }]
 */
export function readUtterance(utteranceText: string, context: QuestionContext): UtteranceReading {
  const sentences = typeof utteranceText === "string" ? splitSentences(utteranceText) : [];
  const blank = typeof utteranceText !== "string" || utteranceText.trim() === "";
  const rules = rulesFor(context.language); // once per utterance, not per sentence
  const english = rules === "en";
  const kinds: Array<QuestionKind | null> = [];
  const ruleKinds: Array<QuestionKind | null> | null = english ? [] : null;
  const firm: boolean[] | null = english ? [] : null;
  for (let i = 0; i < sentences.length; i++) {
    const text = sentences[i]!;
    if (blank || text.trim() === "") {
      kinds.push(null);
      ruleKinds?.push(null);
      firm?.push(false);
      continue;
    }
    // Only the first sentence reacts to the previous speaker; later ones follow the speaker's own words.
    // The first sentence reads the previous speaker, the last one the next speaker's reply.
    const previous = i === 0 ? context.previousText : undefined;
    if (english) {
      const rule = classifyEnglish(text, previous);
      const isFirm = lastAnswerFirm();
      ruleKinds!.push(rule);
      firm!.push(isFirm);
      const next = i === sentences.length - 1 ? context.nextText : undefined;
      kinds.push(decideEnglish(text, rule, previous, next, undefined, isFirm));
    } else kinds.push(classifyOther(rules, text));
  }
  return {
    text: utteranceText,
    language: context.language,
    previousText: context.previousText,
    nextText: context.nextText,
    sentences,
    kinds,
    rules: ruleKinds,
    firm,
  };
}

/**
 * `questionsOf(readUtterance(utteranceText, context))` without the reading: the metric pass asks
 * this of every utterance and keeps no reading unless a coaching pass follows. Same per-sentence
 * steps as `readUtterance` (property-tested against it).
 */
function detectFresh(utteranceText: string, context: QuestionContext): DetectedQuestion[] {
  const out: DetectedQuestion[] = [];
  const sentences = splitSentences(utteranceText);
  const rules = rulesFor(context.language);
  for (let i = 0; i < sentences.length; i++) {
    const text = sentences[i]!;
    if (text.trim() === "") continue;
    const previous = i === 0 ? context.previousText : undefined;
    const kind =
      rules === "en"
        ? classifyEnglishSentence(text, previous, i === sentences.length - 1 ? context.nextText : undefined)
        : classifyOther(rules, text);
    if (kind !== null) out.push({ text, kind });
  }
  return out;
}

/** The questions of a reading, in order. */
export function questionsOf(reading: UtteranceReading): DetectedQuestion[] {
  const out: DetectedQuestion[] = [];
  for (let i = 0; i < reading.kinds.length; i++) {
    const kind = reading.kinds[i];
    if (kind !== null && kind !== undefined) out.push({ text: reading.sentences[i]!, kind });
  }
  return out;
}

/**
 * Split one utterance's text into sentences and return those that are questions, in order, each
 * with its kind. `text` is the sentence exactly as it stands in the utterance (trimmed). Rhetorical
 * questions and backchannels in question form are not returned. Only the first sentence is read
 * as a possible reaction to `previousText`; later ones follow the speaker's own words.
 *
 * `prior`: an earlier reading of the same utterance (`readUtterance`). When it read the same text
 * in the same language after the same previous text, its answers are taken as they are; only the
 * last sentence is decided again when the next speaker's reply differs (the English rules' answer
 * does not read the reply, so only the model runs again). Same answers as without it.
 * @example detectQuestions("Got it. Walk me through your process? Do you have budget, right?", { language: "en" })
 * // [{ text: "Walk me through your process?", kind: "open" }, { text: "Do you have budget, right?", kind: "closed" }]
 */
export function detectQuestions(
  utteranceText: string,
  context: QuestionContext,
  prior?: UtteranceReading,
): DetectedQuestion[] {
  if (typeof utteranceText !== "string" || utteranceText.trim() === "") return [];
  if (prior === undefined) return detectFresh(utteranceText, context);
  if (
    prior.text !== utteranceText ||
    prior.language !== context.language ||
    prior.previousText !== context.previousText
  )
    return questionsOf(readUtterance(utteranceText, context));
  const out: DetectedQuestion[] = [];
  const { sentences, kinds } = prior;
  const last = sentences.length - 1;
  for (let i = 0; i <= last; i++) {
    let kind = kinds[i] ?? null;
    // The last sentence read the next speaker's reply (English model only): decide it again.
    if (
      i === last &&
      prior.rules !== null &&
      prior.nextText !== context.nextText &&
      sentences[i]!.trim() !== ""
    )
      kind = decideEnglish(
        sentences[i]!,
        prior.rules[i]!,
        i === 0 ? context.previousText : undefined,
        context.nextText,
        undefined,
        prior.firm![i]!,
      );
    if (kind !== null) out.push({ text: sentences[i]!, kind });
  }
  return out;
}
