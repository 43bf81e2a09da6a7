/** French words of the reports. */
import { benchmarkTexts } from "../list.js";
import type { ReportText } from "../types.js";
import { TEXT } from "./text.js";

const calls = (n: number): string => `${n} appel${n === 1 ? "" : "s"}`;
const BANDS: Record<string, string> = { "under 35%": "moins de 35 %", "65% and over": "65 % et plus" };

export const REPORT: ReportText = {
  metrics: {
    ...benchmarkTexts(TEXT.benchmarks, "label"),
    interactivity: "Interactivité (alternances/min)",
    repFillersPerMin: "Mots de remplissage du commercial par minute",
    playbookScore: "Respect du playbook",
  },
  targets: benchmarkTexts(TEXT.benchmarks, "target"),
  suggestedLines: {
    talkRatio:
      "« Avant d'aller plus loin : qu'est-ce que ça donne par rapport à votre façon de faire aujourd'hui ? »",
    longestMonologueSec: "« Je m'arrête là : quelle partie compte le plus pour votre équipe ? »",
    repQuestions: "« Racontez-moi ce qui se passe aujourd'hui quand une nouvelle demande arrive ? »",
    patienceSec: "Comptez une respiration quand le client s'arrête, puis : « Dites-m'en plus. »",
  },
  habitTitle: (label, value, target) => `${label} : ${value} (repère ${target})`,
  fromCoaching: "issu du coaching de l'appel",
  try: "À essayer",
  noRep: "sans commercial",
  calls,
  teamMedians: (c) => `médianes de l'équipe sur ${c} des 90 derniers jours`,
  callColumns: ["indicateur", "cet appel", "médiane de l'équipe", "repère"],
  timelineNote: (turns, questions, objections) =>
    `Chronologie : ${turns} tours de parole, ${questions} questions, ${objections} objections (voir le rapport HTML).`,
  timelineLegend:
    "Bleu : commercial · vert : client · ● question ouverte / ○ fermée · ▲ objection (pleine si levée)",
  timelineSvg: {
    title: "Qui a parlé quand, avec les questions (cercles) et les objections (triangles)",
    question: (kind, at) => `question ${kind === "open" ? "ouverte" : "fermée"} à ${at}`,
    objection: (category, at, resolved) => `objection (${category}) à ${at}${resolved ? ", levée" : ""}`,
  },
  repReview: "Bilan du commercial",
  period: (from, to, tz) => `du ${from} au ${to} (exclu), ${tz}`,
  previousPeriod: (c) => `période précédente : ${c}`,
  dealsClosed: (won, lost) => `affaires conclues : ${won} gagnées, ${lost} perdues`,
  dealsClosedInPeriod: (won, lost) => `Affaires conclues sur la période : ${won} gagnées, ${lost} perdues.`,
  winRate: "taux de gain",
  callMetrics: "Indicateurs des appels",
  spreadNote: "Médiane (p25–p75, n appels avec l'indicateur) ; la médiane de l'équipe sur la même période.",
  reviewColumns: ["indicateur", "cette période", "précédente", "équipe", "repère"],
  medianSpread: "médiane (p25–p75, n)",
  movedMost: "Plus forte évolution",
  movedMostSince: "Plus forte évolution depuis la période précédente",
  weekByWeek: "Semaine par semaine",
  week: "semaine",
  callsColumn: "appels",
  callsPerWeek: "Appels par semaine",
  outcomes: "Résultats",
  outcomeLine: (win, conv, resp, lead) =>
    `Taux de gain ${win} · conversion ${conv} · taux de réponse ${resp} · délai médian de réponse aux leads ${lead}`,
  topPerformers: "Ce que font les meilleurs",
  noComparison: (eligible, min) =>
    `Pas de comparaison : seuls ${eligible} commercial(aux) ont conclu au moins ${min} affaires sur la période ; le quartile supérieur en demande 4.`,
  topQuartile: (eligible, min, names) =>
    `Quartile supérieur par taux de gain parmi ${eligible} commerciaux avec ≥ ${min} affaires conclues : ${names}`,
  topRep: (name, winRate, closed) => `${name} (${winRate} sur ${closed})`,
  topColumns: ["indicateur", "les meilleurs", "les autres", "vous"],
  teamReport: "Rapport d'équipe",
  reps: "Commerciaux",
  repsNote: (min) =>
    `Médianes par commercial (n = appels). ⚑ = valeur atypique (au-delà de 1,5 × IQR des médianes des commerciaux, ou très loin du repère publié ; commerciaux avec ≥ ${min} appels).`,
  repsNoteHtml: (min, flag) =>
    `Médianes par commercial. ${flag} valeur atypique : au-delà de 1,5 × IQR des médianes des commerciaux ou très loin du repère publié (commerciaux avec ≥ ${min} appels).`,
  teamColumns: {
    rep: "commercial",
    wonLost: "gagnées/perdues",
    wonLostHtml: "gagnées / perdues",
    responseRate: "taux de réponse",
  },
  outliers: "Valeurs atypiques",
  flag: (f, v) =>
    f.rule === "iqr"
      ? `${v} est ${f.direction === "high" ? "au-dessus de la borne haute" : "en dessous de la borne basse"} de l'équipe`
      : `${v} est très loin du repère`,
  behaviour: "Comportements et résultats",
  fromClosedCalls: (c) => `Sur ${c} de la période liés à une affaire aujourd'hui gagnée ou perdue.`,
  bandColumns: ["temps de parole du commercial", "taux de gain (appels)", "appels", "affaires"],
  band: (label) => BANDS[label] ?? label.replace("%", " %"),
  wonLostColumns: ["médiane par appel", "affaires gagnées", "affaires perdues"],
  wonLostColumnsHtml: ["médiane par appel", "gagnées", "perdues"],
  winRateByTalk: "Taux de gain selon le temps de parole du commercial",
  bandNote: (c, deals) => `sur ${c} (${deals} affaires)`,
  page: {
    metricsHeading: "Indicateurs face aux repères",
    metricColumns: ["Indicateur", "Cet appel", "Repère", "Verdict", "Conseil"],
    verdict: { good: "Dans la cible", warn: "Hors cible", bad: "Très loin" },
    coachingSummary: "Synthèse du coaching",
    wentWell: "Points forts",
    toChange: "À changer la prochaine fois",
    noNextStep: "Aucune prochaine étape n'a été convenue pendant l'appel.",
    item: { covered: "Couvert", partly: "En partie", missed: "Manqué" },
    noObjections: "Aucune objection n'a été soulevée.",
    resolved: "Levée",
    unresolved: "Non levée",
    handling: (h) =>
      `Traitement : ${h.acknowledged ? "reconnue" : "non reconnue"}, ${h.clarified ? "clarifiée" : "non clarifiée"}, ${h.responded ? "répondue" : "sans réponse"}, ${h.confirmed ? "confirmée" : "non confirmée"}`,
    repliedAfter: (s) => ` · réponse après ${s} s`,
  },
};
