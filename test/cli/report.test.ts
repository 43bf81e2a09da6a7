import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli } from "../helpers/cli.js";

describe("debrief report team | rep | call (embedded database)", () => {
  const dir = mkdtempSync(join(tmpdir(), "debrief-report-"));
  const env = { DEBRIEF_DATA_DIR: dir };
  const run = (...args: string[]) => cli(args, { env });

  it("prints the team and rep reports in each format, and refuses bad usage", async () => {
    expect((await run("orgs", "create", "--name", "Acme", "--admin-email", "ops@acme.test")).code).toBe(0);
    expect(
      (await run("users", "create", "--email", "dana@acme.test", "--name", "Dana", "--role", "rep")).code,
    ).toBe(0);
    const deals = join(dir, "deals.csv");
    writeFileSync(
      deals,
      "id,created_at,owner_email,amount,status,closed_at\n" +
        "D1,2026-03-01T00:00:00Z,dana@acme.test,1000,won,2026-03-11T00:00:00Z\n" +
        "D2,2026-03-02T00:00:00Z,dana@acme.test,500,lost,2026-03-05T00:00:00Z\n",
    );
    expect((await run("import", "crm", "--kind", "deals", deals)).code).toBe(0);
    const period = ["--from", "2026-03-01", "--to", "2026-04-01"];

    const json = await run("report", "team", ...period, "--format", "json");
    expect(json.code, json.stderr).toBe(0);
    const team = JSON.parse(json.stdout);
    expect(team.kind).toBe("team");
    expect(team.calls).toBe(0);
    expect(team.reps).toEqual([
      expect.objectContaining({ name: "Dana", calls: 0, deals: { won: 1, lost: 1 } }),
    ]);
    expect(team.reps[0].outcomes.winRate).toBe(0.5);

    const md = await run("report", "rep", "dana@acme.test", ...period);
    expect(md.code, md.stderr).toBe(0);
    expect(md.stdout).toContain("# Rep review: Dana");
    expect(md.stdout).toContain("Deals closed in the period: 1 won, 1 lost.");

    const html = await run("report", "team", ...period, "--format", "html");
    expect(html.stdout.startsWith("<!doctype html>")).toBe(true);
    expect(html.stdout).not.toContain("<script");

    const missing = await run("report", "call", "call_nope");
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("no call call_nope");
    expect((await run("report", "team")).code).toBe(2);
    expect((await run("report", "team", ...period, "--format", "pdf")).code).toBe(2);
    expect((await run("report", "rep", "nobody@acme.test", ...period)).code).toBe(1);
  }, 300_000);
});
