import { createKey } from "../../src/admin/operations.js";
import { createApp } from "../../src/app.js";
import type { Database } from "../../src/db/database.js";
import { defaultDemoDir, seedDemo } from "../../src/seed/demo.js";
import type { EmailMessage } from "../../src/web/magic-link.js";
import { createTestApp } from "../helpers/app.js";
import { openMigratedPglite } from "../helpers/db.js";

/**
 * The test app with the dashboard's e-mails captured, plus a tiny cookie-keeping browser for
 * `app.request`: it signs in through the real forms and reads CSRF tokens from the pages.
 */
export async function createWebTestApp(db: Database, options: Parameters<typeof createTestApp>[1] = {}) {
  const t = await createTestApp(db, options);
  const mail: EmailMessage[] = [];
  const app = createApp({
    services: () => t.services,
    web: { email: () => ({ send: async (m) => void mail.push(m) }) },
  });
  return { ...t, app, mail, browser: () => new WebClient(app) };
}
export type WebTestApp = Awaited<ReturnType<typeof createWebTestApp>>;

export class WebClient {
  readonly cookies = new Map<string, string>();
  constructor(
    private readonly app: { request: (url: string, init?: RequestInit) => Response | Promise<Response> },
  ) {}

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size > 0)
      headers.set("cookie", [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; "));
    const res = await this.app.request(path, { ...init, headers });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const eq = pair!.indexOf("=");
      const name = pair!.slice(0, eq);
      const value = pair!.slice(eq + 1);
      if (value === "" || /max-age=0/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return res;
  }

  /** POST an HTML form (urlencoded). */
  form(
    path: string,
    fields: Record<string, string>,
    headers: Record<string, string> = {},
  ): Promise<Response> {
    return this.request(path, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
      body: new URLSearchParams(fields).toString(),
    });
  }

  /** The CSRF token in a page's first form. */
  async csrfFrom(path: string): Promise<string> {
    const html = await (await this.request(path)).text();
    const m = /name="csrf" value="([0-9a-f]{64})"/.exec(html);
    if (!m) throw new Error(`no CSRF field on ${path}`);
    return m[1]!;
  }

  async signIn(key: string): Promise<Response> {
    const csrf = await this.csrfFrom("/login");
    return this.form("/login", { csrf, key, next: "/calls" });
  }
}

/**
 * The demo organization (fixtures/demo) in a fresh embedded database, coached, behind the
 * dashboard; `keyFor("renee")` makes an API key for a demo person. For the browser test, the
 * dashboard benchmark and the README screenshots.
 */
export async function demoDashboard() {
  const h = await openMigratedPglite();
  const t = await createWebTestApp(h.db);
  const seeded = await seedDemo(t.services, {
    dir: defaultDemoDir(),
    orgId: t.orgId,
    adminUserId: t.adminUserId,
  });
  await t.runJobs();
  const admin = {
    services: t.services,
    actor: { orgId: t.orgId, userId: t.adminUserId, role: "admin" as const, keyId: "demo", operator: true },
  };
  const idOf = (who: string) => {
    const user = seeded.users.find((u) => u.key === who);
    if (!user) throw new Error(`no demo person '${who}'`);
    return user.id;
  };
  return {
    h,
    t,
    idOf,
    keyFor: async (who: string) =>
      (await createKey(admin, { userId: idOf(who), name: "dashboard test" })).key,
  };
}
