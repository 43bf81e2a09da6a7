import type { HeaderSource } from "../../webhooks/headers.js";

/**
 * An inbound CRM webhook as the receiver got it, before anything is parsed: verifiers read only
 * this, and parsers only run on a request that verified.
 */
export interface InboundRequest {
  method: string;
  /**
   * The URL the vendor called, as configured at the vendor (public scheme and host, not the one a
   * proxy rewrote to) — HubSpot signs it.
   */
  url: string;
  headers: HeaderSource;
  /** The raw body bytes, exactly as received. */
  body: Uint8Array;
}

const decoder = new TextDecoder("utf-8", { fatal: true });

/**
 * The body as UTF-8 text; undefined when it is not valid UTF-8.
 *
 * @example
 * bodyText(new TextEncoder().encode("[]")); // "[]"
 */
export function bodyText(body: Uint8Array): string | undefined {
  try {
    return decoder.decode(body);
  } catch {
    return undefined;
  }
}

/**
 * The body parsed as JSON; undefined when it is not UTF-8 JSON.
 *
 * @example
 * bodyJson(new TextEncoder().encode('{"a":1}')); // { a: 1 }
 * bodyJson(new TextEncoder().encode("{broken")); // undefined
 */
export function bodyJson(body: Uint8Array): unknown {
  const text = bodyText(body);
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
