/**
 * The built-in playbooks (fixtures/playbooks/*.yaml) in Spanish: titles, example phrasings and
 * signals, light-stemmed.
 */
import type { PlaybookTranslation } from "../types.js";

const CORE: Record<string, PlaybookTranslation> = {
  discovery: {
    name: "Descubrimiento (BANT + MEDDICC)",
    items: {
      pain: {
        title: "Problema y su impacto",
        examples: [
          "¿Qué los llevó a buscar una solución ahora?",
          "¿Qué problema quieren resolver?",
          "¿Cuál es el mayor reto con la forma en que lo hacen hoy?",
          "¿Qué pasa si no cambia nada?",
          "¿Cuánto les cuesta cuando sale mal?",
        ],
        required: [
          "por qué ahora",
          "problema",
          "reto",
          "dificultad",
          "qué pasa si",
          "cuánto les cuesta",
          "impacto",
          "qué los llevó",
        ],
      },
      metrics: {
        title: "Métricas: el impacto en cifras",
        examples: [
          "¿Cuánto tiempo les lleva cada semana?",
          "¿Cuántos pedidos se ven afectados?",
          "¿Cómo van a medir el éxito?",
        ],
        required: [
          "cuánto",
          "cuántos",
          "cuántas",
          "con qué frecuencia",
          "qué porcentaje",
          "medir",
          "retorno",
        ],
      },
      "economic-buyer": {
        title: "Comprador económico identificado",
        examples: [
          "¿Quién firma una compra como esta?",
          "¿Quién tiene la última palabra sobre el presupuesto?",
          "¿Qué querrá ver el director financiero para decir que sí?",
        ],
        required: [
          "quién firma",
          "última palabra",
          "quién aprueba",
          "quién decide",
          "visto bueno",
          "dueño del presupuesto",
        ],
      },
      "decision-criteria": {
        title: "Criterios de decisión",
        examples: [
          "¿Qué requisitos son imprescindibles?",
          "¿Cómo van a comparar las opciones?",
          "¿Qué sería un éxito para ustedes?",
        ],
        required: [
          "criterios",
          "requisitos",
          "imprescindible",
          "cómo van a comparar",
          "qué sería un éxito",
          "qué es lo más importante",
        ],
      },
      "decision-process": {
        title: "Proceso de decisión",
        examples: [
          "¿Cómo es el proceso hasta firmar el contrato?",
          "¿Hace falta una revisión de seguridad o de sistemas?",
          "¿Intervienen compras o el departamento legal?",
        ],
        required: ["proceso", "aprobación", "compras", "legal", "revisión de seguridad", "qué pasos"],
      },
      budget: {
        title: "Presupuesto",
        examples: ["¿Tienen presupuesto asignado para esto?", "¿Qué rango de inversión manejan?"],
        required: ["presupuesto", "asignado", "rango de inversión", "cuánto pensaban invertir"],
        forbidden: ["descuento"],
        why: "Ofrecer un descuento en el descubrimiento devalúa la propuesta antes de conocer su valor.",
      },
      timeline: {
        title: "Plazos y fecha límite",
        examples: ["¿Para cuándo lo necesitan funcionando?", "¿Hay una fecha que marque el plazo?"],
        required: ["plazo", "fecha límite", "para cuándo", "cuándo lo necesitan", "funcionando", "arrancar"],
      },
      authority: {
        title: "Quién participa en la decisión",
        examples: [
          "¿Quién más participa en una decisión así?",
          "Además de usted, ¿quién elige la herramienta?",
        ],
        required: ["quién más", "además de usted", "participa en la decisión", "participan en la decisión"],
      },
      champion: {
        title: "Aliado interno",
        examples: [
          "¿Estaría dispuesto a presentárselo al director financiero?",
          "¿Qué le ayudaría a defender el proyecto internamente?",
        ],
        required: ["presentárselo", "presentarlo", "defender", "internamente", "patrocinador"],
      },
      competition: {
        title: "Solución actual y competencia",
        examples: ["¿Qué usan hoy?", "¿Han mirado otras herramientas?", "¿A quién más están evaluando?"],
        required: [
          "otras herramientas",
          "qué usan",
          "usan hoy",
          "han mirado",
          "evaluando",
          "alternativa",
          "competencia",
          "probaron",
        ],
      },
      "next-step": {
        title: "Próximo paso agendado",
        examples: [
          "Agendamos una demo el martes a las once.",
          "¿Le viene bien el martes a las once?",
          "Le envío una invitación.",
        ],
        required: [
          "próximo paso",
          "agendamos",
          "agendar",
          "invitación",
          "calendario",
          "le viene bien",
          "nos vemos",
        ],
      },
    },
  },
  negotiation: {
    name: "Negociación y precio",
    items: {
      "value-recap": {
        title: "Repaso del valor antes del precio",
        examples: [
          "Antes de hablar de cifras, repasemos lo que esto vale para ustedes.",
          "El caso de negocio mostró que se amortiza en cinco meses.",
        ],
        required: ["antes de hablar de cifras", "repasemos", "caso de negocio", "se amortiza", "retorno"],
      },
      "buyer-criteria": {
        title: "Qué hace falta para un sí",
        examples: [
          "¿Qué necesitaría ver en la propuesta para firmarla?",
          "Ayúdeme a entender de dónde sale esa cifra.",
        ],
        required: ["qué necesitaría", "ayúdeme a entender", "qué es lo más importante", "de dónde sale"],
      },
      "trade-concessions": {
        title: "Concesiones a cambio, no regaladas",
        examples: [
          "Si firmamos a dos años, puedo bajar el precio por usuario.",
          "A cambio, ¿serían nuestra referencia?",
        ],
        required: ["si firmamos", "a cambio", "si ustedes", "dos años", "tres años"],
        forbidden: ["le bajo el precio sin más"],
      },
      "paper-process": {
        title: "Proceso de firma",
        examples: [
          "¿Quién firma el contrato y tiene que revisarlo el departamento legal?",
          "¿Cuánto suele tardar compras?",
        ],
        required: ["quién firma", "legal", "compras", "contrato", "firma"],
      },
      "decision-maker": {
        title: "Decisor involucrado",
        examples: [
          "¿El director financiero se une a la próxima llamada?",
          "¿Quién tiene la última palabra sobre el presupuesto?",
        ],
        required: ["director financiero", "última palabra", "visto bueno", "aprobar"],
      },
      "mutual-plan": {
        title: "Plan conjunto con fechas",
        examples: [
          "Le envío hoy el contrato revisado; ¿pueden pasarlo a legal antes del miércoles?",
          "El plan es firmar antes del treinta.",
        ],
        required: ["antes del viernes", "antes del miércoles", "el plan es", "próximo paso", "calendario"],
      },
    },
  },
};

const NEXT_STEP = CORE.discovery!.items["next-step"]!;

const DEMO: PlaybookTranslation = {
  name: "Demo a medida",
  items: {
    "pain-recap": {
      title: "Repaso del problema",
      examples: [
        "La última vez me contó que planificar las rutas le lleva tres horas cada mañana; ¿sigue siendo así?",
        "Déjeme repasar lo que escuché en nuestra última llamada.",
        "Antes de empezar, ¿ha cambiado algo desde que hablamos?",
      ],
      required: [
        "la última vez",
        "última llamada",
        "me contó",
        "me dijo",
        "usted mencionó",
        "ha cambiado algo",
        "repasar",
      ],
    },
    agenda: {
      title: "Agenda acordada",
      examples: [
        "Le propongo este plan para los próximos cuarenta y cinco minutos, ¿le parece bien?",
        "¿Hay algo que quiera ver sí o sí hoy?",
        "El plan es mostrar tres flujos y dejar tiempo para preguntas.",
      ],
      required: [
        "agenda",
        "le propongo este plan",
        "plan para hoy",
        "el plan es",
        "le parece bien",
        "sí o sí",
      ],
    },
    tailored: {
      title: "Adaptada a su caso",
      examples: [
        "Le muestro cómo se vería para sus planificadores.",
        "Cargué una muestra de sus pedidos para que vea sus propias rutas.",
        "Para su equipo, esta es la pantalla con la que empezaría el día.",
      ],
      required: ["para su equipo", "sus datos", "sus pedidos", "su proceso", "en su caso", "sus propias"],
      forbidden: ["todas las funciones", "cada función"],
      why: "Un recorrido por todas las funciones no habla del problema del cliente y lo cansa.",
    },
    "check-ins": {
      title: "Preguntas de control durante la demo",
      examples: [
        "¿Cómo se compara con lo que hacen hoy?",
        "¿Tiene sentido hasta aquí?",
        "¿Sus conductores lo usarían así?",
        "¿Qué preguntas tiene sobre esta parte?",
      ],
      required: ["tiene sentido", "cómo se compara", "qué preguntas", "alguna pregunta", "lo usarían así"],
    },
    questions: {
      title: "Responde a las preguntas del cliente",
      examples: [
        "¿Funciona con teléfonos Android antiguos?",
        "¿Se pueden cambiar pedidos durante el día?",
        "¿Cuánto tarda la integración?",
        "¿Qué pasa si un conductor se pone enfermo?",
      ],
      required: ["funciona con", "se puede", "se pueden", "cómo funciona", "qué pasa si", "cuánto tarda"],
    },
    value: {
      title: "Valor en sus cifras",
      examples: [
        "Son esas tres horas cada mañana, que bajan a veinte minutos.",
        "Así vuelven a superar el noventa y cinco por ciento de entregas a tiempo.",
        "El piloto se paga solo en un trimestre.",
      ],
      required: [
        "se paga solo",
        "se amortiza",
        "ahorro",
        "ahorran",
        "horas",
        "por ciento",
        "al mes",
        "al año",
      ],
      forbidden: ["el mejor del mercado", "líder del mercado"],
      why: "Decir que es el mejor del mercado no sustituye las cifras del cliente.",
    },
    "next-step": { ...NEXT_STEP, required: [...NEXT_STEP.required, "plan del piloto", "propuesta"] },
  },
};

const RENEWAL: PlaybookTranslation = {
  name: "Renovación y riesgo de baja",
  items: {
    usage: {
      title: "Revisión de uso y adopción",
      examples: [
        "Veamos cómo está usando el equipo la herramienta.",
        "¿Cuántos de sus planificadores entran cada día?",
        "¿Qué equipos todavía no la han adoptado?",
      ],
      required: ["uso", "adopción", "usuarios activos", "entran cada día", "la están usando", "adoptado"],
    },
    "value-realised": {
      title: "Resultados frente a los objetivos",
      examples: [
        "Cuando empezamos, el objetivo era el noventa y cinco por ciento a tiempo; ¿dónde están ahora?",
        "¿Cómo se compara con los objetivos que fijamos?",
        "¿Qué resultados han visto desde la puesta en marcha?",
      ],
      required: ["objetivo", "objetivos", "resultados", "puesta en marcha", "ahorrado", "caso de negocio"],
    },
    risks: {
      title: "Riesgos y obstáculos",
      examples: [
        "¿Qué les haría dudar de renovar?",
        "¿Hay algo que les esté frenando?",
        "¿Qué no les está funcionando?",
        "¿Están mirando otras opciones?",
      ],
      required: [
        "riesgo",
        "obstáculo",
        "frenando",
        "no les está funcionando",
        "no funciona",
        "dudar",
        "otras opciones",
      ],
    },
    stakeholders: {
      title: "Cambios en el cliente",
      examples: [
        "¿Ha cambiado algo por su lado, gente nueva, una reorganización?",
        "¿Sigue siendo usted quien firma la renovación?",
        "¿Quién más debería participar en la conversación de la renovación?",
      ],
      required: [
        "ha cambiado algo",
        "gente nueva",
        "reorganización",
        "sigue siendo usted",
        "quién más",
        "dejó la empresa",
      ],
    },
    terms: {
      title: "Condiciones de renovación y ampliación",
      examples: [
        "Su contrato vence el uno de marzo.",
        "¿Planificamos más licencias para el año que viene?",
        "Hablemos de las condiciones de la renovación.",
      ],
      required: ["renovación", "renovar", "contrato", "licencias", "ampliar", "ampliación", "condiciones"],
      forbidden: ["descuento"],
      why: "Un descuento en la renovación sin motivo rebaja el valor del producto.",
    },
    "success-plan": {
      title: "Plan de éxito acordado",
      examples: [
        "Escribamos los objetivos del próximo trimestre y quién se encarga de cada uno.",
        "Le preparo un plan de éxito con fechas.",
        "¿Qué meta nos ponemos para final del trimestre?",
      ],
      required: [
        "plan de éxito",
        "plan de acción",
        "quién se encarga",
        "responsable",
        "para final de",
        "meta",
      ],
    },
    "next-step": { ...NEXT_STEP, required: [...NEXT_STEP.required, "volvemos a reunir", "formación"] },
  },
};

export const PLAYBOOKS: Record<string, PlaybookTranslation> = { ...CORE, demo: DEMO, renewal: RENEWAL };
