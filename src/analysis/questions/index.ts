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
  const rules = rulesFor(context.language); // once per utterance, not per sentence
  for (let i = 0; i < sentences.length; i++) {
    const text = sentences[i]!;
    if (text.trim() === "") continue;
    // Only the first sentence reacts to the previous speaker; later ones follow the speaker's own words.
    // The first sentence reads the previous speaker, the last one the next speaker's reply.
    const previous = i === 0 ? context.previousText : undefined;
    const kind =
      rules === "en"
        ? classifyEnglishSentence(text, previous, i === sentences.length - 1 ? context.nextText : undefined)
        : classifyOther(rules, text);
    if (kind !== null) out.push({ text, kind });
  }
  return out;
}
