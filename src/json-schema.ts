import { z } from "zod";
import { FileAnalysisSchema } from "./analysis/result.js";
import { TranscriptSchema } from "./transcript/model.js";

/**
 * JSON Schema (draft 2020-12) of one `debrief analyze --json` line, generated from the zod schema
 * so the two can never drift.
 *
 * @example
 * fs.writeFileSync("analysis.schema.json", JSON.stringify(analysisJsonSchema(), null, 2));
 */
export function analysisJsonSchema(): Record<string, unknown> {
  return { $id: "https://debrief.dev/schema/analysis.json", ...z.toJSONSchema(FileAnalysisSchema) };
}

/** JSON Schema of the canonical transcript (analysis contract §1). */
export function transcriptJsonSchema(): Record<string, unknown> {
  return { $id: "https://debrief.dev/schema/transcript.json", ...z.toJSONSchema(TranscriptSchema) };
}
