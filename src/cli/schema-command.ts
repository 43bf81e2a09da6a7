import { analysisJsonSchema, transcriptJsonSchema } from "../json-schema.js";
import { type CliIO, UsageError } from "./io.js";

/** `debrief schema [analysis|transcript]`: the JSON Schemas derived from the zod schemas. */
export function schemaCommand(args: string[], io: CliIO): number {
  const which = args[0] ?? "analysis";
  if (which !== "analysis" && which !== "transcript")
    throw new UsageError(`schema: expected 'analysis' or 'transcript', got '${which}'`);
  const schema = which === "analysis" ? analysisJsonSchema() : transcriptJsonSchema();
  io.stdout(`${JSON.stringify(schema, null, 2)}\n`);
  return 0;
}
