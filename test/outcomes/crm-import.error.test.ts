import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { testDatabases } from "../helpers/db.js";
import { importCsv, userWithEmail } from "./helpers.js";

type Report = {
  imported: number;
  updated: number;
  unchanged: number;
  rejected: number;
  errors: Array<{ line: number; id?: string; reason: string }>;
};

describe.each(testDatabases)("CRM CSV import on $name", (database) => {
  let handle: Awaited<ReturnType<typeof database.open>>;
  let t: TestApp;
  let manager: { key: string };
  let dana: { id: string; key: string; email: string };

  beforeAll(async () => {
    handle = await database.open();
    t = await createTestApp(handle.db);
    manager = await userWithEmail(t, "manager", "maria");
    dana = await userWithEmail(t, "rep", "dana");
  });
  afterAll(async () => {
    await handle?.close();
  });

  const deals = () =>
    // BOM, CRLF, a quoted comma, a quoted two-line name, an unknown column, columns out of order.
    `\uFEFFstatus,id,created_at,owner_email,name,amount,notes\r\n` +
    `won,D1,2026-03-02T09:15:00+01:00,${dana.email},"Acme, Inc.",1200.50,x\r\n` +
    `open,D2,2026-03-03T10:00:00Z,,"Two\r\nlines",,\r\n` +
    `open,D3,2026-03-04,${dana.email},Bad time,10,\r\n` + // line 5: no time of day, no offset
    `open,D4,2026-03-04T10:00:00Z,ghost@nowhere.test,Ghost,10,\r\n` + // line 6: unknown e-mail
    `maybe,D5,2026-03-04T10:00:00Z,,Bad status,10,\r\n` + // line 7
    `open,,2026-03-04T10:00:00Z,,No id,10,\r\n` + // line 8
    `open,D6,2026-03-04T10:00:00Z,${dana.email.toUpperCase()},Shouting,-5,\r\n` + // line 9: negative amount
    `lost,D1,2026-03-05T10:00:00Z,,Again,1,\r\n` + // line 10: same id again
    `lost,D7,2026-03-05T10:00:00Z,${dana.email.toUpperCase()},Upper,0,\r\n`;

  it("imports good rows, reports bad ones by line (quoted newlines count), and is idempotent", async () => {
    const res = await importCsv(t, manager.key, "deals", deals());
    expect(res.status).toBe(200);
    const r = (await res.json()) as Report;
    expect(r).toMatchObject({ imported: 3, updated: 0, unchanged: 0, rejected: 6 });
    expect(r.errors.map((e) => [e.line, e.id])).toEqual([
      [5, "D3"],
      [6, "D4"],
      [7, "D5"],
      [8, undefined],
      [9, "D6"],
      [10, "D1"],
    ]);
    expect(r.errors[0]!.reason).toMatch(/^created_at: /);
    expect(r.errors[1]!.reason).toBe("owner_email ghost@nowhere.test is not a user of this organization");
    expect(r.errors[2]!.reason).toMatch(/^status: /);
    expect(r.errors[3]!.reason).toBe("id: is required");
    expect(r.errors[4]!.reason).toMatch(/^amount: /);
    expect(r.errors[5]!.reason).toBe("D1 appears again (first on line 2)");

    const d1 = await (await t.request("/v1/crm/deals/D1", { headers: t.auth(manager.key) })).json();
    expect(d1).toMatchObject({
      id: "D1",
      name: "Acme, Inc.",
      amount: 1200.5,
      status: "won",
      ownerUserId: dana.id,
      ownerEmail: dana.email,
      createdAt: "2026-03-02T08:15:00.000Z",
    });
    const d2 = await (await t.request("/v1/crm/deals/D2", { headers: t.auth(manager.key) })).json();
    expect(d2).toMatchObject({ name: "Two\r\nlines", amount: null, ownerUserId: null });

    // The same file again changes nothing; an edited row is an update.
    const again = (await (await importCsv(t, manager.key, "deals", deals())).json()) as Report;
    expect(again).toMatchObject({ imported: 0, updated: 0, unchanged: 3, rejected: 6 });
    const edited = (await (
      await importCsv(t, manager.key, "deals", deals().replace("1200.50", "1300"))
    ).json()) as Report;
    expect(edited).toMatchObject({ imported: 0, updated: 1, unchanged: 2 });
    // and no ghost user was created
    const users = await t.request("/v1/users", { headers: t.auth(t.adminKey) });
    if (users.status === 200) expect(JSON.stringify(await users.json())).not.toContain("ghost@nowhere.test");
  });

  it("refuses a file without the required columns, an empty file and an unknown kind", async () => {
    const missing = await importCsv(t, manager.key, "leads", "id,owner_email\nL1,\n");
    expect(missing.status).toBe(422);
    expect(((await missing.json()) as { detail: string }).detail).toMatch(/created_at/);
    expect((await importCsv(t, manager.key, "leads", "")).status).toBe(422);
    expect((await importCsv(t, manager.key, "widgets", "id\n1\n")).status).toBe(422);
  });

  it("upserts costs by (period, category) and spreads nothing at import", async () => {
    const csv =
      "period_start,period_end,category,amount\n2026-01-15,2026-02-14,marketing,3100\n2026-02-01,2026-01-01,sales,5\n";
    const r = (await (await importCsv(t, manager.key, "costs", csv)).json()) as Report;
    expect(r).toMatchObject({ imported: 1, rejected: 1 });
    expect(r.errors[0]).toEqual({ line: 3, reason: "period_end: must be on or after period_start" });
    const again = (await (
      await importCsv(t, manager.key, "costs", csv.replace("3100", "3200"))
    ).json()) as Report;
    expect(again).toMatchObject({ imported: 0, updated: 1 });
    const one = await t.request("/v1/crm/costs/2026-01-15_2026-02-14_marketing", {
      headers: t.auth(manager.key),
    });
    expect(await one.json()).toMatchObject({
      amount: 3200,
      periodStart: "2026-01-15",
      category: "marketing",
    });
  });
});
