import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { countFillersInContext, fillerCounterFor } from "./fillers.js";
import { countWordsAndFillers, FILLER_WORDS } from "./tokens.js";

const count = (text: string, lang: "es" | "de" | "fr" | "pt"): number =>
  countFillersInContext(text.split(/\s+/u).filter(Boolean), lang);

describe("Spanish fillers", () => {
  it.each([
    ["Eh, pues, este… o sea, no sé.", 4],
    ["Pues mire, tenemos veinte vendedores.", 1],
    ["Este, la verdad es que no.", 1],
    ["este el problema es el seguimiento", 1],
    ["Este mes cerramos tres contratos.", 0],
    ["Este proyecto es prioritario.", 0],
    ["Este es el problema.", 0],
    ["No vino, pues estaba de viaje.", 0],
    ["¿O sea que no tienen CRM?", 1],
    ["O la semana que viene o la otra.", 0],
    ["Mmm, ehm, bueno.", 2],
  ] as const)("%s → %i", (text, n) => expect(count(text, "es")).toBe(n));
});

describe("Portuguese fillers", () => {
  it.each([
    ["Então, tipo, a gente usa planilha, né, e é… funciona.", 4],
    ["Que tipo de sistema vocês usam?", 0],
    ["Esse tipo de problema é comum.", 0],
    ["A gente usa planilha, né?", 0],
    ["A gente usa planilha né e funciona", 1],
    ["Até então, ninguém reclamou.", 0],
    ["É o nosso maior problema.", 0],
    ["É é o nosso maior problema.", 1],
    ["Hum, ééé, ahn.", 3],
  ] as const)("%s → %i", (text, n) => expect(count(text, "pt")).toBe(n));
});

describe("French fillers", () => {
  it.each([
    ["Euh, ben, du coup, c'est genre cher.", 4],
    ["Ce genre de produit nous intéresse.", 0],
    ["Le genre humain.", 0],
    ["Je vous passe un coup de fil, du coup de fil de demain.", 0],
    ["Du coup on démarre lundi.", 1],
    ["J'ai parlé avec Ben hier.", 0],
    ["Bah, hum, oui.", 2],
  ] as const)("%s → %i", (text, n) => expect(count(text, "fr")).toBe(n));
});

describe("German fillers", () => {
  it.each([
    ["Also, äh, das ist halt so, ähm.", 4],
    ["Also wir haben zwölf Vertriebler.", 1],
    ["Also haben wir uns entschieden.", 0],
    ["Wir haben also beschlossen, zu wechseln.", 0],
    ["Halt, warten Sie kurz.", 0],
    ["Wir haben den Halt verloren.", 0],
    ["Das dauert halt.", 1],
  ] as const)("%s → %i", (text, n) => expect(count(text, "de")).toBe(n));
});

describe("fillerCounterFor", () => {
  it("keeps the English and Russian lists exactly (same counts as before)", () => {
    const word = fc.oneof(
      fc.constantFrom("um", "Uh,", "hmm...", "este", "o", "sea", "э-э", "ммм", "pues,", ""),
      fc.string({ maxLength: 6 }),
    );
    fc.assert(
      fc.property(fc.array(word, { maxLength: 12 }), (ws) => {
        const u = { text: ws.join(" ") };
        expect(fillerCounterFor("en")(u)).toEqual(countWordsAndFillers(u, FILLER_WORDS.en));
        expect(fillerCounterFor("it")(u)).toEqual(countWordsAndFillers(u, FILLER_WORDS.en));
        expect(fillerCounterFor("ru-RU")(u)).toEqual(countWordsAndFillers(u, FILLER_WORDS.ru));
      }),
    );
  });
  it("counts words as the contract does and never more fillers than words (property)", () => {
    const word = fc.oneof(
      fc.constantFrom(
        "o",
        "sea",
        "du",
        "coup",
        "né",
        "é…",
        "tipo",
        "also",
        "halt",
        "este",
        "genre",
        "¿",
        "…",
      ),
      fc.string({ maxLength: 6 }),
    );
    fc.assert(
      fc.property(fc.array(word, { maxLength: 16 }), fc.constantFrom("es", "de", "fr", "pt"), (ws, lang) => {
        const u = { text: ws.join(" ") };
        const got = fillerCounterFor(lang)(u);
        expect(got.words).toBe(countWordsAndFillers(u, FILLER_WORDS.en).words);
        expect(got.fillers).toBeLessThanOrEqual(got.words);
      }),
    );
  });
  it("reads word timings when the utterance has them", () => {
    const words = ["Pues,", "este,", "sí"].map((text, i) => ({ text, start: i, end: i + 1 }));
    expect(fillerCounterFor("es-MX")({ text: "", words })).toEqual({ words: 3, fillers: 2 });
  });
});
