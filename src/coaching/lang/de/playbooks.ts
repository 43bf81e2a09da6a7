/**
 * The built-in playbooks (fixtures/playbooks/*.yaml) in German: titles, example phrasings and
 * signals, light-stemmed.
 */
import type { PlaybookTranslation } from "../types.js";

const CORE: Record<string, PlaybookTranslation> = {
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

const NEXT_STEP = CORE.discovery!.items["next-step"]!;

const DEMO: PlaybookTranslation = {
  name: "Maßgeschneiderte Demo",
  items: {
    "pain-recap": {
      title: "Rückblick auf das Problem",
      examples: [
        "Letztes Mal haben Sie erzählt, dass die Tourenplanung jeden Morgen drei Stunden dauert; ist das noch so?",
        "Ich fasse kurz zusammen, was ich in unserem letzten Gespräch gehört habe.",
        "Bevor ich anfange: Hat sich seit unserem letzten Gespräch etwas geändert?",
      ],
      required: [
        "letztes mal",
        "letzten gespräch",
        "sie haben erzählt",
        "haben sie erzählt",
        "sie erwähnten",
        "etwas geändert",
        "fasse kurz zusammen",
      ],
    },
    agenda: {
      title: "Agenda abgestimmt",
      examples: [
        "Ich schlage für die nächsten fünfundvierzig Minuten folgenden Ablauf vor, passt das für Sie?",
        "Gibt es etwas, das Sie heute unbedingt sehen möchten?",
        "Der Plan ist, drei Abläufe zu zeigen und Zeit für Fragen zu lassen.",
      ],
      required: ["agenda", "ablauf vor", "der plan ist", "passt das für sie", "unbedingt sehen"],
    },
    tailored: {
      title: "Auf ihren Fall zugeschnitten",
      examples: [
        "Ich zeige Ihnen, wie das für Ihre Disponenten aussehen würde.",
        "Ich habe einen Auszug Ihrer Aufträge geladen, damit Sie Ihre eigenen Touren sehen.",
        "Für Ihr Team ist das der Bildschirm, mit dem der Tag beginnt.",
      ],
      required: [
        "für ihr team",
        "ihre daten",
        "ihrer aufträge",
        "ihre aufträge",
        "ihr prozess",
        "in ihrem fall",
        "ihre eigenen",
      ],
      forbidden: ["alle funktionen", "jede funktion"],
      why: "Eine Tour durch alle Funktionen geht am Problem des Kunden vorbei und ermüdet.",
    },
    "check-ins": {
      title: "Rückfragen während der Demo",
      examples: [
        "Wie verhält sich das zu dem, was Sie heute machen?",
        "Ist das soweit verständlich?",
        "Würden Ihre Fahrer das so nutzen?",
        "Welche Fragen haben Sie zu diesem Teil?",
      ],
      required: ["soweit verständlich", "wie verhält sich das", "welche fragen", "fragen dazu", "so nutzen"],
    },
    questions: {
      title: "Beantwortet die Fragen des Kunden",
      examples: [
        "Funktioniert das auch mit älteren Android-Handys?",
        "Kann man Aufträge im Laufe des Tages ändern?",
        "Wie lange dauert die Anbindung?",
        "Was passiert, wenn ein Fahrer krank wird?",
      ],
      required: [
        "funktioniert das",
        "kann man",
        "ist es möglich",
        "wie funktioniert",
        "was passiert wenn",
        "wie lange dauert",
      ],
    },
    value: {
      title: "Nutzen in ihren Zahlen",
      examples: [
        "Das sind die drei Stunden jeden Morgen, die auf zwanzig Minuten schrumpfen.",
        "So kommen Sie wieder über fünfundneunzig Prozent pünktliche Lieferungen.",
        "Der Pilot hat sich in einem Quartal amortisiert.",
      ],
      required: [
        "amortisiert",
        "rechnet sich",
        "ersparnis",
        "sparen",
        "stunden",
        "prozent",
        "pro monat",
        "pro jahr",
      ],
      forbidden: ["der beste am markt", "marktführer"],
      why: "„Marktführer“ ersetzt nicht die Zahlen des Kunden.",
    },
    "next-step": { ...NEXT_STEP, required: [...NEXT_STEP.required, "pilotplan", "angebot"] },
  },
};

const RENEWAL: PlaybookTranslation = {
  name: "Verlängerung und Kündigungsrisiko",
  items: {
    usage: {
      title: "Nutzung und Akzeptanz",
      examples: [
        "Schauen wir uns an, wie das Team das Tool nutzt.",
        "Wie viele Ihrer Disponenten melden sich täglich an?",
        "Welche Teams nutzen es noch nicht?",
      ],
      required: ["nutzung", "akzeptanz", "aktive nutzer", "melden sich", "täglich an", "nutzen es"],
    },
    "value-realised": {
      title: "Ergebnisse gegen die Ziele",
      examples: [
        "Zum Start war das Ziel fünfundneunzig Prozent Pünktlichkeit; wo stehen Sie jetzt?",
        "Wie sieht das im Vergleich zu den Zielen aus, die wir gesetzt haben?",
        "Welche Ergebnisse sehen Sie seit dem Start?",
      ],
      required: [
        "ziel",
        "ziele",
        "ergebnisse",
        "seit dem start",
        "im vergleich",
        "eingespart",
        "business case",
      ],
    },
    risks: {
      title: "Risiken und Hindernisse",
      examples: [
        "Was könnte Sie zögern lassen, zu verlängern?",
        "Steht Ihnen etwas im Weg?",
        "Was funktioniert bei Ihnen nicht?",
        "Schauen Sie sich andere Optionen an?",
      ],
      required: [
        "risiko",
        "hindernis",
        "im weg",
        "funktioniert nicht",
        "zögern",
        "bedenken",
        "andere optionen",
      ],
    },
    stakeholders: {
      title: "Veränderungen beim Kunden",
      examples: [
        "Hat sich bei Ihnen etwas geändert, neue Leute, eine Umstrukturierung?",
        "Unterschreiben Sie die Verlängerung weiterhin selbst?",
        "Wer sollte noch am Gespräch über die Verlängerung teilnehmen?",
      ],
      required: [
        "etwas geändert",
        "neue leute",
        "umstrukturierung",
        "weiterhin",
        "wer sollte noch",
        "das unternehmen verlassen",
      ],
    },
    terms: {
      title: "Verlängerungs- und Erweiterungskonditionen",
      examples: [
        "Ihr Vertrag läuft am ersten März aus.",
        "Sollen wir für nächstes Jahr mehr Lizenzen einplanen?",
        "Lassen Sie uns über die Konditionen der Verlängerung sprechen.",
      ],
      required: [
        "verlängerung",
        "verlängern",
        "vertrag",
        "lizenzen",
        "erweitern",
        "erweiterung",
        "konditionen",
      ],
      forbidden: ["rabatt"],
      why: "Ein Rabatt bei der Verlängerung ohne Gegenleistung entwertet das Produkt.",
    },
    "success-plan": {
      title: "Erfolgsplan vereinbart",
      examples: [
        "Lassen Sie uns die Ziele für das nächste Quartal aufschreiben und wer wofür verantwortlich ist.",
        "Ich erstelle einen Erfolgsplan mit Terminen.",
        "Was wollen wir bis Ende des Quartals erreichen?",
      ],
      required: ["erfolgsplan", "maßnahmenplan", "verantwortlich", "bis ende des", "erreichen"],
    },
    "next-step": { ...NEXT_STEP, required: [...NEXT_STEP.required, "wiedersehen", "schulung"] },
  },
};

export const PLAYBOOKS: Record<string, PlaybookTranslation> = { ...CORE, demo: DEMO, renewal: RENEWAL };
