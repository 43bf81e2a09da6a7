/**
 * The built-in discovery and negotiation playbooks in French (demo and renewal are used in
 * English until translated): titles, example phrasings and signals, light-stemmed.
 */
import type { PlaybookTranslation } from "../types.js";

export const PLAYBOOKS: Record<string, PlaybookTranslation> = {
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
