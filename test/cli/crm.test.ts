import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli } from "../helpers/cli.js";

describe("debrief import crm | report outcomes (embedded database)", () => {
  const dir = mkdtempSync(join(tmpdir(), "debrief-crm-"));
  const env = { DEBRIEF_DATA_DIR: dir };
  const run = (...args: string[]) => cli(args, { env });
  const file = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };

  it("imports CSV files, reports bad rows on stderr, and prints the outcome report", async () => {
    expect((await run("orgs", "create", "--name", "Acme", "--admin-email", "ops@acme.test")).code).toBe(0);
    expect(
      (await run("users", "create", "--email", "dana@acme.test", "--name", "Dana", "--role", "rep")).code,
    ).toBe(0);
    const deals = file(
      "deals.csv",
      "id,created_at,owner_email,amount,status,closed_at\n" +
        "D1,2026-03-01T00:00:00Z,Dana@Acme.test,1000,won,2026-03-11T00:00:00Z\n" +
        "D2,2026-03-02T00:00:00Z,dana@acme.test,500,lost,2026-03-05T00:00:00Z\n" +
        "D3,2026-03-02T00:00:00Z,who@acme.test,500,open,\n",
    );
    const imported = await run("import", "crm", "--kind", "deals", deals);
    expect(imported.code).toBe(1); // one row rejected
    expect(imported.stdout).toBe(`${deals}: 2 imported, 0 updated, 0 unchanged, 1 rejected\n`);
    expect(imported.stderr).toBe(
      `${deals}:4: D3: owner_email who@acme.test is not a user of this organization\n`,
    );

    const json = await run("report", "outcomes", "--from", "2026-03-01", "--to", "2026-04-01", "--json");
    expect(json.code).toBe(0);
    const report = JSON.parse(json.stdout);
    // D1 won, D2 lost → 0.5; created 2 × 1000 × 0.5 ÷ 10 days = 100 a day.
    expect(report).toMatchObject({ from: "2026-03-01", to: "2026-04-01", timeZone: "UTC" });
    expect(report.metrics.winRate).toBe(0.5);
    expect(report.metrics.pipelineVelocity).toBeCloseTo(100, 9);
    expect(report.reps).toHaveLength(1);

    const text = await run(
      "report",
      "outcomes",
      "--from",
      "2026-03-01",
      "--to",
      "2026-04-01",
      "--time-zone",
      "Asia/Tokyo",
    );
    expect(text.code).toBe(0);
    expect(text.stdout).toContain("Asia/Tokyo");
    expect(text.stdout).toMatch(/win rate\s+50\.0%/);
    expect(text.stdout).toContain("dana@acme.test");
  }, 180_000);

  it("explains bad usage", async () => {
    expect((await run("import", "crm", "--kind", "widgets", "x.csv")).code).toBe(2);
    expect((await run("report", "outcomes", "--from", "2026-03-01")).code).toBe(2);
    const bad = await run("report", "outcomes", "--from", "2026-03-01", "--to", "2026-02-01");
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/to: must be after/);
  }, 60_000);
});
