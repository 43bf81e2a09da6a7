/**
 * The built-in playbooks (fixtures/playbooks/*.yaml) in Portuguese: titles, example phrasings and
 * signals, light-stemmed.
 */
import type { PlaybookTranslation } from "../types.js";

const CORE: Record<string, PlaybookTranslation> = {
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

const NEXT_STEP = CORE.discovery!.items["next-step"]!;

const DEMO: PlaybookTranslation = {
  name: "Demo sob medida",
  items: {
    "pain-recap": {
      title: "Recapitulação da dor",
      examples: [
        "Da última vez você me contou que planejar as rotas leva três horas toda manhã; continua assim?",
        "Deixa eu recapitular o que ouvi na nossa última conversa.",
        "Antes de começar, mudou alguma coisa desde que a gente falou?",
      ],
      required: [
        "da última vez",
        "última conversa",
        "você me contou",
        "você mencionou",
        "mudou alguma coisa",
        "recapitular",
      ],
    },
    agenda: {
      title: "Agenda combinada",
      examples: [
        "Proponho este roteiro para os próximos quarenta e cinco minutos, pode ser?",
        "Tem alguma tela que vocês fazem questão de ver hoje?",
        "O plano é mostrar três fluxos e deixar tempo para perguntas.",
      ],
      required: [
        "agenda",
        "proponho este roteiro",
        "roteiro",
        "plano para hoje",
        "o plano é",
        "pode ser",
        "fazem questão de ver",
      ],
    },
    tailored: {
      title: "Sob medida para o caso deles",
      examples: [
        "Vou mostrar como ficaria para os seus planejadores.",
        "Carreguei uma amostra dos seus pedidos para você ver as suas próprias rotas.",
        "Para a sua equipe, esta é a tela com que o dia começa.",
      ],
      required: [
        "para a sua equipe",
        "seus dados",
        "seus pedidos",
        "seu processo",
        "no seu caso",
        "suas próprias",
      ],
      forbidden: ["todas as funcionalidades", "cada funcionalidade"],
      why: "Um tour por todas as funcionalidades não fala da dor do cliente e cansa.",
    },
    "check-ins": {
      title: "Perguntas de checagem durante a demo",
      examples: [
        "Como isso se compara com o que vocês fazem hoje?",
        "Faz sentido até aqui?",
        "Os seus motoristas usariam assim?",
        "Que dúvidas você tem sobre esta parte?",
      ],
      required: ["faz sentido", "como isso se compara", "que dúvidas", "alguma dúvida", "usariam assim"],
    },
    questions: {
      title: "Responde às perguntas do cliente",
      examples: [
        "Funciona com celulares Android antigos?",
        "Dá para mudar pedidos durante o dia?",
        "Quanto tempo leva a integração?",
        "O que acontece se um motorista ficar doente?",
      ],
      required: [
        "funciona com",
        "dá para",
        "é possível",
        "como funciona",
        "o que acontece se",
        "quanto tempo leva",
      ],
    },
    value: {
      title: "Valor nos números deles",
      examples: [
        "São aquelas três horas toda manhã, que caem para vinte minutos.",
        "Assim vocês voltam a passar de noventa e cinco por cento de entregas no prazo.",
        "O piloto se paga em um trimestre.",
      ],
      required: ["se paga", "retorno", "economia", "economizam", "horas", "por cento", "por mês", "por ano"],
      forbidden: ["o melhor do mercado", "líder de mercado"],
      why: "Dizer que é o melhor do mercado não substitui os números do cliente.",
    },
    "next-step": { ...NEXT_STEP, required: [...NEXT_STEP.required, "plano do piloto", "proposta"] },
  },
};

const RENEWAL: PlaybookTranslation = {
  name: "Renovação e risco de churn",
  items: {
    usage: {
      title: "Revisão de uso e adoção",
      examples: [
        "Vamos ver como a equipe está usando a ferramenta.",
        "Quantos dos seus planejadores entram todo dia?",
        "Quais equipes ainda não adotaram?",
      ],
      required: ["uso", "adoção", "usuários ativos", "entram todo dia", "estão usando", "adotaram"],
    },
    "value-realised": {
      title: "Resultados frente às metas",
      examples: [
        "Quando começamos, a meta era noventa e cinco por cento no prazo; onde vocês estão agora?",
        "Como isso se compara com as metas que definimos?",
        "Que resultados vocês viram desde a implantação?",
      ],
      required: ["meta", "metas", "resultados", "desde a implantação", "economizaram", "caso de negócio"],
    },
    risks: {
      title: "Riscos e obstáculos",
      examples: [
        "O que faria vocês hesitarem em renovar?",
        "Tem algo atrapalhando?",
        "O que não está funcionando para vocês?",
        "Vocês estão olhando outras opções?",
      ],
      required: [
        "risco",
        "obstáculo",
        "atrapalhando",
        "não está funcionando",
        "hesitar",
        "hesitarem",
        "outras opções",
      ],
    },
    stakeholders: {
      title: "Mudanças no cliente",
      examples: [
        "Mudou alguma coisa do seu lado, gente nova, uma reestruturação?",
        "Continua sendo você quem assina a renovação?",
        "Quem mais deveria participar da conversa sobre a renovação?",
      ],
      required: [
        "mudou alguma coisa",
        "gente nova",
        "reestruturação",
        "continua sendo você",
        "quem mais",
        "saiu da empresa",
      ],
    },
    terms: {
      title: "Condições de renovação e expansão",
      examples: [
        "O seu contrato vence em primeiro de março.",
        "Planejamos mais licenças para o ano que vem?",
        "Vamos falar das condições da renovação.",
      ],
      required: ["renovação", "renovar", "contrato", "licenças", "expandir", "expansão", "condições"],
      forbidden: ["desconto"],
      why: "Um desconto na renovação sem motivo reduz o valor do produto.",
    },
    "success-plan": {
      title: "Plano de sucesso combinado",
      examples: [
        "Vamos escrever as metas do próximo trimestre e quem cuida de cada uma.",
        "Vou preparar um plano de sucesso com datas.",
        "Qual é o objetivo até o fim do trimestre?",
      ],
      required: [
        "plano de sucesso",
        "plano de ação",
        "quem cuida",
        "responsável",
        "até o fim do",
        "objetivo",
      ],
    },
    "next-step": { ...NEXT_STEP, required: [...NEXT_STEP.required, "nos falamos de novo", "treinamento"] },
  },
};

export const PLAYBOOKS: Record<string, PlaybookTranslation> = { ...CORE, demo: DEMO, renewal: RENEWAL };
