import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/env.js";
import { jobs } from "../../src/db/schema/index.js";
import { startNodeServer } from "../../src/entry/node.js";
import { seedOrphanedDelivery } from "../integrations/helpers.js";

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

  it("runs the sync sweep on its interval: an orphaned delivery gets its job back", async () => {
    const config = loadConfig({
      DEBRIEF_DATA_DIR: mkdtempSync(join(tmpdir(), "debrief-server-")),
      PORT: String(20_000 + Math.floor(Math.random() * 20_000)),
      DEBRIEF_SEED_DEMO: "false",
      // no job workers: the job is only written (nothing here may reach hooks.example.com)
      DEBRIEF_WORKERS: "0",
      DEBRIEF_SYNC_SWEEP_SEC: "1",
      LOG_LEVEL: "silent",
    });
    const server = await startNodeServer(config, () => {});
    try {
      const { db } = server.services;
      const { deliveryId } = await seedOrphanedDelivery(db);
      const deliverJobs = () =>
        db
          .select()
          .from(jobs)
          .where(and(eq(jobs.kind, "webhooks.deliver"), eq(jobs.subject, deliveryId)));
      for (let waited = 0; waited < 10_000 && (await deliverJobs()).length === 0; waited += 250) {
        await new Promise((r) => setTimeout(r, 250));
      }
      expect(await deliverJobs()).toHaveLength(1);
      await new Promise((r) => setTimeout(r, 2_500)); // two more sweeps: still one job
      expect(await deliverJobs()).toHaveLength(1);
    } finally {
      await server.stop();
    }
  }, 60_000);

  it("refuses a bad configuration with a message naming the variable", () => {
    expect(() => loadConfig({ PORT: "http", DEBRIEF_ADMIN_KEY: "short" })).toThrow(
      /PORT:.*\n.*DEBRIEF_ADMIN_KEY: .*24 characters/s,
    );
    expect(() => loadConfig({ DEBRIEF_CPU_THREADS: "-1" })).toThrow(/DEBRIEF_CPU_THREADS/);
  });

  it("runs DEBRIEF_CPU_THREADS pool threads, below the event loop's priority on Linux", async () => {
    /** This process' threads at a nice value above the main thread's (Linux /proc, field 19). */
    const lowered = () => {
      const nice = (tid: string) => {
        const stat = readFileSync(`/proc/self/task/${tid}/stat`, "utf8");
        return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[16]);
      };
      const main = nice(String(process.pid));
      return readdirSync("/proc/self/task").filter((tid) => {
        try {
          return nice(tid) > main;
        } catch {
          return false; // the thread ended meanwhile
        }
      });
    };
    const linux = process.platform === "linux";
    const before = linux ? lowered() : [];
    const start = (threads: string) =>
      startNodeServer(
        loadConfig({
          DEBRIEF_DATA_DIR: mkdtempSync(join(tmpdir(), "debrief-server-")),
          PORT: String(20_000 + Math.floor(Math.random() * 20_000)),
          DEBRIEF_SEED_DEMO: "false",
          DEBRIEF_WORKERS: "0",
          DEBRIEF_CPU_THREADS: threads,
          LOG_LEVEL: "silent",
        }),
        () => {},
      );
    const one = await start("1");
    try {
      expect(one.services.cpu.oneThread).toBe(true);
    } finally {
      await one.stop();
    }
    const three = await start("3");
    try {
      expect(three.services.cpu.oneThread).toBe(false);
      if (linux) {
        // A thread lowers its own priority as it starts.
        let added = 0;
        for (let waited = 0; waited < 10_000; waited += 100) {
          added = lowered().filter((tid) => !before.includes(tid)).length;
          if (added >= 3) break;
          await new Promise((r) => setTimeout(r, 100));
        }
        expect(added).toBe(3);
      }
    } finally {
      await three.stop();
    }
  });
});
