import { readFileSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { join } from "node:path";
import { memoryBlobStore } from "../src/blobs/memory.js";
import { createServices } from "../src/compose.js";
import { loadConfig } from "../src/config/env.js";
import type { Database } from "../src/db/database.js";
import type { Services } from "../src/services.js";

/** "Node v20…, CPU (2 cores), date" — the line every recorded table starts with. */
export function machineLine(extra = ""): string {
  return `Node ${process.version}, ${cpus()[0]?.model ?? "unknown CPU"} (${cpus().length} cores)${extra}, ${new Date().toISOString().slice(0, 10)}`;
}

/**
 * Print a benchmark table and, with `--write` on the command line, record it in docs/benchmarks.md
 * between `<!-- bench:<section>:begin -->` and `<!-- bench:<section>:end -->`.
 */
export function report(section: string, env: string, table: string): void {
  console.log(`${env}\n\n${table}`);
  if (!process.argv.includes("--write")) return;
  const doc = join(import.meta.dirname, "..", "docs", "benchmarks.md");
  const begin = `<!-- bench:${section}:begin -->`;
  const end = `<!-- bench:${section}:end -->`;
  const text = readFileSync(doc, "utf8");
  const i = text.indexOf(begin);
  const j = text.indexOf(end);
  if (i < 0 || j < 0) throw new Error(`docs/benchmarks.md lacks the ${begin} … ${end} markers`);
  writeFileSync(doc, `${text.slice(0, i + begin.length)}\n${env}\n\n${table}\n${text.slice(j)}`);
  console.log(`\nrecorded in ${doc}`);
}

/** Services over a bench database: what the report operations read (the db), nothing outbound. */
export function benchServices(db: Database): Services {
  return createServices(loadConfig({ DEBRIEF_SEED_DEMO: "false" }), {
    db,
    blobs: memoryBlobStore(),
    transcriber: null,
    logger: { debug() {}, info() {}, warn() {}, error() {} },
  });
}
