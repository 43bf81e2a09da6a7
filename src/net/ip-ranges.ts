/**
 * Which IP addresses an outbound request (webhook delivery, CRM call) may go to: only public unicast
 * addresses. Pure, with its own IPv4/IPv6 text parsers, so it gives the same answer on Node and
 * Workers and for URL hosts and DNS answers alike.
 */

/** A blocked IPv4 range: network (as a 32-bit number), prefix length, and why it is blocked. */
interface V4Range {
  net: number;
  bits: number;
  why: string;
}

const v4 = (dotted: string, bits: number, why: string): V4Range => ({ net: parseIPv4(dotted)!, bits, why });

/** IANA IPv4 Special-Purpose Address Registry entries that are not globally reachable, plus multicast. */
const BLOCKED_V4: readonly V4Range[] = [
  v4("0.0.0.0", 8, "the unspecified / this-network range (0.0.0.0/8)"),
  v4("10.0.0.0", 8, "a private address (10.0.0.0/8)"),
  v4("100.64.0.0", 10, "a carrier-grade NAT address (100.64.0.0/10)"),
  v4("127.0.0.0", 8, "a loopback address (127.0.0.0/8)"),
  v4("169.254.0.0", 16, "a link-local address (169.254.0.0/16, incl. cloud metadata 169.254.169.254)"),
  v4("172.16.0.0", 12, "a private address (172.16.0.0/12)"),
  v4("192.0.0.0", 24, "an IETF protocol address (192.0.0.0/24)"),
  v4("192.0.2.0", 24, "a documentation address (192.0.2.0/24)"),
  v4("192.88.99.0", 24, "a 6to4 relay address (192.88.99.0/24)"),
  v4("192.168.0.0", 16, "a private address (192.168.0.0/16)"),
  v4("198.18.0.0", 15, "a benchmarking address (198.18.0.0/15)"),
  v4("198.51.100.0", 24, "a documentation address (198.51.100.0/24)"),
  v4("203.0.113.0", 24, "a documentation address (203.0.113.0/24)"),
  v4("224.0.0.0", 4, "a multicast address (224.0.0.0/4)"),
  v4("240.0.0.0", 4, "a reserved or broadcast address (240.0.0.0/4)"),
];

function inV4(addr: number, r: V4Range): boolean {
  if (r.bits === 0) return true;
  const mask = r.bits === 32 ? 0xffffffff : (0xffffffff << (32 - r.bits)) >>> 0;
  return (addr & mask) >>> 0 === r.net;
}

/**
 * A dotted-quad IPv4 address (exactly four decimal parts 0–255, no leading zeros) as a 32-bit number.
 *
 * @example
 * parseIPv4("127.0.0.1"); // 2130706433
 * parseIPv4("0177.0.0.1"); // undefined (not canonical; see parseLegacyIPv4)
 */
export function parseIPv4(text: string): number | undefined {
  const parts = text.split(".");
  if (parts.length !== 4) return undefined;
  let n = 0;
  for (const p of parts) {
    if (!/^(0|[1-9]\d{0,2})$/.test(p)) return undefined;
    const v = Number(p);
    if (v > 255) return undefined;
    n = n * 256 + v;
  }
  return n;
}

/**
 * A host in any form inet_aton(3) — and hence curl, browsers' URL parsers, many HTTP clients — reads
 * as IPv4: 1 to 4 parts, each decimal, `0x` hex or `0`-prefixed octal, the last part filling the
 * remaining bytes (`127.1`, `0x7f000001`, `2130706433`, `0177.0.0.1`). Undefined when it is not one.
 *
 * @example
 * parseLegacyIPv4("0x7f000001"); // 2130706433
 * parseLegacyIPv4("127.1"); // 2130706433
 * parseLegacyIPv4("example.com"); // undefined
 */
export function parseLegacyIPv4(text: string): number | undefined {
  const host = text.endsWith(".") ? text.slice(0, -1) : text;
  const parts = host.split(".");
  if (parts.length < 1 || parts.length > 4) return undefined;
  const values: number[] = [];
  for (const p of parts) {
    let v: number;
    if (/^0x[0-9a-f]*$/i.test(p)) v = p.length === 2 ? 0 : Number.parseInt(p.slice(2), 16);
    else if (/^0[0-7]+$/.test(p)) v = Number.parseInt(p.slice(1), 8);
    else if (/^(0|[1-9]\d*)$/.test(p)) v = Number(p);
    else return undefined;
    if (!Number.isSafeInteger(v)) return undefined;
    values.push(v);
  }
  const last = values.pop()!;
  if (values.some((v) => v > 255)) return undefined;
  const lastBytes = 4 - values.length;
  if (last >= 256 ** lastBytes) return undefined;
  let n = 0;
  for (const v of values) n = n * 256 + v;
  return n * 256 ** lastBytes + last;
}

/**
 * An IPv6 address (RFC 4291 text: `::` compression, optional trailing dotted IPv4, optional
 * `%zone`) as eight 16-bit groups, or undefined.
 *
 * @example
 * parseIPv6("::ffff:127.0.0.1"); // [0, 0, 0, 0, 0, 0xffff, 0x7f00, 1]
 */
export function parseIPv6(text: string): number[] | undefined {
  let s = text.startsWith("[") && text.endsWith("]") ? text.slice(1, -1) : text;
  const zone = s.indexOf("%");
  if (zone >= 0) s = s.slice(0, zone);
  if (s === "" || !/^[0-9a-f:.]+$/i.test(s)) return undefined;
  const lastColon = s.lastIndexOf(":");
  if (lastColon < 0) return undefined;
  if (s.includes(".", lastColon)) {
    // A trailing dotted IPv4 (::ffff:1.2.3.4) stands for the last two groups.
    const n = parseIPv4(s.slice(lastColon + 1));
    if (n === undefined) return undefined;
    s = `${s.slice(0, lastColon + 1)}${(n >>> 16).toString(16)}:${(n & 0xffff).toString(16)}`;
  }
  const halves = s.split("::");
  if (halves.length > 2) return undefined;
  const group = (g: string) => (/^[0-9a-f]{1,4}$/i.test(g) ? Number.parseInt(g, 16) : undefined);
  const read = (part: string | undefined): number[] | undefined => {
    if (part === undefined || part === "") return [];
    const out: number[] = [];
    for (const g of part.split(":")) {
      const v = group(g);
      if (v === undefined) return undefined;
      out.push(v);
    }
    return out;
  };
  const head = read(halves[0]);
  const rest = read(halves[1]);
  if (!head || !rest) return undefined;
  const explicit = head.length + rest.length;
  if (halves.length === 1) return explicit === 8 ? head : undefined;
  if (explicit > 7) return undefined;
  return [...head, ...new Array<number>(8 - explicit).fill(0), ...rest];
}

function v4Reason(addr: number): string | undefined {
  for (const r of BLOCKED_V4) if (inV4(addr, r)) return r.why;
  return undefined;
}

function embeddedV4(hi: number, lo: number): number {
  return ((hi << 16) >>> 0) + lo;
}

function v6Reason(g: number[]): string | undefined {
  const [g0, g1, g2, , , g5, g6, g7] = g as [number, number, number, number, number, number, number, number];
  const zeroTo = (n: number) => g.slice(0, n).every((x) => x === 0);
  if (zeroTo(8)) return "the unspecified address (::)";
  if (zeroTo(7) && g7 === 1) return "a loopback address (::1)";
  if (zeroTo(5) && g5 === 0xffff) {
    const why = v4Reason(embeddedV4(g6, g7));
    return why ? `an IPv4-mapped address of ${why}` : undefined;
  }
  if (zeroTo(6)) return "a deprecated IPv4-compatible address (::/96)";
  if (g0 === 0x64 && g1 === 0xff9b && g.slice(2, 6).every((x) => x === 0)) {
    const why = v4Reason(embeddedV4(g6, g7));
    return why ? `a NAT64 address of ${why}` : undefined;
  }
  if ((g0 & 0xe000) !== 0x2000) {
    if ((g0 & 0xfe00) === 0xfc00) return "a unique local address (fc00::/7)";
    if ((g0 & 0xffc0) === 0xfe80) return "a link-local address (fe80::/10)";
    if ((g0 & 0xff00) === 0xff00) return "a multicast address (ff00::/8)";
    return "a reserved or non-global IPv6 address (outside 2000::/3)";
  }
  if (g0 === 0x2001 && g1 === 0x0db8) return "a documentation address (2001:db8::/32)";
  if (g0 === 0x2001 && g1 === 0) return "a Teredo address (2001::/32)";
  if (g0 === 0x2002) {
    const why = v4Reason(embeddedV4(g1, g2));
    return why ? `a 6to4 address of ${why}` : undefined;
  }
  return undefined;
}

/**
 * Why an IP address must not be contacted (a sentence fragment), or undefined when it is public.
 * Accepts canonical IPv4, legacy IPv4 forms and IPv6 (brackets and zone allowed); anything else
 * is not an IP address and gives undefined — check `isIpAddress` first.
 *
 * @example
 * blockedAddressReason("169.254.169.254"); // "a link-local address (169.254.0.0/16, incl. cloud metadata 169.254.169.254)"
 * blockedAddressReason("::ffff:10.0.0.1"); // "an IPv4-mapped address of a private address (10.0.0.0/8)"
 * blockedAddressReason("8.8.8.8"); // undefined
 */
export function blockedAddressReason(address: string): string | undefined {
  const four = parseLegacyIPv4(address);
  if (four !== undefined) return v4Reason(four);
  const six = parseIPv6(address);
  if (six !== undefined) return v6Reason(six);
  return undefined;
}

/**
 * Whether the text is an IP address in any form `blockedAddressReason` reads.
 *
 * @example
 * isIpAddress("[::1]"); // true
 * isIpAddress("2130706433"); // true
 * isIpAddress("api.hubapi.com"); // false
 */
export function isIpAddress(text: string): boolean {
  return parseLegacyIPv4(text) !== undefined || parseIPv6(text) !== undefined;
}
