import { createHmac, randomBytes } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { rejection } from "../../test/helpers/rejection.js";
import { headerValue } from "./headers.js";
import { generateWebhookSecret, signWebhook, verifyWebhook, webhookSecretKey } from "./standard-webhooks.js";
import { WebhookVerificationError } from "./verification-error.js";

/** Independent reference: node:crypto HMAC over the spec's signed content. */
function reference(secret: string, id: string, ts: number, body: string): string {
  const key = Buffer.from(secret.replace(/^whsec_/, ""), "base64");
  return createHmac("sha256", key).update(`${id}.${ts}.${body}`).digest("base64");
}

// The test vector of the Svix / Standard Webhooks libraries' own test suites.
const SVIX = {
  secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
  id: "msg_p5jXN8AQM9LWM0D4loKWxJek",
  ts: 1614265330,
  body: '{"test": 2432232314}',
  signature: "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
};
const at = (sec: number) => new Date(sec * 1000);

const fail = (p: Promise<unknown>) => rejection(p, WebhookVerificationError);

describe("signWebhook", () => {
  it("reproduces the Svix test vector", async () => {
    const headers = await signWebhook({
      id: SVIX.id,
      timestamp: at(SVIX.ts),
      body: SVIX.body,
      secrets: [SVIX.secret],
    });
    expect(headers).toEqual({
      "webhook-id": SVIX.id,
      "webhook-timestamp": "1614265330",
      "webhook-signature": SVIX.signature,
    });
  });

  it("signs with every secret during a rotation, in order", async () => {
    const oldSecret = `whsec_${randomBytes(24).toString("base64")}`;
    const newSecret = generateWebhookSecret();
    const body = JSON.stringify({ type: "call.analyzed", data: { id: "call_1" } });
    const h = await signWebhook({
      id: "msg_1",
      timestamp: at(1_800_000_000),
      body,
      secrets: [newSecret, oldSecret],
    });
    expect(h["webhook-signature"]).toBe(
      `v1,${reference(newSecret, "msg_1", 1_800_000_000, body)} v1,${reference(oldSecret, "msg_1", 1_800_000_000, body)}`,
    );
  });

  it("floors a timestamp with milliseconds to whole seconds", async () => {
    const h = await signWebhook({
      id: "m",
      timestamp: new Date(1_700_000_000_999),
      body: "",
      secrets: [SVIX.secret],
    });
    expect(h["webhook-timestamp"]).toBe("1700000000");
    expect(h["webhook-signature"]).toBe(`v1,${reference(SVIX.secret, "m", 1_700_000_000, "")}`);
  });

  it("signs raw bytes exactly as given (non-ASCII body)", async () => {
    const body = '{"name":"Zoë – Straße"}';
    const bytes = new TextEncoder().encode(body);
    const h = await signWebhook({
      id: "m",
      timestamp: at(1_700_000_000),
      body: bytes,
      secrets: [SVIX.secret],
    });
    expect(h["webhook-signature"]).toBe(`v1,${reference(SVIX.secret, "m", 1_700_000_000, body)}`);
  });

  it("refuses to sign without a secret or with a malformed one", async () => {
    await expect(signWebhook({ id: "m", timestamp: at(1), body: "", secrets: [] })).rejects.toThrow(
      TypeError,
    );
    await expect(signWebhook({ id: "", timestamp: at(1), body: "", secrets: [SVIX.secret] })).rejects.toThrow(
      TypeError,
    );
    await fail(signWebhook({ id: "m", timestamp: at(1), body: "", secrets: ["whsec_tooshort"] }));
  });
});

describe("generateWebhookSecret / webhookSecretKey", () => {
  it("makes whsec_ + base64 of 32 random bytes, different each time", () => {
    const a = generateWebhookSecret();
    const b = generateWebhookSecret();
    expect(a).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(webhookSecretKey(a)).toHaveLength(32);
    expect(a).not.toBe(b);
  });

  it("accepts 24–64 byte keys with or without the prefix and refuses anything else", () => {
    expect(webhookSecretKey(SVIX.secret)).toHaveLength(24);
    expect(webhookSecretKey("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")).toHaveLength(24);
    expect(webhookSecretKey(`whsec_${Buffer.alloc(64, 7).toString("base64")}`)).toHaveLength(64);
    for (const bad of [
      `whsec_${Buffer.alloc(23, 1).toString("base64")}`,
      `whsec_${Buffer.alloc(65, 1).toString("base64")}`,
      "whsec_not*base64*at*all*but*long*enough*",
      "",
    ]) {
      expect(() => webhookSecretKey(bad), bad).toThrow(WebhookVerificationError);
    }
  });
});

describe("verifyWebhook", () => {
  const headers = {
    "webhook-id": SVIX.id,
    "webhook-timestamp": String(SVIX.ts),
    "webhook-signature": SVIX.signature,
  };
  const now = at(SVIX.ts + 10);

  it("accepts the Svix test vector", async () => {
    const ok = await verifyWebhook({ headers, body: SVIX.body, secrets: [SVIX.secret], now });
    expect(ok).toEqual({ id: SVIX.id, timestamp: at(SVIX.ts) });
  });

  it("reads a Fetch Headers object and header names in any case", async () => {
    const h = new Headers({
      "Webhook-Id": SVIX.id,
      "Webhook-Timestamp": String(SVIX.ts),
      "Webhook-Signature": SVIX.signature,
    });
    await expect(
      verifyWebhook({ headers: h, body: SVIX.body, secrets: [SVIX.secret], now }),
    ).resolves.toBeTruthy();
    expect(headerValue({ "WEBHOOK-ID": "x" }, "webhook-id")).toBe("x");
  });

  it("accepts when any offered signature matches any secret (rotation overlap both ways)", async () => {
    const other = generateWebhookSecret();
    const sig = `v1,${reference(other, SVIX.id, SVIX.ts, SVIX.body)} ${SVIX.signature}`;
    // sender signs with new+old, receiver knows only the old
    await verifyWebhook({
      headers: { ...headers, "webhook-signature": sig },
      body: SVIX.body,
      secrets: [SVIX.secret],
      now,
    });
    // sender signs with the old only, receiver already has new+old
    await verifyWebhook({ headers, body: SVIX.body, secrets: [other, SVIX.secret], now });
  });

  it("ignores unknown signature versions (v1a, v2) and malformed entries", async () => {
    const sig = `v1a,${SVIX.signature.slice(3)} v2,abc garbage ${SVIX.signature}`;
    await verifyWebhook({
      headers: { ...headers, "webhook-signature": sig },
      body: SVIX.body,
      secrets: [SVIX.secret],
      now,
    });
    const e = await fail(
      verifyWebhook({
        headers: { ...headers, "webhook-signature": `v1a,${SVIX.signature.slice(3)}` },
        body: SVIX.body,
        secrets: [SVIX.secret],
        now,
      }),
    );
    expect(e.reason).toBe("bad_signature");
    expect(e.message).toContain("no v1 signature");
  });

  it("refuses a changed body, id or timestamp, or the wrong secret", async () => {
    const cases = [
      { headers, body: `${SVIX.body} `, secrets: [SVIX.secret] },
      { headers: { ...headers, "webhook-id": "msg_other" }, body: SVIX.body, secrets: [SVIX.secret] },
      {
        headers: { ...headers, "webhook-timestamp": String(SVIX.ts + 1) },
        body: SVIX.body,
        secrets: [SVIX.secret],
      },
      { headers, body: SVIX.body, secrets: [generateWebhookSecret()] },
    ];
    for (const c of cases) {
      const e = await fail(verifyWebhook({ ...c, now }));
      expect(e.reason).toBe("bad_signature");
      expect(e.code).toBe("auth.unauthorized");
      expect(e.message).not.toContain(SVIX.signature.slice(3));
    }
  });

  it("refuses missing headers, naming the header", async () => {
    for (const name of ["webhook-id", "webhook-timestamp", "webhook-signature"] as const) {
      const h: Record<string, string> = { ...headers };
      delete h[name];
      const e = await fail(verifyWebhook({ headers: h, body: SVIX.body, secrets: [SVIX.secret], now }));
      expect(e.reason).toBe("missing_header");
      expect(e.message).toContain(name);
    }
  });

  it("enforces the 5-minute tolerance both ways, inclusive at the edge", async () => {
    const v = (nowSec: number) =>
      verifyWebhook({ headers, body: SVIX.body, secrets: [SVIX.secret], now: at(nowSec) });
    await expect(v(SVIX.ts + 300)).resolves.toBeTruthy();
    await expect(v(SVIX.ts - 300)).resolves.toBeTruthy();
    expect((await fail(v(SVIX.ts + 301))).reason).toBe("stale");
    expect((await fail(v(SVIX.ts - 301))).reason).toBe("future");
  });

  it("refuses a non-numeric timestamp", async () => {
    for (const ts of ["1614265330.5", "-1", "abc", "1e9"]) {
      const e = await fail(
        verifyWebhook({
          headers: { ...headers, "webhook-timestamp": ts },
          body: SVIX.body,
          secrets: [SVIX.secret],
          now,
        }),
      );
      expect(e.reason).toBe("bad_timestamp");
    }
  });

  it("round-trips any id, body and secret, and a one-byte change breaks it (property)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ minLength: 1, maxLength: 40 }),
        fc.uint8Array({ maxLength: 300 }),
        fc.uint8Array({ minLength: 24, maxLength: 64 }),
        fc.nat({ max: 4_000_000_000 }),
        async (id, body, keyBytes, ts) => {
          const secret = `whsec_${Buffer.from(keyBytes).toString("base64")}`;
          const h = await signWebhook({ id, timestamp: at(ts), body, secrets: [secret] });
          await verifyWebhook({ headers: h, body, secrets: [secret], now: at(ts) });
          const tampered = new Uint8Array([...body, 0]);
          await fail(verifyWebhook({ headers: h, body: tampered, secrets: [secret], now: at(ts) }));
        },
      ),
      { numRuns: 60 },
    );
  });
});
