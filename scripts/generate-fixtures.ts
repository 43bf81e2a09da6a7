/**
 * Deterministic synthetic calls for the benchmark: `npm run fixtures:generate` writes
 * fixtures/bench/call-{15,60,240}min.json (canonical JSON with word timings). The same seed always
 * gives byte-identical files, so results are comparable across machines and commits.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { generateCall } from "../bench/synthetic.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const outDir = join(root, "fixtures", "bench");
mkdirSync(outDir, { recursive: true });
for (const minutes of [15, 60, 240]) {
  const file = join(outDir, `call-${minutes}min.json`);
  const json = JSON.stringify(generateCall({ minutes, seed: 42 }));
  writeFileSync(file, `${json}\n`);
  console.log(`${file}: ${(json.length / 1e6).toFixed(2)} MB`);
}
