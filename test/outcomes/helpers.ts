import { eq } from "drizzle-orm";
import { users } from "../../src/db/schema/index.js";
import type { TestApp } from "../helpers/app.js";

/** POST a CSV to /v1/crm/import as `key`. */
export function importCsv(t: TestApp, key: string, kind: string, csv: string | Uint8Array) {
  const form = new FormData();
  form.append("file", new Blob([csv], { type: "text/csv" }), `${kind}.csv`);
  return t.request(`/v1/crm/import?kind=${kind}`, { method: "POST", headers: t.auth(key), body: form });
}

/** A test user with their e-mail (for CSV owner columns). */
export async function userWithEmail(t: TestApp, role: "admin" | "manager" | "rep", name: string) {
  const u = await t.user(role, name);
  const [row] = await t.services.db.select({ email: users.email }).from(users).where(eq(users.id, u.id));
  return { ...u, email: row!.email };
}
