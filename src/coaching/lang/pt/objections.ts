/**
 * Portuguese objection lexicons (Brazil and Portugal): category cues and handling cues, in the
 * notation of src/coaching/objections-lexicon.ts; accents optional.
 */
import { type CategoryLexicon, compile, compileAny, type HandlingLexicon } from "../../objections-lexicon.js";

const DECIDERS = `(?:o |a |meu |minha |nosso |nossa )?(?:chefe|diretor~|gerente|s[oó]cio~|dono|diretoria|conselho|jur[ií]dico|financeiro|compras|time|equipe)`;

export const PT: CategoryLexicon = {
  neutral: compile(
    [
      "sem problema~",
      "n[aã]o (tem|h[aá]|[eé]) problema",
      "n[aã]o ([eé]|parece|acho) (t[aã]o |muito |nada )?car[oa]",
      "(o )?or[cç]amento (j[aá] )?(est[aá] )?(aprovado|reservado|separado)",
    ],
    "g",
  ),
  pain: compile([
    "(nossos|os) (custos|gastos|preju[ií]zos)( \\S+){0,3} (s[aã]o |est[aã]o )?(muito |alt[oa]s|elevados|enormes)",
    "(perdemos|gastamos|pagamos) (muito|demais)",
  ]),
  offer: compile([
    "(seu|sua|o seu|a sua|esse|essa|este|esta) (pre[cç]o|valor|proposta|oferta|licen[cç]a|assinatura|plano)",
    "por (usu[aá]rio|licen[cç]a|m[eê]s|ano|ve[ií]culo)",
    "voc[eê]s",
  ]),
  cues: {
    price: compileAny([
      "(muito |bem |um pouco |meio )?car[oa]s?",
      "car[ií]ssim[oa]",
      "mais car[oa] do que",
      "fora do (nosso )?or[cç]amento",
      "n[aã]o (cabe|cabe no|entra no) (nosso )?or[cç]amento",
      "(n[aã]o )?(temos|tem|sobrou) (or[cç]amento|verba|dinheiro)",
      "(o pre[cç]o|o valor|o custo)( \\S+){0,3} (est[aá] |[eé] |ficou )?(alto|elevado|salgado|pesado)",
      "mais barat[oa]",
      "(um |algum |bom )?desconto",
      "n[aã]o (vale|compensa) (a pena)?",
    ]),
    timing: compileAny([
      "agora n[aã]o",
      "n[aã]o [eé] (o |um )?(bom |melhor )?momento",
      "(mais (para|pra) frente|no pr[oó]ximo (ano|trimestre|m[eê]s)|ano que vem)",
      "(preciso|precisamos|tenho que|temos que) pensar",
      "(antes de|at[eé]) \\S+ n[aã]o (conseguimos|d[aá]|vamos conseguir)",
      "estamos (muito )?(ocupados|atolados|sem tempo)",
    ]),
    authority: compileAny([
      `(consultar|falar|conversar|validar|alinhar|ver isso)( \\S+){0,2} com ${DECIDERS}`,
      "n[aã]o (sou eu|decido eu) (quem|que) (decide|assina|aprova)",
      "n[aã]o depende (s[oó] )?de mim",
      `${DECIDERS} (precisa|tem que|vai ter que|deve) (aprovar|assinar|decidir|dar o ok)`,
    ]),
    need: compileAny([
      "n[aã]o (precisamos|preciso)",
      "n[aã]o (nos |me )?interessa",
      "n[aã]o (vemos|vejo) (necessidade|valor|utilidade)",
      "n[aã]o [eé] (uma )?prioridade",
    ]),
    competitor: compileAny([
      "(j[aá] )?(usamos|utilizamos|trabalhamos com|temos) (outr[oa]|um|uma) (fornecedor|ferramenta|sistema|solu[cç][aã]o|plataforma)",
      "a concorr[eê]ncia",
      "(estamos|estou) (comparando|avaliando|olhando) (com |outras |outros |outra |outro )",
    ]),
    trust: compileAny([
      "n[aã]o (confiamos|confio)",
      "(que|alguma) garantia",
      "seguran[cç]a dos dados",
      "(temos|tenho) (d[uú]vidas|medo) (sobre|de|com)",
    ]),
    other: compileAny([
      "n[aã]o (estou|estamos) (muito )?(segur[oa]s?|convencid[oa]s?)",
      "n[aã]o (me|nos) (convence|agrada)",
    ]),
  },
  askedCommitment: compile(["(come[cç]amos|fechamos|assinamos|seguimos|pode ser|topa|topam)"]),
  mentionedPrice: compile(["(pre[cç]o|valor|custa|custo|reais|euros|#)"]),
  shortRefusal: compile(["^(n[aã]o|n[aã]o,? obrigad[oa]|por enquanto n[aã]o|agora n[aã]o)[.!]*$"]),
  shortPriceReaction: compile(["^(nossa|puxa|eita)?[ ,.!]*([eé] )?(muito|caro|car[ií]ssimo|salgado)[.!]*$"]),
  counterOffer: compile(["(e )?(se|que tal|podemos|fazemos|por) ¤"]),
};

export const PT_HANDLING: HandlingLexicon = {
  acknowledge: compileAny([
    "(eu )?(entendo|compreendo)",
    "(voc[eê] )?tem (toda a )?raz[aã]o",
    "faz (todo o )?sentido",
    "[eé] (uma )?(pergunta|preocupa[cç][aã]o|d[uú]vida) (muito )?(justa|v[aá]lida|normal|leg[ií]tima)",
    "(muitos|outros|v[aá]rios) clientes (tamb[eé]m )?(dizem|disseram|tinham|perguntam)",
  ]),
  confirm: compileAny([
    "(isso|assim) (resolve|responde|esclarece|atende|tira)",
    "(faz sentido|fica bom|pode ser|te atende|atende voc[eê]s|funciona (para|pra) voc[eê]s?)\\?",
    "(ficou|tem|resta) (alguma )?(outra )?(d[uú]vida|pergunta)",
    "o que (voc[eê]|voc[eê]s) (acha|acham)",
  ]),
  value: compileAny([
    "#",
    "\\d+ ?(%|por cento|horas|dias|semanas|meses|clientes)",
    "(clientes|empresas)( \\S+)? (como|parecid~|semelhant~)",
    "(economi~|reduz~|aument~|melhor~|recuper~|se paga|retorno)",
    "(piloto|teste|demo|garantia)",
    "(inclu[ií]d~|inclui|integra[cç][aã]o)",
    "(por exemplo|ou seja|porque)",
    "(podemos|posso|consigo) (enviar|mostrar|preparar|oferecer|incluir|deixar|baixar|fazer)",
    "(se fecharmos|se assinarmos|em troca|proponho)",
  ]),
  relevant: {
    price: compile([
      "(pre[cç]o~|custo~|economi~|retorno|or[cç]amento~|reais|desconto~|pagamento~|investimento~|multa~|mil|por ano|por usu[aá]rio|#)",
    ]),
    timing: compile([
      "(r[aá]pid~|dias|semanas|implanta[cç][aã]o|prazo~|data~|quando|agora|depois|esperar|outubro|setembro)",
    ]),
    authority: compile([
      "(diretor~|gerente|chefe|apresenta[cç][aã]o|reuni[aã]o|decis[aã]o|aprova~|material|resumo|enviar|juntos)",
    ]),
    need: compile(["(problema~|resultado~|ajud~|necessidade|objetivo~|risco~|perd~)"]),
    competitor: compile([
      "(diferen[cç]a~|compar~|melhor|mais r[aá]pido|migra[cç][aã]o|trocar|integr~|excel|planilha~)",
    ]),
    trust: compile([
      "(refer[eê]ncia~|casos?|clientes|seguran[cç]a|garantia~|piloto|teste|anos|certific~|dados)",
    ]),
    other: null,
  },
  accept: compile([
    "(certo|combinado|perfeito|[oó]timo|beleza|fechado|faz sentido|pode ser|entendi|razo[aá]vel|justo|assim sim)",
    "^(sim|ok|certo|claro)[.!]*$",
  ]),
  reject: compile([
    "^n[aã]o(?! (tem )?problema)[,.!]?",
    "^n[aã]o[.!]*$",
    "(continua|mesmo assim|ainda assim|n[aã]o me convence|n[aã]o resolve)",
  ]),
  backchannel: compile([
    "^(sim|aham|uhum|certo|t[aá]|ok|claro|n[eé]|entendi|hum+)( (sim|certo|claro))?[.!?,]*$",
  ]),
  stop: new Set(
    `o a os as um uma uns umas de do da dos das ao aos em no na nos nas e ou mas que por para com sem é são foi ser estar
    está esse essa isso este esta isto se seu sua seus suas lhe me meu minha te nós nosso nossa já muito mais não sim
    como quando onde qual há tudo antes depois só coisa então bem você vocês a gente`.split(/\s+/),
  ),
};
