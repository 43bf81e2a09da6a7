import type { RenderedLine } from "./render.js";

export interface ChunkOptions {
  /** Transcript tokens per request (estimated); a call within it is sent whole. */
  maxTokens: number;
  /** Utterances repeated at the start of the next chunk, so an objection and its reply stay together. */
  overlap: number;
}

/** Defaults: ~80 minutes of conversation per request (the 60-minute bench call is 11.5k); three utterances of overlap. */
export const DEFAULT_CHUNKING: ChunkOptions = { maxTokens: 16_000, overlap: 3 };

const sum = (lines: readonly RenderedLine[], from = 0, to = lines.length) => {
  let s = 0;
  for (let i = from; i < to; i++) s += lines[i]!.tokens;
  return s;
};

/**
 * Split rendered utterances into chunks of at most `maxTokens` (a single longer utterance is a
 * chunk of its own), balanced so the last chunk is not a sliver, each starting `overlap`
 * utterances before the previous one ended.
 *
 * @example
 * chunkLines(lines, { maxTokens: 16_000, overlap: 3 }).length // 1 for a 60-minute call, 4 for 4 hours
 */
export function chunkLines(
  lines: readonly RenderedLine[],
  options: ChunkOptions = DEFAULT_CHUNKING,
): RenderedLine[][] {
  const max = Math.max(1, options.maxTokens);
  const overlap = Math.max(0, Math.floor(options.overlap));
  const chunks: RenderedLine[][] = [];
  let start = 0;
  while (start < lines.length) {
    const remaining = sum(lines, start);
    if (remaining <= max) {
      chunks.push(lines.slice(start));
      break;
    }
    // Chunks left, counting the overlap each later chunk repeats; aim for equal sizes.
    const overlapTokens = sum(lines, start, Math.min(lines.length, start + overlap));
    const n = Math.ceil((remaining - overlapTokens) / Math.max(1, max - overlapTokens));
    const target = Math.min(max, Math.ceil(remaining / Math.max(1, n)) + overlapTokens);
    let end = start;
    let size = 0;
    while (end < lines.length && (end === start || size + lines[end]!.tokens <= target)) {
      size += lines[end]!.tokens;
      end++;
    }
    chunks.push(lines.slice(start, end));
    if (end >= lines.length) break;
    start = Math.max(start + 1, end - overlap);
  }
  return chunks;
}
