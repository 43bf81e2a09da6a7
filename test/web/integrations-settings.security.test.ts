import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../src/db/database.js";
import { crmConnections, webhookEndpoints } from "../../src/db/schema/index.js";
import { testDatabases } from "../helpers/db.js";
import { TEST_SECRETS_KEY } from "../integrations/helpers.js";
import { createWebTestApp, type WebTestApp } from "./web-client.js";

/** Integration settings are for admins, behind CSRF, with a body limit on every form post. */
describe.each(testDatabases)("dashboard integration settings: who and what may post ($name)", ({ open }) => {
  let h: DatabaseHandle;
  let t: WebTestApp;

  beforeAll(async () => {
    h = await open();
    t = await createWebTestApp(h.db, { config: { DEBRIEF_SECRETS_KEY: TEST_SECRETS_KEY } });
  });
  afterAll(async () => {
    await h?.close();
  });

  it("refuses reps and managers (403) and creates nothing", async () => {
    for (const role of ["rep", "manager"] as const) {
      const u = await t.user(role, role);
      const b = t.browser();
      await b.signIn(u.key);
      const csrf = await b.csrfFrom("/calls");
      for (const path of ["/settings/webhooks", "/settings/crm", "/settings/webhooks/ep_x"])
        expect((await b.request(path)).status, path).toBe(403);
      expect((await b.form("/settings/webhooks", { csrf, url: "https://hooks.example.com/x" })).status).toBe(
        403,
      );
      expect((await b.form("/settings/crm", { csrf, vendor: "generic" })).status).toBe(403);
    }
    expect(await h.db.select().from(webhookEndpoints)).toEqual([]);
    expect(await h.db.select().from(crmConnections)).toEqual([]);
  });

  it("refuses an admin's form without the session's CSRF token", async () => {
    const b = t.browser();
    await b.signIn(t.adminKey);
    expect((await b.form("/settings/webhooks", { url: "https://hooks.example.com/x" })).status).toBe(403);
    expect((await b.form("/settings/crm", { csrf: "0".repeat(64), vendor: "generic" })).status).toBe(403);
    expect(await h.db.select().from(webhookEndpoints)).toEqual([]);
    expect(await h.db.select().from(crmConnections)).toEqual([]);
  });

  it("refuses an oversized form post before reading it (413)", async () => {
    const b = t.browser();
    await b.signIn(t.adminKey);
    const csrf = await b.csrfFrom("/settings/crm");
    for (const path of [
      "/settings/webhooks",
      "/settings/crm",
      "/settings/webhooks/ep_x/deliveries/msg_y/replay",
    ]) {
      const res = await b.form(path, { csrf, name: "x".repeat(40_000) });
      expect(res.status, path).toBe(413);
    }
    expect(await h.db.select().from(crmConnections)).toEqual([]);
  });
});
