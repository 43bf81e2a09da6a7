/**
 * Byte helpers over Web Crypto and the web platform only (no node:buffer), so signing and
 * encryption code runs unchanged on Node and Cloudflare Workers.
 */

const encoder = new TextEncoder();

/**
 * UTF-8 bytes of a string.
 *
 * @example
 * utf8("é"); // Uint8Array [0xc3, 0xa9]
 */
export function utf8(text: string): Uint8Array<ArrayBuffer> {
  return encoder.encode(text) as Uint8Array<ArrayBuffer>;
}

/**
 * Standard base64 (RFC 4648 §4, with padding) of bytes.
 *
 * @example
 * toBase64(new Uint8Array([1, 2, 3])); // "AQID"
 */
export function toBase64(bytes: Uint8Array): string {
  let binary = "";
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  }
  return btoa(binary);
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const BASE64URL = /^[A-Za-z0-9_-]*$/;

/**
 * Bytes of a standard base64 string (padding required, no whitespace), or undefined when the text is
 * not base64 — callers decide whether that is an error or a mismatch.
 *
 * @example
 * fromBase64("AQID"); // Uint8Array [1, 2, 3]
 * fromBase64("not base64!"); // undefined
 */
export function fromBase64(text: string): Uint8Array<ArrayBuffer> | undefined {
  if (!BASE64.test(text)) return undefined;
  const binary = atob(text);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

/**
 * base64url (RFC 4648 §5) without padding.
 *
 * @example
 * toBase64Url(new Uint8Array([0xfb, 0xff])); // "-_8"
 */
export function toBase64Url(bytes: Uint8Array): string {
  return toBase64(bytes).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/**
 * Bytes of unpadded base64url, or undefined when the text is not base64url.
 *
 * @example
 * fromBase64Url("-_8"); // Uint8Array [0xfb, 0xff]
 */
export function fromBase64Url(text: string): Uint8Array<ArrayBuffer> | undefined {
  if (!BASE64URL.test(text) || text.length % 4 === 1) return undefined;
  const padded = text.replace(/-/g, "+").replace(/_/g, "/") + "=".repeat((4 - (text.length % 4)) % 4);
  return fromBase64(padded);
}

/**
 * Compare two byte strings in time that depends only on their lengths, never on where they differ
 * (a signature check that stops at the first wrong byte leaks how much of a forgery is right).
 *
 * @example
 * timingSafeEqual(utf8("abc"), utf8("abc")); // true
 * timingSafeEqual(utf8("abc"), utf8("abd")); // false
 */
export function timingSafeEqual(a: Uint8Array, b: Uint8Array): boolean {
  // Lengths are public (every HMAC-SHA256 is 32 bytes); fold the mismatch in rather than returning early.
  let diff = a.length ^ b.length;
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return diff === 0;
}

/**
 * Constant-time equality of two strings (compared as UTF-8), e.g. a Basic-auth password.
 *
 * @example
 * timingSafeEqualText("hunter2", "hunter2"); // true
 */
export function timingSafeEqualText(a: string, b: string): boolean {
  return timingSafeEqual(utf8(a), utf8(b));
}

/**
 * HMAC-SHA256 of `message` under `key` with Web Crypto.
 *
 * @example
 * const mac = await hmacSha256(utf8("key"), utf8("The quick brown fox jumps over the lazy dog"));
 * toBase64(mac); // "97yD9DBThCSxMpjmqm+xQ+9NWaFJRhdZl0edvC0aPNg="
 */
export async function hmacSha256(key: Uint8Array, message: Uint8Array): Promise<Uint8Array<ArrayBuffer>> {
  const k = await crypto.subtle.importKey(
    "raw",
    key as Uint8Array<ArrayBuffer>,
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  return new Uint8Array(await crypto.subtle.sign("HMAC", k, message as Uint8Array<ArrayBuffer>));
}

/**
 * Concatenate byte arrays.
 *
 * @example
 * concatBytes(utf8("a."), utf8("b")); // bytes of "a.b"
 */
export function concatBytes(...parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
