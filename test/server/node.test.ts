import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/env.js";
import { startNodeServer } from "../../src/entry/node.js";

describe("the Node server (embedded database)", () => {
  it("makes DEBRIEF_ADMIN_KEY the first admin's key, serves it, and does not bootstrap twice", async () => {
    const dir = mkdtempSync(join(tmpdir(), "debrief-server-"));
    const key = "dbf_test_admin_key_0123456789abcdef";
    const config = loadConfig({
      DEBRIEF_DATA_DIR: dir,
      PORT: String(20_000 + Math.floor(Math.random() * 20_000)),
      DEBRIEF_ADMIN_KEY: key,
      DEBRIEF_SEED_DEMO: "false",
      LOG_LEVEL: "silent",
    });

    const lines: string[] = [];
    const first = await startNodeServer(config, (l) => lines.push(l));
    try {
      expect(lines.join("\n")).toContain("Admin API key: the value of DEBRIEF_ADMIN_KEY");
      const health = await fetch(`${first.url}/health`);
      expect(health.status).toBe(200);
      const me = await fetch(`${first.url}/v1/me`, { headers: { authorization: `Bearer ${key}` } });
      expect(me.status).toBe(200);
      expect(((await me.json()) as { role: string }).role).toBe("admin");
    } finally {
      await first.stop();
    }

    const again: string[] = [];
    const second = await startNodeServer(config, (l) => again.push(l));
    try {
      expect(again.join("\n")).toContain("Existing database");
      const me = await fetch(`${second.url}/v1/me`, { headers: { authorization: `Bearer ${key}` } });
      expect(me.status).toBe(200);
    } finally {
      await second.stop();
    }
  });

  it("refuses a bad configuration with a message naming the variable", () => {
    expect(() => loadConfig({ PORT: "http", DEBRIEF_ADMIN_KEY: "short" })).toThrow(
      /PORT:.*\n.*DEBRIEF_ADMIN_KEY: .*24 characters/s,
    );
  });
});
