/** Portuguese patterns of the rules summary (next steps with their dates, CRM fields). */
import type { SummaryRules } from "../types.js";

const WEEKDAYS =
  "segunda(?:-feira)?|ter[cç]a(?:-feira)?|quarta(?:-feira)?|quinta(?:-feira)?|sexta(?:-feira)?|s[aá]bado|domingo";
const MONTHS = "janeiro|fevereiro|mar[cç]o|abril|maio|junho|julho|agosto|setembro|outubro|novembro|dezembro";
const HOURS =
  "(?:[àa]s|pelas|a)\\s+(?:uma|duas|tr[eê]s|quatro|cinco|seis|sete|oito|nove|dez|onze|doze|\\d{1,2}(?::\\d{2}|h\\d{0,2})?)(?:\\s+(?:horas?|da\\s+manh[aã]|da\\s+tarde|e\\s+meia))?";
const B = "(?<![\\p{L}\\p{N}])";
const E = "(?![\\p{L}\\p{N}])";

export const SUMMARY: SummaryRules = {
  due: new RegExp(
    [
      `${B}(?:(?:na|nesta|no|neste|at[eé]\\s+a|at[eé])\\s+)?(?:pr[oó]xim[ao]\\s+)?(?:${WEEKDAYS})(?:\\s+que\\s+vem)?(?:\\s+(?:de\\s+manh[aã]|[àa]\\s+tarde))?(?:\\s+${HOURS})?${E}`,
      `${B}(?:(?:at[eé]|em|no\\s+dia)\\s+)?\\d{1,2}\\s+de\\s+(?:${MONTHS})${E}`,
      `${B}(?:na\\s+)?(?:pr[oó]xima|esta|nesta)\\s+semana${E}|${B}semana\\s+que\\s+vem${E}`,
      `${B}(?:at[eé]\\s+o\\s+)?fi(?:m|nal)\\s+do\\s+(?:m[eê]s|trimestre|ano)${E}`,
      `${B}(?:hoje|amanh[aã])(?:\\s+${HOURS})?${E}`,
    ].join("|"),
    "iu",
  ),
  dueLead: /^(?:(?:na|nesta|no|neste|até a|ate a|até|ate|em|a|o)\s+)+/iu,
  dueHasTime: /\d|\s[àa]s\s|\bas\s/i,
  commitSelf: [
    /(?<![\p{L}])(?:te |lhe |vos )?(?:envio|mando|enviarei|agendo|agendamos|preparo|marco|marcamos|compartilho|confirmo|ligo)(?![\p{L}])/iu,
    /(?<![\p{L}])(?:vou|vamos)\s+(?:enviar|mandar|agendar|preparar|marcar|compartilhar|ligar|conversar|nos falar)(?![\p{L}])/iu,
    /(?<![\p{L}])(?:nos falamos|fica marcado|combinado para)(?![\p{L}])/iu,
  ],
  commitOther:
    /(?<![\p{L}])(?:pode|poderia|consegue|voc[eê]s? (?:pode|podem|consegue|conseguem)|conseguem)\s+(?:enviar|mandar|confirmar|compartilhar|encaminhar|passar)(?![\p{L}])/iu,
  nextStepLead: /pr[oó]ximo passo/iu,
  named:
    /(?<![\p{L}])(\p{Lu}\p{Ll}+)\s+(?:vai enviar|enviar[aá]|vai confirmar|confirmar[aá]|vai revisar|revisar[aá])(?![\p{L}])/u,
  notNames: /^(?:eu|n[oó]s|voc[eê]|ele|ela|isso|isto|tamb[eé]m|depois)$/i,
  commitSplits: [/,?\s+e\s+(?=(?:te |lhe )?(?:envio|agendamos|mando|preparo|vamos|vou)(?![\p{L}]))/iu],
  clauseSplit: /(?:,\s*(?:e|mas|ent[aã]o)\s+|;\s*)/iu,
  meeting: /reuni[aã]o|liga[cç][aã]o|call|demo|demonstra[cç][aã]o|apresenta[cç][aã]o|piloto|agend|marca/iu,
  painStrong: /problema|perd|manual|na m[aã]o|excel|planilha|erros|multas?|reclama|atras/giu,
  painWeak: /dif[ií]cil|complicad|lent[oa]|horas|preocup|risco/giu,
  number: /\d|por cento|horas?|reais|euros?|mil|milh[oõ]es/iu,
  decisionCue: /decid|decis[aã]o|aprov|assina|[uú]ltima palavra|or[cç]amento|dar o ok/iu,
  titles: [
    /(diretor(?:a)? (?:financeir[oa]|geral|comercial|de opera[cç][oõ]es|de tecnologia|de log[ií]stica)|CFO|gerente de \p{L}+|coordenador(?:a)? de \p{L}+)/giu,
  ],
  roleName: null,
  namedDecider: null,
  competitorCue:
    /(?:[Uu]samos|[Uu]tilizamos|[Tt]rabalhamos com|[Tt]estamos|[Oo]lhamos|[Cc]omparando com|[Aa]valiando)\s+((?:\p{Lu}[\p{L}\p{N}.&+-]*)(?:\s+\p{Lu}[\p{L}\p{N}.&+-]*){0,2})/gu,
  notProducts: "Excel Google Microsoft Teams Zoom Slack Word PDF SMS".split(" "),
  money: /[$€£]\s?\d|R\$\s?\d|\d\s?(?:reais|euros?|mil|k)(?![\p{L}])/iu,
  budget: /or[cç]amento|verba|reserv|separ/iu,
  budgetVerb: /pag|cust|pre[cç]o|invest|gast|or[cç]ament/iu,
  notBudget: /multa|perd/iu,
  deadline: /prazo|data limite|antes d|lan[cç]amento|come[cç]ar|funcionando|rodando|renova[cç]|vence/iu,
  date: new RegExp(`${MONTHS}|trimestre|pr[oó]ximo ano|este ano|(?<!\\d)20\\d\\d(?!\\d)`, "iu"),
  invitation:
    /^(?:[\p{L}]+,\s*)?(?:me conta|me conte|conta pra mim|me explica|me explique|descreva|fale)(?![\p{L}])/iu,
};
