/**
 * German objection lexicons: category cues and handling cues, in the notation of
 * src/coaching/objections-lexicon.ts; umlauts also as ae/oe/ue.
 */
import { type CategoryLexicon, compile, compileAny, type HandlingLexicon } from "../../objections-lexicon.js";

const DECIDERS = `(?:meinem |meiner |unserem |unserer |dem |der |den |unseren )?(?:chef~|gesch[aä]ftsf[uü]hr~|geschaeftsfuehr~|vorstand|finanzabteilung|finanzchef~|einkauf|rechtsabteilung|team|cfo|gf|kollegen|partner~|it)`;

export const DE: CategoryLexicon = {
  neutral: compile(
    [
      "kein problem",
      "(ist |wäre |waere )?nicht (so |zu )?teuer",
      "(das )?budget (ist )?(freigegeben|eingeplant|vorhanden)",
    ],
    "g",
  ),
  pain: compile([
    "(unsere|die) (kosten|ausgaben|verluste|strafen)( \\S+){0,3} (sind )?(zu |sehr )?(hoch|gestiegen)",
    "(wir verlieren|wir zahlen|wir bezahlen) (viel|zu viel|tausende)",
  ]),
  offer: compile([
    "(ihr|ihre|ihren|euer|eure|dieser|diese|dieses) (preis|angebot|lizenz~|abo|tarif)",
    "pro (nutzer|lizenz|monat|jahr|fahrzeug)",
  ]),
  cues: {
    price: compileAny([
      "(zu |sehr |ziemlich |etwas |recht )?teuer",
      "teurer als",
      "(sprengt|[uü]bersteigt|[uü]berschreitet|ueberschreitet|ueberschreitet) (unser |das )?budget",
      "([uü]ber|ueber|au[sß]erhalb|ausserhalb) (unseres|unserem|des|dem) budget~",
      "(kein|nicht genug|zu wenig) budget",
      "(k[oö]nnen|koennen) (uns )?(das )?nicht leisten",
      "(der preis|die kosten|der betrag)( \\S+){0,3} (ist |sind |scheint |scheinen )?(zu )?hoch",
      "(g[uü]nstiger|guenstiger|billiger)",
      "rabatt",
      "nachlass",
      "lohnt sich nicht",
    ]),
    timing: compileAny([
      "(jetzt|gerade) nicht",
      "nicht der (richtige )?zeitpunkt",
      "(sp[aä]ter|spaeter|n[aä]chstes jahr|naechstes jahr|n[aä]chstes quartal|im n[aä]chsten quartal)",
      "(m[uü]ssen|muessen|muss) (wir |ich )?(noch )?(dar[uü]ber )?nachdenken",
      "vor \\S+ (k[oö]nnen|koennen|schaffen) wir (das |es )?(nicht|kaum)",
      "(sehr |v[oö]llig )?([uü]berlastet|ausgelastet|im stress)",
    ]),
    authority: compileAny([
      `(mit|bei) ${DECIDERS} (abstimmen|besprechen|kl[aä]ren|absprechen)`,
      `(abstimmen|besprechen|kl[aä]ren|r[uü]cksprache halten)( \\S+){0,3} (mit|bei) ${DECIDERS}`,
      "(das )?entscheide (nicht ich|ich nicht)",
      "(liegt|h[aä]ngt) nicht (nur )?(bei|von) mir",
      `${DECIDERS} (muss|m[uü]sste|wird) (das |es )?(erst )?(freigeben|genehmigen|unterschreiben|entscheiden)`,
    ]),
    need: compileAny([
      "(brauchen|ben[oö]tigen|benoetigen) (wir )?(das )?(eigentlich )?nicht",
      "kein bedarf",
      "(interessiert|interessant) (uns )?nicht",
      "(sehe|sehen) (ich |wir )?keinen (nutzen|mehrwert|bedarf)",
      "keine priorit[aä]t",
    ]),
    competitor: compileAny([
      "(nutzen|verwenden|haben) (bereits|schon) (ein|eine|einen) (anderes |andere |anderen )?(tool|l[oö]sung|anbieter|system|software)",
      "(die konkurrenz|der wettbewerb)",
      "(vergleichen|evaluieren) (gerade )?(mit |andere |ein anderes |eine andere )",
      "(ein |das )?anderes angebot",
    ]),
    trust: compileAny([
      "(vertrauen|trauen) (ihnen |euch )?nicht",
      "welche garantien?",
      "(datenschutz|datensicherheit)",
      "(haben|habe) (unsere |meine )?(bedenken|zweifel)",
    ]),
    other: compileAny([
      "(bin|sind) (mir |uns )?nicht (so )?(sicher|[uü]berzeugt|ueberzeugt)",
      "[uü]berzeugt mich nicht",
    ]),
  },
  askedCommitment: compile(["(starten wir|legen wir los|unterschreiben|passt (ihnen )?das)"]),
  mentionedPrice: compile(["(preis|kostet|kosten|euro|#)"]),
  shortRefusal: compile(["^(nein|nein danke|vorerst nicht|jetzt nicht)[.!]*$"]),
  shortPriceReaction: compile([
    "^(oh|puh|uff|wow)?[ ,.!]*(das ist )?(viel|teuer|ganz sch[oö]n teuer|zu teuer)[.!]*$",
  ]),
  counterOffer: compile(["(und )?(wenn|wie w[aä]re es mit|was ist mit|f[uü]r) ¤"]),
};

export const DE_HANDLING: HandlingLexicon = {
  acknowledge: compileAny([
    "(ich )?verstehe",
    "das verstehe ich",
    "(sie haben|du hast) (v[oö]llig |vollkommen |absolut )?recht",
    "(das ist )?(eine )?(berechtigte|gute|faire|nachvollziehbare) (frage|sorge|anmerkung)",
    "(absolut |v[oö]llig )?nachvollziehbar",
    "(viele|andere|einige) kunden (sagen|sagten|hatten|fragen)",
  ]),
  confirm: compileAny([
    "(beantwortet|kl[aä]rt|l[oö]st) (das|dies) (ihre|die|ihr)",
    "(passt das|ist das (so )?(in ordnung|okay|ok)|klingt das gut|passt das f[uü]r sie)\\?",
    "(haben sie|gibt es) (noch )?(weitere |andere )?(fragen|bedenken)",
    "was (halten|meinen) sie (davon)?",
  ]),
  value: compileAny([
    "#",
    "\\d+ ?(%|prozent|stunden|tage|wochen|monate|kunden)",
    "(kunden|unternehmen|firmen)( \\S+)? (wie|[aä]hnlich)",
    "(spar~|reduzier~|senk~|amortisier~|rechnet sich|zahlt sich)",
    "(pilot~|test~|demo|garantie)",
    "(inklusive|enthalten|integration)",
    "(zum beispiel|das hei[sß]t|weil)",
    "(wir k[oö]nnen|ich kann) (ihnen )?(schicken|senden|zeigen|vorbereiten|anbieten|gehen|runtergehen)",
    "(wenn wir|wenn sie|im gegenzug|ich schlage vor)",
  ]),
  relevant: {
    price: compile([
      "(preis~|kosten|spar~|amortis~|budget~|euro|rabatt~|zahlung~|investition~|strafe~|vertragsstraf~|tausend|pro jahr|pro nutzer|#)",
    ]),
    timing: compile([
      "(schnell~|tage|wochen|einf[uü]hrung|start~|frist~|wann|jetzt|sp[aä]ter|warten|oktober|september)",
    ]),
    authority: compile([
      "(gesch[aä]ftsf[uü]hr~|chef~|vorstand|pr[aä]sentation|termin|entscheid~|freigabe|unterlagen|zusammenfassung|schicken|gemeinsam)",
    ]),
    need: compile(["(problem~|ergebnis~|hilf~|bedarf|ziel~|risik~|verlier~)"]),
    competitor: compile([
      "(unterschied~|vergleich~|besser|schneller|migration|wechsel~|integr~|excel|tabelle~)",
    ]),
    trust: compile(["(referenz~|fallstudie~|kunden|sicherheit|garantie~|pilot~|test~|jahre|zertifi~|daten)"]),
    other: null,
  },
  accept: compile([
    "(einverstanden|in ordnung|okay|passt|perfekt|klingt gut|[uü]berzeugt|macht sinn|ergibt sinn|nachvollziehbar|verstanden|so geht das)",
    "^(ja|ok|gut|passt)[.!]*$",
  ]),
  reject: compile([
    "^nein[,.!]?",
    "^nein[.!]*$",
    "(trotzdem|immer noch|[uü]berzeugt mich nicht|hilft nicht)",
  ]),
  backchannel: compile(["^(ja|jo|mhm|hm+|okay|ok|genau|verstehe|alles klar|aha)( (ja|genau))?[.!?,]*$"]),
  stop: new Set(
    `der die das den dem des ein eine einen einem einer und oder aber dass für mit ohne ist sind war sein haben hat
    wir ich sie er es ihr ihre unser unsere mein meine nicht kein keine schon sehr mehr auch noch nur wie wann wo was
    wer welche alles vor nach dann also gut heute so da hier`.split(/\s+/),
  ),
};
