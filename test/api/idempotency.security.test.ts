import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { testDatabases } from "../helpers/db.js";

/**
 * De-duplication is scoped to the uploader: a colleague's identical bytes or Idempotency-Key neither
 * hands their call over nor tells that it exists, and a key replays only the very same request.
 */
describe.each(testDatabases)("idempotency scoped to the caller on $name", (database) => {
  let handle: Awaited<ReturnType<typeof database.open>>;
  let t: TestApp;
  let a1: { id: string; key: string };
  let a2: { id: string; key: string };

  const post = (key: string, body: Record<string, unknown>, idem?: string) =>
    t.request("/v1/calls", {
      method: "POST",
      headers: t.auth(key, {
        "content-type": "application/json",
        ...(idem !== undefined ? { "idempotency-key": idem } : {}),
      }),
      body: JSON.stringify(body),
    });
  const transcript = "Dana: Hello, what brought you to us today?\nLee: We need better call routing.";

  beforeAll(async () => {
    handle = await database.open();
    t = await createTestApp(handle.db);
    a1 = await t.user("rep", "a1");
    a2 = await t.user("rep", "a2");
  });
  afterAll(async () => {
    await handle?.close();
  });

  it("a colleague uploading the same bytes gets their own call, not mine", async () => {
    const first = await post(a1.key, { transcript, title: "A1's call" });
    expect(first.status).toBe(202);
    const mine = (await first.json()) as { id: string };

    const theirs = await post(a2.key, { transcript, title: "A2's call" });
    expect(theirs.status).toBe(202);
    expect(theirs.headers.get("idempotent-replayed")).toBeNull();
    const call = (await theirs.json()) as { id: string; title: string; repUserId: string };
    expect(call.id).not.toBe(mine.id);
    expect(call.title).toBe("A2's call");
    expect(call.repUserId).toBe(a2.id);
    // Whatever a replay returned, the caller can read it.
    expect((await t.request(`/v1/calls/${call.id}`, { headers: t.auth(a2.key) })).status).toBe(200);

    // My own re-upload is still idempotent.
    const again = await post(a1.key, { transcript, title: "A1's call" });
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(((await again.json()) as { id: string }).id).toBe(mine.id);
  });

  it("a colleague's Idempotency-Key is not theirs to see: no 409, a new call", async () => {
    const first = await post(a1.key, { transcript: `${transcript}\nDana: Key one.` }, "shared-key");
    expect(first.status).toBe(202);
    const other = await post(a2.key, { transcript: `${transcript}\nDana: Another body.` }, "shared-key");
    expect(other.status).toBe(202);
    expect(other.headers.get("idempotent-replayed")).toBeNull();
    const ids = [first, other].map(async (r) => ((await r.json()) as { id: string }).id);
    const [id1, id2] = await Promise.all(ids);
    expect(id1).not.toBe(id2);
  });

  it("the same key with other metadata or another body is refused, never replayed", async () => {
    const body = { transcript: `${transcript}\nDana: Fingerprint.`, title: "Original" };
    const first = await post(a1.key, body, "fp-key");
    expect(first.status).toBe(202);
    const replay = await post(a1.key, body, "fp-key");
    expect(replay.status).toBe(202);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");

    for (const changed of [
      { ...body, title: "Changed title" },
      { ...body, transcript: `${body.transcript}\nLee: More text.` },
    ]) {
      const res = await post(a1.key, changed, "fp-key");
      expect(res.status).toBe(422);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
      expect(((await res.json()) as { code: string }).code).toBe("idempotency_key_reused");
    }
  });

  it("keys are compared whole: two keys sharing their first 200 characters are two keys; longer than 255 is a 422", async () => {
    const stem = "k".repeat(200);
    const one = await post(a1.key, { transcript: `${transcript}\nDana: Long one.` }, `${stem}-one`);
    const two = await post(a1.key, { transcript: `${transcript}\nDana: Long two.` }, `${stem}-two`);
    expect(one.status).toBe(202);
    expect(two.status).toBe(202);
    expect(two.headers.get("idempotent-replayed")).toBeNull();

    const tooLong = await post(a1.key, { transcript: `${transcript}\nDana: Too long.` }, "x".repeat(256));
    expect(tooLong.status).toBe(422);
    expect(JSON.stringify(await tooLong.json())).toContain("Idempotency-Key");
  });
});
