import { describe, expect, it } from "vitest";
import { publicBaseUrl, publicRequestUrl } from "./public-url.js";

const INTERNAL = "http://10.0.0.5:8787/v1/crm/webhooks/conn_1?token=a%3Ab";
const forwarded = (proto: string, host: string) =>
  new Headers({ "x-forwarded-proto": proto, "x-forwarded-host": host });

describe("publicRequestUrl", () => {
  it("uses DEBRIEF_PUBLIC_URL's origin and path prefix with the request's path and query", () => {
    const cfg = { DEBRIEF_PUBLIC_URL: "https://debrief.example.com/", DEBRIEF_TRUST_PROXY: false };
    expect(publicRequestUrl(INTERNAL, new Headers(), cfg)).toBe(
      "https://debrief.example.com/v1/crm/webhooks/conn_1?token=a%3Ab",
    );
    const prefixed = { DEBRIEF_PUBLIC_URL: "https://example.com/debrief/", DEBRIEF_TRUST_PROXY: true };
    // the configured URL wins over forwarded headers, trusted or not
    expect(publicRequestUrl(INTERNAL, forwarded("http", "evil.example"), prefixed)).toBe(
      "https://example.com/debrief/v1/crm/webhooks/conn_1?token=a%3Ab",
    );
    expect(publicBaseUrl(INTERNAL, new Headers(), prefixed)).toBe("https://example.com/debrief");
  });

  it("honours X-Forwarded-Proto/Host only when the proxy is trusted", () => {
    const h = forwarded("https", "debrief.example.com");
    expect(publicRequestUrl(INTERNAL, h, { DEBRIEF_TRUST_PROXY: true })).toBe(
      "https://debrief.example.com/v1/crm/webhooks/conn_1?token=a%3Ab",
    );
    expect(publicRequestUrl(INTERNAL, h, { DEBRIEF_TRUST_PROXY: false })).toBe(INTERNAL);
    expect(publicBaseUrl(INTERNAL, h, { DEBRIEF_TRUST_PROXY: true })).toBe("https://debrief.example.com");
  });

  it("takes the first of a proxy chain, drops a default port, and ignores malformed values", () => {
    const trusted = { DEBRIEF_TRUST_PROXY: true };
    expect(publicRequestUrl(INTERNAL, forwarded("https, http", "a.example:443, b.internal"), trusted)).toBe(
      "https://a.example/v1/crm/webhooks/conn_1?token=a%3Ab",
    );
    expect(publicRequestUrl(INTERNAL, forwarded("https", "[2001:db8::1]:8443"), trusted)).toBe(
      "https://[2001:db8::1]:8443/v1/crm/webhooks/conn_1?token=a%3Ab",
    );
    // a scheme other than http(s), or a "host" with a path or credentials, is not used
    expect(publicRequestUrl(INTERNAL, forwarded("javascript", "x@evil.example/p"), trusted)).toBe(INTERNAL);
    // only the proto given: the internal host stays
    expect(publicRequestUrl(INTERNAL, new Headers({ "x-forwarded-proto": "https" }), trusted)).toBe(
      "https://10.0.0.5:8787/v1/crm/webhooks/conn_1?token=a%3Ab",
    );
  });

  it("without configuration or headers, is the request URL itself", () => {
    expect(publicRequestUrl(INTERNAL, new Headers(), { DEBRIEF_TRUST_PROXY: false })).toBe(INTERNAL);
    expect(publicBaseUrl(INTERNAL, new Headers(), { DEBRIEF_TRUST_PROXY: false })).toBe(
      "http://10.0.0.5:8787",
    );
  });
});
