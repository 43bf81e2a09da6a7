/** French sentences of the summary and coaching lines, and the output labels. */
import type { ObjectionCategory } from "../../contract.js";
import { clock, joinList, pct } from "../list.js";
import type { CoachingText, Labels } from "../types.js";

const CATEGORY: Record<ObjectionCategory, string> = {
  price: "prix",
  timing: "calendrier",
  authority: "décideur",
  need: "besoin",
  competitor: "concurrence",
  trust: "confiance",
  other: "autre",
};

export const TEXT: CoachingText = {
  list: joinList("et"),
  spokeWith: (reps, customers, minutes) => `${reps} a échangé avec ${customers}${minutes}`,
  callBetween: (names, minutes) => `Appel entre ${names}${minutes}`,
  unknownSpeakers: "participants inconnus",
  minutes: (n) => ` (${n} min)`,
  mainPain: (q) => ` ; principal problème soulevé : « ${q} »`,
  playbookScored: (p) =>
    `le playbook « ${p.name} » obtient ${p.percent} % (${p.covered} points sur ${p.total} couverts, ${p.partly} en partie)`,
  objectionsCameUp: (n, cats, handled) =>
    `${n} objection${n === 1 ? "" : "s"} (${cats}), ${handled} bien traitée${handled === 1 ? "" : "s"}`,
  competition: (names) => `concurrence citée : ${names}`,
  nextStep: (step) => `Prochaine étape : ${step}.`,
  noNextStep: "Aucune prochaine étape concrète n'a été convenue.",
  category: (c) => CATEGORY[c],
  benchmarks: {
    talkRatio: {
      label: "Temps de parole du commercial",
      target: "43 % (35–50 %)",
      advice: (v) =>
        v < 0.35
          ? `Vous avez parlé ${pct(v)} du temps : guidez davantage, résumez ce que vous avez entendu et proposez la suite.`
          : `Vous avez parlé ${pct(v)} du temps : visez environ 43 % — posez la question, puis laissez le client parler.`,
    },
    longestMonologueSec: {
      label: "Plus long monologue du commercial",
      target: "≤ 2:30",
      advice: (v) => `Votre plus long monologue a duré ${clock(v)} : coupez-le par une question avant 2:30.`,
    },
    repQuestions: {
      label: "Questions du commercial",
      target: "11–14 par appel de découverte",
      advice: (v) =>
        v < 11
          ? `Vous avez posé ${v} questions : les appels de découverte qui aboutissent en posent 11 à 14, réparties.`
          : `Vous avez posé ${v} questions : au-delà de ~14, l'appel ressemble à un interrogatoire.`,
    },
    openQuestionShare: {
      label: "Questions ouvertes (commercial)",
      target: "≥ 50 % des questions",
      advice: (v) =>
        `${pct(v)} de vos questions étaient ouvertes : posez plus de « quoi », « comment », « racontez-moi ».`,
    },
    patienceSec: {
      label: "Patience",
      target: "≥ 1,0 s",
      advice: (v) =>
        `Vous avez répondu après ${v.toFixed(1).replace(".", ",")} s en moyenne : laissez un temps (≥ 1 s) pour que le client finisse.`,
    },
  },
  onTarget: (label, value, target) => `${label} dans la cible : ${value} (repère ${target}).`,
  coveredItems: (p) =>
    `${p.covered} points sur ${p.total} de « ${p.name} » couverts : ${p.names}${p.more > 0 ? ` et ${p.more} de plus` : ""}.`,
  avoidForbidden: (title, quote, why) =>
    `Évitez ce que le playbook interdit pour « ${title} » : vous avez dit « ${quote} ».${why ? ` ${why}` : ""}`,
  coverNextTime: (title, example) =>
    `La prochaine fois, abordez « ${title} »${example ? ` — par exemple : « ${example} »` : ""}.`,
  partlyExplored: (title, example) =>
    `« ${title} » a été évoqué sans être creusé : posez une question de relance${example ? ` comme « ${example} »` : ""}.`,
  objectionWhat: (category, text) => `l'objection « ${category} » (« ${text} »)`,
  unanswered: (what) =>
    `Traitez les objections avant d'avancer : ${what} est restée sans réponse — reconnaissez-la, demandez ce qu'il y a derrière, puis répondez avec des preuves.`,
  notAnswered: (what, did) =>
    `Quand ${what} est arrivée, vous ${did.join(" et ") || "êtes passé à autre chose"} sans y répondre : apportez une preuve (un résultat, un chiffre, une référence).`,
  did: { acknowledged: "l'avez reconnue", clarified: "avez posé une question" },
  straightToAnswer: (what) =>
    `Avant de répondre à ${what}, reconnaissez-la et posez une question de clarification — vous êtes allé droit à la réponse.`,
  checkLanded: (what) =>
    `Après avoir répondu à ${what}, vérifiez qu'elle est levée (« est-ce que cela répond à votre question ? »).`,
  handled: (what, steps) => `Bien traité ${what} : ${steps}.`,
  steps: {
    acknowledged: "reconnue",
    clarified: "clarifiée",
    responded: "réponse apportée",
    confirmed: "vérifiée",
  },
};

export const LABELS: Labels = {
  speakers: "Participants",
  callMetrics: "Indicateurs de l'appel",
  workOn: "À travailler",
  nothingStandsOut: "Rien ne ressort par rapport aux repères — continuez ainsi.",
  repQuestions: (n) => `Questions du commercial (${n})`,
  more: (n) => `… ${n} de plus (--json pour tout voir)`,
  playbook: "Playbook",
  covered: "couverts",
  partly: "en partie",
  missed: "manqués",
  objections: "Objections",
  handledShare: (p) => `, ${p} % bien traitées`,
  noneRaised: "aucune",
  resolved: "levée",
  notResolved: "non levée",
  handling: ["reconnaître", "clarifier", "répondre", "vérifier"],
  summary: "Synthèse",
  nextSteps: "Prochaines étapes",
  noNextSteps: "Aucune convenue pendant l'appel.",
  open: "ouverte",
  closed: "fermée",
  callReport: "Compte rendu d'appel",
  metrics: "Indicateurs",
  notHandled: "non traitée",
  reply: "Réponse",
  everyStepCovered: "Tous les points sont couverts.",
  onTargetAll: "Rien ne ressort : tous les indicateurs ciblés sont dans la cible.",
  speakerColumns: [
    "participant",
    "rôle",
    "parole",
    "part",
    "mots/min",
    "mots",
    "tours",
    "interr.",
    "tics",
    "questions",
  ],
  metricColumns: ["indicateur", "valeur", "repère"],
  repOpenClosed: "Questions du commercial ouvertes / fermées",
  customerOpenClosed: "Questions du client ouvertes / fermées",
  longestCustomerStory: "Plus long récit du client",
  longerIsBetter: "plus c'est long, mieux c'est",
  interactivity: "Interactivité",
  switchesPerMin: (v) => `${v} changements/min`,
  silence: "Silence",
  pauses: "Pauses ≥ 2 s (la plus longue)",
  noTimestamps: "sans horodatage",
  rolesGuessed: "rôles devinés — précisez --rep/--customer",
  rolesFrom: (source) => `rôles : ${source}`,
  engine: "Moteur de coaching",
};
