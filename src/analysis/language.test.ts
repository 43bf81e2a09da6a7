import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Transcript } from "../transcript/model.js";
import {
  detectLanguage,
  detectTextLanguage,
  type LanguageCode,
  languageCode,
  SUPPORTED_LANGUAGES,
} from "./language.js";

// 20 hand-written sales-call sentences per language (fixtures/language/<code>.txt).
const sentences = (lang: LanguageCode): string[] =>
  readFileSync(`fixtures/language/${lang}.txt`, "utf8").split("\n").filter(Boolean);
/** Every run of three consecutive sentences (wrapping round): 20 snippets per language. */
const snippets = (lang: LanguageCode): string[] => {
  const s = sentences(lang);
  return s.map((_, i) => [s[i], s[(i + 1) % s.length], s[(i + 2) % s.length]].join(" "));
};
/** What ASR without punctuation gives: lower case, no marks (accents kept). */
const unpunctuated = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}'\s-]/gu, " ");
const transcriptOf = (...texts: string[]): Transcript => ({
  utterances: texts.map((text, i) => ({ speaker: i % 2 ? "B" : "A", start: null, end: null, text })),
});

describe("detectTextLanguage accuracy on hand-written 3-sentence snippets", () => {
  it.each(SUPPORTED_LANGUAGES)("%s: at least 95% of snippets, punctuated and not", (lang) => {
    const all = snippets(lang);
    const wrong = all.filter((s) => detectTextLanguage(s) !== lang);
    const wrongBare = all.filter((s) => detectTextLanguage(unpunctuated(s)) !== lang);
    expect(wrong, `misdetected: ${wrong.join(" | ")}`).toEqual([]);
    expect(1 - wrongBare.length / all.length).toBeGreaterThanOrEqual(0.95);
  });
  it("most single sentences are already right (≥ 95%)", () => {
    let right = 0;
    let total = 0;
    for (const lang of SUPPORTED_LANGUAGES) {
      for (const s of sentences(lang)) {
        total++;
        if (detectTextLanguage(s) === lang) right++;
      }
    }
    expect(right / total).toBeGreaterThanOrEqual(0.95);
  });
});

describe("detectLanguage on transcripts", () => {
  it("keeps a declared language", () => {
    expect(detectLanguage({ ...transcriptOf("Hola, ¿qué tal?"), language: "en-GB" })).toBe("en-GB");
  });
  it("analyses a mixed-language call in its dominant language", () => {
    // English small talk and product names around a Spanish call.
    const call = transcriptOf(
      "Hi Lucía, can you hear me okay?",
      "Yes, perfect. Bueno, empezamos en español si le parece.",
      "Claro. ¿Cómo gestionan hoy el pipeline en Salesforce?",
      "Pues tenemos un dashboard en HubSpot, pero los vendedores no lo actualizan.",
      "¿Y quién revisa las llamadas de los nuevos comerciales?",
      "Nadie, la verdad. El manager no tiene tiempo.",
      "Entiendo. ¿Cuántas llamadas hacen por semana?",
      "Unas doscientas entre todo el equipo. Sorry, one second.",
    );
    expect(detectLanguage(call)).toBe("es");
  });
  it("samples the whole call, not only its start", () => {
    const opening = Array.from({ length: 40 }, () => "Okay, thanks, that works for me, let's do it.");
    const body = Array.from(
      { length: 400 },
      () => "Alors on a besoin d'un outil pour que les managers écoutent les appels de l'équipe.",
    );
    expect(detectLanguage(transcriptOf(...opening, ...body))).toBe("fr");
  });
  it("keeps Russian for Cyrillic calls with Latin product names", () => {
    expect(
      detectLanguage(transcriptOf("Мы работаем в Salesforce и HubSpot, но отчёты собираем вручную.")),
    ).toBe("ru");
  });
  it("falls back to English when there is no evidence", () => {
    expect(detectLanguage(transcriptOf("OK", "CRM API SDK 2024"))).toBe("en");
    expect(detectLanguage(transcriptOf())).toBe("en");
    expect(detectTextLanguage("12:30 — 🙂")).toBe("en");
  });
});

describe("languageCode", () => {
  it.each([
    ["es-MX", "es"],
    ["pt_BR", "pt"],
    ["DE", "de"],
    ["fra", "fr"],
    ["Portuguese", "pt"],
    [" russian ", "ru"],
    ["en-US", "en"],
    ["it", null],
    ["zz", null],
  ])("%j → %j", (tag, code) => expect(languageCode(tag)).toBe(code));
});

describe("detectTextLanguage (property)", () => {
  it("never throws and always returns a supported code", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 300 }), (text) => {
        expect(SUPPORTED_LANGUAGES).toContain(detectTextLanguage(text));
      }),
    );
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 40 }), { maxLength: 30 }), (texts) => {
        expect(SUPPORTED_LANGUAGES).toContain(detectLanguage(transcriptOf(...texts)));
      }),
    );
  });
});
