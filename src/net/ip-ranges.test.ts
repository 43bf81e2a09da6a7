import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { blockedAddressReason, isIpAddress, parseIPv4, parseIPv6, parseLegacyIPv4 } from "./ip-ranges.js";

describe("parseLegacyIPv4", () => {
  it.each([
    ["127.0.0.1", 0x7f000001],
    ["0x7f000001", 0x7f000001],
    ["2130706433", 0x7f000001],
    ["127.1", 0x7f000001],
    ["127.0.1", 0x7f000001],
    ["0177.0.0.1", 0x7f000001],
    ["0x7F.0.0.01", 0x7f000001],
    ["0", 0],
    ["255.255.255.255", 0xffffffff],
    ["4294967295", 0xffffffff],
    ["1.2.3.4.", 0x01020304],
  ])("reads %s", (text, n) => {
    expect(parseLegacyIPv4(text)).toBe(n);
  });
  it.each(["4294967296", "256.0.0.1", "1.2.3.4.5", "1.256.0", "08.0.0.1", "example.com", "1..2", "", "0x1g"])(
    "does not read %s",
    (text) => {
      expect(parseLegacyIPv4(text)).toBeUndefined();
    },
  );
  it("agrees with WHATWG URL on every 32-bit number in decimal and hex (property)", () => {
    fc.assert(
      fc.property(fc.nat({ max: 0xffffffff }), (n) => {
        for (const form of [String(n), `0x${n.toString(16)}`]) {
          expect(parseIPv4(new URL(`https://${form}/`).hostname)).toBe(n);
          expect(parseLegacyIPv4(form)).toBe(n);
        }
      }),
    );
  });
});

describe("parseIPv6", () => {
  it.each([
    ["::", [0, 0, 0, 0, 0, 0, 0, 0]],
    ["::1", [0, 0, 0, 0, 0, 0, 0, 1]],
    ["[::1]", [0, 0, 0, 0, 0, 0, 0, 1]],
    ["fe80::1%eth0", [0xfe80, 0, 0, 0, 0, 0, 0, 1]],
    ["::ffff:127.0.0.1", [0, 0, 0, 0, 0, 0xffff, 0x7f00, 1]],
    ["2001:db8:0:0:0:0:2:1", [0x2001, 0xdb8, 0, 0, 0, 0, 2, 1]],
    ["2001:db8::2:1", [0x2001, 0xdb8, 0, 0, 0, 0, 2, 1]],
    ["1::", [1, 0, 0, 0, 0, 0, 0, 0]],
    ["64:ff9b::10.0.0.1", [0x64, 0xff9b, 0, 0, 0, 0, 0x0a00, 1]],
  ])("reads %s", (text, groups) => {
    expect(parseIPv6(text)).toEqual(groups);
  });
  it.each([
    "1:2:3:4:5:6:7",
    "1:2:3:4:5:6:7:8:9",
    "1::2::3",
    "12345::",
    "::ffff:300.0.0.1",
    "g::1",
    ":::",
    "1.2.3.4",
  ])("does not read %s", (text) => {
    expect(parseIPv6(text)).toBeUndefined();
  });
  it("agrees with WHATWG URL's serialisation (property)", () => {
    fc.assert(
      fc.property(fc.ipV6(), (text) => {
        const canonical = new URL(`https://[${text}]/`).hostname;
        expect(parseIPv6(canonical)).toEqual(parseIPv6(text));
        expect(parseIPv6(text)).toHaveLength(8);
      }),
    );
  });
});

describe("blockedAddressReason / isIpAddress", () => {
  it("names the range", () => {
    expect(blockedAddressReason("169.254.169.254")).toMatch(/link-local/);
    expect(blockedAddressReason("::ffff:10.0.0.1")).toBe(
      "an IPv4-mapped address of a private address (10.0.0.0/8)",
    );
    expect(blockedAddressReason("8.8.8.8")).toBeUndefined();
    expect(blockedAddressReason("2606:4700::1111")).toBeUndefined();
  });
  it("tells addresses from names", () => {
    expect(isIpAddress("[::1]")).toBe(true);
    expect(isIpAddress("2130706433")).toBe(true);
    expect(isIpAddress("api.hubapi.com")).toBe(false);
    expect(isIpAddress("1e100.net")).toBe(false);
  });
});
