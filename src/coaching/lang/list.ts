/** "A, B and C" with the language's "and". */
export function joinList(and: string): (names: readonly string[]) => string {
  return (names) =>
    names.length <= 1 ? names.join("") : `${names.slice(0, -1).join(", ")} ${and} ${names[names.length - 1]}`;
}

/** Percent and m:ss, as the benchmarks print them. */
export const pct = (v: number): string => `${Math.round(v * 100)}%`;
export const clock = (sec: number): string => {
  const s = Math.round(sec);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
};

/** One field of a language's benchmark texts by benchmark id: the reports' labels and targets. */
export function benchmarkTexts(
  benchmarks: Record<string, { label: string; target: string }> | null,
  field: "label" | "target",
): Record<string, string> {
  return Object.fromEntries(Object.entries(benchmarks ?? {}).map(([id, b]) => [id, b[field]]));
}
