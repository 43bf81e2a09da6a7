/**
 * The built-in discovery and negotiation playbooks in Spanish (demo and renewal are used in
 * English until translated): titles, example phrasings and signals, light-stemmed.
 */
import type { PlaybookTranslation } from "../types.js";

export const PLAYBOOKS: Record<string, PlaybookTranslation> = {
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
