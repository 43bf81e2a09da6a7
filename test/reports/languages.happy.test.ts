/**
 * Reports in other languages: the post-call report of a call in Russian, Spanish, German, French
 * or Portuguese is written in that language (headings, labels, habit lines, timeline note), and
 * the rep review and team report are rendered in the language asked for with `?lang=` (422 on an
 * unknown one). English renderings are pinned by reports.happy.test.ts's snapshots.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { coachingLanguage } from "../../src/coaching/lang/index.js";
import type { DatabaseHandle } from "../../src/db/database.js";
import { compareCall, pickHabits } from "../../src/reports/compute.js";
import { type MetricStatsById, REPORT_METRIC_IDS } from "../../src/reports/metrics.js";
import { postCallHtml, postCallMarkdown } from "../../src/reports/render/index.js";
import type { PostCallReport } from "../../src/reports/types.js";
import { coachFixture } from "../coaching/helpers.js";
import { testDatabases } from "../helpers/db.js";
import { buildDataset, type Dataset } from "./dataset.js";

const CALLS = [
  { language: "ru", rep: "Ольга Петрова" },
  { language: "es", rep: "Lucía Fernández" },
  { language: "de", rep: "Katrin Weber" },
  { language: "fr", rep: "Claire Martin" },
  { language: "pt", rep: "Ana Souza" },
] as const;

/** What a post-call report of each language must say (hand-written from the translations). */
const EXPECTED: Record<string, string[]> = {
  ru: [
    "# Отчёт по звонку",
    "медианы команды за последние 90 дней: 3 звонка",
    "| метрика | этот звонок | медиана команды | ориентир |",
    "**Доля речи менеджера: 70% \\(ориентир 43% \\(35–50%\\)\\)**",
    "Попробуйте: «Прежде чем продолжу",
    "## Плейбук: Первичная встреча \\(BANT \\+ MEDDICC\\) (100%)",
    "Хронология: реплик 2, вопросов 1, возражений 1",
  ],
  es: [
    "# Informe de la llamada",
    "medianas del equipo sobre 3 llamadas de los últimos 90 días",
    "| métrica | esta llamada | mediana del equipo | referencia |",
    "**Tiempo de habla del vendedor: 70% \\(referencia 43% \\(35–50%\\)\\)** — Hablaste el 70% del tiempo",
    "Prueba: «Antes de seguir",
    "## Playbook: Descubrimiento \\(BANT \\+ MEDDICC\\) (100%)",
    "Cronología: 2 turnos, 1 preguntas, 1 objeciones",
  ],
  de: [
    "# Gesprächsbericht",
    "Team-Mediane der letzten 90 Tage (3 Gespräche)",
    "| Kennzahl | dieses Gespräch | Team-Median | Richtwert |",
    "Versuchen Sie: „Bevor ich weitermache",
    "## Playbook: Erstgespräch \\(BANT \\+ MEDDICC\\) (100%)",
    "Zeitleiste: 2 Redebeiträge, 1 Fragen, 1 Einwände",
  ],
  fr: [
    "médianes de l'équipe sur 3 appels des 90 derniers jours",
    "| indicateur | cet appel | médiane de l'équipe | repère |",
    "À essayer: « Avant d'aller plus loin",
    "## Playbook: Découverte \\(BANT \\+ MEDDICC\\) (100%)",
    "Chronologie : 2 tours de parole, 1 questions, 1 objections",
  ],
  pt: [
    "medianas da equipe sobre 3 ligações dos últimos 90 dias",
    "| métrica | esta ligação | mediana da equipe | referência |",
    "Experimente: “Antes de continuar",
    "## Playbook: Descoberta \\(BANT \\+ MEDDICC\\) (100%)",
    "Linha do tempo: 2 turnos, 1 perguntas, 1 objeções",
  ],
};

/** English words the other languages' reports must not contain ("Objections" is also French). */
const ENGLISH = /\b(?:team medians?|this call|target|Try|Timeline|no rep|Work on|Next steps|Call report)\b/;

function stats(median: number): MetricStatsById {
  return Object.fromEntries(
    REPORT_METRIC_IDS.map((id) => [id, { n: 3, median, p25: median, p75: median }]),
  ) as MetricStatsById;
}

/** A post-call report of the language's discovery fixture, with metrics off target (two habits). */
function report(language: string, rep: string): PostCallReport {
  const c = coachFixture(`fixtures/calls/${language}/coaching-discovery.txt`, {
    language,
    rep,
    playbook: "discovery",
  });
  const metrics = compareCall(
    {
      talkRatio: 0.7,
      longestMonologueSec: 170,
      repQuestions: 12,
      patienceSec: 1.2,
      interactivity: 3,
      repFillersPerMin: 1,
      playbookScore: 1,
    },
    stats(0.5),
  );
  return {
    kind: "post-call",
    call: {
      id: "c1",
      title: "Discovery",
      occurredAt: "2026-03-02T10:00:00.000Z",
      rep: { userId: "u1", name: rep },
      durationSec: 267,
      crmDealId: null,
      coachingStatus: "done",
      language,
    },
    team: {
      from: "2026-01-01T00:00:00.000Z",
      to: "2026-03-02T00:00:00.000Z",
      calls: 3,
      quantile: "percentile_cont",
    },
    metrics,
    playbook: { name: c.playbook!.name, score: 1, gaps: [] },
    objections: c.objections.map((o) => ({
      text: o.text,
      category: o.category,
      at: o.start,
      handling: o.handling,
      resolved: o.resolved,
      response: o.response?.quote ?? null,
    })),
    habits: pickHabits(metrics, c.summary.toChange, coachingLanguage(language)),
    nextSteps: c.summary.nextSteps,
    timeline: {
      durationSec: 267,
      speakers: [
        { id: rep, role: "rep" },
        { id: "c", role: "customer" },
      ],
      segments: [
        { speaker: rep, role: "rep", start: 0, end: 100 },
        { speaker: "c", role: "customer", start: 100, end: 267 },
      ],
      questions: [{ at: 10, speaker: rep, kind: "open" }],
      objections: [{ at: 150, category: "price", resolved: true }],
    },
  };
}

describe("post-call report in the call's language", () => {
  for (const { language, rep } of CALLS) {
    it(`${language}: Markdown and HTML`, () => {
      const r = report(language, rep);
      const md = postCallMarkdown(r);
      for (const s of EXPECTED[language]!) expect(md).toContain(s);
      expect(md).not.toMatch(ENGLISH);
      const L = coachingLanguage(language);
      expect(r.habits[0]!.why).toBe(L.text.benchmarks!.talkRatio!.advice(0.7));
      const html = postCallHtml(r);
      expect(html).toContain(`<html lang="${language}">`);
      expect(html).toContain(`<h2>${L.labels.workOn}</h2>`);
      expect(html).toContain(L.report.timelineLegend);
      expect(html).not.toMatch(ENGLISH);
      expect(html).toContain(`<title>${L.report.timelineSvg.title}</title>`);
      expect(html).not.toMatch(/question at|objection at/);
    });
  }
});

describe("rep review and team report in the language asked for", () => {
  const database = testDatabases[0]!;
  let handle: DatabaseHandle;
  let d: Dataset;
  const period = "from=2026-03-23&to=2026-04-06";

  beforeAll(async () => {
    handle = await database.open();
    d = await buildDataset(handle.db);
  });
  afterAll(async () => handle?.close());

  const text = async (path: string, key: string, status = 200) => {
    const res = await d.t.request(path, { headers: d.t.auth(key) });
    expect(res.status, path).toBe(status);
    return res.text();
  };

  const HEADINGS: Record<string, { team: string[]; rep: string[] }> = {
    ru: {
      team: ["# Отчёт по команде", "## Менеджеры", "## Поведение и результат", "| меньше 35% |"],
      rep: [
        "# Обзор менеджера: Alex Ames",
        "## Метрики звонков",
        "## По неделям",
        "## Чем отличаются лучшие",
      ],
    },
    es: {
      team: ["# Informe del equipo", "## Vendedores", "## Comportamiento y resultados", "| menos del 35% |"],
      rep: ["# Revisión del vendedor: Alex Ames", "## Métricas de las llamadas", "## Semana a semana"],
    },
    de: {
      team: ["# Teambericht", "## Verkäufer", "## Verhalten und Ergebnisse", "| unter 35 % |"],
      rep: ["# Verkäufer-Review: Alex Ames", "## Gesprächskennzahlen", "## Woche für Woche"],
    },
    fr: {
      team: ["# Rapport d'équipe", "## Commerciaux", "## Comportements et résultats", "| moins de 35 % |"],
      rep: ["# Bilan du commercial : Alex Ames".replace(" :", ":"), "## Indicateurs des appels"],
    },
    pt: {
      team: ["# Relatório da equipe", "## Vendedores", "## Comportamento e resultados", "| menos de 35% |"],
      rep: ["# Revisão do vendedor: Alex Ames", "## Métricas das ligações", "## Semana a semana"],
    },
  };

  for (const [lang, h] of Object.entries(HEADINGS)) {
    it(`${lang}: Markdown and HTML`, async () => {
      const team = await text(`/v1/reports/team?${period}&format=md&lang=${lang}`, d.manager.key);
      for (const s of h.team) expect(team).toContain(s);
      expect(team).not.toMatch(/\b(?:Team report|Reps|Outliers|Behaviour and outcomes|win rate)\b/);
      const rep = await text(`/v1/reports/reps/${d.repA.id}?${period}&format=md&lang=${lang}`, d.repA.key);
      for (const s of h.rep) expect(rep).toContain(s);
      expect(rep).not.toMatch(/\b(?:Rep review|Call metrics|Week by week|Outcomes)\b/);
      const html = await text(`/v1/reports/team?${period}&format=html&lang=${lang}`, d.manager.key);
      expect(html).toContain(`<html lang="${lang}">`);
      expect(html).toContain(`<h1>${coachingLanguage(lang).report.teamReport}</h1>`);
    });
  }

  it("defaults to English, and refuses an unknown language with 422", async () => {
    const en = await text(`/v1/reports/team?${period}&format=md`, d.manager.key);
    expect(await text(`/v1/reports/team?${period}&format=md&lang=en`, d.manager.key)).toBe(en);
    expect(en).toMatch(/^# Team report/);
    const problem = await text(`/v1/reports/team?${period}&format=md&lang=xx`, d.manager.key, 422);
    expect(JSON.parse(problem)).toMatchObject({ status: 422 });
  });
});

describe("debrief report --lang", () => {
  it("refuses a language it does not speak before touching the database", async () => {
    const { reportCommand } = await import("../../src/cli/report.js");
    const io = {
      stdout: () => {},
      stderr: () => {},
      readFile: async () => "",
      readStdin: async () => "",
      env: {},
    };
    await expect(
      reportCommand(["team", "--from", "2026-03-23", "--to", "2026-04-06", "--lang", "xx"], io),
    ).rejects.toThrow(/--lang must be one of en, ru, es, de, fr, pt/);
  });
});
