import { describe, expect, it } from "vitest";
import { classifySentence, detectQuestions, type QuestionKind } from "./index.js";

const fr = (s: string): QuestionKind | null => classifySentence(s, { language: "fr-FR" });

describe("French: open questions, marked and unmarked", () => {
  it.each([
    "Comment vos commerciaux suivent-ils leurs appels ?",
    "comment vos commerciaux suivent leurs appels aujourd'hui",
    "Combien de commerciaux avez-vous ?",
    "combien de commerciaux avez-vous",
    "Qu'est-ce qui vous préoccupe le plus aujourd'hui ?",
    "qu'est-ce qui vous préoccupe le plus aujourd'hui",
    "Pourquoi avez-vous décidé de changer d'outil ?",
    "Avec qui d'autre êtes-vous en discussion ?",
    "Qui prend la décision finale",
    "Quel est le plus gros problème de l'équipe",
    "Racontez-moi comment fonctionne votre processus de vente.",
    "Pouvez-vous m'expliquer comment vous évaluez les commerciaux ?",
    "J'aimerais comprendre comment vous priorisez les comptes.",
    "Du coup, vous commencez quand ?",
    "Vous êtes combien dans l'équipe ?",
    "Alors, dites-moi, comment ça se passe aujourd'hui ?",
  ])("%s → open", (s) => expect(fr(s)).toBe("open"));
});

describe("French: closed questions", () => {
  it.each([
    "Vous utilisez Salesforce ?",
    "Est-ce que vous avez un budget pour cela ?",
    "est-ce que vous avez un budget pour cela",
    "Avez-vous déjà un outil d'enregistrement",
    "Y a-t-il une date limite pour décider",
    "Pouvons-nous commencer par un pilote",
    "Le contrat est annuel, n'est-ce pas ?",
    "le contrat est annuel n'est-ce pas",
    "Vous signez ce mois-ci ou pas",
    "Vous utilisez HubSpot, non ?",
    "Vous préférez l'offre de base ou l'offre avancée ?",
    "Quelle offre préférez-vous, la base ou l'avancée ?",
    "Ça vous va mardi à onze heures",
    "Je voulais savoir si vous aviez un budget validé.",
    "Ne pensez-vous pas que c'est trop tôt",
  ])("%s → closed", (s) => expect(fr(s)).toBe("closed"));
});

describe("French: not questions", () => {
  it.each([
    "On utilise Salesforce depuis deux ans.",
    "on utilise salesforce depuis deux ans",
    "Quand on a lancé le projet, on n'avait pas de CRM.",
    "quand on a lancé le projet on n'avait pas de crm",
    "Quand même, c'est cher.",
    "Je ne sais pas quand la direction va décider.",
    "Je pense que c'est une bonne idée.",
    "Je pense, que c'est une bonne idée.",
    "Quel dommage !",
    "Ah bon ?",
    "Vraiment ?",
    "Comment allez-vous ?",
    "Bonjour, ça va ?",
    "Pourquoi pas ?",
    "Je pense que non.",
    "On se voit au rendez-vous de mardi.",
    "Dites-moi si vous avez besoin de quelque chose.",
  ])("%s → not a question", (s) => expect(fr(s)).toBeNull());
});

describe("French: utterances", () => {
  it("finds the questions of an utterance in order", () => {
    expect(
      detectQuestions(
        "Merci, Claire. Combien de commerciaux avez-vous ? Et vous utilisez HubSpot, non ? Je vous envoie la démo.",
        {
          language: "fr",
        },
      ),
    ).toEqual([
      { text: "Combien de commerciaux avez-vous ?", kind: "open" },
      { text: "Et vous utilisez HubSpot, non ?", kind: "closed" },
    ]);
  });
  it("keeps a bare tag with its statement", () => {
    expect(detectQuestions("Vous utilisez HubSpot. N'est-ce pas ?", { language: "fr" })).toEqual([
      { text: "Vous utilisez HubSpot. N'est-ce pas ?", kind: "closed" },
    ]);
  });
  it.each(["", " ?", "euh...", "ben euh", "qu'"])("%j never throws", (s) => {
    expect(() => detectQuestions(s, { language: "fr" })).not.toThrow();
  });
});
