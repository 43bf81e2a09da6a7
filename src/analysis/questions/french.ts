/**
 * French question rules for the shared engine (lexical.ts). French asks in three ways, two of
 * which survive without "?": "est-ce que" (closed; "qu'est-ce que", "comment est-ce que" open) and
 * subject–verb inversion, which the tokeniser keeps as one hyphenated word ("avez-vous",
 * "a-t-il", "pouvons-nous"); the third, intonation ("vous utilisez Salesforce ?"), needs the mark.
 * Question words also stand at the end ("vous commencez quand ?"). Tags: "…, non ?", "n'est-ce pas",
 * "hein", "ou pas". "quand"/"où" opening a clause that another follows are conjunctions, "quand
 * même" is "still". Hand-written; no data mined.
 */
import { classifyLexical, type LexicalRules, wordSet } from "./lexical.js";
import type { QuestionKind } from "./types.js";

// Inverted verb–subject: "avez-vous", "a-t-il", "peut-on", "pouvons-nous" (not "rendez-vous", an imperative "-nous").
const INVERTED_RE = /^(?:n')?[\p{L}]+(?:-t)?-(?:vous|tu|il|elle|ils|elles|on|je)$|^[\p{L}]+ons-nous$/u;
const NOT_INVERTED = wordSet(`rendez-vous vous-même vous-mêmes lui-même elle-même peut-être dit-il dit-elle`);

export const FRENCH: LexicalRules = {
  leading: wordSet(`alors donc bon ben euh heu bah voilà ok okay d'accord oui non ouais et mais parfait super
    génial merci eh ah oh écoutez écoute dites-moi dis-moi bonjour bien hum`),
  leadingPairs: wordSet(`du_coup en_fait au_fait très_bien petite_question une_question dernière_question
    tout_à bon_alors et_alors mais_alors`),
  wh: wordSet(`que qu' quoi comment pourquoi quand où qui quel quelle quels quelles combien lequel laquelle
    lesquels lesquelles qu'est-ce`),
  whRe: /^qu'(?:en|y|avez-vous|as-tu|attendez-vous|entendez-vous|allez-vous|aviez-vous|est-ce)$/u,
  whPrefix: wordSet(`à de pour avec par sur dans chez depuis jusqu'à en avant après vers et`),
  adverbialWh: wordSet(`quand où`),
  whAfterClauseNeedsMark: true,
  subordinate:
    /^(?:quand (?:même|on|nous|je|j'ai|il|elle|ils|elles|c'est|c'était)|où (?:on|nous|je|il|elle|ils|elles)|qui plus est|quoi qu'il|que ce soit|qui que|quoi que|comme)(?:\s|$)/u,
  request:
    /^(?:(?:est-ce que )?(?:pouvez-vous|pourriez-vous|peux-tu|pourrais-tu|vous pouvez|vous pourriez|tu peux|tu pourrais) (?:me |nous |m'|un peu |rapidement |peut-être )*(?:expliquer|m'expliquer|nous expliquer|décrire|me décrire|nous décrire|raconter|me raconter|nous raconter|détailler|parler|me parler|nous parler|présenter|dire comment|dire pourquoi|dire ce que|en dire plus)|racontez-moi|racontez-nous|expliquez-moi|expliquez-nous|décrivez-moi|décrivez-nous|décrivez|parlez-moi|parlez-nous|raconte-moi|explique-moi|parle-moi|dites-m'en plus)(?:\s|$)/u,
  asking:
    /^(?:j'aimerais|je voudrais|je voulais|j'aurais aimé|nous aimerions|on aimerait|je serais curieux de|je suis curieux de|je suis curieuse de) (?:bien |juste |aussi |mieux )?(?:savoir|comprendre|connaître|vous demander|demander|en savoir)\b/u,
  whether: wordSet(`si s'il s'ils`),
  yesNoHead:
    /^(?:est-ce (?:que|qu'\S*)|y a-t-il|n'y a-t-il|vous avez (?:déjà|un|une|des)|vous êtes (?:d'accord|prêts|prêt|ouverts)|ça vous (?:va|irait|convient|conviendrait|dit|intéresse|intéresserait|parle)|ça vous dirait|c'est possible de|serait-il possible)(?:\s|$)/u,
  inverted: (t, i) => {
    const at = (k: number): boolean => {
      const w = t[k];
      return w !== undefined && !NOT_INVERTED.has(w) && INVERTED_RE.test(w);
    };
    return at(i) || ((t[i] === "ne" || t[i] === "y") && at(i + 1));
  },
  strongTag: /(?:^|\s)(?:n'est-ce pas|ou pas|ou non|pas vrai|hein|vous êtes d'accord|tu es d'accord)$/u,
  weakTags: wordSet(`non ça d'accord ok okay oui vrai correct juste exact`),
  notAsked:
    /^(?:vraiment|ah bon|ah oui|ah ouais|c'est vrai|sérieux|sérieusement|pardon|comment|quoi|hein|oui|non|ouais|d'accord|ok|bon|et alors|et donc|et|alors|donc|ah d'accord|c'est ça|exact|exactement|voilà|bien sûr|vous êtes sûr|tu es sûr|sans blague|excusez-moi|désolé|qui sait|pourquoi pas|que voulez-vous|que faire|comment dire|quoi d'autre|tu vois|vous voyez|vous savez|tu sais|comment allez-vous|comment ça va|ça va|vous allez bien|tu vas bien|comment vas-tu|(?:vous m'entendez|tu m'entends|vous me voyez|vous m'entendez bien)(?: bien)?)$/u,
  exclamation:
    /^(?:quel|quelle|quels|quelles) (?:dommage|chance|horreur|plaisir|bonheur|surprise|idée|bonne nouvelle|coïncidence)(?:\s|$)|^que c'est (?:bien|beau|bon|dommage)(?:\s|$)/u,
  embed:
    /(?:^|\s)(?:je ne sais pas|je sais pas|sais pas|je ne suis pas sûr|je suis pas sûr|je ne suis pas sûre|je vais voir|on va voir|je vérifie|je vais vérifier|je vous confirme|je me renseigne|je demande|je vais demander|on verra|ça dépend)(?:\s|$)/u,
  complementizers: wordSet(`que qu' qui quand où comment`),
  complementTakers: wordSet(`merci pense crois sais dis disais`),
  or: wordSet(`ou`),
  vagueOr:
    / (?:ou quelque chose|ou un truc comme ça|ou quoi|ou autre|ou plus|ou moins|plus ou moins|ou à peu près) /gu,
};

/**
 * French: the kind of question `sentence` is, or null when it is not a (counted) question.
 * @example classifyFrench("avez-vous un budget pour cela") // "closed"
 */
export function classifyFrench(sentence: string): QuestionKind | null {
  return classifyLexical(sentence, FRENCH);
}
