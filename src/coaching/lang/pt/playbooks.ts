/**
 * The built-in discovery and negotiation playbooks in Portuguese (demo and renewal are used in
 * English until translated): titles, example phrasings and signals, light-stemmed.
 */
import type { PlaybookTranslation } from "../types.js";

export const PLAYBOOKS: Record<string, PlaybookTranslation> = {
  discovery: {
    name: "Descoberta (BANT + MEDDICC)",
    items: {
      pain: {
        title: "Dor e seu impacto",
        examples: [
          "O que levou vocês a buscar uma solução agora?",
          "Qual problema vocês querem resolver?",
          "O que acontece se nada mudar?",
        ],
        required: [
          "por que agora",
          "o que levou",
          "problema",
          "desafio",
          "dificuldade",
          "o que acontece se",
          "impacto",
          "quanto custa",
        ],
      },
      metrics: {
        title: "Métricas: o impacto em números",
        examples: [
          "Quanto tempo isso leva por semana?",
          "Quantos pedidos são afetados?",
          "Como vocês vão medir o sucesso?",
        ],
        required: [
          "quanto",
          "quantos",
          "quantas",
          "com que frequência",
          "que percentual",
          "medir",
          "retorno",
        ],
      },
      "economic-buyer": {
        title: "Comprador econômico identificado",
        examples: ["Quem assina uma compra como esta?", "Quem tem a última palavra sobre o orçamento?"],
        required: ["quem assina", "última palavra", "quem aprova", "quem decide", "dono do orçamento"],
      },
      "decision-criteria": {
        title: "Critérios de decisão",
        examples: [
          "Quais requisitos são obrigatórios?",
          "Como vocês vão comparar as opções?",
          "O que seria sucesso para vocês?",
        ],
        required: [
          "critérios",
          "requisitos",
          "obrigatório",
          "obrigatórios",
          "como vão comparar",
          "o que seria sucesso",
        ],
      },
      "decision-process": {
        title: "Processo de decisão",
        examples: ["Como é o processo até assinar o contrato?", "Compras ou o jurídico participam?"],
        required: ["processo", "aprovação", "compras", "jurídico", "revisão de segurança", "quais etapas"],
      },
      budget: {
        title: "Orçamento",
        examples: ["Vocês têm orçamento reservado para isso?", "Qual faixa de investimento vocês imaginam?"],
        required: ["orçamento", "verba", "faixa de investimento", "quanto pretendem investir"],
        forbidden: ["desconto"],
        why: "Oferecer desconto na descoberta desvaloriza a proposta antes de mostrar o valor.",
      },
      timeline: {
        title: "Prazo e data limite",
        examples: ["Para quando vocês precisam disso funcionando?", "Existe uma data que define o prazo?"],
        required: ["prazo", "data limite", "para quando", "quando precisam", "funcionando", "rodando"],
      },
      authority: {
        title: "Quem participa da decisão",
        examples: ["Quem mais participa de uma decisão assim?", "Além de você, quem escolhe a ferramenta?"],
        required: ["quem mais", "além de você", "participa da decisão", "participam da decisão"],
      },
      champion: {
        title: "Aliado interno",
        examples: [
          "Você estaria disposto a apresentar isso ao diretor financeiro?",
          "O que ajudaria você a defender o projeto internamente?",
        ],
        required: ["apresentar", "defender", "internamente", "patrocinador"],
      },
      competition: {
        title: "Solução atual e concorrência",
        examples: [
          "O que vocês usam hoje?",
          "Já olharam outras ferramentas?",
          "Quem mais vocês estão avaliando?",
        ],
        required: [
          "outras ferramentas",
          "usam hoje",
          "o que usam",
          "já olharam",
          "avaliando",
          "alternativa",
          "concorrência",
          "testaram",
        ],
      },
      "next-step": {
        title: "Próximo passo agendado",
        examples: [
          "Vamos agendar uma demo na terça às onze.",
          "Terça às onze funciona para você?",
          "Te envio o convite.",
        ],
        required: [
          "próximo passo",
          "agendar",
          "agendamos",
          "convite",
          "agenda",
          "funciona para você",
          "marcamos",
        ],
      },
    },
  },
  negotiation: {
    name: "Negociação e preço",
    items: {
      "value-recap": {
        title: "Recapitular o valor antes do preço",
        examples: [
          "Antes de falar de números, vamos recapitular o que isso vale para vocês.",
          "O caso de negócio mostrou retorno em cinco meses.",
        ],
        required: ["antes de falar de números", "recapitular", "caso de negócio", "se paga", "retorno"],
      },
      "buyer-criteria": {
        title: "O que um sim exige",
        examples: [
          "O que vocês precisariam ver na proposta para assinar?",
          "Me ajude a entender de onde vem esse número.",
        ],
        required: [
          "o que vocês precisariam",
          "me ajude a entender",
          "o que é mais importante",
          "de onde vem",
        ],
      },
      "trade-concessions": {
        title: "Concessões trocadas, não dadas",
        examples: [
          "Se fecharmos por dois anos, consigo baixar o preço por usuário.",
          "Em troca, vocês seriam nossa referência?",
        ],
        required: ["se fecharmos", "se assinarmos", "em troca", "dois anos", "três anos"],
      },
      "paper-process": {
        title: "Processo de assinatura",
        examples: [
          "Quem assina o contrato e o jurídico precisa revisar?",
          "Quanto tempo compras costuma levar?",
        ],
        required: ["quem assina", "jurídico", "compras", "contrato", "assinatura"],
      },
      "decision-maker": {
        title: "Decisor envolvido",
        examples: [
          "O diretor financeiro participa da próxima ligação?",
          "Quem tem a última palavra sobre o orçamento?",
        ],
        required: ["diretor financeiro", "última palavra", "aprovar", "dar o ok"],
      },
      "mutual-plan": {
        title: "Plano conjunto com datas",
        examples: [
          "Te envio hoje o contrato revisado; vocês conseguem passar ao jurídico até quarta?",
          "O plano é assinar até o dia trinta.",
        ],
        required: ["até sexta", "até quarta", "o plano é", "próximo passo", "cronograma"],
      },
    },
  },
};
