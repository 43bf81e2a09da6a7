import { describe, expect, it } from "vitest";
import { postgresConnection } from "./postgres-url.js";

describe("postgresConnection", () => {
  it("leaves a TCP URL alone", () => {
    const url = "postgres://u:p%40ss@db.example.com:6543/debrief?sslmode=require";
    expect(postgresConnection(url)).toEqual({ url, options: {} });
  });

  it("takes the socket directory from the host parameter, as libpq does", () => {
    expect(postgresConnection("postgres:///debrief?host=/var/run/postgresql")).toEqual({
      url: "postgres://localhost/debrief",
      options: { host: "/var/run/postgresql" },
    });
  });

  it("keeps the user, the password and the other parameters", () => {
    expect(
      postgresConnection(
        "postgresql://app:s3cret@/debrief?sslmode=disable&host=%2Frun%2Fpostgresql&port=5433",
      ),
    ).toEqual({
      url: "postgresql://app:s3cret@localhost/debrief?sslmode=disable",
      options: { host: "/run/postgresql", port: 5433 },
    });
  });

  it("takes a percent-encoded directory in the host part", () => {
    expect(postgresConnection("postgres://postgres@%2Fvar%2Frun%2Fpostgresql/debrief")).toEqual({
      url: "postgres://postgres@localhost/debrief",
      options: { host: "/var/run/postgresql" },
    });
  });

  it("takes a host name in the host parameter too", () => {
    expect(postgresConnection("postgres://u@placeholder/debrief?host=db.internal")).toEqual({
      url: "postgres://u@localhost/debrief",
      options: { host: "db.internal" },
    });
  });

  it("refuses a port parameter that is not a port", () => {
    for (const port of ["0", "65536", "54x", "-1", ""]) {
      expect(() => postgresConnection(`postgres:///d?host=/tmp&port=${port}`)).toThrow(/port parameter/);
    }
  });

  it("passes a string that is not a URL through for the driver to reject", () => {
    expect(postgresConnection("not a url")).toEqual({ url: "not a url", options: {} });
  });
});
