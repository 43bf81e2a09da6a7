/**
 * Spanish, German, French and Portuguese coaching on hand-written calls
 * (fixtures/calls/<lang>/coaching-{discovery,negotiation}.txt), each expectation checked by hand
 * against its transcript: the rep's questions, playbook items, objections with categories and
 * handling, next steps with their dates, and summary text in the call's language. The language is
 * set explicitly, so these tests do not depend on language detection.
 */
import { describe, expect, it } from "vitest";
import type { Handling, ObjectionCategory } from "../../src/coaching/contract.js";
import { coachFixture, repQuestions, runAnalyze, statuses } from "./helpers.js";

interface Expected {
  language: string;
  rep: string;
  discovery: {
    playbookName: string;
    questions: string[];
    covered: number;
    objection: { category: ObjectionCategory; text: string; handling: Handling; resolved: boolean };
    meeting: { text: string; due: string };
    summary: RegExp[];
    crm: { budget: string | null; timeline: string | null; competitors: string[] };
  };
  negotiation: {
    playbookName: string;
    objections: Array<[ObjectionCategory, string, Partial<Handling>]>;
    steps: Array<[string, string | null]>;
    summary: RegExp[];
  };
  labels: string[];
}

const ALL: Handling = { acknowledged: true, clarified: true, responded: true, confirmed: true };

const LANGUAGES: Expected[] = [
  {
    language: "es",
    rep: "Lucía Fernández",
    discovery: {
      playbookName: "Descubrimiento (BANT + MEDDICC)",
      questions: [
        "¿Cuántos pedidos reparten al día y qué porcentaje llega con retraso?",
        "¿Quién tiene la última palabra sobre el presupuesto?",
        "¿Eso resuelve la duda?",
        "¿Le viene bien el martes a las once?",
      ],
      covered: 11,
      objection: {
        category: "price",
        text: "Sinceramente, es más caro de lo que teníamos previsto.",
        handling: ALL,
        resolved: true,
      },
      meeting: {
        text: "agendamos una demo con Carmen y sistemas el martes a las once",
        due: "el martes a las once",
      },
      summary: [
        /^Lucía Fernández habló con Javier Morales \(4 min\); el principal problema planteado: «/,
        /El playbook «Descubrimiento \(BANT \+ MEDDICC\)» obtuvo un 100% \(11 de 11 puntos cubiertos, 0 en parte\)/,
        /surgió 1 objeción \(precio\), 1 bien tratada/,
        /Próximo paso: agendamos una demo con Carmen y sistemas el martes a las once\.$/,
      ],
      crm: {
        budget: "Hemos reservado unos veinte mil euros al año",
        timeline: "Antes de la temporada alta, es decir, antes del 1 de septiembre",
        competitors: ["Routific"],
      },
    },
    negotiation: {
      playbookName: "Negociación y precio",
      objections: [
        ["price", "Pero veinte mil euros al año se sale de nuestro presupuesto.", ALL],
        [
          "timing",
          "Solo una cosa: cambiamos de proveedor de sistemas en septiembre, antes de octubre no podemos implantarlo.",
          { responded: false },
        ],
      ],
      steps: [
        ["Le envío hoy el contrato revisado", "hoy"],
        [
          "Y agendamos una llamada el próximo lunes a las diez para cerrar los temas de seguridad",
          "el próximo lunes a las diez",
        ],
      ],
      summary: [
        /surgieron 2 objeciones \(precio, momento\), 1 bien tratada/,
        /obtuvo un 100% \(6 de 6 puntos cubiertos/,
      ],
    },
    labels: [
      "Participantes",
      "Métricas de la llamada",
      "Playbook: Descubrimiento",
      "Objeciones (1",
      "Resumen",
      "A mejorar",
    ],
  },
  {
    language: "pt",
    rep: "Ana Souza",
    discovery: {
      playbookName: "Descoberta (BANT + MEDDICC)",
      questions: [
        "Quantos pedidos vocês entregam por dia e que percentual chega atrasado?",
        "Quem tem a última palavra sobre o orçamento?",
        "Isso resolve a sua dúvida?",
        "Terça às onze funciona para você?",
      ],
      covered: 11,
      objection: {
        category: "price",
        text: "Sinceramente, está mais caro do que a gente planejava.",
        handling: ALL,
        resolved: true,
      },
      meeting: { text: "agendamos uma demo com a Carla e o TI na terça às onze", due: "na terça às onze" },
      summary: [
        /^Ana Souza conversou com Rafael Lima \(4 min\); a principal dor levantada: «/,
        /O playbook «Descoberta \(BANT \+ MEDDICC\)» ficou em 100% \(11 de 11 itens cobertos, 0 em parte\)/,
        /surgiu 1 objeção \(preço\), 1 bem tratada/,
        /Próximo passo: agendamos uma demo com a Carla e o TI na terça às onze\.$/,
      ],
      crm: {
        budget: "Separamos uns cem mil reais por ano",
        timeline: "Antes da alta temporada, ou seja, até 1 de setembro",
        competitors: ["Routific"],
      },
    },
    negotiation: {
      playbookName: "Negociação e preço",
      objections: [
        ["price", "Mas cem mil reais por ano está fora do nosso orçamento.", ALL],
        [
          "timing",
          "Só um ponto: vamos trocar o fornecedor de TI em setembro, antes de outubro não conseguimos implantar.",
          { responded: false },
        ],
      ],
      steps: [
        ["Te envio hoje o contrato revisado", "hoje"],
        ["Vocês conseguem passar ao jurídico até quarta?", "até quarta"],
        [
          "E agendamos uma ligação na próxima segunda às dez para fechar os temas de segurança",
          "na próxima segunda às dez",
        ],
      ],
      summary: [
        /surgiram 2 objeções \(preço, momento\), 1 bem tratada/,
        /ficou em 100% \(6 de 6 itens cobertos/,
      ],
    },
    labels: [
      "Participantes",
      "Métricas da ligação",
      "Playbook: Descoberta",
      "Objeções (1",
      "Resumo",
      "Para melhorar",
    ],
  },
  {
    language: "fr",
    rep: "Claire Martin",
    discovery: {
      playbookName: "Découverte (BANT + MEDDICC)",
      questions: [
        "Combien de commandes livrez-vous par jour, et quel pourcentage arrive en retard ?",
        "Qui a le dernier mot sur le budget ?",
        "Est-ce que cela répond à votre question ?",
        "Mardi à 11 h, ça vous va ?",
      ],
      covered: 11,
      objection: {
        category: "price",
        text: "Honnêtement, c'est plus cher que ce que nous avions prévu.",
        handling: ALL,
        resolved: true,
      },
      meeting: { text: "calons une démo avec Sophie et l'informatique mardi à 11 h", due: "mardi à 11 h" },
      summary: [
        /^Claire Martin a échangé avec Julien Bernard \(4 min\) ; principal problème soulevé : « /,
        /Le playbook « Découverte \(BANT \+ MEDDICC\) » obtient 100 % \(11 points sur 11 couverts, 0 en partie\)/,
        /1 objection \(prix\), 1 bien traitée/,
        /Prochaine étape : calons une démo avec Sophie et l'informatique mardi à 11 h\.$/,
      ],
      crm: {
        budget: "Nous avons prévu environ dix-huit mille euros par an",
        timeline: "opérationnel avant le 1er septembre",
        competitors: ["Routific"],
      },
    },
    negotiation: {
      playbookName: "Négociation et prix",
      objections: [
        ["price", "Mais dix-huit mille euros par an, ça dépasse notre budget.", ALL],
        [
          "timing",
          "Un point quand même : nous changeons de prestataire informatique en septembre, avant octobre on ne peut pas le déployer.",
          { responded: false },
        ],
      ],
      steps: [
        ["Je vous envoie aujourd'hui le contrat révisé", "aujourd'hui"],
        ["Pouvez-vous le passer au juridique d'ici mercredi ?", "d'ici mercredi"],
        [
          "Et calons un appel lundi prochain à 10 h pour boucler les questions de sécurité",
          "lundi prochain à 10 h",
        ],
      ],
      summary: [
        /2 objections \(prix, calendrier\), 1 bien traitée/,
        /obtient 100 % \(6 points sur 6 couverts/,
      ],
    },
    labels: [
      "Participants",
      "Indicateurs de l'appel",
      "Playbook: Découverte",
      "Objections (1",
      "Synthèse",
      "À travailler",
    ],
  },
  {
    language: "de",
    rep: "Katrin Weber",
    discovery: {
      playbookName: "Erstgespräch (BANT + MEDDICC)",
      questions: [
        "Wie viele Aufträge liefern Sie pro Tag aus, und wie hoch ist der Anteil der verspäteten Lieferungen?",
        "Wer hat beim Budget das letzte Wort?",
        "Beantwortet das Ihre Frage?",
        "Passt Ihnen Dienstag um elf Uhr?",
      ],
      covered: 11,
      objection: {
        category: "price",
        text: "Ehrlich gesagt ist das teurer als wir geplant hatten.",
        handling: ALL,
        resolved: true,
      },
      meeting: {
        text: "lassen Sie uns eine Demo mit Sabine und der IT am Dienstag um elf Uhr vereinbaren",
        due: "am Dienstag um elf Uhr",
      },
      summary: [
        /^Katrin Weber sprach mit Markus Schmidt \(4 Min\.\); größtes Problem: „/,
        /Playbook „Erstgespräch \(BANT \+ MEDDICC\)“: 100 % \(11 von 11 Punkten abgedeckt, 0 teilweise\)/,
        /1 Einwand \(Preis\), 1 behandelt/,
        /Nächster Schritt: lassen Sie uns eine Demo mit Sabine und der IT am Dienstag um elf Uhr vereinbaren\.$/,
      ],
      crm: {
        budget: "Wir haben etwa zwanzigtausend Euro pro Jahr eingeplant",
        timeline: "spätestens bis Anfang September",
        competitors: ["Routific"],
      },
    },
    negotiation: {
      playbookName: "Verhandlung und Preis",
      objections: [
        ["price", "Aber zwanzigtausend Euro im Jahr sprengt unser Budget.", ALL],
        [
          "timing",
          "Nur ein Punkt: wir wechseln im September den IT-Dienstleister, vor Oktober können wir das nicht einführen.",
          { responded: false },
        ],
      ],
      steps: [
        ["Ich schicke Ihnen heute den überarbeiteten Vertrag", "heute"],
        ["Können Sie ihn bis Mittwoch an die Rechtsabteilung geben?", "bis Mittwoch"],
        [
          "Und lassen Sie uns nächsten Montag um zehn Uhr einen Termin vereinbaren, um die Sicherheitsfragen zu klären",
          "nächsten Montag um zehn Uhr",
        ],
      ],
      summary: [/2 Einwände \(Preis, Zeitpunkt\), 1 behandelt/, /100 % \(6 von 6 Punkten abgedeckt/],
    },
    labels: [
      "Teilnehmer",
      "Gesprächskennzahlen",
      "Playbook: Erstgespräch",
      "Einwände (1",
      "Zusammenfassung",
      "Daran arbeiten",
    ],
  },
];

for (const L of LANGUAGES) {
  const fixture = (kind: string) => `fixtures/calls/${L.language}/coaching-${kind}.txt`;

  describe(`${L.language}: discovery call`, () => {
    const c = coachFixture(fixture("discovery"), { language: L.language, rep: L.rep, playbook: "discovery" });
    const d = L.discovery;

    it("finds the rep's questions", () => {
      const qs = repQuestions(c, L.rep);
      for (const q of d.questions) expect(qs).toContain(q);
    });

    it("matches the discovery playbook in the call's language", () => {
      expect(c.playbook?.name).toBe(d.playbookName);
      expect(Object.values(statuses(c)).filter((s) => s === "covered")).toHaveLength(d.covered);
    });

    it("finds the price objection alone, with its handling", () => {
      expect(c.objections.map((o) => [o.category, o.text])).toEqual([
        [d.objection.category, d.objection.text],
      ]);
      expect(c.objections[0]!.handling).toEqual(d.objection.handling);
      expect(c.objections[0]!.resolved).toBe(d.objection.resolved);
    });

    it("books the Tuesday-at-11 meeting as the next step", () => {
      expect(c.summary.nextSteps).toContainEqual({ text: d.meeting.text, owner: L.rep, due: d.meeting.due });
      expect(c.crm.nextStep).toBe(d.meeting.text);
    });

    it("writes the summary in the call's language and fills the CRM fields", () => {
      for (const re of d.summary) expect(c.summary.text).toMatch(re);
      expect(c.summary.text).not.toMatch(/spoke with|playbook scored|objections? came up|Next step:/);
      expect(c.crm.budget).toBe(d.crm.budget);
      expect(c.crm.timeline).toBe(d.crm.timeline);
      expect(c.crm.competitors).toEqual(d.crm.competitors);
    });

    it("does not credit discovery items to the negotiation call", () => {
      const n = coachFixture(fixture("negotiation"), {
        language: L.language,
        rep: L.rep,
        playbook: "discovery",
      });
      expect(n.playbook!.score).toBeLessThan(0.6);
      expect(statuses(n).competition).toBe("missed");
    });
  });

  describe(`${L.language}: negotiation call`, () => {
    const c = coachFixture(fixture("negotiation"), {
      language: L.language,
      rep: L.rep,
      playbook: "negotiation",
    });
    const n = L.negotiation;

    it("covers the negotiation playbook in the call's language", () => {
      expect(c.playbook?.name).toBe(n.playbookName);
      expect(Object.values(statuses(c))).toEqual(Array(6).fill("covered"));
    });

    it("finds each objection with its category and handling", () => {
      expect(c.objections.map((o) => [o.category, o.text])).toEqual(
        n.objections.map(([cat, text]) => [cat, text]),
      );
      n.objections.forEach(([, , handling], i) => {
        expect(c.objections[i]!.handling).toMatchObject(handling);
      });
    });

    it("finds the dated next steps and summarises in the call's language", () => {
      const steps = c.summary.nextSteps.map((s) => [s.text, s.due]);
      for (const step of n.steps) expect(steps).toContainEqual(step);
      for (const re of n.summary) expect(c.summary.text).toMatch(re);
    });
  });

  it(`${L.language}: the CLI's human output uses the call's language`, async () => {
    const { code, stdout } = await runAnalyze([
      fixture("discovery"),
      "--engine",
      "rules",
      "--language",
      L.language,
      "--rep",
      L.rep,
    ]);
    expect(code).toBe(0);
    for (const label of L.labels) expect(stdout).toContain(label);
    expect(stdout).not.toMatch(/\b(?:Speakers|Call metrics|Work on|Summary)\b/);
  });
}
