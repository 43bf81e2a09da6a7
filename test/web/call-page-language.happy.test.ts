/**
 * The call page's coaching sections speak the call's language: a Spanish call (detected, not
 * set) shows Spanish headings, playbook statuses, objection labels and benchmark texts, with
 * `lang="es"` on those sections; the page's own chrome stays English.
 */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../src/db/database.js";
import { testDatabases } from "../helpers/db.js";
import { createWebTestApp, type WebClient, type WebTestApp } from "./web-client.js";

const CALL = readFileSync(new URL("../../fixtures/calls/es/coaching-discovery.txt", import.meta.url), "utf8");

describe("call page in the call's language", () => {
  let h: DatabaseHandle;
  let t: WebTestApp;
  let manager: WebClient;

  beforeAll(async () => {
    h = await testDatabases[0]!.open();
    t = await createWebTestApp(h.db);
    const m = await t.user("manager", "Mona");
    manager = t.browser();
    await manager.signIn(m.key);
  });
  afterAll(async () => h?.close());

  it("shows a Spanish call's coaching in Spanish", async () => {
    const csrf = await manager.csrfFrom("/calls/new");
    const form = new FormData();
    for (const [k, v] of Object.entries({
      csrf,
      title: "RutaPro",
      rep: "Lucía Fernández",
      playbook: "discovery",
    }))
      form.set(k, v);
    form.set("file", new Blob([CALL]), "rutapro.txt");
    const res = await manager.request("/calls/new", { method: "POST", body: form });
    expect(res.status).toBe(303);
    await t.runJobs();
    const html = await (await manager.request(res.headers.get("location")!)).text();
    for (const s of [
      '<section aria-labelledby="h-summary" lang="es">',
      "Métricas frente a las referencias",
      "Tiempo de habla del vendedor",
      "Resumen del coaching",
      "Salió bien",
      "A cambiar la próxima vez",
      "Próximos pasos",
      "Playbook: Descubrimiento (BANT + MEDDICC)",
      "Cubierto",
      "Objeciones (1)",
      "precio",
      "Resuelta",
      "Tratamiento: reconocida, aclarada, respondida, confirmada",
    ])
      expect(html).toContain(s);
    for (const s of ["Coaching summary", "Went well", "To change next time", "Objections (", "Handling:"])
      expect(html).not.toContain(s);
    expect(html).toContain("Transcript");
  });
});
