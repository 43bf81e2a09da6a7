/** Russian words of the reports. */
import { benchmarkTexts } from "../list.js";
import type { ReportText } from "../types.js";
import { plural, TEXT } from "./text.js";

const calls = (n: number): string => `${n} ${plural(n, "звонок", "звонка", "звонков")}`;
const BANDS: Record<string, string> = { "under 35%": "меньше 35%", "65% and over": "65% и больше" };

export const REPORT: ReportText = {
  metrics: {
    ...benchmarkTexts(TEXT.benchmarks, "label"),
    interactivity: "Интерактивность (смен/мин)",
    repFillersPerMin: "Слова-паразиты менеджера в минуту",
    playbookScore: "Выполнение плейбука",
  },
  targets: benchmarkTexts(TEXT.benchmarks, "target"),
  suggestedLines: {
    talkRatio: "«Прежде чем продолжу — как это соотносится с тем, как вы делаете сейчас?»",
    longestMonologueSec: "«Остановлюсь здесь — что из этого важнее всего для вашей команды?»",
    repQuestions: "«Расскажите, что происходит сейчас, когда приходит новая заявка?»",
    patienceSec:
      "Выдержите один вдох после того, как клиент замолчал, затем: «Расскажите об этом подробнее».",
  },
  habitTitle: (label, value, target) => `${label}: ${value} (ориентир ${target})`,
  fromCoaching: "из разбора звонка",
  try: "Попробуйте",
  noRep: "без менеджера",
  calls,
  teamMedians: (c) => `медианы команды за последние 90 дней: ${c}`,
  callColumns: ["метрика", "этот звонок", "медиана команды", "ориентир"],
  timelineNote: (turns, questions, objections) =>
    `Хронология: реплик ${turns}, вопросов ${questions}, возражений ${objections} (см. HTML-отчёт).`,
  timelineLegend:
    "Синий: менеджер · зелёный: клиент · ● открытый / ○ закрытый вопрос · ▲ возражение (закрашено, если снято)",
  timelineSvg: {
    title: "Кто когда говорил: вопросы (круги) и возражения (треугольники)",
    question: (kind, at) => `${kind === "open" ? "открытый" : "закрытый"} вопрос в ${at}`,
    objection: (category, at, resolved) => `возражение «${category}» в ${at}${resolved ? ", снято" : ""}`,
  },
  repReview: "Обзор менеджера",
  period: (from, to, tz) => `с ${from} по ${to} (не включая), ${tz}`,
  previousPeriod: (c) => `прошлый период: ${c}`,
  dealsClosed: (won, lost) => `закрыто сделок: выиграно ${won}, проиграно ${lost}`,
  dealsClosedInPeriod: (won, lost) => `Сделки, закрытые за период: выиграно ${won}, проиграно ${lost}.`,
  winRate: "доля выигранных",
  callMetrics: "Метрики звонков",
  spreadNote: "Медиана (p25–p75, n звонков с метрикой); медиана команды за тот же период.",
  reviewColumns: ["метрика", "этот период", "прошлый", "команда", "ориентир"],
  medianSpread: "медиана (p25–p75, n)",
  movedMost: "Сильнее всего изменилось",
  movedMostSince: "Сильнее всего изменилось с прошлого периода",
  weekByWeek: "По неделям",
  week: "неделя",
  callsColumn: "звонки",
  callsPerWeek: "Звонков в неделю",
  outcomes: "Результаты",
  outcomeLine: (win, conv, resp, lead) =>
    `Доля выигранных ${win} · конверсия ${conv} · доля ответов ${resp} · медиана ответа на лид ${lead}`,
  topPerformers: "Чем отличаются лучшие",
  noComparison: (eligible, min) =>
    `Сравнения нет: не меньше ${min} сделок закрыли ${eligible} чел., а для верхней четверти нужно 4.`,
  topQuartile: (eligible, min, names) =>
    `Верхняя четверть по доле выигранных среди ${eligible} менеджеров с ≥ ${min} закрытыми сделками: ${names}`,
  topRep: (name, winRate, closed) => `${name} (${winRate} из ${closed})`,
  topColumns: ["метрика", "лучшие", "остальные", "вы"],
  teamReport: "Отчёт по команде",
  reps: "Менеджеры",
  repsNote: (min) =>
    `Медианы по менеджерам (n = звонки). ⚑ = выброс (за пределами 1,5 × IQR медиан менеджеров или далеко от ориентира; менеджеры с ≥ ${min} звонками).`,
  repsNoteHtml: (min, flag) =>
    `Медианы по менеджерам. ${flag} выброс: за пределами 1,5 × IQR медиан менеджеров или далеко от ориентира (менеджеры с ≥ ${min} звонками).`,
  teamColumns: {
    rep: "менеджер",
    wonLost: "выигр./проигр.",
    wonLostHtml: "выигр. / проигр.",
    responseRate: "доля ответов",
  },
  outliers: "Выбросы",
  flag: (f, v) =>
    f.rule === "iqr"
      ? `${v}: ${f.direction === "high" ? "выше верхней" : "ниже нижней"} границы команды`
      : `${v}: далеко от ориентира`,
  behaviour: "Поведение и результат",
  fromClosedCalls: (c) =>
    `Звонки периода, связанные со сделкой, которая сейчас выиграна или проиграна: ${c}.`,
  bandColumns: ["доля речи менеджера", "доля выигранных (звонки)", "звонки", "сделки"],
  band: (label) => BANDS[label] ?? label,
  wonLostColumns: ["медиана на звонок", "выигранные сделки", "проигранные сделки"],
  wonLostColumnsHtml: ["медиана на звонок", "выигранные", "проигранные"],
  winRateByTalk: "Доля выигранных по доле речи менеджера",
  bandNote: (c, deals) => `(${c}, сделок: ${deals})`,
  page: {
    metricsHeading: "Метрики против ориентиров",
    metricColumns: ["Метрика", "Этот звонок", "Ориентир", "Оценка", "Совет"],
    verdict: { good: "В норме", warn: "Вне нормы", bad: "Далеко от нормы" },
    coachingSummary: "Итоги разбора",
    wentWell: "Что получилось",
    toChange: "Что изменить в следующий раз",
    noNextStep: "Следующий шаг в звонке не согласован.",
    item: { covered: "Выполнено", partly: "Частично", missed: "Пропущено" },
    noObjections: "Возражений не было.",
    resolved: "Снято",
    unresolved: "Не снято",
    handling: (h) =>
      `Отработка: ${h.acknowledged ? "признали" : "не признали"}, ${h.clarified ? "уточнили" : "не уточнили"}, ${h.responded ? "ответили" : "без ответа"}, ${h.confirmed ? "проверили" : "не проверили"}`,
    repliedAfter: (s) => ` · ответ через ${s} с`,
  },
};
