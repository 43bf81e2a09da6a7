import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/app.js";
import { workerPool } from "../../src/cpu/worker-pool.js";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { healthDuring } from "../helpers/cpu.js";
import { testDatabases } from "../helpers/db.js";

/** `n` lines alternating two speakers, `words` words each. */
const transcript = (n: number, words: number) =>
  Array.from({ length: n }, (_, i) => `${i % 2 ? "Lee" : "Dana"}: ${"word ".repeat(words).trim()}`).join(
    "\n",
  );

describe.each(testDatabases)("the cost of one upload's analysis on $name", (database) => {
  let handle: Awaited<ReturnType<typeof database.open>>;
  let t: TestApp;
  const pool = workerPool(1);

  beforeAll(async () => {
    handle = await database.open();
    t = await createTestApp(handle.db, { config: { DEBRIEF_MAX_UTTERANCES: 5, DEBRIEF_MAX_WORDS: 40 } });
  });
  afterAll(async () => {
    await pool.close();
    await handle?.close();
  });

  const upload = async (app: { request: TestApp["request"] }, text: string) =>
    await app.request("/v1/calls", {
      method: "POST",
      headers: t.auth(t.adminKey, { "content-type": "application/json" }),
      body: JSON.stringify({ transcript: text }),
    });

  it("refuses more utterances or words than the caps with a 422 naming the limit", async () => {
    const many = await upload(t, transcript(6, 1));
    expect(many.status).toBe(422);
    expect(((await many.json()) as { detail: string }).detail).toBe(
      "transcripts are limited to 5 utterances (DEBRIEF_MAX_UTTERANCES); this one has 6",
    );
    const wordy = await upload(t, transcript(4, 11));
    expect(wordy.status).toBe(422);
    expect(((await wordy.json()) as { detail: string }).detail).toBe(
      "transcripts are limited to 40 words (DEBRIEF_MAX_WORDS)",
    );
    expect((await upload(t, transcript(4, 10))).status).toBe(202);
  });

  it("/health answers while a large analysis runs in the pool", async () => {
    // The same services with the caps raised and the worker pool in place of the inline runner.
    const services = {
      ...t.services,
      config: { ...t.services.config, DEBRIEF_MAX_UTTERANCES: 20_000, DEBRIEF_MAX_WORDS: 500_000 },
      cpu: pool,
    };
    const app = createApp({ services: () => services });
    const { order, health, res } = await healthDuring(app, () => upload(app, transcript(19_000, 25)));
    expect(health.status).toBe(200);
    expect(res.status).toBe(202);
    expect(order).toEqual(["health", "slow"]);
  });
});
