/** French. */
import { foldText } from "../../../text/fold.js";
import { lightStemmer } from "../light-stem.js";
import type { CoachingLanguage } from "../types.js";
import { FR, FR_HANDLING } from "./objections.js";
import { PLAYBOOKS } from "./playbooks.js";
import { REPORT } from "./report.js";
import { SUMMARY } from "./summary.js";
import { LABELS, TEXT } from "./text.js";

export const french: CoachingLanguage = {
  code: "fr",
  name: "French",
  aliases: ["fra", "fre", "french", "français", "francais"],
  stem: lightStemmer(
    "issements issement ements ement ations ation atrices ateurs atrice ateur ances ance ences ence ments ment euses euse eux ités ité ives ive ifs if ées ée és er ez ons ent es s e".split(
      " ",
    ),
  ),
  stopWords:
    `le la les l un une des de du d au aux en et ou mais que qu qui pour par avec sans est sont était être ce c
    cet cette ces se sa son ses leur lui me mon ma mes te ton nous notre nos vous votre vos déjà très plus pas ne n oui
    non comme quand où quel quelle il y a tout aussi on aujourd hui`.split(/\s+/),
  objections: {
    categories: FR,
    handling: FR_HANDLING,
    leadingBut: /^(?:mais|quand m[eê]me|pourtant|toujours est-il)(?![\p{L}])/u,
    mergeElaborations: true,
    normalize: foldText,
  },
  playbooks: PLAYBOOKS,
  summary: SUMMARY,
  text: TEXT,
  labels: LABELS,
  report: REPORT,
};
