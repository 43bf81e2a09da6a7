/**
 * Russian coaching end to end on two hand-written calls (fixtures/calls/ru/coaching-*.txt), with
 * expectations checked by hand against the transcripts: the rep's questions, every playbook item,
 * each objection with its category and handling, the next steps with their dates, and the summary,
 * "went well" / "work on" lines, CLI output and post-call report in Russian.
 */
import { describe, expect, it } from "vitest";
import { postCallMarkdown } from "../../src/reports/render/markdown.js";
import type { PostCallReport } from "../../src/reports/types.js";
import { coachFixture, repQuestions, runAnalyze, statuses } from "./helpers.js";

const REP = "Ольга Петрова";
const discovery = () =>
  coachFixture("fixtures/calls/ru/coaching-discovery.txt", {
    language: "ru",
    rep: REP,
    playbook: "discovery",
  });
const negotiation = () =>
  coachFixture("fixtures/calls/ru/coaching-negotiation.txt", {
    language: "ru",
    rep: REP,
    playbook: "negotiation",
  });

describe("Russian discovery call (the issue's example)", () => {
  const c = discovery();

  it("finds the rep's questions, including intonation and 'расскажите' forms", () => {
    const qs = repQuestions(c, REP);
    expect(qs).toHaveLength(20);
    expect(qs).toContain(
      "Расскажите, пожалуйста, почему вы решили заняться планированием доставки именно сейчас?",
    );
    expect(qs).toContain("А кто подписывает такие закупки и за кем последнее слово по бюджету?");
    expect(qs).toContain("Это снимает вопрос?");
    expect(qs).toContain("Вам удобно во вторник в одиннадцать?");
  });

  it("covers every discovery item, matched in Russian with the Russian playbook names", () => {
    expect(c.playbook?.name).toBe("Первичная встреча (BANT + MEDDICC)");
    expect(Object.values(statuses(c))).toEqual(Array(11).fill("covered"));
    expect(c.playbook?.score).toBe(1);
    const item = (id: string) => c.playbook!.items.find((i) => i.id === id)!;
    expect(item("pain").title).toBe("Боль и её последствия");
    expect(item("budget").evidence.map((e) => e.quote)).toContain("А бюджет на это заложен?");
    expect(item("next-step").evidence[0]!.quote).toContain("во вторник в одиннадцать");
    expect(item("economic-buyer").evidence.map((e) => e.quote)).toContain(
      "Финансовый директор, Андрей Викторович.",
    );
  });

  it("finds the one price objection (not five bogus ones), fully handled and resolved", () => {
    expect(c.objections).toHaveLength(1);
    const [o] = c.objections;
    expect(o!.category).toBe("price");
    expect(o!.text).toBe("Честно говоря, это дороже, чем мы планировали.");
    expect(o!.handling).toEqual({ acknowledged: true, clarified: true, responded: true, confirmed: true });
    expect(o!.resolved).toBe(true);
    expect(o!.response?.quote).toBe("Понимаю, вопрос цены важный.");
  });

  it("books the meeting on Tuesday at 11 as the next step", () => {
    const steps = c.summary.nextSteps;
    expect(steps).toContainEqual({
      text: "И давайте назначим демонстрацию с Мариной и ИТ-директором во вторник в одиннадцать",
      owner: REP,
      due: "во вторник в одиннадцать",
    });
    expect(steps).toContainEqual({
      text: "Тогда предлагаю так: я сегодня пришлю расчёт окупаемости и два кейса",
      owner: REP,
      due: "сегодня",
    });
    expect(c.crm.nextStep).toBe(
      "И давайте назначим демонстрацию с Мариной и ИТ-директором во вторник в одиннадцать",
    );
  });

  it("writes the summary, went-well and work-on lines in Russian", () => {
    const text = c.summary.text;
    expect(text).toMatch(/^Ольга Петрова — разговор с клиентом: Игорь Соколов \(4 мин\); главная боль: «/);
    expect(text).toContain(
      "Плейбук «Первичная встреча (BANT + MEDDICC)»: 100% (11 из 11 пунктов выполнено, 0 частично)",
    );
    expect(text).toContain("1 возражение (цена), отработано: 1");
    expect(text).toContain("Следующий шаг: И давайте назначим демонстрацию");
    expect(text).not.toMatch(/spoke with|playbook|objection|Next step/);
    expect(c.summary.wentWell[0]).toBe(
      "Отработано возражение «цена» («Честно говоря, это дороже, чем мы планировали.»): признали, уточнили, ответили, проверили.",
    );
    for (const line of [...c.summary.wentWell, ...c.summary.toChange]) expect(line).toMatch(/[а-яё]/i);
  });

  it("fills the CRM fields from the Russian call", () => {
    expect(c.crm.budget).toBe("Заложили около шестисот тысяч рублей в год");
    expect(c.crm.timeline).toBe("До высокого сезона, то есть к первому сентября нужно запуститься");
    expect(c.crm.decisionMakers).toEqual(["ИТ-директор", "Финансовый директор"]);
    expect(c.crm.competitors).toEqual(["Яндекс Маршрутизацию"]);
    expect(c.crm.painPoints[0]).toBe(
      "У нас сорок машин, и маршруты до сих пор строит вручную один логист в Excel.",
    );
  });

  it("does not credit discovery items a negotiation call never touched", () => {
    const n = coachFixture("fixtures/calls/ru/coaching-negotiation.txt", {
      language: "ru",
      rep: REP,
      playbook: "discovery",
    });
    const s = statuses(n);
    for (const id of ["pain", "decision-criteria", "timeline", "authority", "competition"])
      expect(s[id]).toBe("missed");
    expect(n.playbook!.score).toBeLessThan(0.5);
  });
});

describe("Russian negotiation call", () => {
  const c = negotiation();

  it("covers every negotiation item in Russian", () => {
    expect(c.playbook?.name).toBe("Переговоры о цене");
    expect(statuses(c)).toEqual({
      "value-recap": "covered",
      "buyer-criteria": "covered",
      "trade-concessions": "covered",
      "paper-process": "covered",
      "decision-maker": "covered",
      "mutual-plan": "covered",
    });
  });

  it("finds the price objection (handled) and the timing objection (left unanswered)", () => {
    expect(c.objections.map((o) => [o.category, o.text])).toEqual([
      ["price", "Но шестьсот тысяч в год — это выше нашего бюджета."],
      ["timing", "Только у нас с сентября меняется ИТ-подрядчик, внедрение раньше октября мы не потянем."],
    ]);
    expect(c.objections[0]!.handling).toEqual({
      acknowledged: true,
      clarified: true,
      responded: true,
      confirmed: true,
    });
    expect(c.objections[1]!.handling.responded).toBe(false);
  });

  it("keeps the rep's questions and the dated steps", () => {
    expect(repQuestions(c, REP)).toEqual([
      "Помогите понять, откуда цифра в двадцать процентов — это лимит бюджета или сравнение с другим предложением?",
      "Такой вариант подходит?",
      "Кто подписывает договор с вашей стороны, и нужно ли юристам его смотреть?",
      "Сможете передать его юристам до среды?",
    ]);
    expect(c.summary.nextSteps.map((s) => [s.owner, s.due])).toEqual([
      [REP, "сегодня"],
      ["Андрей Викторович", "до среды"],
      [REP, "в следующий понедельник в десять"],
    ]);
    expect(c.summary.text).toContain("2 возражения (цена, сроки), отработано: 1");
  });
});

describe("Russian output surfaces", () => {
  it("prints the CLI's human output with Russian labels", async () => {
    const { code, stdout } = await runAnalyze([
      "fixtures/calls/ru/coaching-discovery.txt",
      "--engine",
      "rules",
      "--language",
      "ru",
      "--rep",
      REP,
    ]);
    expect(code).toBe(0);
    for (const label of [
      "Участники",
      "Метрики звонка",
      "Плейбук: Первичная встреча",
      "Возражения (1",
      "Итоги",
      "Над чем работать",
      "Вопросы менеджера (20)",
    ])
      expect(stdout).toContain(label);
    expect(stdout).toContain("цена");
    expect(stdout).toContain("признание ✓");
    expect(stdout).not.toMatch(/\b(?:Speakers|Call metrics|Work on|Objections|Summary)\b/);
  });

  it("renders the post-call report with Russian labels", () => {
    const c = discovery();
    const report: PostCallReport = {
      kind: "post-call",
      call: {
        id: "c1",
        title: "Маршрут — первичная встреча",
        occurredAt: "2026-03-02T10:00:00.000Z",
        rep: { userId: "u1", name: REP },
        durationSec: 267,
        crmDealId: null,
        coachingStatus: "done",
        language: "ru",
      },
      team: {
        from: "2026-01-01T00:00:00.000Z",
        to: "2026-03-02T00:00:00.000Z",
        calls: 3,
        quantile: "percentile_cont",
      },
      metrics: [],
      playbook: { name: c.playbook!.name, score: 1, gaps: [] },
      objections: c.objections.map((o) => ({
        text: o.text,
        category: o.category,
        at: o.start,
        handling: o.handling,
        resolved: o.resolved,
        response: o.response?.quote ?? null,
      })),
      habits: [],
      nextSteps: c.summary.nextSteps,
      timeline: null,
    };
    const md = postCallMarkdown(report);
    for (const label of [
      "# Отчёт по звонку",
      "## Метрики",
      "## Над чем работать",
      "## Плейбук: Первичная встреча",
      "## Возражения (1)",
      "**цена**",
      "признали, уточнили, ответили, проверили; снято",
      "## Следующие шаги",
    ])
      expect(md).toContain(label);
  });
});
