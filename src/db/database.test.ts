import { describe, expect, it } from "vitest";
import { type Database, perDatabase, resultRows } from "./database.js";

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
