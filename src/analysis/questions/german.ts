/**
 * German question rules for the shared engine (lexical.ts). German puts the finite verb first in
 * yes/no questions ("Haben Sie…", "Gibt es…") and second in statements, so verb–subject order at the
 * head is a question even without "?" — except after an adverb that took the first place ("Dann
 * haben wir…": V2), in "wir"/"ich" clauses without a modal ("Machen wir das so", "Weiß ich nicht":
 * proposals and dropped objects) and in the polite imperative ("Schauen Sie mal"). A question word
 * followed by a subject is a clause ("Was wir brauchen, ist…", "Wie Sie wissen"), by a verb a
 * question ("Was brauchen Sie?"). Tags: "…, oder?", "nicht wahr", "gell", "ne?". Hand-written; no data mined.
 */
import { classifyLexical, type LexicalRules, wordSet } from "./lexical.js";
import type { QuestionKind } from "./types.js";

const SUBJECT = wordSet(`sie du ihr es er man wir ich`);
// Modals and auxiliaries: with "wir"/"ich" after them the clause asks ("Sollen wir…", "Kann ich…").
const MODAL =
  wordSet(`sollen sollten können könnten wollen wollten müssen müssten dürfen darf haben hätten sind
  wären werden würden soll kann könnte will muss hab habe hätte bin wäre werde würde`);
// Words that take the first place without being the finite verb: a subject after them is no inversion.
const NOT_VERB =
  wordSet(`der die das den dem des ein eine einen einem einer und aber oder denn sondern wenn ob
  dass daß weil falls als bevor nachdem damit sobald obwohl während seit bis wie was wo so auch nur
  sogar selbst gerade genau also dann jetzt ja nein doch danke bitte hallo für mit bei von zu aus nach
  über unter vor hinter neben ohne gegen um an auf in im am zum zur vom beim`);
const DETERMINER = wordSet(`der die das ein eine dieser diese dieses ihr ihre unser unsere`);
// Polite imperatives (verb + "Sie") that ask nothing.
const IMPERATIVE =
  wordSet(`schauen sehen lassen stellen warten nehmen schicken senden rufen geben denken beachten
  melden klicken gehen entschuldigen hören probieren versuchen kommen seien bleiben vergessen achten
  öffnen legen setzen`);

export const GERMAN: LexicalRules = {
  leading: wordSet(`ja nein genau okay ok gut super prima klar und aber oder na naja achso ach äh ähm hm hmm
    danke hallo perfekt prima toll alles übrigens mal sagen sag verstehe verstanden`),
  leadingPairs: wordSet(`sagen_sie sag_mal eine_frage kurze_frage noch_eine alles_klar guten_tag guten_morgen
    vielen_dank`),
  adverbLeading: wordSet(`also dann jetzt so`),
  wh: wordSet(`was wie warum wieso weshalb weswegen wann wo woher wohin wer wen wem wessen welche welcher
    welches welchen welchem wieviel wieviele womit wofür worüber woran wozu wodurch worauf wobei inwiefern
    inwieweit`),
  whPrefix: wordSet(`mit für an auf in von zu bei seit bis über nach aus um und`),
  adverbialWh: wordSet(`wo wie`),
  whAfterClauseNeedsMark: true,
  subordinate:
    /^(?:\S+ (?:ich|du|sie|er|es|wir|ihr|man|der|die|das|den|dem|ein|eine|einen|unser|unsere|mein|meine|ihre)|wie (?:gesagt|besprochen|erwähnt|immer|gewohnt|vereinbart|auch immer|schon gesagt))(?:\s|$)/u,
  request:
    /^(?:(?:erzählen|beschreiben|erklären|schildern|skizzieren) sie|(?:können|könnten|würden|möchten|wollen) sie (?:\S+ ){0,4}(?:erzählen|beschreiben|erklären|schildern|ausführen|skizzieren|darstellen))(?:\s|$)/u,
  asking:
    /^(?:ich (?:würde|möchte|wollte|hätte) (?:gerne |gern |noch |mal |kurz |auch )*(?:wissen|verstehen|fragen|erfahren)|mich (?:würde|interessiert) (?:noch |auch |vor allem )*(?:interessieren)?)/u,
  whether: wordSet(`ob`),
  yesNoHead: /^(?:ist es möglich|wäre es möglich|geht das|passt (?:ihnen|dir|euch)|macht es sinn)(?:\s|$)/u,
  inverted: (t, i) => {
    const v = t[i];
    const s = t[i + 1];
    if (v === undefined || s === undefined || NOT_VERB.has(v)) return false;
    // "Ist der Pilot kostenlos", "Haben die Kollegen…": an auxiliary before a noun phrase subject.
    if (DETERMINER.has(s)) return MODAL.has(v) || v === "ist" || v === "gibt" || v === "hat";
    if (!SUBJECT.has(s)) return false;
    if (s === "wir" || s === "ich") return MODAL.has(v);
    return !(s === "sie" && IMPERATIVE.has(v));
  },
  strongTag: /(?:^|\s)(?:oder|oder nicht|nicht wahr|gell|gelle|stimmt's|stimmts|ja oder nein|oder wie)$/u,
  weakTags: wordSet(`richtig ja ne okay ok klar korrekt genau stimmt nicht`),
  notAsked:
    /^(?:echt|wirklich|ja|nein|ach ja|ach so|achso|ach wirklich|ach echt|wie bitte|bitte|was|wie|ehrlich|tatsächlich|genau|richtig|stimmt|okay|ok|aha|hm|hmm|ne|oder|und|na und|sicher|klar|ach|so|ernsthaft|im ernst|echt jetzt|nicht wahr|gell|sind sie sicher|wer weiß|warum nicht|wieso nicht|was soll's|was solls|was soll man machen|was will man machen|wie auch immer|wer hätte das gedacht|was sonst|wie geht's|wie gehts|wie geht es ihnen|wie geht es dir|alles gut|alles klar|(?:hören sie mich|können sie mich hören|hörst du mich|verstehen sie mich)(?: gut)?)$/u,
  exclamation:
    /^(?:wie (?:schön|toll|gut|super|interessant|spannend|schade|cool|praktisch|ärgerlich)|was für ein(?:e|en)? (?:zufall|glück|pech|freude))(?:\s|$)/u,
  embed:
    /(?:^|\s)(?:weiß ich nicht|ich weiß nicht|keine ahnung|bin mir nicht sicher|ich bin nicht sicher|ich prüfe|ich kläre|ich frage|wir prüfen|wir klären|mal sehen|mal schauen|schauen wir mal|kommt drauf an|hängt davon ab|ich schaue)(?:\s|$)/u,
  complementizers: wordSet(`was wie wo wann wer ob`),
  complementTakers: wordSet(`danke glaube denke weiß sagen gesagt`),
  or: wordSet(`oder`),
  vagueOr: / (?:oder so|oder so was|oder sowas|oder ähnliches|oder mehr|oder weniger|mehr oder weniger) /gu,
};

/**
 * German: the kind of question `sentence` is, or null when it is not a (counted) question.
 * @example classifyGerman("haben sie ein budget dafür") // "closed"
 */
export function classifyGerman(sentence: string): QuestionKind | null {
  return classifyLexical(sentence, GERMAN);
}
