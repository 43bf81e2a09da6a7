/** German sentences of the summary and coaching lines, and the output labels. */
import type { ObjectionCategory } from "../../contract.js";
import { clock, joinList, pct } from "../list.js";
import type { CoachingText, Labels } from "../types.js";

const CATEGORY: Record<ObjectionCategory, string> = {
  price: "Preis",
  timing: "Zeitpunkt",
  authority: "Entscheidungsbefugnis",
  need: "Bedarf",
  competitor: "Wettbewerb",
  trust: "Vertrauen",
  other: "Sonstiges",
};

export const TEXT: CoachingText = {
  list: joinList("und"),
  spokeWith: (reps, customers, minutes) => `${reps} sprach mit ${customers}${minutes}`,
  callBetween: (names, minutes) => `Gespräch zwischen ${names}${minutes}`,
  unknownSpeakers: "unbekannten Teilnehmern",
  minutes: (n) => ` (${n} Min.)`,
  mainPain: (q) => `; größtes Problem: „${q}“`,
  playbookScored: (p) =>
    `Playbook „${p.name}“: ${p.percent} % (${p.covered} von ${p.total} Punkten abgedeckt, ${p.partly} teilweise)`,
  objectionsCameUp: (n, cats, handled) =>
    `${n} ${n === 1 ? "Einwand" : "Einwände"} (${cats}), ${handled} behandelt`,
  competition: (names) => `Wettbewerb erwähnt: ${names}`,
  nextStep: (step) => `Nächster Schritt: ${step}.`,
  noNextStep: "Es wurde kein konkreter nächster Schritt vereinbart.",
  category: (c) => CATEGORY[c],
  benchmarks: {
    talkRatio: {
      label: "Redeanteil Vertrieb",
      target: "43 % (35–50 %)",
      advice: (v) =>
        v < 0.35
          ? `Sie haben ${pct(v)} der Zeit gesprochen: führen Sie stärker, fassen Sie Gehörtes zusammen und schlagen Sie nächste Schritte vor.`
          : `Sie haben ${pct(v)} der Zeit gesprochen: Ziel sind etwa 43 % — fragen Sie und lassen Sie den Kunden reden.`,
    },
    longestMonologueSec: {
      label: "Längster Monolog Vertrieb",
      target: "≤ 2:30",
      advice: (v) =>
        `Ihr längster Monolog dauerte ${clock(v)}: unterbrechen Sie ihn vor 2:30 mit einer Frage.`,
    },
    repQuestions: {
      label: "Fragen Vertrieb",
      target: "11–14 pro Erstgespräch",
      advice: (v) =>
        v < 11
          ? `Sie haben ${v} Fragen gestellt: erfolgreiche Erstgespräche haben 11–14, über das Gespräch verteilt.`
          : `Sie haben ${v} Fragen gestellt: ab ~14 wirkt ein Erstgespräch wie ein Verhör.`,
    },
    openQuestionShare: {
      label: "Offene Fragen (Vertrieb)",
      target: "≥ 50 % der Fragen",
      advice: (v) => `${pct(v)} Ihrer Fragen waren offen: fragen Sie öfter „was“, „wie“, „erzählen Sie“.`,
    },
    patienceSec: {
      label: "Geduld",
      target: "≥ 1,0 s",
      advice: (v) =>
        `Sie haben im Schnitt nach ${v.toFixed(1).replace(".", ",")} s geantwortet: warten Sie kurz (≥ 1 s), bis der Kunde ausgeredet hat.`,
    },
  },
  onTarget: (label, value, target) => `${label} im Zielbereich: ${value} (Richtwert ${target}).`,
  coveredItems: (p) =>
    `${p.covered} von ${p.total} Punkten aus „${p.name}“ abgedeckt: ${p.names}${p.more > 0 ? ` und ${p.more} weitere` : ""}.`,
  avoidForbidden: (title, quote, why) =>
    `Vermeiden Sie, was das Playbook bei „${title}“ verbietet: Sie sagten „${quote}“.${why ? ` ${why}` : ""}`,
  coverNextTime: (title, example) =>
    `Sprechen Sie nächstes Mal „${title}“ an${example ? ` — zum Beispiel: „${example}“` : ""}.`,
  partlyExplored: (title, example) =>
    `„${title}“ kam zur Sprache, wurde aber nicht vertieft: stellen Sie eine Nachfrage${example ? ` wie „${example}“` : ""}.`,
  objectionWhat: (category, text) => `den Einwand „${category}“ („${text}“)`,
  unanswered: (what) =>
    `Beantworten Sie Einwände, bevor Sie weitergehen: auf ${what} kam keine Antwort — würdigen Sie ihn, fragen Sie nach dem Hintergrund und antworten Sie mit Belegen.`,
  notAnswered: (what, did) =>
    `Auf ${what} haben Sie ${did.join(" und ") || "nicht reagiert"}, ihn aber nie beantwortet: liefern Sie einen Beleg (ein Ergebnis, eine Zahl, eine Referenz).`,
  did: { acknowledged: "verständnisvoll reagiert", clarified: "nachgefragt" },
  straightToAnswer: (what) =>
    `Bevor Sie auf ${what} antworten, würdigen Sie ihn und stellen eine klärende Frage — Sie sind direkt zur Antwort übergegangen.`,
  checkLanded: (what) =>
    `Prüfen Sie nach Ihrer Antwort auf ${what}, ob er ausgeräumt ist („beantwortet das Ihre Frage?“).`,
  handled: (what, steps) => `Gut behandelt haben Sie ${what}: ${steps}.`,
  steps: {
    acknowledged: "gewürdigt",
    clarified: "nachgefragt",
    responded: "beantwortet",
    confirmed: "rückversichert",
  },
};

export const LABELS: Labels = {
  speakers: "Teilnehmer",
  callMetrics: "Gesprächskennzahlen",
  workOn: "Daran arbeiten",
  nothingStandsOut: "Gegenüber den Richtwerten fällt nichts auf — weiter so.",
  repQuestions: (n) => `Fragen Vertrieb (${n})`,
  more: (n) => `… ${n} weitere (alle mit --json)`,
  playbook: "Playbook",
  covered: "abgedeckt",
  partly: "teilweise",
  missed: "verpasst",
  objections: "Einwände",
  handledShare: (p) => `, ${p} % behandelt`,
  noneRaised: "keine",
  resolved: "ausgeräumt",
  notResolved: "nicht ausgeräumt",
  handling: ["würdigen", "nachfragen", "beantworten", "rückversichern"],
  summary: "Zusammenfassung",
  nextSteps: "Nächste Schritte",
  noNextSteps: "Im Gespräch keine vereinbart.",
  open: "offen",
  closed: "geschlossen",
  callReport: "Gesprächsbericht",
  metrics: "Kennzahlen",
  notHandled: "nicht behandelt",
  reply: "Antwort",
  everyStepCovered: "Alle Punkte abgedeckt.",
  onTargetAll: "Nichts fällt auf: alle Kennzahlen mit Ziel liegen im Zielbereich.",
  speakerColumns: [
    "Teilnehmer",
    "Rolle",
    "Redezeit",
    "Anteil",
    "WpM",
    "Wörter",
    "Beiträge",
    "Unterbr.",
    "Füllwörter",
    "Fragen",
  ],
  metricColumns: ["Kennzahl", "Wert", "Richtwert"],
  repOpenClosed: "Fragen Vertrieb offen / geschlossen",
  customerOpenClosed: "Fragen Kunde offen / geschlossen",
  longestCustomerStory: "Längste Schilderung des Kunden",
  longerIsBetter: "länger ist besser",
  interactivity: "Interaktivität",
  switchesPerMin: (v) => `${v} Wechsel/Min.`,
  silence: "Stille",
  pauses: "Pausen ≥ 2 s (längste)",
  noTimestamps: "ohne Zeitstempel",
  rolesGuessed: "Rollen geschätzt — mit --rep/--customer festlegen",
  rolesFrom: (source) => `Rollen aus ${source}`,
  engine: "Coaching-Engine",
};
