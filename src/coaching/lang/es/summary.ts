/** Spanish patterns of the rules summary (next steps with their dates, CRM fields). */
import type { SummaryRules } from "../types.js";

const WEEKDAYS = "lunes|martes|mi[eé]rcoles|jueves|viernes|s[aá]bado|domingo";
const MONTHS =
  "enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre";
const HOURS =
  "(?:a\\s+las?|sobre\\s+las?|hacia\\s+las?)\\s+(?:una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce|\\d{1,2}(?::\\d{2})?)(?:\\s+(?:y\\s+media|y\\s+cuarto|de\\s+la\\s+ma[nñ]ana|de\\s+la\\s+tarde|en\\s+punto))?";
const B = "(?<![\\p{L}\\p{N}])";
const E = "(?![\\p{L}\\p{N}])";

export const SUMMARY: SummaryRules = {
  due: new RegExp(
    [
      `${B}(?:(?:el|este|para\\s+el|antes\\s+del|hasta\\s+el)\\s+)?(?:pr[oó]ximo\\s+)?(?:${WEEKDAYS})(?:\\s+que\\s+viene)?(?:\\s+por\\s+la\\s+(?:ma[nñ]ana|tarde))?(?:\\s+${HOURS})?${E}`,
      `${B}(?:(?:el|para\\s+el|antes\\s+del|hasta\\s+el)\\s+)?\\d{1,2}\\s+de\\s+(?:${MONTHS})${E}`,
      `${B}(?:la\\s+)?(?:pr[oó]xima|esta)\\s+semana${E}|${B}la\\s+semana\\s+que\\s+viene${E}`,
      `${B}(?:a|para|antes\\s+de)\\s+final(?:es)?\\s+de\\s+(?:mes|semana|a[nñ]o|trimestre)${E}`,
      `${B}(?:hoy|ma[nñ]ana|pasado\\s+ma[nñ]ana)(?:\\s+${HOURS})?${E}`,
    ].join("|"),
    "iu",
  ),
  dueLead: /^(?:(?:el|este|para el|antes del|hasta el|para|antes de|a|la)\s+)+/iu,
  dueHasTime: /\d|\sa las?\s|\ba las?\s/i,
  commitSelf: [
    /(?<![\p{L}])(?:le |te |les |se lo |se la )?(?:env[ií]o|enviar[eé]|mando|mandar[eé]|agendo|agendamos|agendaremos|preparo|preparar[eé]|programo|programamos|reservo|organizo|llamo|llamar[eé]|comparto|compartir[eé]|confirmo)(?![\p{L}])/iu,
    /(?<![\p{L}])(?:vamos a|voy a)\s+(?:enviar|mandar|agendar|preparar|programar|reservar|organizar|compartir|llamar|reunirnos|vernos|hablar)(?![\p{L}])/iu,
    /(?<![\p{L}])(?:nos vemos|quedamos en|quedamos el)(?![\p{L}])/iu,
  ],
  commitOther:
    /(?<![\p{L}])(?:puede|podr[ií]a|podr[ií]as|puedes|me puede|nos puede)\s+(?:enviar|mandar|confirmar|compartir|invitar|pasar|reenviar)(?![\p{L}])/iu,
  nextStepLead: /(?:pr[oó]ximo|siguiente) paso/iu,
  named:
    /(?<![\p{L}])(\p{Lu}\p{Ll}+)\s+(?:enviar[aá]|va a enviar|confirmar[aá]|revisar[aá]|preparar[aá])(?![\p{L}])/u,
  notNames: /^(?:yo|nosotros|usted|ella|eso|esto|tambi[eé]n|luego)$/i,
  commitSplits: [
    /,?\s+y\s+(?=(?:le |te |les )?(?:env[ií]o|agendamos|mando|preparo|vamos a|voy a)(?![\p{L}]))/iu,
  ],
  clauseSplit: /(?:,\s*(?:y|pero|as[ií] que|entonces)\s+|;\s*)/iu,
  meeting: /reuni[oó]n|llamada|demo|demostraci[oó]n|presentaci[oó]n|piloto|videollamada|agend|nos vemos/iu,
  painStrong:
    /problema|pierd|perd[ei]|manual|a mano|excel|hojas? de c[aá]lculo|errores|multas?|penalizaci|quej|retras/giu,
  painWeak: /dif[ií]cil|complicad|lent[oa]|tarde|horas|preocup|riesgo/giu,
  number: /\d|por ciento|horas?|euros?|d[oó]lares|mil(?:es)?|millones?/iu,
  decisionCue: /decid|decisi[oó]n|aprueb|aprob|firma|[uú]ltima palabra|presupuesto|visto bueno/iu,
  titles: [
    /(director(?:a)? (?:financier[oa]|general|comercial|de operaciones|de tecnolog[ií]a|de log[ií]stica|de sistemas)|gerente general|jef[ea] de \p{L}+)/giu,
  ],
  roleName: null,
  namedDecider: null,
  competitorCue:
    /(?:[Uu]samos|[Uu]tilizamos|[Tt]rabajamos con|[Pp]robamos|[Mm]iramos|[Cc]omparando con|[Cc]omparamos con|[Ee]valuando)\s+((?:\p{Lu}[\p{L}\p{N}.&+-]*)(?:\s+\p{Lu}[\p{L}\p{N}.&+-]*){0,2})/gu,
  notProducts: "Excel Google Microsoft Teams Zoom Slack Word PDF SMS".split(" "),
  money: /[$€£]\s?\d|\d\s?(?:€|euros?|d[oó]lares|mil|k)(?![\p{L}])/iu,
  budget: /presupuesto|partida|asignad|reservad/iu,
  budgetVerb: /pag|cost|precio|invert|gast|presupuest/iu,
  notBudget: /multa|penalizaci|perd/iu,
  deadline:
    /plazo|fecha l[ií]mite|antes de|lanzamiento|arrancar|poner en marcha|funcionando|renovaci|vence/iu,
  date: new RegExp(`${MONTHS}|trimestre|pr[oó]ximo a[nñ]o|este a[nñ]o|(?<!\\d)20\\d\\d(?!\\d)`, "iu"),
  invitation:
    /^(?:[\p{L}]+,\s*)?(?:cu[eé]nteme|cu[eé]ntame|cu[eé]ntenos|expl[ií]queme|expl[ií]came|descr[ií]bame|h[aá]bleme)(?![\p{L}])/iu,
};
