/** Portuguese. */
import { foldText } from "../../../text/fold.js";
import { lightStemmer } from "../light-stem.js";
import type { CoachingLanguage } from "../types.js";
import { PT, PT_HANDLING } from "./objections.js";
import { PLAYBOOKS } from "./playbooks.js";
import { REPORT } from "./report.js";
import { SUMMARY } from "./summary.js";
import { LABELS, TEXT } from "./text.js";

export const portuguese: CoachingLanguage = {
  code: "pt",
  name: "Portuguese",
  aliases: ["por", "portuguese", "português", "portugues"],
  stem: lightStemmer(
    "amentos amento açoes acoes ações ação acao adoras adores adora ador mente ando endo indo aram eram iram ado ada ados adas ido ida idos idas ar er ir es os as s a o e".split(
      " ",
    ),
  ),
  stopWords:
    `o a os as um uma uns umas de do da dos das ao em no na nos nas e ou mas que por para com sem é são foi ser
    estar está esse essa isso este esta isto se seu sua lhe me meu minha te nosso nossa já muito mais não sim como quando
    onde qual há tudo também você vocês hoje`.split(/\s+/),
  objections: {
    categories: PT,
    handling: PT_HANDLING,
    leadingBut: /^(?:mas|mesmo assim|ainda assim|por[eé]m)(?![\p{L}])/u,
    mergeElaborations: true,
    normalize: foldText,
  },
  playbooks: PLAYBOOKS,
  summary: SUMMARY,
  text: TEXT,
  labels: LABELS,
  report: REPORT,
};
