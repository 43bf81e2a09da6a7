/** German. */
import { foldText } from "../../../text/fold.js";
import { lightStemmer } from "../light-stem.js";
import type { CoachingLanguage } from "../types.js";
import { DE, DE_HANDLING } from "./objections.js";
import { PLAYBOOKS } from "./playbooks.js";
import { REPORT } from "./report.js";
import { SUMMARY } from "./summary.js";
import { LABELS, TEXT } from "./text.js";

export const german: CoachingLanguage = {
  code: "de",
  name: "German",
  aliases: ["deu", "ger", "german", "deutsch"],
  stem: lightStemmer(
    "ungen ung heiten heit keiten keit lichen liche lich ischen ische isch ern em en er es e n s".split(" "),
  ),
  stopWords:
    `der die das den dem des ein eine einen einem einer und oder aber dass für mit ohne ist sind war sein haben
    hat wir ich sie er es ihr ihre ihnen unser unsere mein meine nicht kein keine schon sehr mehr auch noch nur wie wann wo
    was wer welche alles heute so da hier zu zum zur am im in an auf bei von`.split(/\s+/),
  objections: {
    categories: DE,
    handling: DE_HANDLING,
    leadingBut: /^(?:aber|trotzdem|dennoch|allerdings)(?![\p{L}])/u,
    mergeElaborations: true,
    normalize: foldText,
  },
  playbooks: PLAYBOOKS,
  summary: SUMMARY,
  text: TEXT,
  labels: LABELS,
  report: REPORT,
};
