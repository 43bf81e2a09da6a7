/** Spanish. */
import { foldText } from "../../../text/fold.js";
import { lightStemmer } from "../light-stem.js";
import type { CoachingLanguage } from "../types.js";
import { ES, ES_HANDLING } from "./objections.js";
import { PLAYBOOKS } from "./playbooks.js";
import { REPORT } from "./report.js";
import { SUMMARY } from "./summary.js";
import { LABELS, TEXT } from "./text.js";

export const spanish: CoachingLanguage = {
  code: "es",
  name: "Spanish",
  aliases: ["spa", "spanish", "español", "espanol", "castellano"],
  stem: lightStemmer(
    "amientos amiento aciones ación adoras adores adora ador antes ante mente ando iendo aron ieron aban ían ado ada ados adas ido ida idos idas ar er ir es os as s a o e".split(
      " ",
    ),
  ),
  stopWords:
    `el la los las un una unos unas de del al a en y o u pero que por para con sin es son fue ser estar está esta este
    esto eso ese esa se su sus lo le les me mi mis te tu nos nuestro nuestra ya muy más mas no sí si como cuando donde qué
    cual hay todo también usted ustedes hoy`.split(/\s+/),
  objections: {
    categories: ES,
    handling: ES_HANDLING,
    leadingBut: /^(?:pero|aun as[ií]|a[uú]n as[ií]|sin embargo)(?![\p{L}])/u,
    mergeElaborations: true,
    normalize: foldText,
  },
  playbooks: PLAYBOOKS,
  summary: SUMMARY,
  text: TEXT,
  labels: LABELS,
  report: REPORT,
};
