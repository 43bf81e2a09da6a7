import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type CsvRow, csvRows } from "./csv.js";

async function rows(text: string | Uint8Array, chunkSize = 7): Promise<CsvRow[]> {
  const bytes = typeof text === "string" ? new TextEncoder().encode(text) : text;
  async function* chunks() {
    for (let i = 0; i < bytes.length; i += chunkSize) yield bytes.subarray(i, i + chunkSize);
  }
  const out: CsvRow[] = [];
  for await (const r of csvRows(chunks())) out.push(r);
  return out;
}

describe("csvRows", () => {
  it("reads a BOM, CRLF, quoted commas, quotes and newlines, with the line each row starts on", async () => {
    const text =
      '\uFEFFID,Name,Amount\r\n1,"Acme, Inc.",10\r\n2,"two\r\nlines",20\r\n\r\n3,"say ""hi""",\r\n4,"é",40';
    expect(await rows(text)).toEqual([
      { line: 2, values: { id: "1", name: "Acme, Inc.", amount: "10" } },
      { line: 3, values: { id: "2", name: "two\r\nlines", amount: "20" } },
      { line: 6, values: { id: "3", name: 'say "hi"', amount: null } },
      { line: 7, values: { id: "4", name: "é", amount: "40" } },
    ]);
  });

  it("counts LF files and multi-line cells the same way", async () => {
    const text = 'id,note\n1,"a\nb\nc"\n2,x\n';
    expect(await rows(text, 3)).toEqual([
      { line: 2, values: { id: "1", note: "a\nb\nc" } },
      { line: 5, values: { id: "2", note: "x" } },
    ]);
  });

  it("reports rows with the wrong number of fields and keeps going", async () => {
    const out = await rows("id,at\n1,x,extra\n2,y\n");
    expect(out).toEqual([
      { line: 2, error: "has 3 fields; the header has 2" },
      { line: 3, values: { id: "2", at: "y" } },
    ]);
  });

  it("reports a stray quote as a bad row on its line", async () => {
    const out = await rows('id,at\n1,x\n2,"bad"x\n');
    expect(out[0]).toEqual({ line: 2, values: { id: "1", at: "x" } });
    expect(out[1]).toMatchObject({ line: 3 });
    expect((out[1] as { error: string }).error).toMatch(/not valid CSV/);
  });

  it("round-trips any quoted cells, whatever the chunking", async () => {
    const cell = fc.string({ unit: fc.constantFrom("a", "é", ",", '"', "\n", "\r\n", " ", "1") });
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(cell, cell), { maxLength: 6 }),
        fc.integer({ min: 1, max: 9 }),
        async (data, size) => {
          const quote = (s: string) => `"${s.replaceAll('"', '""')}"`;
          const text = `a,b\r\n${data.map(([x, y]) => `${quote(x)},${quote(y)}`).join("\r\n")}`;
          const out = await rows(text, size);
          const expected = data.filter(([x, y]) => !(false && x && y));
          expect(out.map((r) => ("values" in r ? [r.values.a ?? "", r.values.b ?? ""] : r.error))).toEqual(
            expected.map(([x, y]) => [x.trim() === "" ? "" : x, y.trim() === "" ? "" : y]),
          );
          // each row starts one line after the previous row's last line
          let line = 2;
          out.forEach((r, i) => {
            expect(r.line).toBe(line);
            const [x, y] = expected[i]!;
            line += 1 + (x.match(/\n/g)?.length ?? 0) + (y.match(/\n/g)?.length ?? 0);
          });
        },
      ),
    );
  });
});
