import { BlockList } from "node:net";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { rejection } from "../../test/helpers/rejection.js";
import { DebriefError } from "../errors.js";
import { assertPublicUrl, type Resolve, urlGuardOptions } from "./public-url.js";

const refused = async (url: string, options = {}) => {
  const e = await rejection(assertPublicUrl(url, options), DebriefError);
  expect(e.code).toBe("url.forbidden");
  return e.message;
};

describe("assertPublicUrl: literal hosts", () => {
  const blocked: [string, RegExp][] = [
    ["https://127.0.0.1/", /loopback/],
    ["https://127.255.1.2:8443/x", /loopback/],
    ["https://0x7f000001/", /loopback/],
    ["https://2130706433/", /loopback/],
    ["https://127.1/", /loopback/],
    ["https://0177.0.0.1/", /loopback/],
    ["https://0x7f.0.0.1/", /loopback/],
    ["https://0/", /unspecified/],
    ["https://0.0.0.0/", /unspecified/],
    ["https://10.1.2.3/", /private.*10\.0\.0\.0\/8/],
    ["https://172.16.0.1/", /private.*172\.16/],
    ["https://172.31.255.255/", /private.*172\.16/],
    ["https://192.168.1.1/", /private.*192\.168/],
    ["https://169.254.169.254/latest/meta-data/", /link-local.*metadata/],
    ["https://0xa9fea9fe/", /link-local/],
    ["https://100.64.0.1/", /carrier-grade NAT/],
    ["https://100.127.255.254/", /carrier-grade NAT/],
    ["https://224.0.0.1/", /multicast/],
    ["https://239.255.255.250/", /multicast/],
    ["https://255.255.255.255/", /broadcast/],
    ["https://198.18.0.1/", /benchmarking/],
    ["https://192.0.2.10/", /documentation/],
    ["https://[::1]/", /loopback/],
    ["https://[::]/", /unspecified/],
    ["https://[::ffff:127.0.0.1]/", /IPv4-mapped.*loopback/],
    ["https://[::ffff:a9fe:a9fe]/", /IPv4-mapped.*link-local/],
    ["https://[0:0:0:0:0:ffff:10.0.0.1]/", /IPv4-mapped.*private/],
    ["https://[::127.0.0.1]/", /IPv4-compatible/],
    ["https://[fc00::1]/", /unique local/],
    ["https://[fd12:3456:789a::1]/", /unique local/],
    ["https://[fe80::1]/", /link-local/],
    ["https://[ff02::1]/", /multicast/],
    ["https://[64:ff9b::a00:1]/", /NAT64.*private/],
    ["https://[2002:7f00:1::]/", /6to4.*loopback/],
    ["https://[2001:db8::1]/", /documentation/],
    ["https://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/", /Teredo/],
    ["https://[100::1]/", /non-global/],
  ];
  it.each(blocked)("refuses %s", async (url, why) => {
    expect(await refused(url)).toMatch(why);
  });

  const allowed = [
    "https://8.8.8.8/",
    "https://1.1.1.1:8443/hook",
    "https://172.32.0.1/",
    "https://100.128.0.1/",
    "https://169.253.255.255/",
    "https://[2606:4700:4700::1111]/",
    "https://[64:ff9b::808:808]/",
    "https://[2002:808:808::1]/",
    "https://[::ffff:8.8.8.8]/",
  ];
  it.each(allowed)("allows %s", async (url) => {
    await expect(assertPublicUrl(url)).resolves.toBeInstanceOf(URL);
  });
});

describe("assertPublicUrl: scheme, credentials, names", () => {
  it("requires https unless http is allowed; never other schemes", async () => {
    expect(await refused("http://example.com/")).toMatch(/http URLs are not allowed; use https/);
    await expect(assertPublicUrl("http://example.com/", { allowHttp: true })).resolves.toBeInstanceOf(URL);
    for (const url of [
      "ftp://example.com/",
      "file:///etc/passwd",
      "gopher://example.com/",
      "data:text/plain,x",
    ]) {
      await refused(url, { allowHttp: true, allowPrivate: true });
    }
    expect(await refused("not a url")).toMatch(/not a valid absolute URL/);
  });

  it("refuses credentials without repeating them, even when private URLs are allowed", async () => {
    const msg = await refused("https://admin:s3cr3t@example.com/hook?token=abc", { allowPrivate: true });
    expect(msg).toMatch(/credentials/);
    expect(msg).not.toContain("s3cr3t");
    expect(msg).not.toContain("admin");
    expect(msg).not.toContain("token=abc");
  });

  it.each([
    "https://localhost/",
    "https://LOCALHOST:8080/",
    "https://localhost./",
    "https://api.localhost/",
    "https://printer.local/",
    "https://metadata.google.internal/computeMetadata/v1/",
    "https://router.home.arpa/",
  ])("refuses the local name %s", async (url) => {
    expect(await refused(url)).toMatch(/is a local name/);
  });

  it("checks every resolved address and names the bad one", async () => {
    const dns: Record<string, string[]> = {
      "hooks.example.com": ["93.184.215.14", "2606:2800:21f:cb07:6820:80da:af6b:8b2c"],
      "rebind.example.com": ["93.184.215.14", "10.0.0.7"],
      "v6only.example.com": ["::ffff:169.254.169.254"],
    };
    const resolve: Resolve = async (h) => dns[h] ?? [];
    await expect(assertPublicUrl("https://hooks.example.com/x", { resolve })).resolves.toBeInstanceOf(URL);
    expect(await refused("https://rebind.example.com/x", { resolve })).toMatch(
      /rebind\.example\.com resolves to 10\.0\.0\.7, a private address/,
    );
    expect(await refused("https://v6only.example.com/", { resolve })).toMatch(/IPv4-mapped.*link-local/);
    const e = await rejection(assertPublicUrl("https://nowhere.example.com/", { resolve }), DebriefError);
    expect(e.code).toBe("upstream.unavailable");
    const failing: Resolve = async () => {
      throw new Error("ENOTFOUND");
    };
    expect(
      (await rejection(assertPublicUrl("https://x.example.com/", { resolve: failing }), DebriefError)).code,
    ).toBe("upstream.unavailable");
  });

  it("without a resolver (Workers) checks the name only", async () => {
    await expect(assertPublicUrl("https://rebind.example.com/")).resolves.toBeInstanceOf(URL);
  });

  it("allowPrivate / DEBRIEF_ALLOW_PRIVATE_URLS lets private hosts and http through", async () => {
    const opts = urlGuardOptions({ DEBRIEF_ALLOW_PRIVATE_URLS: true });
    for (const url of [
      "http://localhost:3000/hook",
      "https://10.0.0.5/",
      "http://[::1]:8080/",
      "https://169.254.169.254/",
    ]) {
      await expect(assertPublicUrl(url, opts)).resolves.toBeInstanceOf(URL);
    }
    const strict = urlGuardOptions({ DEBRIEF_ALLOW_PRIVATE_URLS: false });
    await refused("https://10.0.0.5/", strict);
    await refused("http://example.com/", strict);
  });
});

/** The blocked ranges, written out again for node:net's BlockList: an independent implementation to agree with. */
function referenceBlockList(): BlockList {
  const b = new BlockList();
  for (const [net, bits] of [
    ["0.0.0.0", 8],
    ["10.0.0.0", 8],
    ["100.64.0.0", 10],
    ["127.0.0.0", 8],
    ["169.254.0.0", 16],
    ["172.16.0.0", 12],
    ["192.0.0.0", 24],
    ["192.0.2.0", 24],
    ["192.88.99.0", 24],
    ["192.168.0.0", 16],
    ["198.18.0.0", 15],
    ["198.51.100.0", 24],
    ["203.0.113.0", 24],
    ["224.0.0.0", 4],
    ["240.0.0.0", 4],
  ] as const) {
    b.addSubnet(net, bits, "ipv4");
  }
  return b;
}

describe("assertPublicUrl: properties", () => {
  const reference = referenceBlockList();
  const dotted = (n: number) => [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join(".");
  const forms = (n: number) => [
    dotted(n),
    String(n),
    `0x${n.toString(16)}`,
    [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].map((b) => `0${b.toString(8)}`).join("."),
    `${n >>> 24}.${n & 0xffffff}`,
    `[::ffff:${dotted(n)}]`,
  ];
  // Bias towards the interesting ranges as well as anywhere in the space.
  const address = fc.oneof(
    fc.nat({ max: 0xffffffff }),
    fc
      .constantFrom(0x7f000000, 0x0a000000, 0xa9fe0000, 0xac100000, 0xc0a80000, 0x64400000)
      .chain((base) => fc.nat({ max: 0xffff }).map((low) => (base + low) >>> 0)),
  );

  it("every written form of an IPv4 address is refused exactly when BlockList says it is blocked", async () => {
    await fc.assert(
      fc.asyncProperty(address, async (n) => {
        const blocked = reference.check(dotted(n), "ipv4");
        for (const form of forms(n)) {
          const ok = await assertPublicUrl(`https://${form}/hook`).then(
            () => true,
            (e: unknown) => {
              expect(e).toBeInstanceOf(DebriefError);
              return false;
            },
          );
          expect(ok, form).toBe(!blocked);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("any resolved address in a blocked range makes the name refused", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(address, { minLength: 1, maxLength: 4 }), async (ns) => {
        const resolve: Resolve = async () => ns.map(dotted);
        const anyBlocked = ns.some((n) => reference.check(dotted(n), "ipv4"));
        const ok = await assertPublicUrl("https://crm.example.com/", { resolve }).then(
          () => true,
          () => false,
        );
        expect(ok).toBe(!anyBlocked);
      }),
      { numRuns: 200 },
    );
  });
});
