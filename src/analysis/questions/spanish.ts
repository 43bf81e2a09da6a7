/**
 * Spanish question rules for the shared engine (lexical.ts). Spanish writes the question word with
 * an accent ("qué", "cómo", "cuándo") and the unaccented form as a conjunction ("que", "como",
 * "cuando"), so without "¿…?" an accented question word still marks an open question. Yes/no
 * questions are intonation; without marks only a few heads survive: subject inversion with
 * "usted/ustedes" ("¿tienen ustedes…"), "¿me puede…", "¿hay algún…", "¿les parece…", "¿ya
 * tienen…", and tags ("…, ¿verdad?", "…, ¿no?", "¿o no?"). Hand-written; no data mined.
 */
import { classifyLexical, type LexicalRules, wordSet } from "./lexical.js";
import type { QuestionKind } from "./types.js";

const NOT_VERB = wordSet(`a al de del en con por para sin sobre según entre hasta desde hacia como que y o u
  pero ni gracias si sí no ya también tampoco solo sólo para`);

export const SPANISH: LexicalRules = {
  leading: wordSet(`bueno pues entonces y o pero mira mire oye oiga vale ok okey bien perfecto genial claro
    sí no eh em ehm este mm ah ajá aja entiendo excelente muy gracias ahora además luego hola buenas dígame
    dime díganme oiga fíjese fíjate`),
  leadingPairs: wordSet(`o_sea a_ver por_cierto una_pregunta otra_pregunta muy_bien está_bien de_acuerdo
    muchas_gracias y_bueno pues_bueno buenos_días buenas_tardes`),
  wh: wordSet(`qué cómo cuándo dónde adónde quién quiénes cuál cuáles cuánto cuánta cuántos cuántas`),
  whMarked: wordSet(`que como cuando donde quien quienes cual cuales cuanto cuanta cuantos cuantas`),
  whPrefix: wordSet(`a de en con por para desde hasta hacia y o`),
  adverbialWh: wordSet(`cuando donde como`),
  whAfterClauseNeedsMark: false,
  subordinate: /^$/,
  request:
    /^(?:(?:me|nos) )?(?:(?:puede|podría|podrías|puedes|pueden|podrían)(?: usted| ustedes)? (?:(?:me|nos) )?(?:contar|explicar|describir|comentar|detallar|platicar|hablar|decir cómo|decir qué|decir por qué|mostrar cómo)|cuénteme|cuéntame|cuéntenos|cuéntenme|cuentenme|cuenteme|cuentame|explíqueme|explícame|explíquenos|expliqueme|explicame|descríbame|descríbeme|descríbanos|describame|coménteme|coméntame|coménteme|comenteme|platíqueme|platícame|háblame|hábleme|háblenos|hableme|hablame|explique|describa|detalle)(?:\s|$)/u,
  asking:
    /^(?:me gustaría|quería|quisiera|queríamos|quisiéramos|me interesa|nos gustaría|me interesaría) (?:mucho )?(?:saber|entender|preguntarle|preguntarles|preguntarte|preguntar|conocer|oír|escuchar)\b/u,
  whether: wordSet(`si`),
  yesNoHead:
    /^(?:(?:me|nos) (?:puede|podría|puedes|podrías|pueden|podrían)|(?:puede|podría|pueden|podrían) (?:usted|ustedes)|hay (?:algún|alguna|alguien|algo|forma|manera|posibilidad)|existe (?:algún|alguna|la posibilidad)|(?:es|sería) posible|(?:les|le|te) (?:parece|parecería|interesa|interesaría|viene bien|sirve|funciona|queda bien|gustaría)|(?:ustedes |usted )?ya (?:tienen|tiene|usan|usa|trabajan|trabaja|cuentan|han|ha)|(?:tienen|tiene) (?:algún|alguna|presupuesto)|cuentan con|han (?:pensado|considerado|visto|probado|evaluado)|alguna vez)(?:\s|$)/u,
  inverted: (t, i) => {
    const v = t[i];
    const s = t[i + 1];
    return v !== undefined && !NOT_VERB.has(v) && (s === "usted" || s === "ustedes");
  },
  strongTag:
    /(?:^|\s)(?:o no|sí o no|no le parece|no les parece|no te parece|no cree|no creen|no crees|no es así)$|(?:^|\s)(?!(?:la|es|de|decir|en|una|toda|pura|su|mi|tu|gran|sea|era|fue|sí|no|y|o) )\S+ verdad$/u,
  weakTags: wordSet(`verdad no cierto vale correcto sí bien ok okey eh`),
  notAsked:
    /^(?:en serio|de verdad|de veras|verdad|sí|si|no|ah sí|ah si|ah no|ah|cómo|como|qué|que|perdón|perdone|disculpe|mande|cierto|vale|ok|okey|bueno|ya|claro|a poco|no me digas|y eso|y|o|entonces|pues|ajá|aja|eh|mm|hm|sí o no|quién sabe|qué le vamos a hacer|qué se le va a hacer|por qué no|qué más da|y qué|qué sé yo|yo qué sé|cómo no|hola|qué tal|cómo está|cómo están|cómo estás|cómo le va|cómo les va|cómo te va|qué tal todo|cómo va todo|cómo va|me escucha|me escuchan|me oye|me oyen)$/u,
  exclamation:
    /^qué (?:bien|bueno|buena|pena|lástima|raro|suerte|interesante|maravilla|horror|genial|barbaridad|rollo|fuerte|increíble|curioso|alegría|gusto|padre|chévere|bárbaro|lindo|bonito)(?:\s|$)/u,
  embed:
    /(?:^|\s)(?:no sé|no se|no estoy seguro|no estoy segura|no recuerdo|no me acuerdo|vamos a ver|voy a ver|depende de|voy a preguntar|le pregunto|les pregunto|le confirmo|les confirmo|te confirmo|lo consulto|lo reviso|lo averiguo|veremos)(?:\s|$)/u,
  complementizers: wordSet(``),
  complementTakers: wordSet(`gracias`),
  or: wordSet(`o u`),
  vagueOr: / (?:o algo así|o algo|o lo que sea|o así|más o menos|o por ahí|o menos|o más) /gu,
};

/**
 * Spanish: the kind of question `sentence` is, or null when it is not a (counted) question.
 * @example classifySpanish("cuántos vendedores tienen") // "open"
 */
export function classifySpanish(sentence: string): QuestionKind | null {
  return classifyLexical(sentence, SPANISH);
}
