/**
 * The OpenAI engine answers in the call's language: the request carries the language instruction
 * and the built-in playbook in that language, the output schema is the same, and the model's
 * quotes are kept only verbatim (msw; no network).
 */
import { readFileSync } from "node:fs";
import { http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { buildCoachingRequests, estimateRequestTokens } from "../../src/ai/request.js";
import { analyzeTranscript } from "../../src/analysis/analyze.js";
import { defaultPlaybookFor } from "../../src/coaching/playbook/builtins.js";
import { runCoaching } from "../../src/coaching-service/run.js";
import { parseTranscript } from "../../src/transcript/parse.js";
import { acmeTranscript, COMPLETIONS, completionWith, inputFor, testClient, userMessage } from "./helpers.js";

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const MODEL = "gpt-4.1-mini";
const FILE = "fixtures/calls/ru/coaching-discovery.txt";

function russianInput() {
  const { transcript } = parseTranscript(readFileSync(FILE, "utf8"), { file: FILE });
  const analysis = analyzeTranscript(transcript, { rep: ["Ольга Петрова"], language: "ru" });
  return { transcript, analysis, playbook: defaultPlaybookFor("discovery") };
}

/** A valid model answer in Russian; one quote is the transcript's words, one is a paraphrase. */
function russianAnswer(labelOf: (name: string) => string) {
  const rep = labelOf("Ольга Петрова");
  const customer = labelOf("Игорь Соколов");
  return {
    objections: [
      {
        speaker: customer,
        quote: "Честно говоря, это дороже, чем мы планировали.",
        category: "price",
        handling: { acknowledged: true, clarified: true, responded: true, confirmed: true },
        resolved: true,
        response: { speaker: rep, quote: "Понимаю, вопрос цены важный." },
      },
    ],
    playbook: [
      { id: "budget", status: "covered", evidence: [{ speaker: rep, quote: "А бюджет на это заложен?" }] },
      // A paraphrase, not in the transcript: verification must drop it.
      { id: "pain", status: "covered", evidence: [{ speaker: rep, quote: "Какая у вас главная проблема?" }] },
    ],
    summary: {
      text: "Ольга провела первичную встречу с Игорем и договорилась о демонстрации во вторник в 11:00.",
      wentWell: ["Возражение о цене отработано с расчётом окупаемости."],
      toChange: ["Задавайте меньше закрытых вопросов."],
      nextSteps: [
        {
          text: "Демонстрация с Мариной и ИТ-директором",
          owner: "Ольга Петрова",
          due: "во вторник в одиннадцать",
        },
      ],
    },
    crm: {
      nextStep: "Демонстрация во вторник в 11:00",
      painPoints: ["Опоздания и штрафы"],
      decisionMakers: ["Финансовый директор"],
      competitors: [],
      budget: "около 600 тыс. руб. в год",
      timeline: "к 1 сентября",
    },
  };
}

describe("OpenAI engine in the call's language (msw)", () => {
  it("asks for Russian output, sends the Russian playbook, and keeps the schema and verbatim quotes", async () => {
    const input = russianInput();
    const plan = buildCoachingRequests(input, { model: MODEL });
    const labelOf = (name: string) => plan.labels.find((l) => l.name === name || l.id === name)!.label;
    const bodies: unknown[] = [];
    server.use(
      http.post(COMPLETIONS, async ({ request }) => {
        bodies.push(await request.json());
        return completionWith(russianAnswer(labelOf));
      }),
    );
    const c = await runCoaching(input, { openai: { client: testClient(), model: MODEL } });

    expect(bodies).toHaveLength(1);
    const user = userMessage(bodies[0]);
    expect(user).toContain(
      "Call language: Russian (ru). Write summary.text, wentWell, toChange, nextSteps and crm in Russian; copy quotes verbatim, never translate them.",
    );
    expect(user).toContain('Playbook "Первичная встреча (BANT + MEDDICC)"');
    expect(user).toContain("Боль и её последствия");
    // Same structured-output schema as for English calls.
    const english = buildCoachingRequests(inputFor(acmeTranscript()), { model: MODEL }).bodies[0]!;
    expect((bodies[0] as { response_format: unknown }).response_format).toEqual(
      JSON.parse(JSON.stringify(english.response_format)),
    );

    expect(c.engine).toBe("openai");
    expect(c.summary.text).toBe(
      "Ольга провела первичную встречу с Игорем и договорилась о демонстрации во вторник в 11:00.",
    );
    expect(c.objections.map((o) => o.text)).toEqual(["Честно говоря, это дороже, чем мы планировали."]);
    expect(c.playbook?.name).toBe("Первичная встреча (BANT + MEDDICC)");
    const item = (id: string) => c.playbook!.items.find((i) => i.id === id)!;
    expect(item("budget").evidence.map((e) => e.quote)).toEqual(["А бюджет на это заложен?"]);
    expect(item("pain").evidence).toEqual([]);
    expect(item("pain").status).not.toBe("covered");
  });

  it("adds nothing for an English call (its prompt is already English)", () => {
    const plan = buildCoachingRequests(inputFor(acmeTranscript()), { model: MODEL });
    expect(userMessage(plan.bodies[0])).not.toContain("Call language:");
  });

  it("keeps the language instruction within a few dozen prompt tokens", () => {
    const input = russianInput();
    const withLine = estimateRequestTokens(buildCoachingRequests(input, { model: MODEL }).bodies[0]!);
    const asEnglish = estimateRequestTokens(
      buildCoachingRequests({ ...input, analysis: { ...input.analysis, language: "en" } }, { model: MODEL })
        .bodies[0]!,
    );
    // The line itself; the Russian playbook text costs about what the English one does.
    expect(withLine - asEnglish).toBeLessThan(120);
  });
});
