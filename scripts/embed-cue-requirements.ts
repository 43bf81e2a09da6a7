/**
 * Writes src/coaching/cue-requirements.generated.ts: the required words of every alternative of
 * every objection cue list (src/coaching/cue-words.ts), analysed here once instead of in every
 * process that reads a call. Run after editing a cue list (`npm run cues:embed`); a test fails
 * when the generated module is stale. A list missing from it is still read correctly, only later
 * by its word index (see INDEX_AFTER_TEXTS).
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import "../src/coaching/lang/index.js";
import "../src/coaching/objections-negotiation.js";
import { cueRequirementsModuleSource } from "../src/coaching/objections-lexicon.js";

const file = join(import.meta.dirname, "..", "src", "coaching", "cue-requirements.generated.ts");
writeFileSync(file, cueRequirementsModuleSource());
console.log("src/coaching/cue-requirements.generated.ts updated");
