import { readdirSync, readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyzeTranscript } from "../../analysis/analyze.js";
import { DebriefError } from "../../errors.js";
import { stem } from "../../text/stem.js";
import type { Transcript } from "../../transcript/model.js";
import { parseTranscript } from "../../transcript/parse.js";
import { type Playbook, PlaybookResultSchema } from "../contract.js";
import type { CoachingInput } from "../engine.js";
import { createEvidenceIndex } from "../evidence.js";
import { DEFAULT_PLAYBOOK_SOURCES } from "./builtins.generated.js";
import { defaultPlaybookFor, loadDefaultPlaybooks } from "./builtins.js";
import { evaluatePlaybookRules } from "./engine.js";
import { parsePlaybook } from "./parse.js";

const VALID = `id: mini
name: Mini
version: 1
stage: discovery
items:
  - id: pain
    title: Pain
    description: Find the pain.
    why: No pain, no deal.
    examples:
      - What problem are you solving?
    signals:
      required: [problem]
`;

function parseError(text: string, file = "discovery.yaml"): DebriefError {
  try {
    parsePlaybook(text, file);
  } catch (err) {
    expect(err).toBeInstanceOf(DebriefError);
    expect((err as DebriefError).code).toBe("validation_failed");
    return err as DebriefError;
  }
  throw new Error("expected parsePlaybook to throw");
}

describe("parsePlaybook", () => {
  it("parses YAML and applies defaults", () => {
    const p = parsePlaybook(VALID, "mini.yaml");
    expect(p).toMatchObject({ id: "mini", version: "1", stage: "discovery", language: "en" });
    expect(p.items[0]).toMatchObject({ by: "rep", signals: { required: ["problem"], forbidden: [] } });
  });

  it("parses JSON", () => {
    const json = JSON.stringify({
      id: "j",
      name: "J",
      version: "2024.1",
      stage: "demo",
      items: [{ id: "a", title: "A", description: "d", why: "w", examples: ["e"] }],
    });
    expect(parsePlaybook(json).version).toBe("2024.1");
  });

  it("points at an empty examples list with its line", () => {
    const err = parseError(
      VALID.replace("    examples:\n      - What problem are you solving?\n", "    examples: []\n"),
    );
    expect(err.message).toBe("discovery.yaml:10: items[0].examples: must contain at least 1 item");
    expect(err.details).toEqual({
      errors: [{ path: "items[0].examples", message: "must contain at least 1 item", line: 10 }],
    });
  });

  it("names items[2].examples as the brief's example message", () => {
    const items = [0, 1, 2]
      .map(
        (i) =>
          `  - id: i${i}\n    title: T\n    description: D\n    why: W\n    examples: ${i === 2 ? "[]" : "[x]"}\n`,
      )
      .join("");
    const err = parseError(`id: d\nname: D\nversion: 1\nstage: discovery\nitems:\n${items}`);
    expect(err.message).toBe("discovery.yaml:20: items[2].examples: must contain at least 1 item");
  });

  it("reports missing items", () => {
    const err = parseError("id: d\nname: D\nversion: 1\nstage: discovery\n");
    expect(err.message).toMatch(/^discovery\.yaml:1: items: is required/);
    const empty = parseError("id: d\nname: D\nversion: 1\nstage: discovery\nitems: []\n");
    expect(empty.message).toBe("discovery.yaml:5: items: must contain at least 1 item");
  });

  it("reports a bad id and a duplicate id at their lines", () => {
    const bad = parseError(VALID.replace("  - id: pain", "  - id: Pain Point"));
    expect(bad.message).toBe(
      "discovery.yaml:6: items[0].id: ids are lower-case letters, digits, '-' and '_'",
    );
    const dup = parseError(
      `${VALID}  - id: pain\n    title: Again\n    description: d\n    why: w\n    examples: [x]\n`,
    );
    expect(dup.message).toBe("discovery.yaml:14: items[1].id: duplicate item id 'pain'");
  });

  it("reports a wrong stage with the allowed values", () => {
    const err = parseError(VALID.replace("stage: discovery", "stage: prospecting"));
    expect(err.message).toBe(
      'discovery.yaml:4: stage: must be one of "discovery", "demo", "negotiation", "closing", "renewal", "other"',
    );
  });

  it("reports every problem in details and counts the rest in the message", () => {
    const err = parseError(VALID.replace("name: Mini\n", "").replace("why: No pain, no deal.", "why: ''"));
    const errors = (err.details as { errors: Array<{ path: string }> }).errors;
    expect(errors.map((e) => e.path)).toEqual(["name", "items[0].why"]);
    expect(err.message).toMatch(/\(and 1 more\)$/);
  });

  it("reports YAML syntax errors with the line", () => {
    const err = parseError("id: d\nname: D\nitems:\n  - id: [unclosed\n    title: x\n");
    expect(err.message).toMatch(/^discovery\.yaml:\d+: YAML syntax error: /);
    const line = (err.details as { errors: Array<{ line: number }> }).errors[0]!.line;
    expect(line).toBeGreaterThanOrEqual(4);
  });

  it("reports JSON syntax errors and non-object documents", () => {
    expect(parseError('{"id": "x",', "p.json").message).toMatch(/^p\.json:1: JSON syntax error: /);
    expect(parseError("- just\n- a list\n").message).toMatch(/must be a YAML object/);
    expect(parseError("").message).toBe("discovery.yaml: the playbook is empty");
    expect(parseError("42").message).toMatch(/must be a YAML object/);
  });

  it("never throws anything but validation_failed", () => {
    const check = (text: string) => {
      try {
        parsePlaybook(text, "x.yaml");
      } catch (err) {
        expect(err).toBeInstanceOf(DebriefError);
        expect((err as DebriefError).code).toBe("validation_failed");
      }
    };
    fc.assert(fc.property(fc.string(), check), { numRuns: 300 });
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        check(JSON.stringify(v) ?? "");
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.nat({ max: VALID.length }), fc.string({ maxLength: 5 }), (at, insert) => {
        check(VALID.slice(0, at) + insert + VALID.slice(at));
      }),
      { numRuns: 300 },
    );
    check("a: &a [*a]\nb: *a\n");
  });
});

describe("default playbooks", () => {
  it("are discovery, demo, negotiation and renewal, valid and complete", () => {
    const all = loadDefaultPlaybooks();
    expect(all.map((p) => p.id).sort()).toEqual(["demo", "discovery", "negotiation", "renewal"]);
    for (const p of all) {
      for (const item of p.items) {
        expect(item.examples.length, `${p.id}/${item.id}`).toBeGreaterThanOrEqual(3);
        expect(item.examples.length, `${p.id}/${item.id}`).toBeLessThanOrEqual(6);
        expect(item.signals.required.length, `${p.id}/${item.id}`).toBeGreaterThan(0);
      }
    }
    expect(defaultPlaybookFor("discovery")?.items.map((i) => i.id)).toEqual([
      "pain",
      "metrics",
      "economic-buyer",
      "decision-criteria",
      "decision-process",
      "budget",
      "timeline",
      "authority",
      "champion",
      "competition",
      "next-step",
    ]);
    expect(defaultPlaybookFor("negotiation")?.id).toBe("negotiation");
  });

  it("returns copies (callers may mutate them)", () => {
    const a = loadDefaultPlaybooks();
    a[0]!.items.length = 0;
    expect(loadDefaultPlaybooks()[0]!.items.length).toBeGreaterThan(0);
  });

  it("are embedded up to date (run `npx tsx scripts/embed-playbooks.ts` after editing fixtures/playbooks)", () => {
    const files = readdirSync("fixtures/playbooks")
      .filter((f) => f.endsWith(".yaml"))
      .sort()
      .map((file) => ({ file, text: readFileSync(`fixtures/playbooks/${file}`, "utf8") }));
    expect(DEFAULT_PLAYBOOK_SOURCES).toEqual(files);
  });
});

describe("stem", () => {
  it("folds plurals and -ing/-ed in English, common endings in Russian", () => {
    expect(stem("budgets")).toBe(stem("budget"));
    expect(stem("budgeting")).toBe(stem("budget"));
    expect(stem("deciding")).toBe(stem("decide"));
    expect(stem("decided")).toBe(stem("decide"));
    expect(stem("processes")).toBe(stem("process"));
    expect(stem("бюджета")).toBe(stem("бюджет"));
    expect(stem("бюджетом")).toBe(stem("бюджет"));
    expect(stem("теряем")).toBe(stem("теряете"));
  });
});

// ────────── the rules engine on a realistic discovery call ──────────

const acme = parseTranscript(readFileSync("fixtures/calls/discovery-acme.vtt", "utf8"), {
  file: "discovery-acme.vtt",
}).transcript;
const acmeAnalysis = analyzeTranscript(acme, { rep: ["Dana Reyes"] });
const discovery = defaultPlaybookFor("discovery")!;

describe("evaluatePlaybookRules", () => {
  it("returns null without a playbook", () => {
    expect(evaluatePlaybookRules({ transcript: acme, analysis: acmeAnalysis, playbook: null })).toBeNull();
  });

  const result = evaluatePlaybookRules({ transcript: acme, analysis: acmeAnalysis, playbook: discovery })!;
  const item = (id: string) => result.items.find((i) => i.id === id)!;

  it("judges the Acme discovery call item by item", () => {
    expect(PlaybookResultSchema.parse(result)).toEqual(result);
    expect(Object.fromEntries(result.items.map((i) => [i.id, i.status]))).toEqual({
      pain: "covered",
      metrics: "covered",
      "economic-buyer": "partly", // the CFO came up; Dana never asked who signs or how to reach them
      "decision-criteria": "covered",
      "decision-process": "missed",
      budget: "partly", // Marcus raised the budget cycle; Dana did not qualify it
      timeline: "covered",
      authority: "covered",
      champion: "missed",
      competition: "covered",
      "next-step": "covered",
    });
    expect(result.score).toBe(0.7273); // (7 + ½·2) / 11
    expect(result).toMatchObject({ id: "discovery", version: "1", stage: "discovery" });
  });

  it("cites the rep's answered question, with the customer's answer", () => {
    expect(item("pain")).toEqual({
      id: "pain",
      title: "Pain and its impact",
      status: "covered",
      coveredBy: "Dana Reyes",
      evidence: [
        { speaker: "Dana Reyes", start: 21.8, quote: "To start, what made you take the call this quarter?" },
        { speaker: "Marcus Lee", start: 27.1, quote: "Honestly, it's the late deliveries." },
        {
          speaker: "Dana Reyes",
          start: 148.6,
          quote: "Marcus, when on-time delivery drops like that, what does it cost you?",
        },
      ],
    });
    expect(item("competition").evidence.map((e) => e.quote)).toEqual([
      "Have you looked at other routing tools already, or are we the first conversation?",
      "We did a trial of RouteWise last year.",
    ]);
    expect(item("next-step").evidence.map((e) => e.quote)).toContain("Thursday at two is fine.");
  });

  it("credits the customer when only the customer raised a rep item", () => {
    expect(item("budget")).toMatchObject({ status: "partly", coveredBy: "Marcus Lee" });
    expect(item("budget").evidence[0]!.quote).toMatch(/our budget for next year isn't final until December/);
    expect(item("champion")).toEqual({
      id: "champion",
      title: "Champion",
      status: "missed",
      coveredBy: null,
      evidence: [],
    });
  });

  it("only ever cites verbatim transcript sentences, at most three per item", () => {
    const index = createEvidenceIndex(acme);
    for (const i of result.items) {
      expect(i.evidence.length).toBeLessThanOrEqual(3);
      for (const e of i.evidence) expect(index.find(e.quote, { speaker: e.speaker })).toEqual(e);
    }
  });

  it("is deterministic", () => {
    const again = evaluatePlaybookRules({ transcript: acme, analysis: acmeAnalysis, playbook: discovery });
    expect(again).toEqual(result);
  });
});

function call(
  rows: Array<[string, string]>,
  rep: string,
  playbook: Playbook,
  language?: string,
): CoachingInput {
  const transcript: Transcript = {
    ...(language ? { language } : {}),
    utterances: rows.map(([speaker, text], i) => ({ speaker, text, start: i * 10, end: i * 10 + 8 })),
  };
  return { transcript, analysis: analyzeTranscript(transcript, { rep: [rep] }), playbook };
}

describe("evaluatePlaybookRules: forbidden signals", () => {
  it("marks the item missed, with the offending rep quote as evidence", () => {
    const input = call(
      [
        ["Rep", "Is there budget set aside for this project this year?"],
        ["Buyer", "Yes, we have about fifty thousand dollars approved for it."],
        ["Rep", "Great. And if you sign this month I can give you a twenty percent discount."],
        ["Buyer", "Interesting, I'll think about it."],
      ],
      "Rep",
      discovery,
    );
    const budget = evaluatePlaybookRules(input)!.items.find((i) => i.id === "budget")!;
    expect(budget).toEqual({
      id: "budget",
      title: "Budget",
      status: "missed",
      coveredBy: null,
      evidence: [
        {
          speaker: "Rep",
          start: 20,
          quote: "And if you sign this month I can give you a twenty percent discount.",
        },
      ],
    });
  });

  it("ignores forbidden phrases said by the customer", () => {
    const input = call(
      [
        ["Rep", "Is there budget set aside for this project this year?"],
        ["Buyer", "Yes, about fifty thousand, but we'd expect a discount."],
      ],
      "Rep",
      discovery,
    );
    expect(evaluatePlaybookRules(input)!.items.find((i) => i.id === "budget")!.status).toBe("covered");
  });
});

describe("evaluatePlaybookRules: Russian playbooks", () => {
  const ru = parsePlaybook(
    `id: ru-discovery
name: Выявление потребностей
version: 1
stage: discovery
language: ru
items:
  - id: process
    title: Текущий процесс
    description: Менеджер выясняет, как клиент работает сейчас.
    why: Без понимания процесса нет боли.
    examples: [Расскажите, как сейчас ваши менеджеры ведут сделки?, Как у вас устроены продажи?]
    signals: { required: [как сейчас, как устроены] }
  - id: budget
    title: Бюджет
    description: Менеджер выясняет бюджет.
    why: BANT (IBM) — без бюджета нет сделки.
    examples: [Какой бюджет вы заложили на проект?]
    signals: { required: [бюджета] }
  - id: decision
    title: Кто принимает решение
    description: Менеджер выясняет, кто решает.
    why: MEDDICC — экономический покупатель.
    examples: [Кто у вас принимает решение о покупке?]
    signals: { required: [принимает решение] }
`,
    "ru.yaml",
  );

  it("matches Russian signals with stemming", () => {
    const { transcript } = parseTranscript(readFileSync("fixtures/formats/russian.txt", "utf8"), {
      file: "russian.txt",
    });
    const analysis = analyzeTranscript(transcript, { rep: ["Анна Смирнова"] });
    const r = evaluatePlaybookRules({ transcript, analysis, playbook: ru })!;
    expect(r.items.map((i) => [i.id, i.status, i.coveredBy])).toEqual([
      ["process", "covered", "Анна Смирнова"],
      ["budget", "partly", "Дмитрий Орлов"], // "бюджета" matches "бюджет"; raised by the customer only
      ["decision", "missed", null],
    ]);
    expect(r.items[0]!.evidence[0]!.quote).toBe("Расскажите, как сейчас ваши менеджеры ведут сделки?");
    expect(r.items[1]!.evidence[0]!.quote).toBe(
      "Но бюджет на новую систему у нас только в следующем квартале.",
    );
    expect(r.score).toBe(0.5);
  });
});
