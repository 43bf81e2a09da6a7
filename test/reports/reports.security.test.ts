import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../src/db/database.js";
import { testDatabases } from "../helpers/db.js";
import { buildDataset, type Dataset } from "./dataset.js";

/** Who may read which report: reps their own; managers and admins the team's; tenants never cross. */
describe.each(testDatabases)("report access on $name", (database) => {
  let handle: DatabaseHandle;
  let d: Dataset;
  const period = "from=2026-03-23&to=2026-04-06";

  beforeAll(async () => {
    handle = await database.open();
    d = await buildDataset(handle.db);
  });
  afterAll(async () => handle?.close());

  const status = async (path: string, key?: string) =>
    (await d.t.request(path, key ? { headers: d.t.auth(key) } : {})).status;

  it("needs a key for every report", async () => {
    expect(await status(`/v1/reports/team?${period}`)).toBe(401);
    expect(await status(`/v1/reports/reps/${d.repA.id}?${period}`)).toBe(401);
    expect(await status(`/v1/calls/${d.postCallId}/report`)).toBe(401);
  });

  it("reps read their own review and post-call reports only", async () => {
    expect(await status(`/v1/reports/reps/${d.repA.id}?${period}`, d.repA.key)).toBe(200);
    expect(await status(`/v1/calls/${d.postCallId}/report?format=html`, d.repA.key)).toBe(200);
    // A colleague's review or call looks like nothing at all.
    expect(await status(`/v1/reports/reps/${d.repA.id}?${period}`, d.repB.key)).toBe(404);
    expect(await status(`/v1/calls/${d.postCallId}/report`, d.repB.key)).toBe(404);
    expect(await status(`/v1/reports/team?${period}`, d.repA.key)).toBe(403);
    expect(await status(`/v1/reports/team?${period}&format=html`, d.repA.key)).toBe(403);
  });

  it("managers and admins read the team report and any rep's review", async () => {
    expect(await status(`/v1/reports/team?${period}`, d.manager.key)).toBe(200);
    expect(await status(`/v1/reports/team?${period}`, d.t.adminKey)).toBe(200);
    expect(await status(`/v1/reports/reps/${d.repB.id}?${period}`, d.manager.key)).toBe(200);
    expect(await status(`/v1/calls/${d.postCallId}/report`, d.manager.key)).toBe(200);
  });

  it("another organization's call or user is a 404, even for an admin", async () => {
    expect(await status(`/v1/calls/${d.otherOrgCallId}/report`, d.t.adminKey)).toBe(404);
    expect(await status(`/v1/reports/reps/usr_nobody?${period}`, d.t.adminKey)).toBe(404);
  });

  it("bad input is a 422, not a 500", async () => {
    expect(await status("/v1/reports/team?from=2026-03-23&to=2026-03-01", d.manager.key)).toBe(422);
    expect(await status("/v1/reports/team?from=2026-02-30&to=2026-03-01", d.manager.key)).toBe(422);
    expect(await status(`/v1/reports/team?${period}&format=pdf`, d.manager.key)).toBe(422);
    expect(await status("/v1/reports/team", d.manager.key)).toBe(422);
  });
});
