/** Portuguese words of the reports. */
import { benchmarkTexts } from "../list.js";
import type { ReportText } from "../types.js";
import { TEXT } from "./text.js";

const calls = (n: number): string => `${n} ligaç${n === 1 ? "ão" : "ões"}`;
const BANDS: Record<string, string> = { "under 35%": "menos de 35%", "65% and over": "65% ou mais" };

export const REPORT: ReportText = {
  metrics: {
    ...benchmarkTexts(TEXT.benchmarks, "label"),
    interactivity: "Interatividade (trocas/min)",
    repFillersPerMin: "Vícios de linguagem do vendedor por minuto",
    playbookScore: "Aderência ao playbook",
  },
  targets: benchmarkTexts(TEXT.benchmarks, "target"),
  suggestedLines: {
    talkRatio: "“Antes de continuar: como isso se compara com o jeito que vocês fazem hoje?”",
    longestMonologueSec: "“Deixa eu parar aqui: qual parte disso importa mais para a sua equipe?”",
    repQuestions: "“Me conta o que acontece hoje quando chega um pedido novo?”",
    patienceSec: "Conte uma respiração depois que o cliente parar e então: “Me conta mais sobre isso.”",
  },
  habitTitle: (label, value, target) => `${label}: ${value} (referência ${target})`,
  fromCoaching: "do coaching da ligação",
  try: "Experimente",
  noRep: "sem vendedor",
  calls,
  teamMedians: (c) => `medianas da equipe sobre ${c} dos últimos 90 dias`,
  callColumns: ["métrica", "esta ligação", "mediana da equipe", "referência"],
  timelineNote: (turns, questions, objections) =>
    `Linha do tempo: ${turns} turnos, ${questions} perguntas, ${objections} objeções (veja o relatório HTML).`,
  timelineLegend:
    "Azul: vendedor · verde: cliente · ● pergunta aberta / ○ fechada · ▲ objeção (preenchida quando resolvida)",
  timelineSvg: {
    title: "Quem falou quando, com perguntas (círculos) e objeções (triângulos)",
    question: (kind, at) => `pergunta ${kind === "open" ? "aberta" : "fechada"} em ${at}`,
    objection: (category, at, resolved) => `objeção de ${category} em ${at}${resolved ? ", resolvida" : ""}`,
  },
  repReview: "Revisão do vendedor",
  period: (from, to, tz) => `de ${from} a ${to} (exclusive), ${tz}`,
  previousPeriod: (c) => `período anterior: ${c}`,
  dealsClosed: (won, lost) => `negócios fechados: ${won} ganhos, ${lost} perdidos`,
  dealsClosedInPeriod: (won, lost) => `Negócios fechados no período: ${won} ganhos, ${lost} perdidos.`,
  winRate: "taxa de ganho",
  callMetrics: "Métricas das ligações",
  spreadNote: "Mediana (p25–p75, n ligações com a métrica); a mediana da equipe no mesmo período.",
  reviewColumns: ["métrica", "este período", "anterior", "equipe", "referência"],
  medianSpread: "mediana (p25–p75, n)",
  movedMost: "O que mais mudou",
  movedMostSince: "O que mais mudou desde o período anterior",
  weekByWeek: "Semana a semana",
  week: "semana",
  callsColumn: "ligações",
  callsPerWeek: "Ligações por semana",
  outcomes: "Resultados",
  outcomeLine: (win, conv, resp, lead) =>
    `Taxa de ganho ${win} · conversão ${conv} · taxa de resposta ${resp} · mediana de resposta a leads ${lead}`,
  topPerformers: "O que os melhores fazem de diferente",
  noComparison: (eligible, min) =>
    `Sem comparação: só ${eligible} vendedor(es) fecharam pelo menos ${min} negócios no período; o quartil superior precisa de 4.`,
  topQuartile: (eligible, min, names) =>
    `Quartil superior por taxa de ganho entre ${eligible} vendedores com ≥ ${min} negócios fechados: ${names}`,
  topRep: (name, winRate, closed) => `${name} (${winRate} de ${closed})`,
  topColumns: ["métrica", "os melhores", "os demais", "você"],
  teamReport: "Relatório da equipe",
  reps: "Vendedores",
  repsNote: (min) =>
    `Medianas por vendedor (n = ligações). ⚑ = fora da curva (além de 1,5 × IQR das medianas dos vendedores, ou muito longe da referência publicada; vendedores com ≥ ${min} ligações).`,
  repsNoteHtml: (min, flag) =>
    `Medianas por vendedor. ${flag} fora da curva: além de 1,5 × IQR das medianas dos vendedores ou muito longe da referência publicada (vendedores com ≥ ${min} ligações).`,
  teamColumns: {
    rep: "vendedor",
    wonLost: "ganhos/perdidos",
    wonLostHtml: "ganhos / perdidos",
    responseRate: "taxa de resposta",
  },
  outliers: "Fora da curva",
  flag: (f, v) =>
    f.rule === "iqr"
      ? `${v} está ${f.direction === "high" ? "acima do limite superior" : "abaixo do limite inferior"} da equipe`
      : `${v} está muito longe da referência`,
  behaviour: "Comportamento e resultados",
  fromClosedCalls: (c) => `Sobre ${c} do período ligadas a um negócio que hoje está ganho ou perdido.`,
  bandColumns: ["fala do vendedor", "taxa de ganho (ligações)", "ligações", "negócios"],
  band: (label) => BANDS[label] ?? label,
  wonLostColumns: ["mediana por ligação", "negócios ganhos", "negócios perdidos"],
  wonLostColumnsHtml: ["mediana por ligação", "ganhos", "perdidos"],
  winRateByTalk: "Taxa de ganho pela fala do vendedor",
  bandNote: (c, deals) => `de ${c} (${deals} negócios)`,
  page: {
    metricsHeading: "Métricas frente às referências",
    metricColumns: ["Métrica", "Esta ligação", "Referência", "Avaliação", "Conselho"],
    verdict: { good: "Na meta", warn: "Fora da meta", bad: "Muito longe" },
    coachingSummary: "Resumo do coaching",
    wentWell: "Foi bem",
    toChange: "Para mudar da próxima vez",
    noNextStep: "Nenhum próximo passo foi combinado na ligação.",
    item: { covered: "Coberto", partly: "Em parte", missed: "Faltou" },
    noObjections: "Nenhuma objeção surgiu.",
    resolved: "Resolvida",
    unresolved: "Não resolvida",
    handling: (h) =>
      `Tratamento: ${h.acknowledged ? "reconhecida" : "não reconhecida"}, ${h.clarified ? "esclarecida" : "não esclarecida"}, ${h.responded ? "respondida" : "sem resposta"}, ${h.confirmed ? "confirmada" : "não confirmada"}`,
    repliedAfter: (s) => ` · resposta após ${s} s`,
  },
};
