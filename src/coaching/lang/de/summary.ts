/** German patterns of the rules summary (next steps with their dates, CRM fields). */
import type { SummaryRules } from "../types.js";

const WEEKDAYS = "montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag";
const MONTHS = "januar|februar|m[aä]rz|maerz|april|mai|juni|juli|august|september|oktober|november|dezember";
const HOURS =
  "um\\s+(?:ein|eins|zwei|drei|vier|f[uü]nf|sechs|sieben|acht|neun|zehn|elf|zw[oö]lf|\\d{1,2}(?::\\d{2})?)(?:\\s*uhr(?:\\s*\\d{2})?)?";
const B = "(?<![\\p{L}\\p{N}])";
const E = "(?![\\p{L}\\p{N}])";

export const SUMMARY: SummaryRules = {
  due: new RegExp(
    [
      `${B}(?:(?:am|bis|ab|diesen|n[aä]chsten|kommenden|bis\\s+zum|bis\\s+n[aä]chsten)\\s+)?(?:${WEEKDAYS})(?:\\s*(?:vormittag|nachmittag|fr[uü]h))?(?:\\s+${HOURS})?${E}`,
      `${B}(?:(?:am|bis\\s+zum|zum)\\s+)?\\d{1,2}\\.\\s*(?:${MONTHS})${E}`,
      `${B}(?:n[aä]chste|kommende|diese)\\s+woche${E}`,
      `${B}(?:bis\\s+)?(?:ende\\s+(?:der\\s+woche|des\\s+monats|des\\s+quartals|des\\s+jahres)|monatsende|quartalsende)${E}`,
      `${B}(?:heute|morgen|[uü]bermorgen)(?:\\s+${HOURS})?${E}`,
    ].join("|"),
    "iu",
  ),
  dueLead: /^(?:(?:am|bis|ab|diesen|nächsten|naechsten|kommenden|zum|bis zum)\s+)+/iu,
  dueHasTime: /\d|\sum\s/i,
  commitSelf: [
    /(?<![\p{L}])(?:ich|wir)\s+(?:schicke|schicken|sende|senden|bereite|bereiten|plane|planen|buche|buchen|lade|laden|organisiere|organisieren|vereinbaren|melde|melden)(?![\p{L}])/iu,
    /(?<![\p{L}])(?:schicke|sende|bereite|plane|buche|lade)\s+ich(?![\p{L}])/iu,
    /(?<![\p{L}])(?:lassen sie uns|lass uns)(?![\p{L}])/iu,
    /(?<![\p{L}])(?:ich werde|wir werden)\s+(?:\p{L}+\s+){0,5}(?:schicken|senden|vorbereiten|planen|buchen|einladen|vereinbaren)(?![\p{L}])/iu,
  ],
  commitOther:
    /(?<![\p{L}])(?:k[oö]nnen sie|k[oö]nnten sie|kannst du)\s+(?:[\p{L}-]+\s+){0,6}(?:schicken|senden|best[aä]tigen|weiterleiten|geben|einladen)(?![\p{L}])/iu,
  nextStepLead: /n[aä]chste[rn]? schritt/iu,
  // German puts the verb second ("Zuerst prüft die IT…"): a capitalised word before a verb is no owner.
  named: null,
  notNames: /^(?:ich|wir|sie|er|es|das|der|die|dann|danach|auch)$/i,
  commitSplits: [/,?\s+und\s+(?=(?:ich|wir|lassen sie uns|lass uns)\s)/iu],
  clauseSplit: /(?:,\s*(?:und|aber|also|dann)\s+|;\s*)/iu,
  meeting:
    /termin|meeting|call|telefonat|demo|vorf[uü]hrung|pr[aä]sentation|pilot|gespr[aä]ch|vereinbaren|treffen/iu,
  painStrong:
    /problem|verlier|manuell|von hand|excel|tabelle|fehler|vertragsstraf|strafe|beschwer|versp[aä]t/giu,
  painWeak: /schwierig|kompliziert|langsam|stunden|sorge|risiko/giu,
  number: /\d|prozent|stunden?|euro|tausend|millionen?/iu,
  decisionCue: /entscheid|freigabe|freigeben|genehmig|unterschreib|unterzeichn|letzte wort|budget/iu,
  titles: [
    /(Finanzchef(?:in)?|Gesch[aä]ftsf[uü]hrer(?:in)?|Leiter(?:in)? (?:der |des )?\p{Lu}\p{Ll}+|Vorstand)/gu,
  ],
  roleName: null,
  namedDecider: null,
  competitorCue:
    /(?:[Nn]utzen|[Vv]erwenden|[Hh]aben|[Hh]atten)\s+(\p{Lu}[\p{L}\p{N}.&+-]*)\s+(?:getestet|ausprobiert|angeschaut|evaluiert|genutzt|im Einsatz)/gu,
  notProducts: "Excel Google Microsoft Teams Zoom Slack Word PDF SMS Sie Wir Ich".split(" "),
  money: /[$€£]\s?\d|\d\s?(?:€|euro|k)(?![\p{L}])|tausend euro/iu,
  budget: /budget|eingeplant|vorgesehen|freigegeben/iu,
  budgetVerb: /zahl|kost|preis|investi|ausgeb|budget/iu,
  notBudget: /strafe|vertragsstraf|verlier/iu,
  deadline: /frist|deadline|sp[aä]testens|bis zum|vor der|start|einf[uü]hr|live|laufen|verl[aä]nger/iu,
  date: new RegExp(`${MONTHS}|quartal|n[aä]chstes jahr|dieses jahr|(?<!\\d)20\\d\\d(?!\\d)`, "iu"),
  invitation:
    /^(?:[\p{L}]+,\s*)?(?:erz[aä]hlen sie|beschreiben sie|erkl[aä]ren sie|schildern sie)(?![\p{L}])/iu,
};
