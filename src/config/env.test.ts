import { describe, expect, it } from "vitest";
import { describeDatabase } from "../db/open.js";
import { DebriefError } from "../errors.js";
import { loadConfig } from "./env.js";

describe("loadConfig: DATABASE_URL", () => {
  it("describes a socket without credentials", () => {
    expect(
      describeDatabase(
        loadConfig({ DATABASE_URL: "postgres://app:s3cret@/debrief?host=/var/run/postgresql" }),
      ),
    ).toBe("PostgreSQL at /var/run/postgresql/.s.PGSQL.5432, database debrief");
    expect(
      describeDatabase(loadConfig({ DATABASE_URL: "postgres://app:s3cret@db.internal:6432/debrief" })),
    ).toBe("PostgreSQL at db.internal:6432/debrief");
  });

  it("takes a TCP URL and libpq's Unix-socket forms", () => {
    for (const url of [
      "postgres://postgres@127.0.0.1:5432/debrief",
      "postgres:///debrief?host=/var/run/postgresql",
      "postgres://postgres@/debrief?host=/var/run/postgresql",
      "postgresql://postgres@%2Fvar%2Frun%2Fpostgresql/debrief",
    ]) {
      expect(loadConfig({ DATABASE_URL: url }).DATABASE_URL).toBe(url);
    }
  });

  it("refuses what is not a URL, and a bad port parameter, naming the variable", () => {
    for (const [url, message] of [
      ["localhost:5432", "DATABASE_URL must be a postgres:// URL"],
      ["not a url", "DATABASE_URL must be a postgres:// URL"],
      ["postgres:///debrief?host=/tmp&port=99999", "port parameter"],
    ] as const) {
      let error: unknown;
      try {
        loadConfig({ DATABASE_URL: url });
      } catch (err) {
        error = err;
      }
      expect(error).toBeInstanceOf(DebriefError);
      expect((error as DebriefError).message).toContain("DATABASE_URL");
      expect((error as DebriefError).message).toContain(message);
    }
  });
});
