/** Russian sentences of the summary and of the "went well" / "work on" lines, and the output labels. */
import type { ObjectionCategory } from "../../contract.js";
import type { CoachingText, Labels } from "../types.js";

function list(names: readonly string[]): string {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} и ${names[names.length - 1]}`;
}

/** 1 возражение, 2 возражения, 5 возражений. */
export function plural(n: number, one: string, few: string, many: string): string {
  const d = n % 10;
  const h = n % 100;
  if (d === 1 && h !== 11) return one;
  if (d >= 2 && d <= 4 && (h < 12 || h > 14)) return few;
  return many;
}

const CATEGORY: Record<ObjectionCategory, string> = {
  price: "цена",
  timing: "сроки",
  authority: "полномочия",
  need: "потребность",
  competitor: "конкурент",
  trust: "доверие",
  other: "другое",
};

const pct = (v: number): string => `${Math.round(v * 100)}%`;
const clock = (sec: number): string => {
  const s = Math.round(sec);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
};

export const TEXT: CoachingText = {
  list,
  spokeWith: (reps, customers, minutes) => `${reps} — разговор с клиентом: ${customers}${minutes}`,
  callBetween: (names, minutes) => `Звонок: ${names}${minutes}`,
  unknownSpeakers: "участники не определены",
  minutes: (n) => ` (${n} мин)`,
  mainPain: (q) => `; главная боль: «${q}»`,
  playbookScored: (p) =>
    `плейбук «${p.name}»: ${p.percent}% (${p.covered} из ${p.total} пунктов выполнено, ${p.partly} частично)`,
  objectionsCameUp: (n, cats, handled) =>
    `${n} ${plural(n, "возражение", "возражения", "возражений")} (${cats}), отработано: ${handled}`,
  competition: (names) => `упомянуты конкуренты: ${names}`,
  nextStep: (step) => `Следующий шаг: ${step}.`,
  noNextStep: "Конкретный следующий шаг не согласован.",
  category: (c) => CATEGORY[c],
  benchmarks: {
    talkRatio: {
      label: "Доля речи менеджера",
      target: "43% (35–50%)",
      advice: (v) =>
        v < 0.35
          ? `Вы говорили ${pct(v)} времени: ведите разговор активнее, резюмируйте услышанное и предлагайте следующие шаги.`
          : `Вы говорили ${pct(v)} времени: держитесь около 43% — спросите и дайте клиенту выговориться.`,
    },
    longestMonologueSec: {
      label: "Самый длинный монолог менеджера",
      target: "≤ 2:30",
      advice: (v) => `Ваш самый длинный монолог длился ${clock(v)}: прерывайте его вопросом до 2:30.`,
    },
    repQuestions: {
      label: "Вопросы менеджера",
      target: "11–14 за звонок-знакомство",
      advice: (v) =>
        v < 11
          ? `Вы задали ${v} ${plural(v, "вопрос", "вопроса", "вопросов")}: в успешных первых звонках их 11–14, по всему разговору.`
          : `Вы задали ${v} ${plural(v, "вопрос", "вопроса", "вопросов")}: больше ~14 — и разговор похож на допрос.`,
    },
    openQuestionShare: {
      label: "Открытые вопросы (менеджер)",
      target: "≥ 50% вопросов менеджера",
      advice: (v) => `Открытых вопросов — ${pct(v)}: чаще спрашивайте «что», «как», «расскажите».`,
    },
    patienceSec: {
      label: "Терпение",
      target: "≥ 1,0 с",
      advice: (v) =>
        `Вы отвечали в среднем через ${v.toFixed(1).replace(".", ",")} с: выдержите паузу (≥ 1 с), чтобы клиент договорил.`,
    },
  },
  onTarget: (label, value, target) => `${label} в норме: ${value} (ориентир ${target}).`,
  coveredItems: (p) =>
    `Выполнено ${p.covered} из ${p.total} пунктов плейбука «${p.name}»: ${p.names}${p.more > 0 ? ` и ещё ${p.more}` : ""}.`,
  avoidForbidden: (title, quote, why) =>
    `Избегайте того, что плейбук запрещает в пункте «${title}»: вы сказали «${quote}».${why ? ` ${why}` : ""}`,
  coverNextTime: (title, example) =>
    `В следующий раз пройдите пункт «${title}»${example ? ` — например: «${example}»` : ""}.`,
  partlyExplored: (title, example) =>
    `Тема «${title}» прозвучала, но вы её не раскрыли: задайте уточняющий вопрос${example ? `, например «${example}»` : ""}.`,
  objectionWhat: (category, text) => `возражение «${category}» («${text}»)`,
  unanswered: (what) =>
    `Отвечайте на возражения, прежде чем идти дальше: ${what} осталось без ответа — признайте его, спросите, что за ним стоит, и ответьте с доказательствами.`,
  notAnswered: (what, did) =>
    `Когда прозвучало ${what}, вы ${did.join(" и ") || "пошли дальше"}, но так и не ответили: приведите доказательство (результат, цифру, пример клиента).`,
  did: { acknowledged: "признали его", clarified: "задали вопрос" },
  straightToAnswer: (what) =>
    `Прежде чем отвечать на ${what}, признайте его и задайте уточняющий вопрос — вы сразу перешли к ответу.`,
  checkLanded: (what) =>
    `Ответив на ${what}, проверьте, снят ли вопрос («это снимает вопрос?») — оно осталось открытым.`,
  handled: (what, steps) => `Отработано ${what}: ${steps}.`,
  steps: { acknowledged: "признали", clarified: "уточнили", responded: "ответили", confirmed: "проверили" },
};

export const LABELS: Labels = {
  speakers: "Участники",
  callMetrics: "Метрики звонка",
  workOn: "Над чем работать",
  nothingStandsOut: "По ориентирам всё в норме — так держать.",
  repQuestions: (n) => `Вопросы менеджера (${n})`,
  more: (n) => `… ещё ${n} (все — в --json)`,
  playbook: "Плейбук",
  covered: "выполнено",
  partly: "частично",
  missed: "пропущено",
  objections: "Возражения",
  handledShare: (p) => `, отработано ${p}%`,
  noneRaised: "не было",
  resolved: "снято",
  notResolved: "не снято",
  handling: ["признание", "уточнение", "ответ", "проверка"],
  summary: "Итоги",
  nextSteps: "Следующие шаги",
  noNextSteps: "В звонке не согласованы.",
  open: "откр.",
  closed: "закр.",
  callReport: "Отчёт по звонку",
  metrics: "Метрики",
  notHandled: "не отработано",
  reply: "Ответ",
  everyStepCovered: "Все пункты выполнены.",
  onTargetAll: "Ничего не выделяется: все метрики с ориентиром в норме.",
  speakerColumns: [
    "участник",
    "роль",
    "время",
    "доля",
    "сл/мин",
    "слова",
    "реплики",
    "перебив.",
    "паразиты",
    "вопросы",
  ],
  metricColumns: ["метрика", "значение", "ориентир"],
  repOpenClosed: "Вопросы менеджера: открытые / закрытые",
  customerOpenClosed: "Вопросы клиента: открытые / закрытые",
  longestCustomerStory: "Самый длинный рассказ клиента",
  longerIsBetter: "чем дольше, тем лучше",
  interactivity: "Интерактивность",
  switchesPerMin: (v) => `${v} смен/мин`,
  silence: "Тишина",
  pauses: "Паузы ≥ 2 с (самая длинная)",
  noTimestamps: "без тайм-кодов",
  rolesGuessed: "роли угаданы — укажите --rep/--customer для точности",
  rolesFrom: (source) => `роли: ${source}`,
  engine: "Движок коучинга",
};
