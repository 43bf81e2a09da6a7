import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { memoryRateLimiter } from "../../src/api/rate-limiter.js";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { testDatabases } from "../helpers/db.js";

interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  requestId: string;
  errors?: Array<{ path: string; message: string }>;
}

async function expectProblem(res: Response, status: number, code: string): Promise<ProblemBody> {
  expect(res.status).toBe(status);
  expect(res.headers.get("content-type")).toContain("application/problem+json");
  const body = (await res.json()) as ProblemBody;
  expect(body).toMatchObject({ status, code, type: `https://debrief.dev/problems/${code}` });
  expect(body.requestId).toBe(res.headers.get("x-request-id"));
  return body;
}

describe.each(testDatabases)("API errors on $name", (database) => {
  let handle: Awaited<ReturnType<typeof database.open>>;
  let t: TestApp;

  beforeAll(async () => {
    handle = await database.open();
    t = await createTestApp(handle.db, { config: { DEBRIEF_RATE_LIMIT_PER_MINUTE: 600 } });
  });
  afterAll(async () => {
    await handle?.close();
  });

  it("401 without a key, with a malformed header, or with an unknown key", async () => {
    const none = await expectProblem(await t.request("/v1/calls"), 401, "auth.unauthorized");
    expect(none.detail).toContain("Authorization: Bearer");
    await expectProblem(
      await t.request("/v1/calls", { headers: { authorization: "Basic abc" } }),
      401,
      "auth.unauthorized",
    );
    await expectProblem(
      await t.request("/v1/calls", { headers: t.auth("dbf_not_a_real_key") }),
      401,
      "auth.unauthorized",
    );
  });

  it("echoes a sane X-Request-Id and mints one otherwise", async () => {
    const res = await t.request("/v1/calls", { headers: { "x-request-id": "trace-123" } });
    expect(res.headers.get("x-request-id")).toBe("trace-123");
    expect((await res.json()) as ProblemBody).toMatchObject({ requestId: "trace-123" });
    const bad = await t.request("/v1/calls", { headers: { "x-request-id": "bad id with spaces" } });
    expect(bad.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("404 for unknown routes and unknown calls", async () => {
    await expectProblem(await t.request("/v1/nope", { headers: t.auth(t.adminKey) }), 404, "not_found");
    await expectProblem(
      await t.request("/v1/calls/call_missing", { headers: t.auth(t.adminKey) }),
      404,
      "not_found",
    );
  });

  it("422 validation errors point at the field", async () => {
    const q = await expectProblem(
      await t.request("/v1/calls?limit=0&status=bogus", { headers: t.auth(t.adminKey) }),
      422,
      "validation_failed",
    );
    expect(q.errors?.map((e) => e.path).sort()).toEqual(["limit", "status"]);
    const cursor = await expectProblem(
      await t.request("/v1/calls?cursor=garbage", { headers: t.auth(t.adminKey) }),
      422,
      "validation_failed",
    );
    expect(cursor.errors?.[0]?.path).toBe("cursor");
    const user = await expectProblem(
      await t.request("/v1/users", {
        method: "POST",
        headers: t.auth(t.adminKey, { "content-type": "application/json" }),
        body: JSON.stringify({ email: "not-an-email", name: "X", role: "boss" }),
      }),
      422,
      "validation_failed",
    );
    expect(user.errors?.map((e) => e.path).sort()).toEqual(["email", "role"]);
    const meta = await expectProblem(
      await t.request("/v1/calls", {
        method: "POST",
        headers: t.auth(t.adminKey, { "content-type": "application/json" }),
        body: JSON.stringify({ transcript: "A: hi", occurredAt: "yesterday" }),
      }),
      422,
      "validation_failed",
    );
    expect(meta.errors?.[0]?.path).toBe("occurredAt");
  });

  it("422 for a malformed transcript, with the parser's message; nothing is stored", async () => {
    const res = await t.request("/v1/calls", {
      method: "POST",
      headers: t.auth(t.adminKey, { "content-type": "application/json" }),
      body: JSON.stringify({
        transcript: "WEBVTT\n\n00:00:01.000 --> 00:00:61.000\n<v Dana>Hi</v>\n",
        fileName: "bad.vtt",
      }),
    });
    const p = await expectProblem(res, 422, "transcript.parse_error");
    expect(p.detail).toMatch(/^bad\.vtt:3: webvtt: /);
    const list = (await (await t.request("/v1/calls", { headers: t.auth(t.adminKey) })).json()) as {
      items: unknown[];
    };
    expect(list.items).toEqual([]);
  });

  it("415 for content that is no transcript and for unsupported content types", async () => {
    const json = await t.request("/v1/calls", {
      method: "POST",
      headers: t.auth(t.adminKey, { "content-type": "application/json" }),
      body: JSON.stringify({ transcript: { hello: "world" } }),
    });
    expect([415, 422]).toContain(json.status);
    await expectProblem(
      await t.request("/v1/calls", {
        method: "POST",
        headers: t.auth(t.adminKey, { "content-type": "text/csv" }),
        body: "a,b",
      }),
      415,
      "unsupported_media_type",
    );
  });

  it("413 for a body over the transcript limit", async () => {
    const saved = t.services.config.DEBRIEF_MAX_TRANSCRIPT_MB;
    t.services.config.DEBRIEF_MAX_TRANSCRIPT_MB = 0.001;
    try {
      const res = await t.request("/v1/calls", {
        method: "POST",
        headers: t.auth(t.adminKey, { "content-type": "application/json" }),
        body: JSON.stringify({ transcript: `Dana: ${"word ".repeat(1000)}` }),
      });
      await expectProblem(res, 413, "payload_too_large");
    } finally {
      t.services.config.DEBRIEF_MAX_TRANSCRIPT_MB = saved;
    }
  });

  it("422 for JSON that does not parse", async () => {
    await expectProblem(
      await t.request("/v1/calls", {
        method: "POST",
        headers: t.auth(t.adminKey, { "content-type": "application/json" }),
        body: "{oops",
      }),
      422,
      "validation_failed",
    );
  });

  it("429 with Retry-After once a key exceeds its rate limit", async () => {
    const { key } = await t.user("rep", "hasty");
    const saved = {
      limiter: t.services.rateLimiter,
      perMinute: t.services.config.DEBRIEF_RATE_LIMIT_PER_MINUTE,
    };
    t.services.rateLimiter = memoryRateLimiter(3);
    t.services.config.DEBRIEF_RATE_LIMIT_PER_MINUTE = 3;
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) statuses.push((await t.request("/v1/me", { headers: t.auth(key) })).status);
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
      const res = await t.request("/v1/me", { headers: t.auth(key) });
      await expectProblem(res, 429, "rate_limited");
      expect(Number(res.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
      // Other keys have their own bucket.
      expect((await t.request("/v1/me", { headers: t.auth(t.adminKey) })).status).toBe(200);
    } finally {
      t.services.rateLimiter = saved.limiter;
      t.services.config.DEBRIEF_RATE_LIMIT_PER_MINUTE = saved.perMinute;
    }
  });
});
