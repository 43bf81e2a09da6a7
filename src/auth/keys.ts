import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex } from "@noble/hashes/utils.js";

/**
 * API keys and ids, with Web Crypto only so the same code runs on Node and Workers.
 * A key is `dbf_` + 32 random bytes in base58; only its SHA-256 is stored.
 */
const ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

function base58(bytes: Uint8Array): string {
  let out = "";
  for (const b of bytes) out += ALPHABET[b % 58];
  return out;
}

/**
 * A random id with a readable prefix.
 *
 * @example
 * newId("call") // "call_7fQk2…" (22 random base58 characters)
 */
export function newId(prefix: string): string {
  return `${prefix}_${base58(crypto.getRandomValues(new Uint8Array(22)))}`;
}

/** A new API key (show it once, store only `hashKey(key)`). */
export function generateApiKey(): string {
  return `dbf_${base58(crypto.getRandomValues(new Uint8Array(32)))}`;
}

/** Hex SHA-256 of a string. */
export async function sha256Hex(input: string | Uint8Array): Promise<string> {
  const data = typeof input === "string" ? new TextEncoder().encode(input) : input;
  const digest = await crypto.subtle.digest("SHA-256", data);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * SHA-256 (hex) of an API key, as stored. Synchronous and pure JS: every request hashes its key, and
 * for a 50-byte input Web Crypto's asynchronous digest costs more in scheduling than in hashing.
 *
 * @example
 * hashKey("dbf_…") // "3f9a…" (64 hex characters)
 */
export function hashKey(key: string): string {
  return sha256HexSmall(key);
}

/**
 * Hex SHA-256 of a short string (a key, a request's fingerprint), synchronously: the same digest
 * as `sha256Hex`, without Web Crypto's asynchronous round for a few hundred bytes.
 */
export function sha256HexSmall(text: string): string {
  return bytesToHex(sha256(new TextEncoder().encode(text)));
}

/** The visible start of a key, to tell keys apart in listings. */
export function keyStart(key: string): string {
  return key.slice(0, 10);
}
