/** Portuguese sentences of the summary and coaching lines, and the output labels. */
import type { ObjectionCategory } from "../../contract.js";
import { clock, joinList, pct } from "../list.js";
import type { CoachingText, Labels } from "../types.js";

const CATEGORY: Record<ObjectionCategory, string> = {
  price: "preço",
  timing: "momento",
  authority: "autoridade",
  need: "necessidade",
  competitor: "concorrência",
  trust: "confiança",
  other: "outra",
};

export const TEXT: CoachingText = {
  list: joinList("e"),
  spokeWith: (reps, customers, minutes) => `${reps} conversou com ${customers}${minutes}`,
  callBetween: (names, minutes) => `Ligação entre ${names}${minutes}`,
  unknownSpeakers: "participantes desconhecidos",
  minutes: (n) => ` (${n} min)`,
  mainPain: (q) => `; a principal dor levantada: «${q}»`,
  playbookScored: (p) =>
    `o playbook «${p.name}» ficou em ${p.percent}% (${p.covered} de ${p.total} itens cobertos, ${p.partly} em parte)`,
  objectionsCameUp: (n, cats, handled) =>
    `${n === 1 ? "surgiu 1 objeção" : `surgiram ${n} objeções`} (${cats}), ${handled} bem tratada${handled === 1 ? "" : "s"}`,
  competition: (names) => `concorrência mencionada: ${names}`,
  nextStep: (step) => `Próximo passo: ${step}.`,
  noNextStep: "Nenhum próximo passo concreto foi combinado.",
  category: (c) => CATEGORY[c],
  benchmarks: {
    talkRatio: {
      label: "Tempo de fala do vendedor",
      target: "43% (35–50%)",
      advice: (v) =>
        v < 0.35
          ? `Você falou ${pct(v)} do tempo: conduza mais, resuma o que ouviu e proponha próximos passos.`
          : `Você falou ${pct(v)} do tempo: mire em 43% — pergunte e deixe o cliente falar.`,
    },
    longestMonologueSec: {
      label: "Monólogo mais longo do vendedor",
      target: "≤ 2:30",
      advice: (v) => `Seu monólogo mais longo durou ${clock(v)}: interrompa com uma pergunta antes de 2:30.`,
    },
    repQuestions: {
      label: "Perguntas do vendedor",
      target: "11–14 por ligação de descoberta",
      advice: (v) =>
        v < 11
          ? `Você fez ${v} perguntas: ligações de descoberta que convertem fazem 11–14, ao longo da conversa.`
          : `Você fez ${v} perguntas: acima de ~14 a ligação começa a parecer um interrogatório.`,
    },
    openQuestionShare: {
      label: "Perguntas abertas (vendedor)",
      target: "≥ 50% das perguntas",
      advice: (v) => `${pct(v)} das suas perguntas foram abertas: pergunte mais «o quê», «como», «me conta».`,
    },
    patienceSec: {
      label: "Paciência",
      target: "≥ 1,0 s",
      advice: (v) =>
        `Você respondeu após ${v.toFixed(1).replace(".", ",")} s em média: espere um pouco (≥ 1 s) para o cliente terminar.`,
    },
  },
  onTarget: (label, value, target) => `${label} dentro da meta: ${value} (referência ${target}).`,
  coveredItems: (p) =>
    `Cobriu ${p.covered} de ${p.total} itens de «${p.name}»: ${p.names}${p.more > 0 ? ` e mais ${p.more}` : ""}.`,
  avoidForbidden: (title, quote, why) =>
    `Evite o que o playbook proíbe em «${title}»: você disse «${quote}».${why ? ` ${why}` : ""}`,
  coverNextTime: (title, example) =>
    `Na próxima vez, cubra «${title}»${example ? ` — por exemplo: «${example}»` : ""}.`,
  partlyExplored: (title, example) =>
    `«${title}» apareceu, mas você não explorou: faça uma pergunta de acompanhamento${example ? ` como «${example}»` : ""}.`,
  objectionWhat: (category, text) => `a objeção de ${category} («${text}»)`,
  unanswered: (what) =>
    `Responda as objeções antes de seguir: ${what} ficou sem resposta — reconheça, pergunte o que há por trás e responda com provas.`,
  notAnswered: (what, did) =>
    `Quando surgiu ${what}, você ${did.join(" e ") || "seguiu em frente"}, mas não respondeu: responda com provas (um resultado, um número, uma referência).`,
  did: { acknowledged: "reconheceu", clarified: "perguntou sobre ela" },
  straightToAnswer: (what) =>
    `Antes de responder ${what}, reconheça e faça uma pergunta de esclarecimento — você foi direto à resposta.`,
  checkLanded: (what) => `Depois de responder ${what}, confirme se resolveu («isso resolve?»).`,
  handled: (what, steps) => `Bem tratada ${what}: ${steps}.`,
  steps: {
    acknowledged: "reconhecida",
    clarified: "esclarecida",
    responded: "respondida",
    confirmed: "confirmada",
  },
};

export const LABELS: Labels = {
  speakers: "Participantes",
  callMetrics: "Métricas da ligação",
  workOn: "Para melhorar",
  nothingStandsOut: "Nada se destaca frente às referências — continue assim.",
  repQuestions: (n) => `Perguntas do vendedor (${n})`,
  more: (n) => `… mais ${n} (use --json para ver todas)`,
  playbook: "Playbook",
  covered: "cobertos",
  partly: "em parte",
  missed: "faltando",
  objections: "Objeções",
  handledShare: (p) => `, ${p}% bem tratadas`,
  noneRaised: "nenhuma",
  resolved: "resolvida",
  notResolved: "não resolvida",
  handling: ["reconhecer", "esclarecer", "responder", "confirmar"],
  summary: "Resumo",
  nextSteps: "Próximos passos",
  noNextSteps: "Nenhum combinado na ligação.",
  open: "aberta",
  closed: "fechada",
  callReport: "Relatório da ligação",
  metrics: "Métricas",
  notHandled: "não tratada",
  reply: "Resposta",
  everyStepCovered: "Todos os itens cobertos.",
  onTargetAll: "Nada se destaca: todas as métricas com meta estão na meta.",
  speakerColumns: [
    "participante",
    "papel",
    "fala",
    "parcela",
    "ppm",
    "palavras",
    "turnos",
    "interr.",
    "vícios",
    "perguntas",
  ],
  metricColumns: ["métrica", "valor", "referência"],
  repOpenClosed: "Perguntas do vendedor abertas / fechadas",
  customerOpenClosed: "Perguntas do cliente abertas / fechadas",
  longestCustomerStory: "Relato mais longo do cliente",
  longerIsBetter: "quanto mais longo, melhor",
  interactivity: "Interatividade",
  switchesPerMin: (v) => `${v} trocas/min`,
  silence: "Silêncio",
  pauses: "Pausas ≥ 2 s (a mais longa)",
  noTimestamps: "sem marcações de tempo",
  rolesGuessed: "papéis deduzidos — use --rep/--customer para ter certeza",
  rolesFrom: (source) => `papéis de ${source}`,
  engine: "Motor de coaching",
};
