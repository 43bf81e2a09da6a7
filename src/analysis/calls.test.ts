/**
 * Realistic calls per language (fixtures/calls/<lang>/*.txt, written for these tests) with
 * hand-checked analysis results: the language detected, every question with its kind, and the
 * fillers of each speaker — on the transcript as written and on the same words without
 * punctuation, lower-cased (what ASR without punctuation gives).
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Transcript } from "../transcript/model.js";
import { parseTranscript } from "../transcript/parse.js";
import { analyzeTranscript } from "./analyze.js";

/** [speaker, kind, the question's first words]. */
type Q = [string, "open" | "closed", string];
interface Expected {
  questions: Q[];
  fillers: Record<string, number>;
}
interface CallCase {
  file: string;
  rep: string;
  language: string;
  punctuated: Expected;
  unpunctuated: Expected;
}

const load = (file: string): Transcript =>
  parseTranscript(readFileSync(`fixtures/calls/${file}`, "utf8"), { file }).transcript;

/** The transcript's words without punctuation, lower-cased; timings and speakers kept. */
const stripped = (t: Transcript): Transcript => ({
  ...t,
  utterances: t.utterances.map((u) => ({
    ...u,
    text: u.text
      .toLowerCase()
      .replace(/[.,;:!?¿¡…"«»]/gu, " ")
      .replace(/\s+/gu, " ")
      .trim(),
  })),
});

function check(t: Transcript, c: CallCase, want: Expected): void {
  const a = analyzeTranscript(t, { rep: [c.rep] });
  expect(a.language).toBe(c.language);
  const got = a.questions.map((q) => `${q.speaker} ${q.kind} ${q.text}`);
  expect(got).toHaveLength(want.questions.length);
  want.questions.forEach(([speaker, kind, start], i) => {
    expect(got[i]!.toLowerCase()).toContain(`${speaker} ${kind} ${start}`.toLowerCase());
  });
  const fillers = Object.fromEntries(a.speakers.map((s) => [s.id, s.fillerWords]));
  expect(fillers).toEqual(want.fillers);
}

const CALLS: CallCase[] = [
  {
    file: "es/discovery.txt",
    rep: "Marta",
    language: "es",
    punctuated: {
      questions: [
        ["Marta", "open", "Para empezar, cuénteme"],
        ["Marta", "open", "¿Y cómo revisan"],
        ["Marta", "open", "¿Cuántas llamadas"],
        ["Marta", "closed", "Usan Salesforce, ¿verdad?"],
        ["Marta", "open", "¿Y qué es lo que"],
        ["Marta", "open", "¿Por qué cree"],
        ["Marta", "closed", "¿Tienen ustedes"],
        ["Marta", "open", "¿Quién más"],
        ["Marta", "closed", "¿Hay algún presupuesto"],
        ["Marta", "closed", "¿Le parece bien"],
      ],
      fillers: { Marta: 0, Javier: 6 },
    },
    unpunctuated: {
      // The request follows other words in its utterance: without sentence marks it is not at a head.
      questions: [
        ["Marta", "open", "y cómo revisan"],
        ["Marta", "open", "cuántas llamadas"],
        ["Marta", "closed", "usan salesforce verdad"],
        ["Marta", "open", "y qué es lo que"],
        ["Marta", "open", "por qué cree"],
        ["Marta", "closed", "entiendo tienen ustedes"],
        ["Marta", "open", "quién más"],
        ["Marta", "closed", "hay algún presupuesto"],
        ["Marta", "closed", "perfecto le parece bien"],
      ],
      fillers: { Marta: 0, Javier: 6 },
    },
  },
  {
    file: "es/negotiation.txt",
    rep: "Marta",
    language: "es",
    punctuated: {
      questions: [
        ["Marta", "open", "¿Y qué les pareció?"],
        ["Marta", "open", "¿Con qué lo están"],
        ["Marta", "closed", "¿Qué parte del precio"],
        ["Marta", "closed", "¿Eso les ayudaría?"],
        ["Javier", "closed", "Este, otra cosa, ¿el piloto"],
        ["Marta", "closed", "¿Firmarían el contrato"],
        ["Marta", "closed", "Entonces empezamos el piloto el lunes, ¿no?"],
        ["Marta", "open", "¿Cuándo les viene bien"],
      ],
      fillers: { Marta: 0, Javier: 5 },
    },
    unpunctuated: {
      // Intonation-only yes/no questions and the options of "la licencia o la implantación" need marks.
      questions: [
        ["Marta", "open", "y qué les pareció"],
        ["Marta", "open", "entiendo con qué lo están"],
        ["Marta", "open", "qué parte del precio"],
        ["Marta", "open", "cuándo les viene bien"],
      ],
      // "este otra cosa": without the comma "este" could be the demonstrative, so it is not counted.
      fillers: { Marta: 0, Javier: 4 },
    },
  },
  {
    file: "pt/discovery.txt",
    rep: "Rafael",
    language: "pt",
    punctuated: {
      // Ana's "…, né." tags end with "." in the transcript: heard as statements, not counted.
      questions: [
        ["Rafael", "open", "Pra começar, me conta"],
        ["Rafael", "open", "E como vocês acompanham"],
        ["Rafael", "open", "Quantas ligações"],
        ["Rafael", "closed", "Vocês usam o Pipedrive, certo?"],
        ["Rafael", "open", "Qual é o maior problema"],
        ["Rafael", "open", "Por que você acha"],
        ["Rafael", "closed", "Vocês já têm alguma meta"],
        ["Rafael", "open", "Quem mais participa"],
        ["Rafael", "closed", "Tem algum orçamento"],
        ["Rafael", "closed", "Podemos marcar uma demo"],
      ],
      // Ana: então, então, tipo, é…, né (inside the sentence), tipo; not "esse tipo de", not a final "né".
      fillers: { Rafael: 0, Ana: 6 },
    },
    unpunctuated: {
      questions: [
        ["Ana", "closed", "tudo ótimo então a gente tem uns quarenta minutos né"],
        ["Rafael", "open", "e como vocês acompanham"],
        ["Rafael", "open", "quantas ligações"],
        ["Rafael", "closed", "vocês usam o pipedrive certo"],
        ["Rafael", "open", "qual é o maior problema"],
        ["Rafael", "open", "por que você acha"],
        ["Rafael", "closed", "vocês já têm alguma meta"],
        ["Rafael", "open", "quem mais participa"],
        ["Rafael", "closed", "tem algum orçamento"],
      ],
      // Without commas and ellipses: "então" mid-utterance and "é" (no "…") are not counted.
      fillers: { Rafael: 0, Ana: 5 },
    },
  },
  {
    file: "pt/negotiation.txt",
    rep: "Rafael",
    language: "pt",
    punctuated: {
      questions: [
        ["Rafael", "open", "E o que vocês acharam?"],
        ["Rafael", "open", "Vocês estão comparando com qual"],
        ["Rafael", "closed", "O que pesa mais no preço"],
        ["Rafael", "closed", "Isso ajudaria?"],
        ["Ana", "closed", "E o piloto de um mês"],
        ["Rafael", "closed", "Vocês assinam depois do piloto"],
        ["Rafael", "closed", "Então começamos o piloto na segunda, certo?"],
        ["Rafael", "open", "Quando fica bom"],
      ],
      fillers: { Rafael: 1, Ana: 3 },
    },
    unpunctuated: {
      questions: [
        ["Rafael", "open", "e o que vocês acharam"],
        ["Rafael", "open", "o que pesa mais no preço"],
        ["Ana", "closed", "se o piloto for bem a gente assina o paulo já deu o ok né"],
        ["Rafael", "open", "quando fica bom"],
      ],
      fillers: { Rafael: 0, Ana: 1 },
    },
  },
  {
    file: "fr/discovery.txt",
    rep: "Julien",
    language: "fr",
    punctuated: {
      questions: [
        ["Claire", "closed", "Euh, on a une demi-heure, ça vous va ?"],
        ["Julien", "open", "Pour commencer, racontez-moi"],
        ["Julien", "open", "Et comment est-ce que"],
        ["Julien", "open", "Combien d'appels"],
        ["Julien", "closed", "Vous utilisez Salesforce, n'est-ce pas ?"],
        ["Julien", "open", "Qu'est-ce qui vous préoccupe"],
        ["Julien", "open", "Pourquoi, à votre avis ?"],
        ["Julien", "closed", "Avez-vous un objectif"],
        ["Julien", "open", "Qui d'autre participe"],
        ["Julien", "closed", "Est-ce qu'un budget"],
        ["Julien", "closed", "Je vous propose une démo mardi à onze heures, ça vous convient ?"],
      ],
      // Claire: euh, du coup, ben, genre (not "ce genre de"), euh.
      fillers: { Julien: 0, Claire: 5 },
    },
    unpunctuated: {
      questions: [
        ["Julien", "open", "et comment est-ce que"],
        ["Julien", "open", "combien d'appels"],
        ["Julien", "closed", "vous utilisez salesforce n'est-ce pas"],
        ["Julien", "open", "qu'est-ce qui vous préoccupe"],
        ["Julien", "open", "pourquoi à votre avis"],
        ["Julien", "closed", "avez-vous un objectif"],
        ["Julien", "open", "qui d'autre participe"],
        ["Julien", "closed", "est-ce qu'un budget"],
      ],
      fillers: { Julien: 0, Claire: 5 },
    },
  },
  {
    file: "fr/negotiation.txt",
    rep: "Julien",
    language: "fr",
    punctuated: {
      questions: [
        ["Julien", "open", "Et qu'en avez-vous pensé ?"],
        ["Julien", "open", "Vous nous comparez à quelle autre solution ?"],
        ["Julien", "closed", "Qu'est-ce qui pèse le plus, la licence ou le déploiement ?"],
        ["Julien", "closed", "Est-ce que ça vous aiderait ?"],
        ["Claire", "closed", "Euh, le pilote d'un mois"],
        ["Julien", "closed", "Vous signeriez après le pilote"],
        ["Julien", "closed", "Du coup on démarre le pilote lundi, c'est ça ?"],
        ["Julien", "open", "Quand est-ce qu'on fait"],
      ],
      fillers: { Julien: 1, Claire: 3 },
    },
    unpunctuated: {
      questions: [
        ["Julien", "open", "et qu'en avez-vous pensé"],
        ["Julien", "open", "qu'est-ce qui pèse le plus"],
        ["Julien", "open", "quand est-ce qu'on fait"],
      ],
      fillers: { Julien: 1, Claire: 3 },
    },
  },
  {
    file: "de/discovery.txt",
    rep: "Tobias",
    language: "de",
    punctuated: {
      questions: [
        ["Sabine", "closed", "Äh, wir haben eine halbe Stunde, passt das?"],
        ["Tobias", "open", "Zum Einstieg: Erzählen Sie mal"],
        ["Tobias", "open", "Und wie hören sich"],
        ["Tobias", "open", "Wie viele Anrufe"],
        ["Tobias", "closed", "Sie nutzen Salesforce, oder?"],
        ["Tobias", "open", "Was beschäftigt Sie"],
        ["Tobias", "open", "Woran liegt das"],
        ["Tobias", "closed", "Haben Sie ein Ziel"],
        ["Tobias", "open", "Wer entscheidet noch mit"],
        ["Tobias", "closed", "Gibt es ein Budget"],
        ["Tobias", "closed", "Passt Ihnen eine Demo"],
      ],
      // Sabine: äh, also (before a comma), halt, ähm, halt, äh; not "Also sechs Monate" (no subject follows).
      fillers: { Tobias: 0, Sabine: 6 },
    },
    unpunctuated: {
      questions: [
        ["Tobias", "open", "und wie hören sich"],
        ["Tobias", "open", "wie viele anrufe"],
        ["Tobias", "closed", "sie nutzen salesforce oder"],
        ["Tobias", "open", "was beschäftigt sie"],
        ["Tobias", "open", "woran liegt das"],
        ["Tobias", "closed", "haben sie ein ziel"],
        ["Tobias", "open", "wer entscheidet noch mit"],
        ["Tobias", "closed", "gibt es ein budget"],
      ],
      fillers: { Tobias: 0, Sabine: 6 },
    },
  },
  {
    file: "de/negotiation.txt",
    rep: "Tobias",
    language: "de",
    punctuated: {
      questions: [
        ["Tobias", "open", "Und wie ist Ihr Eindruck?"],
        ["Tobias", "open", "Womit vergleichen Sie uns gerade?"],
        ["Tobias", "closed", "Was wiegt schwerer, die Lizenzen oder die Einführung?"],
        ["Tobias", "closed", "Würde Ihnen das helfen?"],
        ["Sabine", "closed", "Ähm, ist der Pilot"],
        ["Tobias", "closed", "Würden Sie nach dem Pilot unterschreiben"],
        ["Tobias", "closed", "Dann starten wir den Pilot am Montag, richtig?"],
        ["Tobias", "open", "Wann sollen wir"],
      ],
      fillers: { Tobias: 0, Sabine: 4 },
    },
    unpunctuated: {
      questions: [
        ["Tobias", "open", "und wie ist ihr eindruck"],
        ["Tobias", "open", "verstehe womit vergleichen"],
        ["Tobias", "open", "was wiegt schwerer"],
        ["Sabine", "closed", "gut ähm ist der pilot"],
        ["Tobias", "open", "wann sollen wir"],
      ],
      // "hallo herr keller also wir…": without the full stop "also" does not open a clause.
      fillers: { Tobias: 0, Sabine: 3 },
    },
  },
];

describe.each(CALLS)("$file", (c) => {
  it("as written: language, questions with kinds, fillers per speaker", () => {
    check(load(c.file), c, c.punctuated);
  });
  it("without punctuation", () => {
    check(stripped(load(c.file)), c, c.unpunctuated);
  });
});

describe("a mixed-language call", () => {
  it("is analysed in its dominant language (Spanish, with English small talk)", () => {
    const a = analyzeTranscript(load("mixed/es-en.txt"), { rep: ["Laura"] });
    expect(a.language).toBe("es");
    // The unmarked "y quién revisa…" and "cuántas llamadas…" are found by the Spanish rules; the
    // English opener, read by them too, still counts through its "?".
    expect(a.questions.map((q) => [q.speaker, q.kind, q.text])).toEqual([
      ["Laura", "closed", "Hi Diego, can you hear me okay?"],
      ["Laura", "open", "Cuénteme cómo usan hoy el pipeline de Salesforce."],
      ["Laura", "open", "y quién revisa las llamadas de los nuevos"],
      ["Laura", "open", "cuántas llamadas hacen por semana"],
      ["Laura", "closed", "Le mando el resumen por correo, ¿le parece bien?"],
    ]);
    expect(Object.fromEntries(a.speakers.map((s) => [s.id, s.fillerWords]))).toEqual({ Laura: 0, Diego: 2 });
  });
});
