import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { testDatabases } from "../helpers/db.js";

const CHUNK = 64 * 1024;

/** A body of `total` bytes (JSON-ish filler) produced on demand, counting what was pulled. */
function countingBody(total: number) {
  const counter = { pulled: 0 };
  const chunk = new TextEncoder().encode("a".repeat(CHUNK));
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (counter.pulled >= total) return controller.close();
      counter.pulled += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  return { stream, counter };
}

const streamed = (
  body: ReadableStream<Uint8Array>,
  headers: Record<string, string>,
  method = "PUT",
): RequestInit => ({ method, headers, body, duplex: "half" }) as RequestInit;

describe.each(testDatabases)("bodies: authorization first, then a streamed limit, on $name", (database) => {
  let handle: Awaited<ReturnType<typeof database.open>>;
  let t: TestApp;
  let rep: { id: string; key: string; keyId: string };

  beforeAll(async () => {
    handle = await database.open();
    t = await createTestApp(handle.db);
    rep = await t.user("rep", "rita");
  });
  afterAll(async () => {
    await handle?.close();
  });

  it("a rep's 300 MB playbook is refused (403) before its body is read", async () => {
    const { stream, counter } = countingBody(300e6);
    const res = await t.request(
      "/v1/playbooks/big",
      streamed(stream, t.auth(rep.key, { "content-type": "application/yaml" })),
    );
    expect(res.status).toBe(403);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    // At most what a stream buffers ahead on its own: one or two chunks, not the body.
    expect(counter.pulled).toBeLessThanOrEqual(2 * CHUNK);
  });

  it("an admin's oversized playbook without Content-Length stops at the limit (413)", async () => {
    const { stream, counter } = countingBody(300e6);
    const res = await t.request(
      "/v1/playbooks/big",
      streamed(stream, t.auth(t.adminKey, { "content-type": "application/yaml" })),
    );
    expect(res.status).toBe(413);
    const body = (await res.json()) as { code: string; detail: string };
    expect(body.code).toBe("payload_too_large");
    expect(body.detail).toBe("playbooks are limited to 0.26 MB");
    expect(counter.pulled).toBeLessThanOrEqual(256_000 + 2 * CHUNK);
  });

  it("a JSON body with a lying Content-Length still stops at the limit, before the validator", async () => {
    const { stream, counter } = countingBody(300e6);
    const res = await t.request(
      "/v1/keys",
      streamed(
        stream,
        t.auth(rep.key, { "content-type": "application/json", "content-length": "20" }),
        "POST",
      ),
    );
    expect(res.status).toBe(413);
    expect(((await res.json()) as { detail: string }).detail).toBe("request bodies are limited to 0.064 MB");
    expect(counter.pulled).toBeLessThanOrEqual(64_000 + 2 * CHUNK);
  });

  it("a declared Content-Length over the limit is answered 413 without reading", async () => {
    const { stream, counter } = countingBody(300e6);
    const res = await t.request(
      "/v1/users",
      streamed(
        stream,
        t.auth(t.adminKey, { "content-type": "application/json", "content-length": "300000000" }),
        "POST",
      ),
    );
    expect(res.status).toBe(413);
    expect(counter.pulled).toBeLessThanOrEqual(2 * CHUNK);
  });

  it("a rep cannot make the server read a body for POST /v1/users or PATCH /v1/org (403)", async () => {
    for (const [path, method] of [
      ["/v1/users", "POST"],
      ["/v1/org", "PATCH"],
    ] as const) {
      const { stream, counter } = countingBody(10e6);
      const res = await t.request(
        path,
        streamed(stream, t.auth(rep.key, { "content-type": "application/json" }), method),
      );
      expect(res.status).toBe(403);
      expect(counter.pulled).toBeLessThanOrEqual(2 * CHUNK);
    }
  });

  it("bodies within the limit still work", async () => {
    const res = await t.request("/v1/keys", {
      method: "POST",
      headers: t.auth(rep.key, { "content-type": "application/json" }),
      body: JSON.stringify({ name: "laptop" }),
    });
    expect(res.status).toBe(201);
  });
});
