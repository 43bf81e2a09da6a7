/**
 * The URL a request was sent to as the outside world sees it, for what must name the public URL:
 * HubSpot's v3 signature covers the full URL HubSpot called, and the receiver URLs Debrief shows
 * admins must be the ones to paste at the vendor. Behind a reverse proxy the request's own URL is
 * the internal one (`http://10.0.0.5:8787/…`), which would fail every signature.
 *
 * In order of precedence:
 * 1. `DEBRIEF_PUBLIC_URL` (e.g. `https://debrief.example.com`, or with a path prefix the proxy
 *    strips, `https://example.com/debrief`): its origin and path, then the request's path and query;
 * 2. with `DEBRIEF_TRUST_PROXY=true`, the first `X-Forwarded-Proto` (http or https) and
 *    `X-Forwarded-Host` (a well-formed host[:port]) the proxy set, each independently;
 * 3. the request's own URL.
 * Forwarded headers are ignored unless the proxy is trusted: a client could send any.
 */

export interface PublicUrlConfig {
  DEBRIEF_PUBLIC_URL?: string | undefined;
  DEBRIEF_TRUST_PROXY: boolean;
}

/** A host name or bracketed IPv6 literal with an optional port; nothing else (no path, no userinfo). */
const HOST =
  /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

function firstValue(headers: Headers, name: string): string | undefined {
  const v = headers.get(name)?.split(",")[0]?.trim();
  return v ? v : undefined;
}

/**
 * @example
 * publicRequestUrl("http://10.0.0.5:8787/v1/crm/webhooks/conn_1?x=1", new Headers(),
 *   { DEBRIEF_PUBLIC_URL: "https://debrief.example.com", DEBRIEF_TRUST_PROXY: false });
 * // "https://debrief.example.com/v1/crm/webhooks/conn_1?x=1"
 * publicRequestUrl("http://10.0.0.5:8787/v1/x", new Headers({ "x-forwarded-proto": "https", "x-forwarded-host": "debrief.example.com" }),
 *   { DEBRIEF_TRUST_PROXY: true });
 * // "https://debrief.example.com/v1/x"
 */
export function publicRequestUrl(requestUrl: string, headers: Headers, config: PublicUrlConfig): string {
  const internal = new URL(requestUrl);
  const tail = internal.pathname + internal.search;
  if (config.DEBRIEF_PUBLIC_URL) {
    const base = new URL(config.DEBRIEF_PUBLIC_URL);
    return `${base.origin}${base.pathname.replace(/\/+$/, "")}${tail}`;
  }
  if (config.DEBRIEF_TRUST_PROXY) {
    const proto = firstValue(headers, "x-forwarded-proto")?.toLowerCase();
    const host = firstValue(headers, "x-forwarded-host");
    const scheme = proto === "http" || proto === "https" ? proto : internal.protocol.replace(/:$/, "");
    const authority = host && HOST.test(host) ? host.toLowerCase() : internal.host;
    // Let URL drop a default port (https://h:443 → https://h), as the vendor's own URL has none.
    const origin = new URL(`${scheme}://${authority}`).origin;
    return `${origin}${tail}`;
  }
  return internal.toString();
}

/**
 * The public base URL (origin, plus DEBRIEF_PUBLIC_URL's path prefix) for links Debrief shows.
 *
 * @example
 * publicBaseUrl("http://localhost:8787/v1/crm/connections", new Headers(), { DEBRIEF_TRUST_PROXY: false });
 * // "http://localhost:8787"
 */
export function publicBaseUrl(requestUrl: string, headers: Headers, config: PublicUrlConfig): string {
  const internal = new URL(requestUrl);
  const full = publicRequestUrl(requestUrl, headers, config);
  const tail = internal.pathname + internal.search;
  return full.endsWith(tail) ? full.slice(0, full.length - tail.length) : new URL(full).origin;
}
