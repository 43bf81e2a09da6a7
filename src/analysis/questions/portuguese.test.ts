import { describe, expect, it } from "vitest";
import { classifySentence, detectQuestions, type QuestionKind } from "./index.js";

const pt = (s: string): QuestionKind | null => classifySentence(s, { language: "pt-BR" });

describe("Portuguese: open questions, marked and unmarked", () => {
  it.each([
    "Como vocês acompanham as ligações hoje?",
    "como vocês acompanham as ligações hoje",
    "Quantos vendedores vocês têm?",
    "quantos vendedores vocês têm",
    "O que mais preocupa vocês hoje?",
    "e o que mais preocupa vocês hoje",
    "Por que vocês decidiram trocar de ferramenta?",
    "Com quem mais vocês estão conversando?",
    "Quem decide a compra",
    "Qual é o maior problema do time",
    "Me conta como funciona o processo de vendas.",
    "me fala um pouco sobre o time",
    "Você pode me explicar como vocês medem os vendedores?",
    "Eu queria entender como vocês priorizam as contas.",
    "Então, quando vocês querem começar?",
    "Vocês começam quando?",
  ])("%s → open", (s) => expect(pt(s)).toBe("open"));
});

describe("Portuguese: closed questions", () => {
  it.each([
    "Vocês usam Salesforce?",
    "Vocês já usam alguma ferramenta de gravação",
    "A gente usa planilha, né?",
    "o contrato é anual né",
    "Vocês fecham este mês ou não",
    "Vocês preferem o plano básico ou o avançado?",
    "Qual plano vocês preferem, o básico ou o avançado?",
    "Será que a diretoria aprova ainda este trimestre",
    "Tem alguma data limite para decidir",
    "Dá pra começar com um piloto",
    "É possível pagar por trimestre",
    "Vocês têm orçamento para isso, certo?",
    "Você pode me mandar a proposta por e-mail",
    "Eu queria saber se vocês têm orçamento aprovado.",
  ])("%s → closed", (s) => expect(pt(s)).toBe("closed"));
});

describe("Portuguese: not questions", () => {
  it.each([
    "A gente usa o Salesforce há dois anos.",
    "a gente usa o salesforce há dois anos",
    "Quando a gente começou, não tinha CRM.",
    "quando a gente começou não tinha crm",
    "Como eu disse, o time é pequeno.",
    "Não sei quando a diretoria vai decidir.",
    "Que bom!",
    "que legal",
    "Sério?",
    "É mesmo?",
    "Tudo bem?",
    "Oi, tudo bem?",
    "Quem sabe?",
    "Acho que não.",
  ])("%s → not a question", (s) => expect(pt(s)).toBeNull());
});

describe("Portuguese: utterances", () => {
  it("finds the questions of an utterance in order", () => {
    expect(
      detectQuestions(
        "Obrigado, Ana. Quantos vendedores são? E vocês usam Salesforce, né? Te mando a demo.",
        {
          language: "pt",
        },
      ),
    ).toEqual([
      { text: "Quantos vendedores são?", kind: "open" },
      { text: "E vocês usam Salesforce, né?", kind: "closed" },
    ]);
  });
  it("keeps a bare tag with its statement", () => {
    expect(detectQuestions("Vocês usam HubSpot. Né?", { language: "pt" })).toEqual([
      { text: "Vocês usam HubSpot. Né?", kind: "closed" },
    ]);
  });
  it.each(["", "?", "é...", "hum ééé", "né"])("%j never throws", (s) => {
    expect(() => detectQuestions(s, { language: "pt" })).not.toThrow();
  });
});
