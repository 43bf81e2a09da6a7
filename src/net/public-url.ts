import { DebriefError } from "../errors.js";
import { blockedAddressReason, isIpAddress } from "./ip-ranges.js";

/**
 * The outbound URL guard (webhook endpoints, CRM instance URLs, audio URLs): a URL a tenant gives
 * Debrief must not make the server call into its own network (SSRF) — loopback, private, link-local
 * (cloud metadata at 169.254.169.254), CGNAT, multicast, reserved — whatever form the address is
 * written in, and whatever a host name resolves to.
 *
 * Limits, for callers: check again right before each request (DNS can change between the check and
 * the request), send with `redirect: "manual"` and check every redirect target the same way. On
 * Workers there is no resolver, so only the name and literal addresses are checked there (Workers'
 * own fetch cannot reach private networks).
 */

/** Resolves a host name to its addresses (A and AAAA), e.g. `nodeResolver` on Node. */
export type Resolve = (hostname: string) => Promise<readonly string[]>;

export interface UrlGuardOptions {
  /** Allow private/loopback/link-local destinations (DEBRIEF_ALLOW_PRIVATE_URLS: self-hosted, tests). */
  allowPrivate?: boolean;
  /** Allow plain http (default: https only). */
  allowHttp?: boolean;
  /** Check the addresses a name resolves to; without it only the name itself is checked. */
  resolve?: Resolve | undefined;
}

/** Names that never leave the machine or the local network, whatever DNS says (RFC 6761, 6762, 8375). */
const LOCAL_SUFFIXES = [".localhost", ".local", ".internal", ".home.arpa", ".localdomain"];

/** How a URL is named in messages: scheme, host and port only (a query may carry a token). */
function shown(u: URL): string {
  return `${u.protocol}//${u.host}`;
}

function forbidden(message: string): DebriefError {
  return new DebriefError("url.forbidden", message);
}

/**
 * The parsed URL when Debrief may send requests to it; otherwise throws DebriefError("url.forbidden")
 * saying why (the message never repeats credentials, path or query).
 *
 * @example
 * await assertPublicUrl("https://hooks.example.com/debrief", { resolve: nodeResolver }); // URL
 * await assertPublicUrl("https://169.254.169.254/latest/meta-data/"); // throws url.forbidden (link-local)
 * await assertPublicUrl("http://localhost:3000/hook", { allowPrivate: true, allowHttp: true }); // URL
 */
export async function assertPublicUrl(input: string | URL, options: UrlGuardOptions = {}): Promise<URL> {
  let u: URL;
  try {
    u = new URL(String(input));
  } catch {
    throw forbidden("not a valid absolute URL");
  }
  if (u.protocol !== "https:" && !(options.allowHttp && u.protocol === "http:")) {
    throw forbidden(
      `${u.protocol.replace(/:$/, "")} URLs are not allowed; use https${options.allowHttp ? " or http" : ""}`,
    );
  }
  if (u.username !== "" || u.password !== "") {
    throw forbidden(
      `${shown(u)}: credentials in the URL are not allowed; configure them as a secret instead`,
    );
  }
  if (options.allowPrivate) return u;

  // WHATWG URL already rewrites 0x7f000001, 2130706433, 127.1 and 0177.0.0.1 to 127.0.0.1 for http(s),
  // and brackets IPv6; blockedAddressReason reads the legacy forms too, in case a caller's parser does not.
  const host = u.hostname.toLowerCase().replace(/\.$/, "");
  if (host === "") throw forbidden("the URL has no host");
  if (host === "localhost" || LOCAL_SUFFIXES.some((s) => host.endsWith(s))) {
    throw forbidden(`${shown(u)}: ${host} is a local name`);
  }
  if (isIpAddress(host)) {
    const why = blockedAddressReason(host);
    if (why) throw forbidden(`${shown(u)}: ${host} is ${why}`);
    return u;
  }
  if (options.resolve) {
    let addresses: readonly string[];
    try {
      addresses = await options.resolve(host);
    } catch (err) {
      throw new DebriefError("upstream.unavailable", `${shown(u)}: could not resolve ${host}`, {
        cause: err,
      });
    }
    if (addresses.length === 0) {
      throw new DebriefError("upstream.unavailable", `${shown(u)}: ${host} has no addresses`);
    }
    for (const address of addresses) {
      const why = isIpAddress(address) ? blockedAddressReason(address) : "not an IP address";
      if (why) throw forbidden(`${shown(u)}: ${host} resolves to ${address}, ${why}`);
    }
  }
  return u;
}

/**
 * Guard options from the configuration: DEBRIEF_ALLOW_PRIVATE_URLS=true (self-hosted, tests) allows
 * private addresses and plain http; otherwise https to public addresses only.
 *
 * @example
 * await assertPublicUrl(url, urlGuardOptions(config, nodeResolver));
 */
export function urlGuardOptions(
  config: { DEBRIEF_ALLOW_PRIVATE_URLS: boolean },
  resolve?: Resolve,
): UrlGuardOptions {
  const allow = config.DEBRIEF_ALLOW_PRIVATE_URLS;
  return { allowPrivate: allow, allowHttp: allow, resolve };
}
