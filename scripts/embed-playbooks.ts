/**
 * Embeds fixtures/playbooks/*.yaml (the built-in playbooks) into src/coaching/playbook/builtins.generated.ts,
 * so they load on Node and on Workers alike (no file system there). Run after editing a playbook:
 *   npx tsx scripts/embed-playbooks.ts && npx biome format --write src/coaching/playbook/builtins.generated.ts
 * A test fails when the generated module is stale.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { playbooksModuleSource } from "../src/coaching/playbook/builtins.js";
import { parsePlaybook } from "../src/coaching/playbook/parse.js";

const root = join(import.meta.dirname, "..");
const dir = join(root, "fixtures", "playbooks");
const files = readdirSync(dir)
  .filter((f) => f.endsWith(".yaml"))
  .map((file) => ({ file, text: readFileSync(join(dir, file), "utf8") }));
for (const f of files) parsePlaybook(f.text, f.file); // fail before writing an invalid playbook
writeFileSync(
  join(root, "src", "coaching", "playbook", "builtins.generated.ts"),
  playbooksModuleSource(files),
);
console.log(`src/coaching/playbook/builtins.generated.ts updated (${files.map((f) => f.file).join(", ")})`);
