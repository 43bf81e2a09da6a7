import { concatBytes, fromBase64, hmacSha256, timingSafeEqual, toBase64, utf8 } from "../security/bytes.js";
import { type HeaderSource, headerValue } from "./headers.js";
import { assertFresh, WebhookVerificationError } from "./verification-error.js";

/**
 * Standard Webhooks (standardwebhooks.com; the scheme Svix implements): a message is signed as
 * `base64(HMAC-SHA256(key, "{webhook-id}.{webhook-timestamp}.{body}"))` where key is the base64
 * part of a `whsec_…` secret, and sent with the headers `webhook-id`, `webhook-timestamp` (unix
 * seconds) and `webhook-signature` (space-separated `v1,<signature>` entries — several while a
 * secret is being rotated). Web Crypto only, so it runs on Node and Workers.
 */

export const SECRET_PREFIX = "whsec_";
/** The spec's minimum and maximum secret sizes, in bytes. */
export const SECRET_MIN_BYTES = 24;
export const SECRET_MAX_BYTES = 64;
/** Accept timestamps at most this far from now, either way (the spec's recommended 5 minutes). */
export const WEBHOOK_TOLERANCE_SEC = 5 * 60;

export type WebhookHeaders = {
  "webhook-id": string;
  "webhook-timestamp": string;
  "webhook-signature": string;
};

/**
 * A new signing secret: `whsec_` + base64 of 32 random bytes.
 *
 * @example
 * generateWebhookSecret(); // "whsec_Xy9…=" (50 characters)
 */
export function generateWebhookSecret(): string {
  return SECRET_PREFIX + toBase64(crypto.getRandomValues(new Uint8Array(32)));
}

/**
 * The HMAC key of a secret (`whsec_` + base64; a bare base64 secret is accepted too, as Svix does).
 * Throws WebhookVerificationError("bad_secret") when it is not base64 of 24–64 bytes.
 *
 * @example
 * webhookSecretKey("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw").length; // 24
 */
export function webhookSecretKey(secret: string): Uint8Array<ArrayBuffer> {
  const encoded = secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret;
  const key = fromBase64(encoded);
  if (!key || key.length < SECRET_MIN_BYTES || key.length > SECRET_MAX_BYTES) {
    throw new WebhookVerificationError(
      "bad_secret",
      `a webhook secret must be ${SECRET_PREFIX} followed by base64 of ${SECRET_MIN_BYTES}–${SECRET_MAX_BYTES} bytes`,
    );
  }
  return key;
}

function bodyBytes(body: string | Uint8Array): Uint8Array {
  return typeof body === "string" ? utf8(body) : body;
}

async function signature(
  key: Uint8Array,
  id: string,
  timestamp: number,
  body: Uint8Array,
): Promise<Uint8Array> {
  return hmacSha256(key, concatBytes(utf8(`${id}.${timestamp}.`), body));
}

export interface SignInput {
  /** Unique message id, the same on every retry of the message (receivers de-duplicate by it). */
  id: string;
  /** When this attempt is sent. */
  timestamp: Date;
  /** The exact bytes that go on the wire. */
  body: string | Uint8Array;
  /** Sign with each (during a rotation: the new and the old secret). At least one. */
  secrets: readonly string[];
}

/**
 * The three Standard Webhooks headers for one delivery attempt.
 *
 * @example
 * await signWebhook({ id: "msg_p5jXN8AQM9LWM0D4loKWxJek", timestamp: new Date(1614265330_000),
 *   body: '{"test": 2432232314}', secrets: ["whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"] });
 * // { "webhook-id": "msg_p5jX…", "webhook-timestamp": "1614265330",
 * //   "webhook-signature": "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=" }
 */
export async function signWebhook(input: SignInput): Promise<WebhookHeaders> {
  if (input.secrets.length === 0) throw new TypeError("signWebhook needs at least one secret");
  if (input.id === "") throw new TypeError("webhook id must not be empty");
  const ts = Math.floor(input.timestamp.getTime() / 1000);
  const body = bodyBytes(input.body);
  const signatures: string[] = [];
  for (const secret of input.secrets) {
    signatures.push(`v1,${toBase64(await signature(webhookSecretKey(secret), input.id, ts, body))}`);
  }
  return {
    "webhook-id": input.id,
    "webhook-timestamp": String(ts),
    "webhook-signature": signatures.join(" "),
  };
}

export interface VerifyInput {
  headers: HeaderSource;
  /** The raw request body, exactly as received (never re-serialized JSON). */
  body: string | Uint8Array;
  /** Every secret currently valid for this endpoint (new and old during a rotation window). */
  secrets: readonly string[];
  now?: Date;
  toleranceSec?: number;
}

export interface VerifiedWebhook {
  id: string;
  timestamp: Date;
}

/**
 * Verify a Standard Webhooks request before its body is parsed: headers present, timestamp within
 * the tolerance (default 5 min, against replays), and at least one `v1` signature equal — in constant
 * time — to the HMAC under one of `secrets`. Throws WebhookVerificationError (→ 401) otherwise.
 *
 * @example
 * const { id } = await verifyWebhook({ headers: request.headers, body: await request.text(), secrets: [secret] });
 */
export async function verifyWebhook(input: VerifyInput): Promise<VerifiedWebhook> {
  const id = headerValue(input.headers, "webhook-id");
  const tsText = headerValue(input.headers, "webhook-timestamp");
  const sigHeader = headerValue(input.headers, "webhook-signature");
  for (const [name, value] of [
    ["webhook-id", id],
    ["webhook-timestamp", tsText],
    ["webhook-signature", sigHeader],
  ] as const) {
    if (!value) throw new WebhookVerificationError("missing_header", `missing ${name} header`);
  }
  if (!/^\d{1,12}$/.test(tsText!.trim())) {
    throw new WebhookVerificationError("bad_timestamp", "webhook-timestamp must be unix seconds");
  }
  const ts = Number(tsText!.trim());
  const timestamp = new Date(ts * 1000);
  assertFresh(
    timestamp,
    input.now ?? new Date(),
    input.toleranceSec ?? WEBHOOK_TOLERANCE_SEC,
    "webhook-timestamp",
  );

  const offered: Uint8Array[] = [];
  for (const entry of sigHeader!.split(" ")) {
    const comma = entry.indexOf(",");
    if (comma < 0 || entry.slice(0, comma) !== "v1") continue; // other schemes (v1a) are not ours
    const bytes = fromBase64(entry.slice(comma + 1));
    if (bytes) offered.push(bytes);
  }
  const body = bodyBytes(input.body);
  let matched = false;
  for (const secret of input.secrets) {
    const expected = await signature(webhookSecretKey(secret), id!, ts, body);
    // Compare against every offered signature (no early exit) so timing says nothing about which matched.
    for (const sig of offered) matched = timingSafeEqual(sig, expected) || matched;
  }
  if (!matched) {
    throw new WebhookVerificationError(
      "bad_signature",
      offered.length === 0
        ? "webhook-signature has no v1 signature"
        : "no webhook-signature matches this endpoint's secret",
    );
  }
  return { id: id!, timestamp };
}
