import { describe, expect, it } from "vitest";
import { coachingLanguage } from "../coaching/lang/index.js";
import { isoWeek, mondayOf, movedMost, outlierFlags, pickHabits, topQuartile, weeksOf } from "./compute.js";
import { type MetricStatsById, percentileCont, REPORT_METRIC_IDS } from "./metrics.js";

const stats = (medians: Partial<Record<string, number>>): MetricStatsById =>
  Object.fromEntries(
    REPORT_METRIC_IDS.map((id) => [id, { n: 3, median: medians[id] ?? null, p25: null, p75: null }]),
  ) as MetricStatsById;

describe("ISO weeks", () => {
  it("finds the Monday and names the week by its Thursday's year", () => {
    expect(mondayOf("2026-03-29")).toBe("2026-03-23"); // Sunday
    expect(mondayOf("2026-03-30")).toBe("2026-03-30"); // Monday
    expect(isoWeek("2026-03-23")).toBe("2026-W13");
    expect(isoWeek("2024-12-30")).toBe("2025-W01");
    expect(isoWeek("2020-12-28")).toBe("2020-W53");
    expect(weeksOf("2026-03-25", "2026-04-06")).toEqual(["2026-03-23", "2026-03-30"]);
    expect(weeksOf("2026-03-23", "2026-03-24")).toEqual(["2026-03-23"]);
  });
});

describe("percentileCont", () => {
  it("interpolates like PostgreSQL", () => {
    expect(percentileCont([4, 1, 3, 2], 0.5)).toBe(2.5);
    expect(percentileCont([1, 2, 3, 4], 0.25)).toBe(1.75);
    expect(percentileCont([7], 0.75)).toBe(7);
    expect(percentileCont([], 0.5)).toBeNull();
  });
});

describe("movedMost", () => {
  it("picks the largest relative change, skipping missing and zero medians", () => {
    expect(
      movedMost(
        stats({ talkRatio: 0.5, repQuestions: 10, patienceSec: 1 }),
        stats({ talkRatio: 0.8, repQuestions: 4, patienceSec: 0 }),
      ),
    ).toEqual({
      metric: "repQuestions",
      previous: 4,
      current: 10,
      change: 1.5,
    });
    expect(movedMost(stats({}), stats({}))).toBeNull();
  });
});

describe("outlierFlags", () => {
  it("flags a median beyond 1.5 IQR of the reps' medians and one the benchmark calls bad", () => {
    // Questions medians 10, 11, 12, 13, 30: Q1 11, Q3 13, IQR 2, fences 8 and 16 → 30 is high.
    const reps = [10, 11, 12, 13, 30].map((q, i) => ({
      userId: `u${i}`,
      calls: 3,
      metrics: stats({ repQuestions: q }),
    }));
    const flags = outlierFlags(reps);
    expect(flags.get("u4")).toEqual([
      expect.objectContaining({ metric: "repQuestions", rule: "iqr", direction: "high" }),
      expect.objectContaining({ metric: "repQuestions", rule: "target", direction: "high" }), // > 20 is bad
    ]);
    expect(flags.get("u0")).toEqual([]);
    // Too few calls: never flagged.
    const few = outlierFlags([{ userId: "x", calls: 2, metrics: stats({ repQuestions: 50 }) }]);
    expect(few.get("x")).toEqual([]);
  });
});

describe("topQuartile", () => {
  it("ranks reps with enough closed deals and keeps ⌈n/4⌉", () => {
    const r = topQuartile([
      { userId: "a", won: 3, lost: 0 },
      { userId: "b", won: 2, lost: 2 },
      { userId: "c", won: 1, lost: 3 },
      { userId: "d", won: 4, lost: 1 },
      { userId: "e", won: 1, lost: 4 },
      { userId: "f", won: 2, lost: 0 }, // 2 closed: not ranked
    ]);
    expect(r.eligible).toBe(5);
    expect(r.top.map((x) => x.userId)).toEqual(["a", "d"]); // 100%, 80%; ⌈5/4⌉ = 2
    expect(topQuartile([{ userId: "a", won: 3, lost: 0 }]).top).toEqual([]);
  });
});

describe("pickHabits", () => {
  it("takes the furthest metric, then coaching's first change", () => {
    const m = (id: "talkRatio" | "repQuestions", value: number, gap: number) => ({
      id,
      label: id,
      value,
      teamMedian: null,
      teamN: 0,
      target: "t",
      verdict: "bad" as const,
      gap,
    });
    const habits = pickHabits([m("talkRatio", 0.7, 0.4), m("repQuestions", 4, 0.64)], []);
    expect(habits.map((h) => h.metric)).toEqual(["repQuestions", "talkRatio"]);
    expect(pickHabits([m("talkRatio", 0.7, 0.4)], ["Ask for budget"]).map((h) => h.title)).toEqual([
      "Rep talk ratio: 70% (target 43% (35–50%))",
      "Ask for budget",
    ]);
    expect(pickHabits([], [])).toEqual([]);
  });

  it("writes the habits in the given language: title, advice, line to try", () => {
    const m = {
      id: "talkRatio" as const,
      label: "Rep talk ratio",
      value: 0.7,
      teamMedian: null,
      teamN: 0,
      target: "43% (35–50%)",
      verdict: "bad" as const,
      gap: 0.4,
    };
    const [h, coached] = pickHabits([m], ["Pregunta por el presupuesto."], coachingLanguage("es"));
    expect(h).toEqual({
      metric: "talkRatio",
      title: "Tiempo de habla del vendedor: 70% (referencia 43% (35–50%))",
      why: "Hablaste el 70% del tiempo: apunta a un 43 % — pregunta y deja hablar al cliente.",
      suggestedLine: "«Antes de seguir, ¿cómo se compara esto con la forma en que lo hacen hoy?»",
    });
    expect(coached).toEqual({
      metric: null,
      title: "Pregunta por el presupuesto.",
      why: "del coaching de la llamada",
      suggestedLine: null,
    });
  });
});
