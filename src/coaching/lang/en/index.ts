/** English: the language the built-in playbooks (fixtures/playbooks/*.yaml) are written in. */
import { stem } from "../../../text/stem.js";
import { normalize } from "../../objections-lexicon.js";
import type { CoachingLanguage } from "../types.js";
import { EN, EN_HANDLING } from "./objections.js";
import { STOP_WORDS } from "./playbook.js";
import { REPORT } from "./report.js";
import { SUMMARY } from "./summary.js";
import { LABELS, TEXT } from "./text.js";

export const english: CoachingLanguage = {
  code: "en",
  name: "English",
  aliases: ["eng", "english"],
  stem,
  stopWords: STOP_WORDS,
  objections: {
    categories: EN,
    handling: EN_HANDLING,
    leadingBut: /^(?:but|still|yeah,? but|okay,? but|ok,? but)(?![\p{L}])/u,
    normalize,
    mergeElaborations: false,
  },
  playbooks: {},
  summary: SUMMARY,
  text: TEXT,
  labels: LABELS,
  report: REPORT,
};
