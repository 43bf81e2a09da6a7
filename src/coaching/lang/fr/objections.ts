/**
 * French objection lexicons: category cues and handling cues, in the notation of
 * src/coaching/objections-lexicon.ts; spoken forms without "ne" included, accents optional.
 */
import { type CategoryLexicon, compile, compileAny, type HandlingLexicon } from "../../objections-lexicon.js";

const DECIDERS = `(?:mon |ma |notre |le |la |les |nos )?(?:chef|patron|directeur~|directrice~|direction|associ[eé]~|conseil|juridique|achats|finances|[eé]quipe|dg|daf|comit[eé])`;

export const FR: CategoryLexicon = {
  neutral: compile(
    [
      "pas de (souci|probl[eè]me)",
      "(ce n'est|c'est) pas (si |trop |tr[eè]s )?cher",
      "(le )?budget (est |a [eé]t[eé] |est d[eé]j[aà] )?(valid[eé]|allou[eé]|r[eé]serv[eé])",
    ],
    "g",
  ),
  pain: compile([
    "(nos|les) (co[uû]ts|d[eé]penses|pertes|p[eé]nalit[eé]s)( \\S+){0,3} (sont )?(trop |tr[eè]s )?([eé]lev[eé]s|importants|[eé]normes)",
    "(nous perdons|on perd|nous payons|on paie) (beaucoup|trop)",
  ]),
  offer: compile([
    "(votre|vos|ce|cette) (prix|tarif|proposition|offre|licence|abonnement)",
    "par (utilisateur|licence|mois|an|v[eé]hicule)",
    "vous",
  ]),
  cues: {
    price: compileAny([
      "(trop |tr[eè]s |assez |un peu |plut[oô]t )?ch[eè]re?s?",
      "plus ch[eè]re? que",
      "(hors|au-dessus|au dessus) (de|du) (notre )?budget",
      "d[eé]passe (notre |le )?budget",
      "(pas|plus) (de|le) budget",
      "(le prix|le tarif|le co[uû]t|le montant)( \\S+){0,3} (est |me para[iî]t |semble )?(trop )?([eé]lev[eé]|haut|important)",
      "moins ch[eè]re?",
      "(une )?remise",
      "(un )?rabais",
      "(ne )?vaut pas (le coup|la peine)",
    ]),
    timing: compileAny([
      "pas (maintenant|tout de suite)",
      "(ce n'est|c'est) pas le (bon )?moment",
      "(plus tard|l'ann[eé]e prochaine|le trimestre prochain|le mois prochain)",
      "(il faut que|je dois|nous devons|on doit) (y )?r[eé]fl[eé]chir",
      "(avant|pas avant) \\S+,? (nous |on )?(ne )?(pouvons|pourrons|peut|pourra) pas",
      "(d[eé]bord[eé]s|surcharg[eé]s|tr[eè]s occup[eé]s)",
    ]),
    authority: compileAny([
      `(en parler|voir (ça|cela)?|valider|consulter|v[eé]rifier)( \\S+){0,2} avec ${DECIDERS}`,
      "(ce n'est|c'est) pas (moi )?qui (d[eé]cide|signe|valide)",
      "(ça|cela) ne d[eé]pend pas (que )?de moi",
      `${DECIDERS} (doit|devra) (valider|signer|approuver|d[eé]cider)`,
    ]),
    need: compileAny([
      "(nous |on )?n'en (avons|a) pas besoin",
      "pas besoin",
      "(ça|cela) ne (nous |m')?int[eé]resse pas",
      "(nous ne voyons|je ne vois|on ne voit) pas (l'int[eé]r[eê]t|la n[eé]cessit[eé])",
      "(ce n'est|c'est) pas une priorit[eé]",
    ]),
    competitor: compileAny([
      "(nous utilisons|on utilise|nous avons|on a) d[eé]j[aà] (un|une) (autre )?(outil|solution|prestataire|fournisseur|logiciel)",
      "la concurrence",
      "(nous comparons|on compare|nous [eé]valuons|on regarde) (avec |d'autres |une autre |un autre )",
    ]),
    trust: compileAny([
      "(nous ne|je ne|on ne) (vous )?(faisons|fais|fait) pas confiance",
      "quelles? garanties?",
      "s[eé]curit[eé] des donn[eé]es",
      "(nous avons|j'ai|on a) (des doutes|peur)",
    ]),
    other: compileAny([
      "(je ne suis|nous ne sommes|je suis|nous sommes) pas (s[uû]rs?|convaincus?)",
      "(ça|cela) ne (me|nous) convainc pas",
    ]),
  },
  askedCommitment: compile(["(on y va|on signe|on d[eé]marre|on lance|(ça|cela) vous (va|convient))"]),
  mentionedPrice: compile(["(prix|tarif|co[uû]te|co[uû]t|euros|#)"]),
  shortRefusal: compile(["^(non|non merci|pas pour l'instant|pas maintenant)[.!]*$"]),
  shortPriceReaction: compile([
    "^(ouh|oh|ah|waouh)?[ ,.!]*(c'est )?(beaucoup|cher|tr[eè]s cher|un peu cher)[.!]*$",
  ]),
  counterOffer: compile(["(et )?(si|que diriez-vous de|on peut|pour) ¤"]),
};

export const FR_HANDLING: HandlingLexicon = {
  acknowledge: compileAny([
    "je (vous |te )?comprends",
    "(vous avez|tu as) (tout [àa] fait )?raison",
    "(c'est )?(une )?(question|inqui[eé]tude|remarque) (tout [àa] fait )?(l[eé]gitime|normale|justifi[eé]e|pertinente)",
    "(c'est )(tout [àa] fait )?(normal|l[eé]gitime|compr[eé]hensible)",
    "(beaucoup de|d'autres|plusieurs) clients (nous )?(disent|ont dit|avaient|demandent)",
    "je vous entends",
  ]),
  confirm: compileAny([
    "(est-ce que )?(ça|cela) (r[eé]pond|r[eè]gle|l[eè]ve|vous convient|vous va)",
    "((ça|cela) vous (va|convient)|c'est clair)\\?",
    "(avez-vous|vous avez|reste-t-il) (d'autres |encore des )?(questions|doutes)",
    "qu'en pensez-vous",
  ]),
  value: compileAny([
    "#",
    "\\d+ ?(%|pour cent|heures|jours|semaines|mois|clients)",
    "(clients|entreprises)( \\S+)? (comme|similaires|semblables)",
    "(r[eé]duire|r[eé]duit|[eé]conomi~|gagn~|rentabilis~|rembours~|retour sur investissement|amorti~)",
    "(pilote|essai|d[eé]mo|garantie)",
    "(inclus~|int[eé]gration)",
    "(par exemple|c'est-[àa]-dire|parce que)",
    "(nous pouvons|je peux|on peut) (envoyer|montrer|pr[eé]parer|proposer|inclure|descendre|faire)",
    "(si nous signons|si on signe|en [eé]change|je vous propose)",
  ]),
  relevant: {
    price: compile([
      "(prix|co[uû]t~|[eé]conomi~|retour|budget~|euros|remise~|paiement~|investissement~|p[eé]nalit[eé]~|mille|par an|par utilisateur|signons|#)",
    ]),
    timing: compile([
      "(rapide~|jours|semaines|d[eé]ploiement|d[eé]lai~|date~|quand|maintenant|plus tard|attendre|octobre|septembre)",
    ]),
    authority: compile([
      "(directeur~|direction|chef|pr[eé]sentation|r[eé]union|d[eé]cision|valid~|document~|r[eé]sum[eé]|envoyer|ensemble)",
    ]),
    need: compile(["(probl[eè]me~|r[eé]sultat~|aid~|besoin~|objectif~|risque~|perd~)"]),
    competitor: compile([
      "(diff[eé]ren~|compar~|mieux|plus rapide|migration|changer|int[eé]gr~|excel|tableur)",
    ]),
    trust: compile([
      "(r[eé]f[eé]rence~|cas|clients|s[eé]curit[eé]|garantie~|pilote|essai|ans|certifi~|donn[eé]es)",
    ]),
    other: null,
  },
  accept: compile([
    "(d'accord|parfait|tr[eè]s bien|entendu|(ça|cela) marche|(ça|cela) me va|(ça|cela) se tient|c'est logique|c'est raisonnable|convaincu)",
    "^(oui|ok|d'accord|entendu)[.!]*$",
  ]),
  reject: compile([
    "^non[,.!]?",
    "^non[.!]*$",
    "(toujours|quand m[eê]me|(ça|cela) ne r[eè]gle pas|pas convaincu)",
  ]),
  backchannel: compile(["^(oui|ouais|d'accord|ok|hm+|mh+|ah|euh|je vois|entendu)( (oui|d'accord))?[.!?,]*$"]),
  stop: new Set(
    `le la les un une des de du au aux en et ou mais que qui pour par avec sans est sont était être avoir ce cet cette
    ces se sa son ses leur lui me mon ma mes te ton nous notre nos vous votre vos déjà très plus pas ne oui non comme quand
    où quel quelle il y a tout avant après seulement chose alors bien on`.split(/\s+/),
  ),
};
