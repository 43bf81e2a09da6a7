/** Russian. */
import { normalize } from "../../objections-lexicon.js";
import type { CoachingLanguage } from "../types.js";
import { RU, RU_HANDLING } from "./objections.js";
import { STOP_WORDS } from "./playbook.js";
import { PLAYBOOKS } from "./playbooks.js";
import { REPORT } from "./report.js";
import { stemRu } from "./stem.js";
import { SUMMARY } from "./summary.js";
import { LABELS, TEXT } from "./text.js";

export const russian: CoachingLanguage = {
  code: "ru",
  name: "Russian",
  aliases: ["rus", "russian", "русский"],
  stem: stemRu,
  stopWords: STOP_WORDS,
  objections: {
    categories: RU,
    handling: RU_HANDLING,
    leadingBut: /^(?:но|вс[её] равно|и вс[её] же|и вс[её]-таки|однако)(?![\p{L}])/u,
    normalize,
    mergeElaborations: true,
  },
  playbooks: PLAYBOOKS,
  summary: SUMMARY,
  text: TEXT,
  labels: LABELS,
  report: REPORT,
};
