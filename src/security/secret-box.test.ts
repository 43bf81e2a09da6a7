import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { rejection } from "../../test/helpers/rejection.js";
import { loadConfig } from "../config/env.js";
import { DebriefError } from "../errors.js";
import { createSecretBox, secretBoxFromConfig } from "./secret-box.js";

const KEY = randomBytes(32);
const KEY_B64 = KEY.toString("base64");
const kidOf = (k: Buffer) => createHash("sha256").update(k).digest("hex").slice(0, 8);
const b64url = (b: Buffer) => b.toString("base64url");

const fail = (p: Promise<unknown>) => rejection(p, DebriefError);

describe("createSecretBox", () => {
  it("seals as v1:<kid>:<iv>:<ct> that node:crypto AES-256-GCM opens", async () => {
    const box = await createSecretBox({ key: KEY_B64 });
    const sealed = await box.seal("pat-na1-11111111-2222", "crm_connection:conn_1:token");
    const [v, kid, iv, ct] = sealed.split(":") as [string, string, string, string];
    expect(v).toBe("v1");
    expect(kid).toBe(kidOf(KEY));
    expect(box.keyId).toBe(kid);
    const ivBytes = Buffer.from(iv, "base64url");
    const all = Buffer.from(ct, "base64url");
    expect(ivBytes).toHaveLength(12);
    const d = createDecipheriv("aes-256-gcm", KEY, ivBytes);
    d.setAAD(Buffer.from("crm_connection:conn_1:token"));
    d.setAuthTag(all.subarray(all.length - 16));
    expect(Buffer.concat([d.update(all.subarray(0, all.length - 16)), d.final()]).toString("utf8")).toBe(
      "pat-na1-11111111-2222",
    );
  });

  it("opens a value node:crypto sealed in the same format", async () => {
    const iv = randomBytes(12);
    const c = createCipheriv("aes-256-gcm", KEY, iv);
    const ct = Buffer.concat([c.update("whsec_abc", "utf8"), c.final(), c.getAuthTag()]);
    const box = await createSecretBox({ key: KEY_B64 });
    expect(await box.open(`v1:${kidOf(KEY)}:${b64url(iv)}:${b64url(ct)}`)).toBe("whsec_abc");
  });

  it("uses a fresh IV each time", async () => {
    const box = await createSecretBox({ key: KEY_B64 });
    const a = await box.seal("same");
    const b = await box.seal("same");
    expect(a).not.toBe(b);
    expect(await box.open(a)).toBe("same");
    expect(await box.open(b)).toBe("same");
  });

  it("refuses a ciphertext in another context, altered, or truncated", async () => {
    const box = await createSecretBox({ key: KEY_B64 });
    const sealed = await box.seal("token", "conn_1:token");
    expect((await fail(box.open(sealed, "conn_2:token"))).code).toBe("secrets.undecryptable");
    expect((await fail(box.open(sealed))).code).toBe("secrets.undecryptable");
    const parts = sealed.split(":");
    const ct = Buffer.from(parts[3]!, "base64url");
    ct[0] = (ct[0]! ^ 1) & 0xff;
    const flipped = [parts[0], parts[1], parts[2], b64url(ct)].join(":");
    expect((await fail(box.open(flipped, "conn_1:token"))).message).toContain("failed authentication");
    for (const bad of ["", "v1:abc", "v2:x:y:z", `v1:${parts[1]}:${parts[2]}:AAAA`, "plaintext-token"]) {
      expect((await fail(box.open(bad))).code, bad).toBe("secrets.undecryptable");
    }
  });

  it("rotates: opens values sealed with a previous key, seals with the new one, flags old ones", async () => {
    const oldBox = await createSecretBox({ key: KEY_B64 });
    const oldSealed = await oldBox.seal("old-secret");
    const newKey = randomBytes(32);
    const box = await createSecretBox({ key: newKey.toString("base64"), previousKeys: [KEY_B64] });
    expect(await box.open(oldSealed)).toBe("old-secret");
    const fresh = await box.seal("new-secret");
    expect(fresh.split(":")[1]).toBe(kidOf(newKey));
    expect(box.needsResealing(oldSealed)).toBe(true);
    expect(box.needsResealing(fresh)).toBe(false);
    // without the previous key the old value names its key id
    const only = await createSecretBox({ key: newKey.toString("base64") });
    const e = await fail(only.open(oldSealed));
    expect(e.message).toContain(kidOf(KEY));
    expect(e.message).not.toContain(KEY_B64);
  });

  it("refuses keys that are not 32 bytes of base64", async () => {
    for (const key of ["", "short", randomBytes(16).toString("base64"), randomBytes(33).toString("base64")]) {
      expect((await fail(createSecretBox({ key }))).code).toBe("config.invalid");
    }
    await expect(createSecretBox({ key: KEY.toString("base64url") })).resolves.toBeTruthy();
  });

  it("round-trips any Unicode text and context (property)", async () => {
    const box = await createSecretBox({ key: KEY_B64 });
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: "grapheme", maxLength: 200 }),
        fc.string({ maxLength: 40 }),
        async (text, ctx) => {
          expect(await box.open(await box.seal(text, ctx), ctx)).toBe(text);
        },
      ),
      { numRuns: 50 },
    );
  });
});

describe("secretBoxFromConfig", () => {
  it("explains how to set the key when it is missing", async () => {
    const e = await fail(secretBoxFromConfig(loadConfig({})));
    expect(e.code).toBe("secrets.not_configured");
    expect(e.message).toContain("DEBRIEF_SECRETS_KEY");
    expect(e.message).toContain("openssl rand -base64 32");
  });

  it("builds a box from the environment, with previous keys", async () => {
    const prev = randomBytes(32).toString("base64");
    const config = loadConfig({ DEBRIEF_SECRETS_KEY: KEY_B64, DEBRIEF_SECRETS_KEY_PREVIOUS: ` ${prev} ,` });
    const box = await secretBoxFromConfig(config);
    expect(box.keyId).toBe(kidOf(KEY));
    const prevBox = await createSecretBox({ key: prev });
    expect(await box.open(await prevBox.seal("x"))).toBe("x");
  });

  it("the environment schema refuses a malformed key at start-up, naming the variable", () => {
    expect(() => loadConfig({ DEBRIEF_SECRETS_KEY: "not-a-key" })).toThrow(
      /DEBRIEF_SECRETS_KEY: .*32 random bytes/,
    );
    expect(() => loadConfig({ DEBRIEF_SECRETS_KEY_PREVIOUS: "abc" })).toThrow(/DEBRIEF_SECRETS_KEY_PREVIOUS/);
    expect(loadConfig({}).DEBRIEF_ALLOW_PRIVATE_URLS).toBe(false);
    expect(loadConfig({ DEBRIEF_ALLOW_PRIVATE_URLS: "true" }).DEBRIEF_ALLOW_PRIVATE_URLS).toBe(true);
  });
});
