import { DebriefError } from "../errors.js";
import { fromBase64Url, toBase64Url, utf8 } from "./bytes.js";

/**
 * Secrets at rest (CRM tokens, webhook signing secrets): AES-256-GCM with Web Crypto, so Node and
 * Workers share it. A sealed value is text:
 *
 *     v1:<key id>:<iv>:<ciphertext+tag>        (iv and ciphertext base64url, no padding)
 *
 * - `v1` versions the format (a later scheme gets `v2` and both stay readable);
 * - the key id is the first 4 bytes (hex) of SHA-256 of the key, so a rotation needs no id config:
 *   put the new key in DEBRIEF_SECRETS_KEY and the old one in DEBRIEF_SECRETS_KEY_PREVIOUS; values
 *   sealed with either open, new ones are sealed with the new key, and `needsResealing` tells a
 *   background pass which to re-encrypt;
 * - a fresh random 96-bit IV per value (NIST SP 800-38D §8.2.2), 128-bit tag;
 * - an optional `context` (e.g. `crm_connection:conn_123:clientSecret`) is bound as additional
 *   authenticated data, so a ciphertext copied into another row or field does not open there.
 */
export const SEALED_VERSION = "v1";

export interface SecretBox {
  /** Key id of the key new values are sealed with. */
  readonly keyId: string;
  seal(plaintext: string, context?: string): Promise<string>;
  open(sealed: string, context?: string): Promise<string>;
  /** Whether `sealed` was made with an older key or format and should be sealed again. */
  needsResealing(sealed: string): boolean;
}

type CryptoKey = Awaited<ReturnType<typeof crypto.subtle.importKey>>;

interface Keyring {
  current: { id: string; key: CryptoKey };
  byId: Map<string, CryptoKey>;
}

async function keyId(raw: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", raw));
  return [...digest.subarray(0, 4)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * The 32 bytes of an AES-256 key written as base64 or base64url (padding optional), or undefined.
 *
 * @example
 * parseAesKey("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")?.length; // 32
 * parseAesKey("short"); // undefined
 */
export function parseAesKey(text: string): Uint8Array<ArrayBuffer> | undefined {
  const raw = fromBase64Url(text.trim().replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, ""));
  return raw?.length === 32 ? raw : undefined;
}

/** Comma-separated keys (DEBRIEF_SECRETS_KEY_PREVIOUS), blanks skipped. */
export function splitKeyList(text: string | undefined): string[] {
  return (text ?? "")
    .split(",")
    .map((k) => k.trim())
    .filter((k) => k !== "");
}

function decodeKey(base64: string, name: string): Uint8Array<ArrayBuffer> {
  const raw = parseAesKey(base64);
  if (!raw) {
    throw new DebriefError(
      "config.invalid",
      `${name} must be base64 of 32 random bytes (e.g. \`openssl rand -base64 32\`)`,
    );
  }
  return raw;
}

async function importKey(raw: Uint8Array<ArrayBuffer>): Promise<CryptoKey> {
  return crypto.subtle.importKey("raw", raw, { name: "AES-GCM" }, false, ["encrypt", "decrypt"]);
}

function parseSealed(sealed: string): {
  version: string;
  kid: string;
  iv: Uint8Array<ArrayBuffer>;
  ct: Uint8Array<ArrayBuffer>;
} {
  const parts = sealed.split(":");
  const [version, kid, ivText, ctText] = parts;
  const iv = ivText === undefined ? undefined : fromBase64Url(ivText);
  const ct = ctText === undefined ? undefined : fromBase64Url(ctText);
  if (
    parts.length !== 4 ||
    version !== SEALED_VERSION ||
    !kid ||
    !iv ||
    iv.length !== 12 ||
    !ct ||
    ct.length < 16
  ) {
    throw new DebriefError(
      "secrets.undecryptable",
      "not a sealed secret (expected v1:<key id>:<iv>:<ciphertext>)",
    );
  }
  return { version, kid, iv, ct };
}

/**
 * A SecretBox over a current key and any previous ones (base64 of 32 bytes each).
 *
 * @example
 * const box = await createSecretBox({ key: process.env.DEBRIEF_SECRETS_KEY! });
 * const sealed = await box.seal("pat-na1-…", "crm_connection:conn_1:token"); // "v1:3fa1…:…:…"
 * await box.open(sealed, "crm_connection:conn_1:token"); // "pat-na1-…"
 */
export async function createSecretBox(options: {
  key: string;
  previousKeys?: readonly string[];
}): Promise<SecretBox> {
  const currentRaw = decodeKey(options.key, "DEBRIEF_SECRETS_KEY");
  const current = { id: await keyId(currentRaw), key: await importKey(currentRaw) };
  const ring: Keyring = { current, byId: new Map([[current.id, current.key]]) };
  for (const prev of options.previousKeys ?? []) {
    const raw = decodeKey(prev, "DEBRIEF_SECRETS_KEY_PREVIOUS");
    const id = await keyId(raw);
    if (!ring.byId.has(id)) ring.byId.set(id, await importKey(raw));
  }
  return {
    keyId: current.id,
    async seal(plaintext, context) {
      const iv = crypto.getRandomValues(new Uint8Array(12));
      const ct = await crypto.subtle.encrypt(
        { name: "AES-GCM", iv, ...(context === undefined ? {} : { additionalData: utf8(context) }) },
        ring.current.key,
        utf8(plaintext),
      );
      return `${SEALED_VERSION}:${ring.current.id}:${toBase64Url(iv)}:${toBase64Url(new Uint8Array(ct))}`;
    },
    async open(sealed, context) {
      const { kid, iv, ct } = parseSealed(sealed);
      const key = ring.byId.get(kid);
      if (!key) {
        throw new DebriefError(
          "secrets.undecryptable",
          `this secret was sealed with key ${kid}, which is neither DEBRIEF_SECRETS_KEY nor in DEBRIEF_SECRETS_KEY_PREVIOUS`,
        );
      }
      try {
        const plain = await crypto.subtle.decrypt(
          { name: "AES-GCM", iv, ...(context === undefined ? {} : { additionalData: utf8(context) }) },
          key,
          ct,
        );
        return new TextDecoder("utf-8", { fatal: true }).decode(plain);
      } catch (err) {
        throw new DebriefError(
          "secrets.undecryptable",
          "a sealed secret failed authentication (altered, or opened in the wrong context)",
          { cause: err },
        );
      }
    },
    needsResealing(sealed) {
      const [version, kid] = sealed.split(":");
      return version !== SEALED_VERSION || kid !== ring.current.id;
    },
  };
}

/**
 * The SecretBox of the configuration, or a clear error when DEBRIEF_SECRETS_KEY is not set — called
 * only by features that store secrets, so the rest of Debrief runs without the key.
 *
 * @example
 * const box = await secretBoxFromConfig(config); // throws DebriefError("secrets.not_configured", …) when unset
 */
export async function secretBoxFromConfig(config: {
  DEBRIEF_SECRETS_KEY?: string | undefined;
  DEBRIEF_SECRETS_KEY_PREVIOUS?: string | undefined;
}): Promise<SecretBox> {
  if (!config.DEBRIEF_SECRETS_KEY) {
    throw new DebriefError(
      "secrets.not_configured",
      "CRM connections and webhook endpoints keep secrets encrypted: set DEBRIEF_SECRETS_KEY to base64 of 32 random bytes (`openssl rand -base64 32`) and restart",
    );
  }
  return createSecretBox({
    key: config.DEBRIEF_SECRETS_KEY,
    previousKeys: splitKeyList(config.DEBRIEF_SECRETS_KEY_PREVIOUS),
  });
}
