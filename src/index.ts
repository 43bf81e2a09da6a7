/**
 * Debrief as a library: parse any supported transcript into the canonical model and compute the
 * analysis contract's metrics. Everything here is pure (no I/O) and runs on Node and Workers.
 *
 * @example
 * import { parseTranscript, analyzeTranscript } from "debrief";
 * const { transcript, format } = parseTranscript(vttText, { file: "call.vtt" });
 * const analysis = analyzeTranscript(transcript, { rep: ["Dana"] });
 */
export { type AnalyzeOptions, analyzeTranscript, analyzeTranscriptDetailed } from "./analysis/analyze.js";
export { BENCHMARKS, evaluateBenchmarks } from "./analysis/benchmarks.js";
export { type DetectedQuestion, detectQuestions, type QuestionKind } from "./analysis/questions/index.js";
export * from "./analysis/result.js";
export { DebriefError, TranscriptParseError, UnsupportedFormatError } from "./errors.js";
export { analysisJsonSchema, transcriptJsonSchema } from "./json-schema.js";
export { detectFormat } from "./transcript/detect.js";
export * from "./transcript/model.js";
export { type ParseOptions, parseTranscript } from "./transcript/parse.js";
