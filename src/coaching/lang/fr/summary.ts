/** French patterns of the rules summary (next steps with their dates, CRM fields). */
import type { SummaryRules } from "../types.js";

const WEEKDAYS = "lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche";
const MONTHS =
  "janvier|f[eé]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|novembre|d[eé]cembre";
const HOURS =
  "(?:[àa]|vers)\\s+(?:(?:une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|\\d{1,2})\\s*h(?:eures?)?(?:\\s*\\d{2}|\\s+et\\s+demie)?|midi)";
const B = "(?<![\\p{L}\\p{N}])";
const E = "(?![\\p{L}\\p{N}])";

export const SUMMARY: SummaryRules = {
  due: new RegExp(
    [
      `${B}(?:(?:ce|d['’]ici|avant|jusqu['’][àa]|pour)\\s+)?(?:${WEEKDAYS})(?:\\s+prochain)?(?:\\s+(?:matin|apr[eè]s-midi))?(?:\\s+${HOURS})?${E}`,
      `${B}(?:(?:le|avant\\s+le|d['’]ici\\s+le)\\s+)?\\d{1,2}(?:er)?\\s+(?:${MONTHS})${E}`,
      `${B}(?:la\\s+)?semaine\\s+prochaine${E}|${B}cette\\s+semaine${E}`,
      `${B}(?:(?:d['’]ici|avant|[àa])\\s+la\\s+)?fin\\s+(?:du\\s+(?:mois|trimestre)|de\\s+(?:l['’]ann[eé]e|la\\s+semaine))${E}`,
      `${B}(?:aujourd['’]hui|demain)(?:\\s+${HOURS})?${E}`,
    ].join("|"),
    "iu",
  ),
  dueLead: /^(?:(?:ce|d['’]ici|avant|jusqu['’][àa]|pour|le|la)\s+)+/iu,
  dueHasTime: /\d|\s[àa]\s/i,
  commitSelf: [
    /(?<![\p{L}])(?:je|nous|on)\s+(?:vous |t['’]|l['’]|les |le |la )?(?:envoie|enverrai|envoyons|pr[eé]pare|pr[eé]parerai|planifie|planifions|r[eé]serve|organise|cale|calons|partage|confirme|rappelle)(?![\p{L}])/iu,
    /(?<![\p{L}])(?:je vais|nous allons|on va)\s+(?:vous |t['’]|l['’]|les )?(?:envoyer|pr[eé]parer|planifier|caler|organiser|r[eé]server|partager|appeler|nous voir|faire)(?![\p{L}])/iu,
    /(?<![\p{L}])(?:calons|planifions|fixons|pr[eé]voyons)(?![\p{L}])/iu,
  ],
  commitOther:
    /(?<![\p{L}])(?:pouvez-vous|pourriez-vous|vous pouvez|vous pourriez|peux-tu)\s+(?:me |nous |le |la |les )?(?:envoyer|transmettre|confirmer|partager|passer|faire suivre)(?![\p{L}])/iu,
  nextStepLead: /prochaine [eé]tape/iu,
  named: /(?<![\p{L}])(\p{Lu}\p{Ll}+)\s+(?:enverra|va envoyer|confirmera|va confirmer|validera)(?![\p{L}])/u,
  notNames: /^(?:je|nous|vous|il|elle|on|cela|ça|aussi|ensuite)$/i,
  commitSplits: [
    /,?\s+et\s+(?=(?:je |nous |on )?(?:vous |t['’])?(?:envoie|calons|planifions|pr[eé]pare|vais|allons)(?![\p{L}]))/iu,
  ],
  clauseSplit: /(?:,\s*(?:et|mais|donc|alors)\s+|;\s*)/iu,
  meeting:
    /r[eé]union|rendez-vous|appel|d[eé]mo|d[eé]monstration|pr[eé]sentation|pilote|visio|calons|planifions/iu,
  painStrong: /probl[eè]me|perd|manuel|[àa] la main|excel|tableur|erreurs|p[eé]nalit[eé]s?|plaign|retard/giu,
  painWeak: /difficile|compliqu|lent|heures|inqui[eè]t|risque/giu,
  number: /\d|pour cent|heures?|euros?|mille|millions?/iu,
  decisionCue: /d[eé]cid|d[eé]cision|valide|approuv|sign|dernier mot|budget|feu vert/iu,
  titles: [
    /(directeur (?:financier|g[eé]n[eé]ral|commercial|des op[eé]rations|technique|logistique)|directrice (?:financi[eè]re|g[eé]n[eé]rale|commerciale|des op[eé]rations|logistique)|DAF|DSI|responsable (?:du |de la |des )?(?:planning|transport|exploitation|informatique|achats))/giu,
  ],
  roleName: null,
  namedDecider: null,
  competitorCue:
    /(?:[Nn]ous utilisons|[Oo]n utilise|[Nn]ous avons test[eé]|[Oo]n a test[eé]|[Nn]ous avons essay[eé]|[Oo]n a essay[eé]|compar[eé] avec|[ÉéEe]valuons)\s+((?:\p{Lu}[\p{L}\p{N}.&+-]*)(?:\s+\p{Lu}[\p{L}\p{N}.&+-]*){0,2})/gu,
  notProducts: "Excel Google Microsoft Teams Zoom Slack Word PDF SMS".split(" "),
  money: /[$€£]\s?\d|\d\s?(?:€|euros?|k)(?![\p{L}])|\d+\s+mille\s+euros|mille euros/iu,
  budget: /budget|enveloppe|avons pr[eé]vu|r[eé]serv/iu,
  budgetVerb: /pay|co[uû]t|prix|invest|d[eé]pens|budget/iu,
  notBudget: /p[eé]nalit|perd/iu,
  deadline:
    /d[eé]lai|date limite|avant |lancement|d[eé]marrer|op[eé]rationnel|en place|renouvel|[eé]ch[eé]ance/iu,
  date: new RegExp(
    `${MONTHS}|trimestre|l['’]ann[eé]e prochaine|cette ann[eé]e|(?<!\\d)20\\d\\d(?!\\d)`,
    "iu",
  ),
  invitation:
    /^(?:[\p{L}]+,\s*)?(?:racontez-moi|expliquez-moi|d[eé]crivez|parlez-moi|dites-moi)(?![\p{L}])/iu,
};
