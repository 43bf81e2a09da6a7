/** German words of the reports. */
import { benchmarkTexts } from "../list.js";
import type { ReportText } from "../types.js";
import { TEXT } from "./text.js";

const calls = (n: number): string => `${n} ${n === 1 ? "Gespräch" : "Gespräche"}`;
const BANDS: Record<string, string> = { "under 35%": "unter 35 %", "65% and over": "65 % und mehr" };

export const REPORT: ReportText = {
  metrics: {
    ...benchmarkTexts(TEXT.benchmarks, "label"),
    interactivity: "Interaktivität (Wechsel/Min.)",
    repFillersPerMin: "Füllwörter des Verkäufers pro Minute",
    playbookScore: "Playbook-Abdeckung",
  },
  targets: benchmarkTexts(TEXT.benchmarks, "target"),
  suggestedLines: {
    talkRatio: "„Bevor ich weitermache: Wie verhält sich das zu dem, wie Sie es heute machen?“",
    longestMonologueSec: "„Ich halte hier kurz an: Welcher Teil ist für Ihr Team am wichtigsten?“",
    repQuestions: "„Erzählen Sie mal: Was passiert heute, wenn eine neue Anfrage reinkommt?“",
    patienceSec: "Zählen Sie einen Atemzug, wenn der Kunde aufhört, dann: „Erzählen Sie mehr darüber.“",
  },
  habitTitle: (label, value, target) => `${label}: ${value} (Richtwert ${target})`,
  fromCoaching: "aus dem Coaching des Gesprächs",
  try: "Versuchen Sie",
  noRep: "ohne Verkäufer",
  calls,
  teamMedians: (c) => `Team-Mediane der letzten 90 Tage (${c})`,
  callColumns: ["Kennzahl", "dieses Gespräch", "Team-Median", "Richtwert"],
  timelineNote: (turns, questions, objections) =>
    `Zeitleiste: ${turns} Redebeiträge, ${questions} Fragen, ${objections} Einwände (siehe HTML-Bericht).`,
  timelineLegend:
    "Blau: Verkäufer · grün: Kunde · ● offene / ○ geschlossene Frage · ▲ Einwand (gefüllt, wenn ausgeräumt)",
  timelineSvg: {
    title: "Wer wann sprach, mit Fragen (Kreise) und Einwänden (Dreiecke)",
    question: (kind, at) => `${kind === "open" ? "offene" : "geschlossene"} Frage bei ${at}`,
    objection: (category, at, resolved) => `Einwand (${category}) bei ${at}${resolved ? ", ausgeräumt" : ""}`,
  },
  repReview: "Verkäufer-Review",
  period: (from, to, tz) => `${from} bis ${to} (ausschließlich), ${tz}`,
  previousPeriod: (c) => `Vorperiode: ${c}`,
  dealsClosed: (won, lost) => `abgeschlossene Deals: ${won} gewonnen, ${lost} verloren`,
  dealsClosedInPeriod: (won, lost) => `Im Zeitraum abgeschlossene Deals: ${won} gewonnen, ${lost} verloren.`,
  winRate: "Abschlussquote",
  callMetrics: "Gesprächskennzahlen",
  spreadNote: "Median (p25–p75, n Gespräche mit der Kennzahl); der Median des Teams im selben Zeitraum.",
  reviewColumns: ["Kennzahl", "dieser Zeitraum", "vorher", "Team", "Richtwert"],
  medianSpread: "Median (p25–p75, n)",
  movedMost: "Größte Veränderung",
  movedMostSince: "Größte Veränderung seit der Vorperiode",
  weekByWeek: "Woche für Woche",
  week: "Woche",
  callsColumn: "Gespräche",
  callsPerWeek: "Gespräche pro Woche",
  outcomes: "Ergebnisse",
  outcomeLine: (win, conv, resp, lead) =>
    `Abschlussquote ${win} · Konversion ${conv} · Antwortquote ${resp} · Median der Lead-Reaktionszeit ${lead}`,
  topPerformers: "Was die Besten anders machen",
  noComparison: (eligible, min) =>
    `Kein Vergleich: nur ${eligible} Verkäufer haben im Zeitraum mindestens ${min} Deals abgeschlossen; ein oberes Quartil braucht 4.`,
  topQuartile: (eligible, min, names) =>
    `Oberes Quartil nach Abschlussquote unter ${eligible} Verkäufern mit ≥ ${min} abgeschlossenen Deals: ${names}`,
  topRep: (name, winRate, closed) => `${name} (${winRate} von ${closed})`,
  topColumns: ["Kennzahl", "die Besten", "alle anderen", "Sie"],
  teamReport: "Teambericht",
  reps: "Verkäufer",
  repsNote: (min) =>
    `Mediane pro Verkäufer (n = Gespräche). ⚑ = Ausreißer (außerhalb 1,5 × IQR der Verkäufer-Mediane oder weit vom veröffentlichten Richtwert; Verkäufer mit ≥ ${min} Gesprächen).`,
  repsNoteHtml: (min, flag) =>
    `Mediane pro Verkäufer. ${flag} Ausreißer: außerhalb 1,5 × IQR der Verkäufer-Mediane oder weit vom veröffentlichten Richtwert (Verkäufer mit ≥ ${min} Gesprächen).`,
  teamColumns: {
    rep: "Verkäufer",
    wonLost: "gewonnen/verloren",
    wonLostHtml: "gewonnen / verloren",
    responseRate: "Antwortquote",
  },
  outliers: "Ausreißer",
  flag: (f, v) =>
    f.rule === "iqr"
      ? `${v} liegt ${f.direction === "high" ? "über dem oberen" : "unter dem unteren"} Zaun des Teams`
      : `${v} liegt weit vom Richtwert entfernt`,
  behaviour: "Verhalten und Ergebnisse",
  fromClosedCalls: (c) =>
    `Grundlage: Gespräche des Zeitraums, die mit einem inzwischen gewonnenen oder verlorenen Deal verknüpft sind (${c}).`,
  bandColumns: ["Redeanteil des Verkäufers", "Abschlussquote (Gespräche)", "Gespräche", "Deals"],
  band: (label) => BANDS[label] ?? label.replace("%", " %"),
  wonLostColumns: ["Median pro Gespräch", "gewonnene Deals", "verlorene Deals"],
  wonLostColumnsHtml: ["Median pro Gespräch", "gewonnen", "verloren"],
  winRateByTalk: "Abschlussquote nach Redeanteil des Verkäufers",
  bandNote: (c, deals) => `(${c}, ${deals} Deals)`,
  page: {
    metricsHeading: "Kennzahlen gegen die Richtwerte",
    metricColumns: ["Kennzahl", "Dieses Gespräch", "Richtwert", "Bewertung", "Tipp"],
    verdict: { good: "Im Ziel", warn: "Außerhalb", bad: "Weit entfernt" },
    coachingSummary: "Coaching-Zusammenfassung",
    wentWell: "Lief gut",
    toChange: "Nächstes Mal anders",
    noNextStep: "Im Gespräch wurde kein nächster Schritt vereinbart.",
    item: { covered: "Abgedeckt", partly: "Teilweise", missed: "Fehlt" },
    noObjections: "Es kamen keine Einwände.",
    resolved: "Ausgeräumt",
    unresolved: "Offen",
    handling: (h) =>
      `Behandlung: ${h.acknowledged ? "anerkannt" : "nicht anerkannt"}, ${h.clarified ? "nachgefragt" : "nicht nachgefragt"}, ${h.responded ? "beantwortet" : "keine Antwort"}, ${h.confirmed ? "bestätigt" : "nicht bestätigt"}`,
    repliedAfter: (s) => ` · Antwort nach ${s} s`,
  },
};
