/** Spanish words of the reports. */
import { benchmarkTexts } from "../list.js";
import type { ReportText } from "../types.js";
import { TEXT } from "./text.js";

const calls = (n: number): string => `${n} llamada${n === 1 ? "" : "s"}`;
const BANDS: Record<string, string> = { "under 35%": "menos del 35%", "65% and over": "65% o más" };

export const REPORT: ReportText = {
  metrics: {
    ...benchmarkTexts(TEXT.benchmarks, "label"),
    interactivity: "Interactividad (cambios/min)",
    repFillersPerMin: "Muletillas del vendedor por minuto",
    playbookScore: "Cumplimiento del playbook",
  },
  targets: benchmarkTexts(TEXT.benchmarks, "target"),
  suggestedLines: {
    talkRatio: "«Antes de seguir, ¿cómo se compara esto con la forma en que lo hacen hoy?»",
    longestMonologueSec: "«Me detengo aquí: ¿qué parte de esto es la más importante para su equipo?»",
    repQuestions: "«Cuénteme qué pasa hoy cuando llega una solicitud nueva.»",
    patienceSec: "Cuenta una respiración cuando el cliente termine y luego: «Cuénteme más sobre eso».",
  },
  habitTitle: (label, value, target) => `${label}: ${value} (referencia ${target})`,
  fromCoaching: "del coaching de la llamada",
  try: "Prueba",
  noRep: "sin vendedor",
  calls,
  teamMedians: (c) => `medianas del equipo sobre ${c} de los últimos 90 días`,
  callColumns: ["métrica", "esta llamada", "mediana del equipo", "referencia"],
  timelineNote: (turns, questions, objections) =>
    `Cronología: ${turns} turnos, ${questions} preguntas, ${objections} objeciones (ver el informe HTML).`,
  timelineLegend:
    "Azul: vendedor · verde: cliente · ● pregunta abierta / ○ cerrada · ▲ objeción (rellena si se resolvió)",
  timelineSvg: {
    title: "Quién habló cuándo, con preguntas (círculos) y objeciones (triángulos)",
    question: (kind, at) => `pregunta ${kind === "open" ? "abierta" : "cerrada"} en ${at}`,
    objection: (category, at, resolved) => `objeción de ${category} en ${at}${resolved ? ", resuelta" : ""}`,
  },
  repReview: "Revisión del vendedor",
  period: (from, to, tz) => `del ${from} al ${to} (sin incluir), ${tz}`,
  previousPeriod: (c) => `periodo anterior: ${c}`,
  dealsClosed: (won, lost) => `oportunidades cerradas: ${won} ganadas, ${lost} perdidas`,
  dealsClosedInPeriod: (won, lost) =>
    `Oportunidades cerradas en el periodo: ${won} ganadas, ${lost} perdidas.`,
  winRate: "tasa de cierre",
  callMetrics: "Métricas de las llamadas",
  spreadNote: "Mediana (p25–p75, n llamadas con la métrica); la mediana del equipo en el mismo periodo.",
  reviewColumns: ["métrica", "este periodo", "anterior", "equipo", "referencia"],
  medianSpread: "mediana (p25–p75, n)",
  movedMost: "Lo que más cambió",
  movedMostSince: "Lo que más cambió desde el periodo anterior",
  weekByWeek: "Semana a semana",
  week: "semana",
  callsColumn: "llamadas",
  callsPerWeek: "Llamadas por semana",
  outcomes: "Resultados",
  outcomeLine: (win, conv, resp, lead) =>
    `Tasa de cierre ${win} · conversión ${conv} · tasa de respuesta ${resp} · mediana de respuesta a leads ${lead}`,
  topPerformers: "Qué hacen distinto los mejores",
  noComparison: (eligible, min) =>
    `Sin comparación: solo ${eligible} vendedor(es) cerraron al menos ${min} oportunidades en el periodo; el cuartil superior necesita 4.`,
  topQuartile: (eligible, min, names) =>
    `Cuartil superior por tasa de cierre entre ${eligible} vendedores con ≥ ${min} oportunidades cerradas: ${names}`,
  topRep: (name, winRate, closed) => `${name} (${winRate} de ${closed})`,
  topColumns: ["métrica", "los mejores", "el resto", "tú"],
  teamReport: "Informe del equipo",
  reps: "Vendedores",
  repsNote: (min) =>
    `Medianas por vendedor (n = llamadas). ⚑ = valor atípico (fuera de 1,5 × IQR de las medianas de los vendedores, o muy lejos de la referencia publicada; vendedores con ≥ ${min} llamadas).`,
  repsNoteHtml: (min, flag) =>
    `Medianas por vendedor. ${flag} valor atípico: fuera de 1,5 × IQR de las medianas de los vendedores o muy lejos de la referencia publicada (vendedores con ≥ ${min} llamadas).`,
  teamColumns: {
    rep: "vendedor",
    wonLost: "ganadas/perdidas",
    wonLostHtml: "ganadas / perdidas",
    responseRate: "tasa de respuesta",
  },
  outliers: "Valores atípicos",
  flag: (f, v) =>
    f.rule === "iqr"
      ? `${v} está ${f.direction === "high" ? "por encima del límite superior" : "por debajo del límite inferior"} del equipo`
      : `${v} está muy lejos de la referencia`,
  behaviour: "Comportamiento y resultados",
  fromClosedCalls: (c) =>
    `Sobre ${c} del periodo vinculadas a una oportunidad que hoy está ganada o perdida.`,
  bandColumns: ["tiempo de habla del vendedor", "tasa de cierre (llamadas)", "llamadas", "oportunidades"],
  band: (label) => BANDS[label] ?? label,
  wonLostColumns: ["mediana por llamada", "oportunidades ganadas", "oportunidades perdidas"],
  wonLostColumnsHtml: ["mediana por llamada", "ganadas", "perdidas"],
  winRateByTalk: "Tasa de cierre según el tiempo de habla del vendedor",
  bandNote: (c, deals) => `de ${c} (${deals} oportunidades)`,
  page: {
    metricsHeading: "Métricas frente a las referencias",
    metricColumns: ["Métrica", "Esta llamada", "Referencia", "Valoración", "Consejo"],
    verdict: { good: "En objetivo", warn: "Fuera de objetivo", bad: "Muy lejos" },
    coachingSummary: "Resumen del coaching",
    wentWell: "Salió bien",
    toChange: "A cambiar la próxima vez",
    noNextStep: "No se acordó un próximo paso en la llamada.",
    item: { covered: "Cubierto", partly: "En parte", missed: "Omitido" },
    noObjections: "No surgieron objeciones.",
    resolved: "Resuelta",
    unresolved: "Sin resolver",
    handling: (h) =>
      `Tratamiento: ${h.acknowledged ? "reconocida" : "no reconocida"}, ${h.clarified ? "aclarada" : "no aclarada"}, ${h.responded ? "respondida" : "sin respuesta"}, ${h.confirmed ? "confirmada" : "no confirmada"}`,
    repliedAfter: (s) => ` · respuesta tras ${s} s`,
  },
};
