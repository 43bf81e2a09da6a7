import { describe, expect, it } from "vitest";
import { classifySentence, detectQuestions, type QuestionKind } from "./index.js";

const de = (s: string): QuestionKind | null => classifySentence(s, { language: "de-DE" });

describe("German: open questions, marked and unmarked", () => {
  it.each([
    "Wie verfolgen Ihre Vertriebler heute ihre Anrufe?",
    "wie verfolgen ihre vertriebler heute ihre anrufe",
    "Wie viele Vertriebler haben Sie?",
    "wie viele vertriebler haben sie",
    "Was beschäftigt Sie im Moment am meisten?",
    "Warum wollen Sie das Tool wechseln?",
    "Mit wem sprechen Sie sonst noch?",
    "Wer trifft die finale Entscheidung",
    "Welches Problem ist für das Team am größten",
    "Erzählen Sie mal, wie Ihr Vertriebsprozess aussieht.",
    "erzählen sie mal wie ihr vertriebsprozess aussieht",
    "Können Sie mir kurz erklären, wie Sie die Vertriebler bewerten?",
    "Ich würde gerne verstehen, wie Sie Ihre Accounts priorisieren.",
    "Also, wann möchten Sie starten?",
    "Sagen Sie mal, wie läuft das heute?",
  ])("%s → open", (s) => expect(de(s)).toBe("open"));
});

describe("German: closed questions", () => {
  it.each([
    "Nutzen Sie Salesforce?",
    "nutzen sie salesforce",
    "Haben Sie schon ein Tool für Aufzeichnungen",
    "Gibt es eine Deadline für die Entscheidung",
    "Sollen wir mit einem Pilot starten",
    "Kann ich Ihnen das Angebot schicken",
    "Der Vertrag ist jährlich, oder?",
    "der vertrag ist jährlich oder",
    "Sie nutzen HubSpot, nicht wahr?",
    "Sie unterschreiben diesen Monat, ja?",
    "Möchten Sie das Basispaket oder das Profipaket?",
    "Welches Paket möchten Sie, Basis oder Profi?",
    "Passt Ihnen Dienstag um elf",
    "Ich wollte fragen, ob Sie ein Budget freigegeben haben.",
    "Und, ist es möglich, quartalsweise zu zahlen",
  ])("%s → closed", (s) => expect(de(s)).toBe("closed"));
});

describe("German: not questions", () => {
  it.each([
    "Wir nutzen Salesforce seit zwei Jahren.",
    "wir nutzen salesforce seit zwei jahren",
    "Dann haben wir das Projekt gestartet.",
    "dann haben wir das projekt gestartet",
    "Also haben wir uns für HubSpot entschieden.",
    "Machen wir das so.",
    "Weiß ich nicht.",
    "Schauen Sie mal auf die Folie.",
    "Lassen Sie uns kurz den Bildschirm teilen.",
    "Was wir brauchen, ist mehr Transparenz.",
    "Wie Sie wissen, ist das Team klein.",
    "Wie gesagt, das Team ist klein.",
    "Ich weiß nicht, wann die Geschäftsführung entscheidet.",
    "Wie schön!",
    "Echt?",
    "Wirklich?",
    "Wie geht es Ihnen?",
    "Hallo, wie geht's?",
    "Warum nicht?",
  ])("%s → not a question", (s) => expect(de(s)).toBeNull());
});

describe("German: utterances", () => {
  it("finds the questions of an utterance in order", () => {
    expect(
      detectQuestions(
        "Danke, Frau Weber. Wie viele Vertriebler sind es? Und Sie nutzen HubSpot, oder? Ich schicke die Demo.",
        {
          language: "de",
        },
      ),
    ).toEqual([
      { text: "Wie viele Vertriebler sind es?", kind: "open" },
      { text: "Und Sie nutzen HubSpot, oder?", kind: "closed" },
    ]);
  });
  it("keeps a bare tag with its statement", () => {
    expect(detectQuestions("Sie nutzen HubSpot. Oder?", { language: "de" })).toEqual([
      { text: "Sie nutzen HubSpot. Oder?", kind: "closed" },
    ]);
  });
  it.each(["", "?", "äh...", "ähm hm", "ne"])("%j never throws", (s) => {
    expect(() => detectQuestions(s, { language: "de" })).not.toThrow();
  });
});
