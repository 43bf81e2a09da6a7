/**
 * The built-in discovery and negotiation playbooks in German (demo and renewal are used in
 * English until translated): titles, example phrasings and signals, light-stemmed.
 */
import type { PlaybookTranslation } from "../types.js";

export const PLAYBOOKS: Record<string, PlaybookTranslation> = {
  discovery: {
    name: "Erstgespräch (BANT + MEDDICC)",
    items: {
      pain: {
        title: "Problem und Auswirkung",
        examples: [
          "Was hat Sie dazu gebracht, jetzt nach einer Lösung zu suchen?",
          "Welches Problem wollen Sie lösen?",
          "Was passiert, wenn sich nichts ändert?",
        ],
        required: [
          "warum jetzt",
          "was hat sie dazu gebracht",
          "problem",
          "herausforderung",
          "was passiert wenn",
          "auswirkung",
          "was kostet sie",
        ],
      },
      metrics: {
        title: "Kennzahlen: die Auswirkung in Zahlen",
        examples: [
          "Wie viel Zeit kostet das pro Woche?",
          "Wie viele Aufträge sind betroffen?",
          "Wie werden Sie den Erfolg messen?",
        ],
        required: ["wie viel", "wie viele", "wie oft", "welcher anteil", "wie hoch ist der anteil", "messen"],
      },
      "economic-buyer": {
        title: "Budgetverantwortlicher identifiziert",
        examples: ["Wer unterschreibt eine solche Anschaffung?", "Wer hat beim Budget das letzte Wort?"],
        required: ["wer unterschreibt", "letzte wort", "wer entscheidet", "wer gibt frei", "freigabe"],
      },
      "decision-criteria": {
        title: "Entscheidungskriterien",
        examples: [
          "Welche Anforderungen sind ein Muss?",
          "Wie werden Sie die Optionen vergleichen?",
          "Was wäre für Sie ein Erfolg?",
        ],
        required: [
          "kriterien",
          "anforderungen",
          "muss",
          "ein muss",
          "wie werden sie vergleichen",
          "was wäre ein erfolg",
        ],
      },
      "decision-process": {
        title: "Entscheidungsprozess",
        examples: [
          "Wie sieht der Prozess bis zur Unterschrift aus?",
          "Sind Einkauf oder Rechtsabteilung beteiligt?",
        ],
        required: [
          "prozess",
          "ablauf",
          "einkauf",
          "rechtsabteilung",
          "sicherheitsprüfung",
          "welche schritte",
        ],
      },
      budget: {
        title: "Budget",
        examples: ["Ist dafür ein Budget eingeplant?", "In welchem Rahmen wollen Sie investieren?"],
        required: ["budget", "eingeplant", "welchem rahmen", "wie viel wollen sie investieren"],
        forbidden: ["rabatt"],
        why: "Ein Rabatt im Erstgespräch entwertet das Angebot, bevor der Nutzen klar ist.",
      },
      timeline: {
        title: "Zeitplan und Frist",
        examples: ["Bis wann muss das laufen?", "Gibt es ein Datum, das die Frist vorgibt?"],
        required: ["frist", "zeitplan", "bis wann", "wann muss", "laufen", "live gehen", "starten"],
      },
      authority: {
        title: "Wer an der Entscheidung beteiligt ist",
        examples: ["Wer ist noch an so einer Entscheidung beteiligt?", "Wer wählt außer Ihnen das Tool aus?"],
        required: ["wer ist noch", "wer noch", "außer ihnen", "an der entscheidung beteiligt"],
      },
      champion: {
        title: "Interner Fürsprecher",
        examples: [
          "Wären Sie bereit, das dem Finanzchef vorzustellen?",
          "Was hilft Ihnen, das Projekt intern zu vertreten?",
        ],
        required: ["vorzustellen", "vorstellen", "vertreten", "intern", "sponsor"],
      },
      competition: {
        title: "Aktuelle Lösung und Wettbewerb",
        examples: [
          "Was nutzen Sie heute?",
          "Haben Sie sich andere Tools angesehen?",
          "Wen evaluieren Sie noch?",
        ],
        required: [
          "andere tools",
          "was nutzen sie",
          "angesehen",
          "evaluieren",
          "alternative",
          "wettbewerb",
          "getestet",
        ],
      },
      "next-step": {
        title: "Nächster Schritt vereinbart",
        examples: [
          "Lassen Sie uns eine Demo am Dienstag um elf Uhr vereinbaren.",
          "Passt Ihnen Dienstag um elf?",
          "Ich schicke Ihnen die Einladung.",
        ],
        required: ["nächster schritt", "vereinbaren", "einladung", "kalender", "passt ihnen", "termin"],
      },
    },
  },
  negotiation: {
    name: "Verhandlung und Preis",
    items: {
      "value-recap": {
        title: "Nutzen vor dem Preis zusammenfassen",
        examples: [
          "Bevor wir über Zahlen sprechen, fassen wir zusammen, was Ihnen das bringt.",
          "Der Business Case zeigte eine Amortisation in fünf Monaten.",
        ],
        required: [
          "bevor wir über zahlen",
          "fassen wir zusammen",
          "business case",
          "amortisiert",
          "amortisation",
        ],
      },
      "buyer-criteria": {
        title: "Was ein Ja braucht",
        examples: [
          "Was müsste im Angebot stehen, damit Sie unterschreiben?",
          "Helfen Sie mir zu verstehen, woher diese Zahl kommt.",
        ],
        required: ["was müsste", "helfen sie mir zu verstehen", "woher diese zahl", "am wichtigsten"],
      },
      "trade-concessions": {
        title: "Zugeständnisse nur im Tausch",
        examples: [
          "Wenn wir zwei Jahre vereinbaren, kann ich beim Preis pro Nutzer runtergehen.",
          "Im Gegenzug wären Sie unsere Referenz?",
        ],
        required: ["wenn wir", "im gegenzug", "zwei jahre", "drei jahre", "laufzeit"],
      },
      "paper-process": {
        title: "Unterschriftsprozess geklärt",
        examples: [
          "Wer unterschreibt bei Ihnen den Vertrag, und muss die Rechtsabteilung ihn prüfen?",
          "Wie lange dauert der Einkauf?",
        ],
        required: ["wer unterschreibt", "rechtsabteilung", "einkauf", "vertrag", "unterschrift"],
      },
      "decision-maker": {
        title: "Entscheider eingebunden",
        examples: ["Ist der Finanzchef beim nächsten Termin dabei?", "Wer hat beim Budget das letzte Wort?"],
        required: ["finanzchef", "letzte wort", "freigeben", "geschäftsführer"],
      },
      "mutual-plan": {
        title: "Gemeinsamer Plan mit Terminen",
        examples: [
          "Ich schicke Ihnen heute den überarbeiteten Vertrag; können Sie ihn bis Mittwoch an die Rechtsabteilung geben?",
          "Der Plan: Unterschrift bis zum 30.",
        ],
        required: ["bis freitag", "bis mittwoch", "der plan", "nächster schritt", "zeitplan"],
      },
    },
  },
};
