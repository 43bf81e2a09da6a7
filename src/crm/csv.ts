import { parse } from "csv-parse";

/**
 * Streaming RFC 4180 CSV (csv-parse underneath: BOM, CRLF or LF, quoted commas, quotes and
 * newlines) as rows keyed by the header's column names, each with the physical line it starts on
 * (a quoted newline moves the next row down a line, as in any text editor).
 */

export type CsvRow =
  | { line: number; values: Record<string, string | null> }
  | { line: number; error: string };

export interface CsvHeader {
  columns: string[];
}

const NEWLINE = 0x0a;

/** Counts `\n` bytes by absolute offset, forgetting those before the rows already emitted. */
class LineIndex {
  private offsets: number[] = [];
  private head = 0;
  private before = 0;
  private seen = 0;
  add(chunk: Uint8Array): void {
    for (let i = chunk.indexOf(NEWLINE); i !== -1; i = chunk.indexOf(NEWLINE, i + 1)) {
      this.offsets.push(this.seen + i);
    }
    this.seen += chunk.length;
  }
  /** How many `\n` lie before byte `offset` (offsets must not decrease between calls). */
  countBefore(offset: number): number {
    while (this.head < this.offsets.length && this.offsets[this.head]! < offset) {
      this.head++;
      this.before++;
    }
    if (this.head > 4096) {
      this.offsets = this.offsets.slice(this.head);
      this.head = 0;
    }
    return this.before;
  }
}

function newlinesIn(raw: string): number {
  let n = 0;
  for (let i = raw.indexOf("\n"); i !== -1; i = raw.indexOf("\n", i + 1)) n++;
  return n;
}

/**
 * Parse CSV bytes as they arrive. The first non-empty line is the header (names trimmed and
 * lower-cased); an empty cell is null; blank lines are skipped. A row the parser cannot read
 * (a stray quote) or whose field count differs from the header's is yielded as an error.
 *
 * @example
 * for await (const row of csvRows(chunks)) if ("values" in row) console.log(row.line, row.values.id);
 */
export async function* csvRows(
  source: AsyncIterable<Uint8Array>,
  onHeader?: (header: CsvHeader) => void,
): AsyncGenerator<CsvRow> {
  const lines = new LineIndex();
  // Skipped records are announced while writing, before the records ahead of them are read:
  // each waits for the count of records before it.
  const skipped: Array<{ message: string; after: number }> = [];
  const parser = parse({
    bom: true,
    info: true,
    raw: true,
    relax_column_count: true,
    skip_records_with_error: true,
  });
  parser.on("skip", (err: Error & { records?: number }) => {
    skipped.push({ message: err.message, after: err.records ?? 0 });
  });
  const feeding = (async () => {
    try {
      for await (const chunk of source) {
        lines.add(chunk);
        if (!parser.write(chunk)) await new Promise<void>((r) => parser.once("drain", () => r()));
      }
      parser.end();
    } catch (err) {
      parser.destroy(err instanceof Error ? err : new Error(String(err)));
    }
  })();

  let header: string[] | null = null;
  let lastLine = 0;
  let records = 0;
  const flushSkipped = function* (all: boolean): Generator<CsvRow> {
    while (skipped.length > 0 && (all || skipped[0]!.after <= records)) {
      const s = skipped.shift()!;
      yield { line: lastLine + 1, error: `not valid CSV: ${s.message.replace(/ at line \d+/, "")}` };
    }
  };
  for await (const item of parser as AsyncIterable<{
    record: string[];
    raw: string;
    info: { bytes: number };
  }>) {
    // The record's last line: the newlines before its end, not counting its own terminator.
    const end = item.info.bytes;
    const endLine = 1 + lines.countBefore(end) - (item.raw.endsWith("\r") || item.raw.endsWith("\n") ? 1 : 0);
    const line = endLine - newlinesIn(item.raw.replace(/[\r\n]+$/, ""));
    yield* flushSkipped(false);
    records++;
    lastLine = endLine;
    const fields = item.record;
    if (fields.length === 1 && fields[0] === "") continue;
    if (header === null) {
      header = fields.map((f) => f.trim().toLowerCase());
      onHeader?.({ columns: header });
      continue;
    }
    if (fields.length !== header.length) {
      yield {
        line,
        error: `has ${fields.length} field${fields.length === 1 ? "" : "s"}; the header has ${header.length}`,
      };
      continue;
    }
    const values: Record<string, string | null> = {};
    header.forEach((name, i) => {
      const v = fields[i]!;
      if (!(name in values) || values[name] === null) values[name] = v.trim() === "" ? null : v;
    });
    yield { line, values };
  }
  yield* flushSkipped(true);
  await feeding;
}
