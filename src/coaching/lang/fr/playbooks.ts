/**
 * The built-in playbooks (fixtures/playbooks/*.yaml) in French: titles, example phrasings and
 * signals, light-stemmed.
 */
import type { PlaybookTranslation } from "../types.js";

const CORE: Record<string, PlaybookTranslation> = {
  discovery: {
    name: "Découverte (BANT + MEDDICC)",
    items: {
      pain: {
        title: "Problème et son impact",
        examples: [
          "Qu'est-ce qui vous amène à chercher une solution maintenant ?",
          "Quel problème voulez-vous résoudre ?",
          "Que se passe-t-il si rien ne change ?",
        ],
        required: [
          "pourquoi maintenant",
          "qu'est-ce qui vous amène",
          "problème",
          "difficulté",
          "que se passe-t-il si",
          "impact",
          "combien ça vous coûte",
        ],
      },
      metrics: {
        title: "Indicateurs : l'impact en chiffres",
        examples: [
          "Combien de temps cela prend-il chaque semaine ?",
          "Combien de commandes sont concernées ?",
          "Comment allez-vous mesurer le succès ?",
        ],
        required: [
          "combien",
          "quel pourcentage",
          "à quelle fréquence",
          "mesurer",
          "retour sur investissement",
        ],
      },
      "economic-buyer": {
        title: "Décideur économique identifié",
        examples: ["Qui signe un achat comme celui-ci ?", "Qui a le dernier mot sur le budget ?"],
        required: ["qui signe", "dernier mot", "qui valide", "qui décide", "feu vert"],
      },
      "decision-criteria": {
        title: "Critères de décision",
        examples: [
          "Quels critères sont indispensables ?",
          "Comment allez-vous comparer les options ?",
          "Qu'est-ce qui serait un succès pour vous ?",
        ],
        required: [
          "critères",
          "indispensable",
          "indispensables",
          "exigences",
          "comment allez-vous comparer",
          "un succès pour vous",
        ],
      },
      "decision-process": {
        title: "Processus de décision",
        examples: [
          "Comment se passe le processus jusqu'à la signature ?",
          "Les achats ou le juridique interviennent-ils ?",
        ],
        required: ["processus", "validation", "achats", "juridique", "revue de sécurité", "quelles étapes"],
      },
      budget: {
        title: "Budget",
        examples: ["Avez-vous un budget prévu pour cela ?", "Quelle enveloppe envisagez-vous ?"],
        required: ["budget", "enveloppe", "combien comptez-vous investir"],
        forbidden: ["remise"],
        why: "Proposer une remise en découverte dévalorise l'offre avant d'en avoir montré la valeur.",
      },
      timeline: {
        title: "Délais et échéance",
        examples: ["Pour quand en avez-vous besoin ?", "Y a-t-il une date qui fixe l'échéance ?"],
        required: ["délai", "échéance", "date limite", "pour quand", "opérationnel", "en place"],
      },
      authority: {
        title: "Qui participe à la décision",
        examples: [
          "Qui d'autre participe à une décision comme celle-ci ?",
          "À part vous, qui choisit l'outil ?",
        ],
        required: ["qui d'autre", "à part vous", "participe à la décision", "participent à la décision"],
      },
      champion: {
        title: "Allié interne",
        examples: [
          "Seriez-vous prêt à le présenter au directeur financier ?",
          "Qu'est-ce qui vous aiderait à défendre le projet en interne ?",
        ],
        required: ["présenter", "défendre", "en interne", "sponsor"],
      },
      competition: {
        title: "Solution actuelle et concurrence",
        examples: [
          "Qu'utilisez-vous aujourd'hui ?",
          "Avez-vous regardé d'autres outils ?",
          "Qui d'autre évaluez-vous ?",
        ],
        required: [
          "d'autres outils",
          "utilisez-vous",
          "avez-vous regardé",
          "évaluez",
          "alternative",
          "concurrence",
          "testé",
        ],
      },
      "next-step": {
        title: "Prochaine étape fixée",
        examples: [
          "Calons une démo mardi à 11 h.",
          "Mardi à 11 h, ça vous va ?",
          "Je vous envoie l'invitation.",
        ],
        required: ["prochaine étape", "calons", "planifions", "invitation", "agenda", "ça vous va"],
      },
    },
  },
  negotiation: {
    name: "Négociation et prix",
    items: {
      "value-recap": {
        title: "Rappel de la valeur avant le prix",
        examples: [
          "Avant de parler chiffres, rappelons ce que cela vous apporte.",
          "Le business case montrait un retour en cinq mois.",
        ],
        required: [
          "avant de parler chiffres",
          "rappelons",
          "business case",
          "s'amortit",
          "retour sur investissement",
        ],
      },
      "buyer-criteria": {
        title: "Ce qu'il faut pour un oui",
        examples: [
          "Que vous faudrait-il dans la proposition pour signer ?",
          "Aidez-moi à comprendre d'où vient ce chiffre.",
        ],
        required: ["que vous faudrait-il", "aidez-moi à comprendre", "le plus important", "d'où vient"],
      },
      "trade-concessions": {
        title: "Concessions échangées, pas données",
        examples: [
          "Si nous signons sur deux ans, je peux baisser le prix par utilisateur.",
          "En échange, seriez-vous notre référence ?",
        ],
        required: ["si nous signons", "si on signe", "en échange", "deux ans", "trois ans"],
      },
      "paper-process": {
        title: "Processus de signature",
        examples: [
          "Qui signe le contrat de votre côté, et le juridique doit-il le relire ?",
          "Combien de temps prennent les achats ?",
        ],
        required: ["qui signe", "juridique", "achats", "contrat", "signature"],
      },
      "decision-maker": {
        title: "Décideur impliqué",
        examples: [
          "Le directeur financier rejoint-il le prochain appel ?",
          "Qui a le dernier mot sur le budget ?",
        ],
        required: ["directeur financier", "dernier mot", "valider", "feu vert"],
      },
      "mutual-plan": {
        title: "Plan commun daté",
        examples: [
          "Je vous envoie le contrat révisé aujourd'hui ; pouvez-vous le passer au juridique d'ici mercredi ?",
          "Le plan : signature avant le 30.",
        ],
        required: ["d'ici vendredi", "d'ici mercredi", "le plan", "prochaine étape", "calendrier"],
      },
    },
  },
};

const NEXT_STEP = CORE.discovery!.items["next-step"]!;

const DEMO: PlaybookTranslation = {
  name: "Démo sur mesure",
  items: {
    "pain-recap": {
      title: "Rappel du problème",
      examples: [
        "La dernière fois, vous m'avez dit que la planification des tournées prend trois heures chaque matin ; c'est toujours le cas ?",
        "Je reprends ce que j'ai entendu lors de notre dernier échange.",
        "Avant de commencer, quelque chose a changé depuis notre dernier échange ?",
      ],
      required: [
        "la dernière fois",
        "dernier échange",
        "vous m'avez dit",
        "vous avez mentionné",
        "quelque chose a changé",
        "je reprends",
      ],
    },
    agenda: {
      title: "Ordre du jour validé",
      examples: [
        "Je vous propose ce déroulé pour les quarante-cinq prochaines minutes, ça vous convient ?",
        "Y a-t-il un écran que vous tenez à voir en priorité ?",
        "Le plan est de montrer trois parcours et de garder du temps pour vos questions.",
      ],
      required: [
        "ordre du jour",
        "je vous propose ce déroulé",
        "déroulé",
        "le plan est",
        "ça vous convient",
        "tenez à voir",
      ],
    },
    tailored: {
      title: "Adaptée à leur cas",
      examples: [
        "Je vous montre ce que cela donnerait pour vos planificateurs.",
        "J'ai chargé un échantillon de vos commandes pour que vous voyiez vos propres tournées.",
        "Pour votre équipe, voici l'écran qui ouvre la journée.",
      ],
      required: [
        "pour votre équipe",
        "vos données",
        "vos commandes",
        "votre processus",
        "dans votre cas",
        "vos propres",
      ],
      forbidden: ["toutes les fonctionnalités", "chaque fonctionnalité"],
      why: "Un tour de toutes les fonctionnalités ne parle pas du problème du client et le lasse.",
    },
    "check-ins": {
      title: "Points de contrôle pendant la démo",
      examples: [
        "Qu'est-ce que ça donne par rapport à ce que vous faites aujourd'hui ?",
        "Est-ce que c'est clair jusqu'ici ?",
        "Vos chauffeurs l'utiliseraient comme ça ?",
        "Quelles questions avez-vous sur cette partie ?",
      ],
      // No hyphenated inversions here ("se compare-t-il"): signals are matched word by word.
      required: [
        "c'est clair",
        "par rapport à ce que vous faites",
        "quelles questions",
        "des questions",
        "ça vous parle",
      ],
    },
    questions: {
      title: "Répond aux questions du client",
      examples: [
        "Est-ce que ça marche avec de vieux téléphones Android ?",
        "Peut-on modifier des commandes en cours de journée ?",
        "Combien de temps prend l'intégration ?",
        "Si un chauffeur est malade, il se passe quoi ?",
      ],
      required: [
        "ça marche avec",
        "peut-on",
        "est-il possible",
        "comment ça marche",
        "que se passe-t-il si",
        "combien de temps prend",
      ],
    },
    value: {
      title: "Valeur dans leurs chiffres",
      examples: [
        "Ce sont ces trois heures chaque matin, qui tombent à vingt minutes.",
        "Vous repassez ainsi au-dessus de quatre-vingt-quinze pour cent de livraisons à l'heure.",
        "Le pilote est rentabilisé en un trimestre.",
      ],
      required: [
        "rentabilisé",
        "retour sur investissement",
        "économie",
        "économisez",
        "heures",
        "pour cent",
        "par mois",
        "par an",
      ],
      forbidden: ["le meilleur du marché", "leader du marché"],
      why: "Se dire le meilleur du marché ne remplace pas les chiffres du client.",
    },
    "next-step": { ...NEXT_STEP, required: [...NEXT_STEP.required, "plan du pilote", "proposition"] },
  },
};

const RENEWAL: PlaybookTranslation = {
  name: "Renouvellement et risque de churn",
  items: {
    usage: {
      title: "Revue de l'usage et de l'adoption",
      examples: [
        "Regardons comment l'équipe utilise l'outil.",
        "Combien de vos planificateurs se connectent chaque jour ?",
        "Quelles équipes ne l'ont pas encore adopté ?",
      ],
      required: ["usage", "utilisation", "adoption", "utilisateurs actifs", "se connectent", "adopté"],
    },
    "value-realised": {
      title: "Résultats face aux objectifs",
      examples: [
        "Au départ, l'objectif était quatre-vingt-quinze pour cent à l'heure ; où en êtes-vous ?",
        "Comment cela se compare-t-il aux objectifs fixés ?",
        "Quels résultats avez-vous vus depuis la mise en service ?",
      ],
      required: [
        "objectif",
        "objectifs",
        "résultats",
        "depuis la mise en service",
        "économisé",
        "business case",
      ],
    },
    risks: {
      title: "Risques et obstacles",
      examples: [
        "Qu'est-ce qui pourrait vous faire hésiter à renouveler ?",
        "Y a-t-il quelque chose qui vous freine ?",
        "Qu'est-ce qui ne fonctionne pas pour vous ?",
        "Regardez-vous d'autres options ?",
      ],
      required: ["risque", "obstacle", "vous freine", "ne fonctionne pas", "hésiter", "d'autres options"],
    },
    stakeholders: {
      title: "Changements chez le client",
      examples: [
        "Quelque chose a changé de votre côté, de nouvelles personnes, une réorganisation ?",
        "Est-ce toujours vous qui signez le renouvellement ?",
        "Qui d'autre devrait participer à la discussion sur le renouvellement ?",
      ],
      required: [
        "quelque chose a changé",
        "nouvelles personnes",
        "réorganisation",
        "toujours vous qui",
        "qui d'autre",
        "a quitté l'entreprise",
      ],
    },
    terms: {
      title: "Conditions de renouvellement et d'extension",
      examples: [
        "Votre contrat arrive à échéance le 1er mars.",
        "Prévoit-on plus de licences pour l'an prochain ?",
        "Parlons des conditions du renouvellement.",
      ],
      required: ["renouvellement", "renouveler", "contrat", "licences", "étendre", "extension", "conditions"],
      forbidden: ["remise"],
      why: "Une remise au renouvellement sans contrepartie déprécie le produit.",
    },
    "success-plan": {
      title: "Plan de succès convenu",
      examples: [
        "Écrivons les objectifs du prochain trimestre et qui porte chacun.",
        "Je prépare un plan de succès avec des dates.",
        "Que vise-t-on d'ici la fin du trimestre ?",
      ],
      required: ["plan de succès", "plan d'action", "qui porte", "responsable", "d'ici la fin", "vise-t-on"],
    },
    "next-step": { ...NEXT_STEP, required: [...NEXT_STEP.required, "se revoir", "formation"] },
  },
};

export const PLAYBOOKS: Record<string, PlaybookTranslation> = { ...CORE, demo: DEMO, renewal: RENEWAL };
