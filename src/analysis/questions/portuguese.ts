/**
 * Portuguese (Brazilian and European) question rules for the shared engine (lexical.ts). Question
 * words carry no accent to tell them from conjunctions ("como", "quando", "que"), so "como eu
 * disse" and "quando a gente começou, …" are read as clauses, not questions. Yes/no questions are
 * intonation; without "?" only a few heads survive: "será que", "por acaso", "vocês já…", "tem
 * como", "dá pra", "é possível", and tags ("…, né?", "não é?", "…, certo?"). Hand-written; no data mined.
 */
import { classifyLexical, type LexicalRules, wordSet } from "./lexical.js";
import type { QuestionKind } from "./types.js";

export const PORTUGUESE: LexicalRules = {
  leading: wordSet(`então entao bom bem olha olhe veja tá ta ok okay beleza certo perfeito ótimo otimo legal
    e mas aí ai sim não nao tipo assim agora ah eh hum uhum pois ó opa show bacana entendi obrigado
    obrigada também oi olá ola`),
  leadingPairs: wordSet(`pois_é me_diz me_diga uma_pergunta uma_coisa só_uma deixa_eu
    te_perguntar lhe_perguntar bom_dia boa_tarde muito_bem tudo_bem`),
  wh: wordSet(`que quê quem qual quais quanto quanta quantos quantas como onde aonde quando porquê`),
  whMarked: wordSet(`porque`),
  whPrefix: wordSet(`de em com para pra por a o desde até sobre e`),
  adverbialWh: wordSet(`quando onde como`),
  whAfterClauseNeedsMark: true,
  subordinate:
    /^(?:como (?:(?:eu|a gente|nós|você|vocês|o senhor|a senhora|ele|ela|eles|já|te|lhe|tinha|tinhamos|tínhamos) )*(?:disse|falei|falou|falamos|disseram|comentei|comentou|comentamos|mencionei|mencionou|expliquei|explicou|combinamos|combinado|conversamos|sabe|sabem|sempre|de costume|vimos|viu|falado|dito)|que nem|quando (?:eu|a gente|nós|ele|ela|eles)|onde (?:eu|a gente|nós|ele|ela|eles))(?:\s|$)/u,
  request:
    /^(?:(?:você|vocês|o senhor|a senhora) )?(?:(?:pode|podem|poderia|poderiam|consegue|conseguiria) (?:me |nos )?(?:contar|explicar|descrever|detalhar|falar (?:um pouco )?(?:sobre|de|mais)|mostrar como)|me (?:conta|conte|explica|explique|descreve|descreva|fala (?:um pouco )?(?:sobre|de|mais|como)|fale (?:um pouco )?(?:sobre|de|mais|como))|conta pra mim|conte-me|explique-me|descreva|fale (?:um pouco )?(?:sobre|mais)|fala (?:um pouco )?(?:sobre|mais))(?:\s|$)/u,
  asking:
    /^(?:eu )?(?:gostaria|queria|quero|queríamos|gostaríamos|queria muito) (?:de )?(?:saber|entender|perguntar|conhecer|ouvir)\b/u,
  whether: wordSet(`se`),
  yesNoHead:
    /^(?:será que|por acaso|(?:vocês|você|o senhor|a senhora) (?:já|ainda)|(?:vocês|você) (?:têm|tem|usam|usa|utilizam|utiliza|trabalham|trabalha) (?:algum|alguma|um|uma|o|a|com|hoje)|(?:tem|existe|há) (?:algum|alguma|como|chance|possibilidade|previsão)|é possível|seria possível|daria (?:para|pra)|dá (?:para|pra)|faz sentido|tudo bem se|(?:você|vocês) (?:pode|podem|poderia|poderiam|consegue|conseguem) (?:me |nos )?(?:mandar|enviar|passar|confirmar|marcar|agendar))(?:\s|$)/u,
  inverted: () => false,
  strongTag: /(?:^|\s)(?:né|né não|ou não|não acha|não acham|não é mesmo|não é verdade|concorda)$/u,
  weakTags: wordSet(`certo não nao sim tá ok beleza confere verdade correto é`),
  notAsked:
    /^(?:sério|é mesmo|mesmo|jura|verdade|é|né|sim|não|nao|tá|ok|beleza|certo|como|o quê|o que|quê|hein|ah é|ah sim|ah tá|entendi|claro|pois é|pois não|é verdade|nossa|uai|opa|e aí|e|então|mas|desculpa|oi|alô|quem sabe|por que não|porque não|fazer o quê|vai saber|como vai|como vai você|tudo bem|tudo bom|tudo certo|como está|como estão|como você está|tudo bem com você|me ouve|está me ouvindo|me escuta)$/u,
  exclamation:
    /^que (?:bom|legal|ótimo|otimo|pena|chato|interessante|bacana|maravilha|show|beleza|coisa|loucura|máximo|bom saber)(?:\s|$)/u,
  embed:
    /(?:^|\s)(?:não sei|nao sei|não tenho certeza|vou ver|vou verificar|vou checar|vou confirmar|vou perguntar|a gente vê|vamos ver|depende de)(?:\s|$)/u,
  complementizers: wordSet(`que quando onde como quem`),
  complementTakers: wordSet(`obrigado obrigada acho sei disse falei`),
  or: wordSet(`ou`),
  vagueOr:
    / (?:ou algo assim|ou coisa assim|ou qualquer coisa|ou mais|ou menos|mais ou menos|ou sei lá|ou tal|ou algo) /gu,
};

/**
 * Portuguese: the kind of question `sentence` is, or null when it is not a (counted) question.
 * @example classifyPortuguese("quantos vendedores vocês têm") // "open"
 */
export function classifyPortuguese(sentence: string): QuestionKind | null {
  return classifyLexical(sentence, PORTUGUESE);
}
