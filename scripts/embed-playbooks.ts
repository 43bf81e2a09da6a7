/**
 * Embeds fixtures/playbooks/*.yaml (the built-in playbooks) into src/coaching/playbooks.generated.ts,
 * so they load on Node and on Workers alike (no file system there). Run after editing a playbook:
 *   npx tsx scripts/embed-playbooks.ts && npx biome format --write src/coaching/playbooks.generated.ts
 * A test fails when the generated module is stale.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parsePlaybook, playbooksModuleSource } from "../src/coaching/playbook.js";

const root = join(import.meta.dirname, "..");
const dir = join(root, "fixtures", "playbooks");
const files = readdirSync(dir)
  .filter((f) => f.endsWith(".yaml"))
  .map((file) => ({ file, text: readFileSync(join(dir, file), "utf8") }));
for (const f of files) parsePlaybook(f.text, f.file); // fail before writing an invalid playbook
writeFileSync(join(root, "src", "coaching", "playbooks.generated.ts"), playbooksModuleSource(files));
console.log(`src/coaching/playbooks.generated.ts updated (${files.map((f) => f.file).join(", ")})`);
