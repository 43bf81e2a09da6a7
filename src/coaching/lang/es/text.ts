/** Spanish sentences of the summary and coaching lines, and the output labels. */
import type { ObjectionCategory } from "../../contract.js";
import { clock, joinList, pct } from "../list.js";
import type { CoachingText, Labels } from "../types.js";

const CATEGORY: Record<ObjectionCategory, string> = {
  price: "precio",
  timing: "momento",
  authority: "autoridad",
  need: "necesidad",
  competitor: "competencia",
  trust: "confianza",
  other: "otra",
};

export const TEXT: CoachingText = {
  list: joinList("y"),
  spokeWith: (reps, customers, minutes) => `${reps} habló con ${customers}${minutes}`,
  callBetween: (names, minutes) => `Llamada entre ${names}${minutes}`,
  unknownSpeakers: "participantes desconocidos",
  minutes: (n) => ` (${n} min)`,
  mainPain: (q) => `; el principal problema planteado: «${q}»`,
  playbookScored: (p) =>
    `el playbook «${p.name}» obtuvo un ${p.percent}% (${p.covered} de ${p.total} puntos cubiertos, ${p.partly} en parte)`,
  objectionsCameUp: (n, cats, handled) =>
    `${n === 1 ? "surgió 1 objeción" : `surgieron ${n} objeciones`} (${cats}), ${handled} bien tratada${handled === 1 ? "" : "s"}`,
  competition: (names) => `competencia mencionada: ${names}`,
  nextStep: (step) => `Próximo paso: ${step}.`,
  noNextStep: "No se acordó un próximo paso concreto.",
  category: (c) => CATEGORY[c],
  benchmarks: {
    talkRatio: {
      label: "Tiempo de habla del vendedor",
      target: "43% (35–50%)",
      advice: (v) =>
        v < 0.35
          ? `Hablaste el ${pct(v)} del tiempo: guía más la conversación, resume lo que oíste y propone próximos pasos.`
          : `Hablaste el ${pct(v)} del tiempo: apunta a un 43 % — pregunta y deja hablar al cliente.`,
    },
    longestMonologueSec: {
      label: "Monólogo más largo del vendedor",
      target: "≤ 2:30",
      advice: (v) => `Tu monólogo más largo duró ${clock(v)}: córtalo con una pregunta antes de 2:30.`,
    },
    repQuestions: {
      label: "Preguntas del vendedor",
      target: "11–14 por llamada de descubrimiento",
      advice: (v) =>
        v < 11
          ? `Hiciste ${v} preguntas: las llamadas de descubrimiento que convierten hacen 11–14, repartidas.`
          : `Hiciste ${v} preguntas: pasadas ~14, la llamada empieza a parecer un interrogatorio.`,
    },
    openQuestionShare: {
      label: "Preguntas abiertas (vendedor)",
      target: "≥ 50% de las preguntas",
      advice: (v) => `El ${pct(v)} de tus preguntas fueron abiertas: pregunta más «qué», «cómo», «cuénteme».`,
    },
    patienceSec: {
      label: "Paciencia",
      target: "≥ 1,0 s",
      advice: (v) =>
        `Respondiste tras ${v.toFixed(1).replace(".", ",")} s de media: espera un momento (≥ 1 s) para que el cliente termine.`,
    },
  },
  onTarget: (label, value, target) => `${label} en objetivo: ${value} (referencia ${target}).`,
  coveredItems: (p) =>
    `Cubriste ${p.covered} de ${p.total} puntos de «${p.name}»: ${p.names}${p.more > 0 ? ` y ${p.more} más` : ""}.`,
  avoidForbidden: (title, quote, why) =>
    `Evita lo que el playbook prohíbe en «${title}»: dijiste «${quote}».${why ? ` ${why}` : ""}`,
  coverNextTime: (title, example) =>
    `La próxima vez cubre «${title}»${example ? ` — por ejemplo: «${example}»` : ""}.`,
  partlyExplored: (title, example) =>
    `«${title}» salió pero no lo exploraste: haz una pregunta de seguimiento${example ? ` como «${example}»` : ""}.`,
  objectionWhat: (category, text) => `la objeción de ${category} («${text}»)`,
  unanswered: (what) =>
    `Responde las objeciones antes de seguir: ${what} quedó sin respuesta — reconócela, pregunta qué hay detrás y responde con pruebas.`,
  notAnswered: (what, did) =>
    `Cuando surgió ${what}, ${did.join(" y ") || "seguiste adelante"} pero no la respondiste: responde con pruebas (un resultado, una cifra, una referencia).`,
  did: { acknowledged: "la reconociste", clarified: "preguntaste por ella" },
  straightToAnswer: (what) =>
    `Antes de responder ${what}, reconócela y haz una pregunta aclaratoria — fuiste directo a la respuesta.`,
  checkLanded: (what) => `Después de responder ${what}, comprueba que quedó resuelta («¿eso lo resuelve?»).`,
  handled: (what, steps) => `Bien tratada ${what}: ${steps}.`,
  steps: {
    acknowledged: "reconocida",
    clarified: "aclarada",
    responded: "respondida",
    confirmed: "confirmada",
  },
};

export const LABELS: Labels = {
  speakers: "Participantes",
  callMetrics: "Métricas de la llamada",
  workOn: "A mejorar",
  nothingStandsOut: "Nada destaca frente a las referencias — sigue así.",
  repQuestions: (n) => `Preguntas del vendedor (${n})`,
  more: (n) => `… ${n} más (usa --json para verlas todas)`,
  playbook: "Playbook",
  covered: "cubiertos",
  partly: "en parte",
  missed: "omitidos",
  objections: "Objeciones",
  handledShare: (p) => `, ${p}% bien tratadas`,
  noneRaised: "ninguna",
  resolved: "resuelta",
  notResolved: "sin resolver",
  handling: ["reconocer", "aclarar", "responder", "confirmar"],
  summary: "Resumen",
  nextSteps: "Próximos pasos",
  noNextSteps: "No se acordó ninguno en la llamada.",
  open: "abierta",
  closed: "cerrada",
  callReport: "Informe de la llamada",
  metrics: "Métricas",
  notHandled: "sin tratar",
  reply: "Respuesta",
  everyStepCovered: "Todos los puntos cubiertos.",
  onTargetAll: "Nada destaca: todas las métricas con objetivo están en objetivo.",
  speakerColumns: [
    "participante",
    "rol",
    "habla",
    "cuota",
    "ppm",
    "palabras",
    "turnos",
    "interr.",
    "muletillas",
    "preguntas",
  ],
  metricColumns: ["métrica", "valor", "referencia"],
  repOpenClosed: "Preguntas del vendedor abiertas / cerradas",
  customerOpenClosed: "Preguntas del cliente abiertas / cerradas",
  longestCustomerStory: "Relato más largo del cliente",
  longerIsBetter: "cuanto más largo, mejor",
  interactivity: "Interactividad",
  switchesPerMin: (v) => `${v} cambios/min`,
  silence: "Silencio",
  pauses: "Pausas ≥ 2 s (la más larga)",
  noTimestamps: "sin marcas de tiempo",
  rolesGuessed: "roles deducidos — usa --rep/--customer para asegurarte",
  rolesFrom: (source) => `roles de ${source}`,
  engine: "Motor de coaching",
};
