import { describe, expect, it } from "vitest";
import { generateApiKey, hashKey, keyStart, newId, sha256Hex } from "./keys.js";

describe("API keys", () => {
  it("hashes a key to the same hex SHA-256 as Web Crypto, so stored hashes stay valid", async () => {
    const key = generateApiKey();
    expect(hashKey(key)).toBe(await sha256Hex(key));
    // FIPS 180-2 test vector.
    expect(hashKey("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });

  it("generates distinct prefixed keys and ids in base58", () => {
    const a = generateApiKey();
    const b = generateApiKey();
    expect(a).not.toBe(b);
    expect(a).toMatch(/^dbf_[1-9A-HJ-NP-Za-km-z]{32}$/);
    expect(keyStart(a)).toBe(a.slice(0, 10));
    expect(newId("call")).toMatch(/^call_[1-9A-HJ-NP-Za-km-z]{22}$/);
  });
});
