/**
 * The demo and renewal built-ins in Spanish, German, French and Portuguese, on calls written for
 * them (fixtures/calls/<lang>/coaching-{demo,renewal}.txt). Each call was written to cover every
 * item but one — the demo never agrees an agenda, the renewal never asks about stakeholder
 * changes — and each status below was checked by hand against the transcript. The language is set
 * explicitly, so the tests do not depend on language detection.
 */
import { describe, expect, it } from "vitest";
import { coachFixture, statuses } from "./helpers.js";

interface Expected {
  language: string;
  rep: string;
  demo: { name: string; step: [string, string] };
  renewal: { name: string; stakeholders: string; step: [string, string] };
}

const LANGUAGES: Expected[] = [
  {
    language: "es",
    rep: "Lucía Fernández",
    demo: {
      name: "Demo a medida",
      step: ["agendamos la revisión técnica con sistemas el jueves a las diez", "el jueves a las diez"],
    },
    renewal: {
      name: "Renovación y riesgo de baja",
      stakeholders: "Cambios en el cliente",
      step: ["agendamos la formación el martes a las nueve", "el martes a las nueve"],
    },
  },
  {
    language: "pt",
    rep: "Ana Souza",
    demo: {
      name: "Demo sob medida",
      step: ["agendamos a revisão técnica com o TI na quinta às dez", "na quinta às dez"],
    },
    renewal: {
      name: "Renovação e risco de churn",
      stakeholders: "Mudanças no cliente",
      step: ["agendamos o treinamento na terça às nove", "na terça às nove"],
    },
  },
  {
    language: "fr",
    rep: "Claire Martin",
    demo: {
      name: "Démo sur mesure",
      step: ["calons la revue technique avec l'informatique jeudi à 10 h", "jeudi à 10 h"],
    },
    renewal: {
      name: "Renouvellement et risque de churn",
      stakeholders: "Changements chez le client",
      step: ["calons la formation mardi à 9 h", "mardi à 9 h"],
    },
  },
  {
    language: "de",
    rep: "Katrin Weber",
    demo: {
      name: "Maßgeschneiderte Demo",
      step: [
        "lassen Sie uns die technische Prüfung mit der IT am Donnerstag um zehn Uhr vereinbaren",
        "am Donnerstag um zehn Uhr",
      ],
    },
    renewal: {
      name: "Verlängerung und Kündigungsrisiko",
      stakeholders: "Veränderungen beim Kunden",
      step: ["lassen Sie uns die Schulung am Dienstag um neun Uhr vereinbaren", "am Dienstag um neun Uhr"],
    },
  },
];

for (const L of LANGUAGES) {
  const coach = (kind: "demo" | "renewal") =>
    coachFixture(`fixtures/calls/${L.language}/coaching-${kind}.txt`, {
      language: L.language,
      rep: L.rep,
      playbook: kind,
    });

  describe(`${L.language}: demo call`, () => {
    const c = coach("demo");

    it("is judged against the demo playbook in the call's language: all covered but the agenda", () => {
      expect(c.playbook?.name).toBe(L.demo.name);
      expect(statuses(c)).toEqual({
        "pain-recap": "covered",
        agenda: "missed",
        tailored: "covered",
        "check-ins": "covered",
        questions: "covered",
        value: "covered",
        "next-step": "covered",
      });
      expect(c.playbook?.score).toBeCloseTo(6 / 7, 4);
    });

    it("finds the dated technical review and raises no objection", () => {
      expect(c.summary.nextSteps.map((s) => [s.text, s.due])).toContainEqual(L.demo.step);
      expect(c.objections).toEqual([]);
    });
  });

  describe(`${L.language}: renewal call`, () => {
    const c = coach("renewal");

    it("is judged against the renewal playbook in the call's language: all covered but stakeholders", () => {
      expect(c.playbook?.name).toBe(L.renewal.name);
      expect(statuses(c)).toEqual({
        usage: "covered",
        "value-realised": "covered",
        risks: "covered",
        stakeholders: "missed",
        terms: "covered",
        "success-plan": "covered",
        "next-step": "covered",
      });
    });

    it("tells the rep, in the call's language, to ask about stakeholder changes next time", () => {
      expect(c.summary.toChange.some((t) => t.includes(L.renewal.stakeholders))).toBe(true);
      expect(c.summary.nextSteps.map((s) => [s.text, s.due])).toContainEqual(L.renewal.step);
    });
  });
}
