import { json, PgDialect, pgTable } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import { type Database, jsonText, perDatabase, resultRows } from "./database.js";
import { calls } from "./schema/index.js";

const jsonColumn = pgTable("t", { v: json("v") }).v;

describe("perDatabase", () => {
  it("builds once per database handle and keeps handles apart", () => {
    const built: Database[] = [];
    const forDb = perDatabase((db) => {
      built.push(db);
      return { db };
    });
    // Only identity matters to the memo: stand-ins are enough.
    const a = {} as Database;
    const b = {} as Database;
    const first = forDb(a);
    expect(forDb(a)).toBe(first);
    expect(forDb(b)).not.toBe(first);
    expect(forDb(b).db).toBe(b);
    expect(built).toEqual([a, b]);
  });
});

describe("resultRows", () => {
  it("reads rows from postgres.js arrays and PGlite results alike", () => {
    expect(resultRows<{ n: number }>([{ n: 1 }])).toEqual([{ n: 1 }]);
    expect(resultRows<{ n: number }>({ rows: [{ n: 2 }] })).toEqual([{ n: 2 }]);
    expect(resultRows({ command: "UPDATE" })).toEqual([]);
  });
});

describe("jsonText", () => {
  it("sends the text as one parameter: cast to json or jsonb, as it is for JSON stored as text", () => {
    const dialect = new PgDialect();
    const query = dialect.sqlToQuery(jsonText(calls.transcript, '{"a":1}'));
    expect(query.sql).toBe("$1");
    expect(query.params).toEqual(['{"a":1}']);
    expect(dialect.sqlToQuery(jsonText(calls.analysis, "[]")).sql).toBe("$1::jsonb");
    expect(dialect.sqlToQuery(jsonText(jsonColumn, "[]")).sql).toBe("$1::json");
  });

  it("refuses a column that is not json", () => {
    expect(() => jsonText(calls.title, '"x"')).toThrow("jsonText: title is text, not json");
  });
});
