import { customType } from "drizzle-orm/pg-core";

/** How a `jsonAsText` column writes its value as text and reads it back. */
export interface TextCodec<T> {
  write: (value: T) => string;
  read: (text: string) => T;
}

/**
 * A column holding a JSON value as `text`: objects in and out like Drizzle's `json` column, but
 * the server stores the text without validating it (`codec`: the value's text form, e.g. a compact
 * one). Only for values this code base serialises itself and never queries inside (a
 * query that must can cast: `column::json`). PostgreSQL's `json` input function lexes the whole
 * value on every insert: measured 2026-12-03, 200 inserts of a 30-minute word-timed transcript
 * (360 KB) cost the server 8.1–9.5 ms of CPU each as `json` and 4.4 ms as `text`
 * (docs/benchmarks.md).
 *
 * @example
 * const transcript = jsonAsText<Transcript>({ write: storedTranscriptText, read: transcriptOfStoredText });
 * export const calls = pgTable("calls", { transcript: transcript("transcript") });
 */
export function jsonAsText<T>(codec: TextCodec<T>) {
  return customType<{ data: T; driverData: string }>({
    dataType: () => "text",
    toDriver: (value) => codec.write(value),
    fromDriver: (text) => codec.read(text),
  });
}
