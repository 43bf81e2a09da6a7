/**
 * Question detection and open/closed classification for English and Russian transcripts
 * (analysis contract §3). Rule-based and offline: see docs/questions.md for the method and figures.
 */

import { splitSentences } from "../../text/sentences.js";
import { classifyEnglish, lastAnswerFirm } from "./english.js";
import { decideEnglish } from "./model/index.js";
import { classifyRussian } from "./russian.js";
import type { DetectedQuestion, QuestionContext, QuestionKind } from "./types.js";

export type { DetectedQuestion, QuestionContext, QuestionKind } from "./types.js";

/** "ru", "ru-RU", "rus", "russian" → Russian rules; anything else → English rules. */
function isRussian(language: string): boolean {
  // Asked once per utterance with the same language all call long: remember the last answer.
  if (language !== lastLanguage) {
    lastLanguage = language;
    lastRussian = /^ru(?:[-_]|$)|^rus(?:sian)?$/i.test(language.trim());
  }
  return lastRussian;
}
let lastLanguage: string | undefined;
let lastRussian = false;

/**
 * Classify one sentence: its question kind, or null when it is not a counted question
 * (statements, rhetorical questions, backchannels such as "oh really?").
 * @example classifySentence("so what does your current process look like", { language: "en" }) // "open"
 * @example classifySentence("You're using Salesforce today?", { language: "en" }) // "closed"
 * @example classifySentence("Расскажите, как у вас устроены продажи", { language: "ru" }) // "open"
 */
export function classifySentence(sentence: string, context: QuestionContext): QuestionKind | null {
  if (typeof sentence !== "string" || sentence.trim() === "") return null;
  return isRussian(context.language)
    ? classifyRussian(sentence)
    : classifyEnglishSentence(sentence, context.previousText, context.nextText);
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
 * Split one utterance's text into sentences and return those that are questions, in order, each
 * with its kind. `text` is the sentence exactly as it stands in the utterance (trimmed). Rhetorical
 * questions and backchannels in question form are not returned. Only the first sentence is read
 * as a possible reaction to `previousText`; later ones follow the speaker's own words.
 * @example detectQuestions("Got it. Walk me through your process? Do you have budget, right?", { language: "en" })
 * // [{ text: "Walk me through your process?", kind: "open" }, { text: "Do you have budget, right?", kind: "closed" }]
 */
export function detectQuestions(utteranceText: string, context: QuestionContext): DetectedQuestion[] {
  if (typeof utteranceText !== "string" || utteranceText.trim() === "") return [];
  const out: DetectedQuestion[] = [];
  const sentences = splitSentences(utteranceText);
  const russian = isRussian(context.language); // once per utterance, not per sentence
  for (let i = 0; i < sentences.length; i++) {
    const text = sentences[i]!;
    if (text.trim() === "") continue;
    // Only the first sentence reacts to the previous speaker; later ones follow the speaker's own words.
    // The first sentence reads the previous speaker, the last one the next speaker's reply.
    const previous = i === 0 ? context.previousText : undefined;
    const kind = russian
      ? classifyRussian(text)
      : classifyEnglishSentence(text, previous, i === sentences.length - 1 ? context.nextText : undefined);
    if (kind !== null) out.push({ text, kind });
  }
  return out;
}
