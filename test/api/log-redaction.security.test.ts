import { HttpResponse, http } from "msw";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashKey } from "../../src/auth/keys.js";
import { callJobHandlers } from "../../src/calls/jobs/index.js";
import { syncJobHandlers } from "../../src/crm/sync-jobs.js";
import { jobRegistry } from "../../src/jobs/registry.js";
import { jsonLogger, scrub } from "../../src/logger.js";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { testDatabases } from "../helpers/db.js";
import { mswServer } from "../helpers/msw.js";
import { TEST_SECRETS_KEY } from "../integrations/helpers.js";

const server = mswServer();
const HOOK = "https://hooks.example.com/redaction";
const MARKER = "PURPLE-ELEPHANT-42";
const CUSTOMER_EMAIL = "lee.private@customer.test";

/**
 * Logs carry ids, codes and sizes, never user content or key material: through an upload, its
 * coaching (once failing with a database-style error quoting the transcript and a key hash), an
 * outbound webhook that fails, and an unhandled error, no log line holds the transcript, an API
 * key or its hash, a webhook secret or an e-mail address.
 */
describe.each(testDatabases)("what the logs never contain on $name", (database) => {
  let handle: Awaited<ReturnType<typeof database.open>>;
  let t: TestApp;
  const lines: string[] = [];
  let failCoaching = true;

  beforeAll(async () => {
    handle = await database.open();
    t = await createTestApp(handle.db, {
      config: { DEBRIEF_SECRETS_KEY: TEST_SECRETS_KEY },
      logger: jsonLogger("debug", (l) => lines.push(l)),
      coach: async (input) => {
        const { runCoaching } = await import("../../src/coaching-service/run.js");
        if (!failCoaching) return runCoaching(input, {});
        // What a database error looks like: the statement and its bound parameters.
        const text = input.transcript.utterances.map((u) => u.text).join(" ");
        throw new Error(
          `Failed query: update "calls" set "coaching" = $1 where "calls"."id" = $2\nparams: ${text},${hashKey(t.adminKey)},${t.adminKey}`,
        );
      },
    });
    t.services.jobs = jobRegistry([...callJobHandlers, ...syncJobHandlers({ timeoutMs: 300 })]);
  }, 300_000);
  afterAll(async () => {
    await handle?.close();
  });

  it("keeps transcripts, keys, hashes, secrets and e-mails out of every log line", async () => {
    const admin = (extra: Record<string, string> = {}) =>
      t.auth(t.adminKey, { "content-type": "application/json", ...extra });
    const userRes = await t.request("/v1/users", {
      method: "POST",
      headers: admin(),
      body: JSON.stringify({ email: "dana.secret@example.test", name: "Dana", role: "rep" }),
    });
    const user = (await userRes.json()) as { id: string; email: string };
    const keyRes = await t.request("/v1/keys", {
      method: "POST",
      headers: admin(),
      body: JSON.stringify({ name: "dana", userId: user.id }),
    });
    const repKey = ((await keyRes.json()) as { key: string }).key;
    const hook = await t.request("/v1/webhooks", {
      method: "POST",
      headers: admin(),
      body: JSON.stringify({ url: HOOK, events: ["call.analyzed", "call.coached"] }),
    });
    expect(hook.status).toBe(201);
    const secret = ((await hook.json()) as { secret: string }).secret;
    server.use(http.post(HOOK, () => HttpResponse.text(`rejected ${MARKER}`, { status: 500 })));

    const upload = await t.request("/v1/calls", {
      method: "POST",
      headers: t.auth(repKey, { "content-type": "application/json" }),
      body: JSON.stringify({
        transcript: `Dana: Hello, what brought you here? ${MARKER}\nLee: Write to me at ${CUSTOMER_EMAIL}, the routing is slow.`,
      }),
    });
    expect(upload.status).toBe(202);
    await t.runJobs(); // the coaching fails (logged), the webhook delivery fails (logged)
    failCoaching = false;
    await t.request(`/v1/calls/${((await upload.json()) as { id: string }).id}/retry`, {
      method: "POST",
      headers: t.auth(repKey),
    });
    await t.runJobs();

    const joined = lines.join("");
    expect(lines.length).toBeGreaterThan(2);
    expect(joined).toContain("job failed");
    for (const secretValue of [
      MARKER,
      CUSTOMER_EMAIL,
      "dana.secret@example.test",
      t.adminKey,
      repKey,
      hashKey(t.adminKey),
      hashKey(repKey),
      secret,
      "routing is slow",
    ]) {
      expect(joined, secretValue).not.toContain(secretValue);
    }
  });

  it("scrub: database parameters, keys, e-mails and digests out; ids and sizes kept; long text cut", () => {
    expect(scrub("Failed query: select 1\nparams: a,b")).toBe("Failed query: select 1\nparams: [redacted]");
    expect(scrub({ error: "bad key dbf_abc123XYZ for a@b.co", callId: "call_1", bytes: 42 })).toEqual({
      error: "bad key dbf_[redacted] for [e-mail]",
      callId: "call_1",
      bytes: 42,
    });
    expect(scrub(["f".repeat(64)])).toEqual(["[digest]"]);
    expect(String(scrub("x".repeat(1000)))).toMatch(/^x{400}… \(1000 chars\)$/);
  });
});
