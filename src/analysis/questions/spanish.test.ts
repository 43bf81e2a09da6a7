import { describe, expect, it } from "vitest";
import { classifySentence, detectQuestions, type QuestionKind } from "./index.js";

const es = (s: string): QuestionKind | null => classifySentence(s, { language: "es" });

describe("Spanish: open questions, marked and unmarked", () => {
  it.each([
    "¿Cómo gestionan hoy las oportunidades?",
    "cómo gestionan hoy las oportunidades",
    "¿Cuántos vendedores tienen en el equipo?",
    "cuántos vendedores tienen en el equipo",
    "¿Por qué decidieron cambiar de herramienta?",
    "por qué decidieron cambiar de herramienta",
    "Bueno, ¿y quién toma la decisión final?",
    "y quién toma la decisión final",
    "¿Con quién más están hablando?",
    "Perfecto, entonces ¿qué es lo más importante para ustedes?",
    "¿Desde cuándo tienen este problema?",
    "Cuénteme cómo funciona hoy el proceso de ventas.",
    "cuénteme un poco sobre su equipo",
    "¿Me podría explicar cómo miden a los vendedores?",
    "me puede contar cómo hacen el seguimiento",
    "Me gustaría saber cómo priorizan las cuentas.",
    "O sea, ¿cuál es el problema principal?",
    "Ustedes empiezan cuándo?",
  ])("%s → open", (s) => expect(es(s)).toBe("open"));
});

describe("Spanish: closed questions", () => {
  it.each([
    "¿Tienen presupuesto asignado para este año?",
    "¿Usan Salesforce hoy?",
    "¿Tienen ustedes un CRM?",
    "tienen ustedes un CRM",
    "Usan HubSpot, ¿verdad?",
    "usan hubspot verdad?",
    "El contrato es anual, ¿no?",
    "Lo firmamos este mes o no",
    "¿Prefieren el plan básico o el avanzado?",
    "¿Qué plan prefieren, el básico o el avanzado?",
    "¿Les parece bien el martes a las once?",
    "les parece bien el martes a las once",
    "Me puede enviar la propuesta por correo",
    "¿Hay alguna fecha límite para decidir?",
    "hay alguna fecha límite para decidir",
    "Ya tienen una herramienta para grabar llamadas",
    "¿Sería posible empezar con un piloto?",
    "Quería preguntarle si tienen un presupuesto aprobado.",
  ])("%s → closed", (s) => expect(es(s)).toBe("closed"));
});

describe("Spanish: not questions", () => {
  it.each([
    "Usamos Salesforce desde hace dos años.",
    "usamos salesforce desde hace dos años",
    "Cuando empezamos el proyecto, no teníamos CRM.",
    "Como le decía, el equipo es pequeño.",
    "No sé cuándo podremos decidir.",
    "¡Qué bien!",
    "qué bien",
    "Qué interesante lo que comenta.",
    "¿En serio?",
    "¿De verdad?",
    "¿Sí?",
    "¿Cómo está?",
    "Hola, ¿qué tal?",
    "¿Quién sabe?",
    "Le digo la verdad",
    "Creo que no",
    "Este mes cerramos tres contratos.",
  ])("%s → not a question", (s) => expect(es(s)).toBeNull());
});

describe("Spanish: utterances", () => {
  it("finds the questions of an utterance in order, inverted marks kept", () => {
    expect(
      detectQuestions(
        "Gracias, Lucía. ¿Cuántos vendedores son? Y usan Salesforce, ¿verdad? Le mando la demo.",
        {
          language: "es-MX",
        },
      ),
    ).toEqual([
      { text: "¿Cuántos vendedores son?", kind: "open" },
      { text: "Y usan Salesforce, ¿verdad?", kind: "closed" },
    ]);
  });
  it("keeps a bare tag with its statement", () => {
    expect(detectQuestions("Usan HubSpot. ¿Verdad?", { language: "es" })).toEqual([
      { text: "Usan HubSpot. ¿Verdad?", kind: "closed" },
    ]);
  });
  it.each(["", "¿?", "¡!", "eh mm", "o sea..."])("%j never throws", (s) => {
    expect(() => detectQuestions(s, { language: "es" })).not.toThrow();
  });
});
