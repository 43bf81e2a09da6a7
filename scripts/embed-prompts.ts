/**
 * Embeds prompts/*.md into src/ai/prompts.generated.ts, so the same prompts are used on Node and
 * on Workers, which have no file system. Run after editing a prompt (`tsx scripts/embed-prompts.ts`);
 * a test fails when the generated module is stale.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { embeddedPromptsSource } from "../src/ai/prompts-source.js";

const root = join(import.meta.dirname, "..");
writeFileSync(join(root, "src", "ai", "prompts.generated.ts"), embeddedPromptsSource(join(root, "prompts")));
console.log("src/ai/prompts.generated.ts updated");
