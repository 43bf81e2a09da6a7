/**
 * The language registry (src/coaching/lang/): tags resolve to one folder each, built-in playbooks
 * are matched in the call's language while a custom playbook in any language is used as written,
 * and a mixed-language call is coached in its dominant language.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { analyzeTranscript } from "../../src/analysis/analyze.js";
import { COACHING_LANGUAGES, coachingLanguage, localizePlaybook } from "../../src/coaching/lang/index.js";
import { defaultPlaybookFor, loadDefaultPlaybooks } from "../../src/coaching/playbook/builtins.js";
import { evaluatePlaybookRules } from "../../src/coaching/playbook/engine.js";
import { parsePlaybook } from "../../src/coaching/playbook/parse.js";
import { rulesCoaching } from "../../src/coaching/rules.js";
import { parseTranscript } from "../../src/transcript/parse.js";
import { root } from "./helpers.js";

describe("coaching language registry", () => {
  it("knows en, ru, es, de, fr and pt, and resolves tags and names", () => {
    expect(COACHING_LANGUAGES).toEqual(["en", "ru", "es", "de", "fr", "pt"]);
    expect(coachingLanguage("ru-RU").code).toBe("ru");
    expect(coachingLanguage("pt-BR").code).toBe("pt");
    expect(coachingLanguage("Spanish").code).toBe("es");
    expect(coachingLanguage("deu").code).toBe("de");
    expect(coachingLanguage("ja").code).toBe("en");
    expect(coachingLanguage(undefined).code).toBe("en");
  });

  it("gives every language every part: lexicons, rules, text, labels, and the built-ins it translates in full", () => {
    const ids = (id: string) =>
      defaultPlaybookFor(id)!
        .items.map((i) => i.id)
        .sort();
    for (const code of COACHING_LANGUAGES) {
      const lang = coachingLanguage(code);
      expect(lang.code).toBe(code);
      expect(lang.stopWords.length).toBeGreaterThan(20);
      expect(lang.labels.speakerColumns).toHaveLength(10);
      for (const [id, tr] of Object.entries(lang.playbooks))
        expect(Object.keys(tr.items).sort()).toEqual(ids(id));
      if (code !== "en")
        expect(Object.keys(lang.playbooks).sort()).toEqual(["demo", "discovery", "negotiation", "renewal"]);
    }
  });

  it("translates a built-in playbook into the call's language and leaves custom playbooks as written", () => {
    const ru = coachingLanguage("ru");
    for (const p of loadDefaultPlaybooks()) {
      const local = localizePlaybook(p, ru)!;
      expect(local.language).toBe("ru");
      expect(local.items.map((i) => i.id)).toEqual(p.items.map((i) => i.id));
      expect(local.name).toMatch(/[а-яё]/i);
    }
    const custom = parsePlaybook(
      `id: ru-custom\nname: Свой плейбук\nversion: 1\nstage: discovery\nlanguage: ru\nitems:\n  - id: budget\n    title: Бюджет\n    description: Узнать бюджет.\n    why: Без бюджета нет сделки.\n    examples: ["Какой бюджет заложен?"]\n    signals:\n      required: [бюджет]\n`,
    );
    expect(localizePlaybook(custom, coachingLanguage("es"))).toBe(custom);
    expect(localizePlaybook(custom, ru)).toBe(custom);
  });

  it("matches a custom playbook written in Russian with Russian morphology", () => {
    const custom = parsePlaybook(
      `id: ru-custom\nname: Свой плейбук\nversion: 1\nstage: discovery\nlanguage: ru\nitems:\n  - id: budget\n    title: Бюджет\n    description: Узнать бюджет.\n    why: Без бюджета нет сделки.\n    examples: ["Какой бюджет заложен на проект?"]\n    signals:\n      required: [бюджет]\n  - id: pilot\n    title: Пилот\n    description: Предложить пилот.\n    why: Пилот снижает риск.\n    examples: ["Давайте запустим пилот на месяц"]\n    signals:\n      required: [пилотный проект]\n`,
    );
    const file = "fixtures/calls/ru/coaching-discovery.txt";
    const { transcript } = parseTranscript(readFileSync(join(root, file), "utf8"), { file });
    const analysis = analyzeTranscript(transcript, { rep: ["Ольга Петрова"], language: "ru" });
    const result = evaluatePlaybookRules({ transcript, analysis, playbook: custom })!;
    // "бюджет" matches "бюджету", "бюджет" in the rep's questions; no pilot was proposed by the rep.
    expect(result.items.map((i) => [i.id, i.status])).toEqual([
      ["budget", "covered"],
      ["pilot", "missed"],
    ]);
  });
});

describe("a mixed-language call", () => {
  const file = "fixtures/calls/mixed/coaching-ru-en.txt";
  const { transcript } = parseTranscript(readFileSync(join(root, file), "utf8"), { file });
  const analysis = analyzeTranscript(transcript, { rep: ["Ольга Петрова"] });
  const c = rulesCoaching({ transcript, analysis, playbook: defaultPlaybookFor("discovery") });

  it("is coached in its dominant language (Russian), English sentences read with the English rules", () => {
    expect(analysis.language).toBe("ru");
    expect(c.playbook?.name).toBe("Первичная встреча (BANT + MEDDICC)");
    expect(c.summary.text).toMatch(/^Ольга Петрова — разговор с клиентом: Игорь Соколов и John Miller/);
    expect(c.objections.map((o) => [o.category, o.text])).toEqual([
      ["trust", "Honestly, I'm worried about data security, we had a bad experience with another vendor."],
      ["price", "Честно говоря, ваши тарифы дороже, чем мы планировали."],
    ]);
    expect(c.summary.nextSteps.map((s) => s.due)).toEqual(["сегодня", "во вторник в одиннадцать"]);
  });
});
