import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli } from "../helpers/cli.js";

describe("debrief orgs | users | keys (embedded database)", () => {
  const env = { DEBRIEF_DATA_DIR: mkdtempSync(join(tmpdir(), "debrief-admin-")) };
  const run = (...args: string[]) => cli(args, { env });

  it("creates an organization, a user and a key, then revokes the key", async () => {
    expect((await run("migrate")).code).toBe(0);
    const org = await run("orgs", "create", "--name", "Acme", "--admin-email", "ops@acme.test", "--json");
    expect(org.code).toBe(0);
    const { orgId, key } = JSON.parse(org.stdout) as { orgId: string; key: { key: string } };
    expect(key.key).toMatch(/^dbf_/);

    const user = await run(
      "users",
      "create",
      "--email",
      "dana@acme.test",
      "--name",
      "Dana",
      "--role",
      "rep",
      "--json",
    );
    expect(user.code).toBe(0);
    expect(JSON.parse(user.stdout)).toMatchObject({ orgId, role: "rep", email: "dana@acme.test" });

    const made = await run("keys", "create", "--user", "dana@acme.test", "--name", "laptop", "--json");
    expect(made.code).toBe(0);
    const { id } = JSON.parse(made.stdout) as { id: string };
    const revoked = await run("keys", "revoke", id, "--json");
    expect(revoked.code).toBe(0);
    expect(JSON.parse(revoked.stdout).revokedAt).not.toBeNull();
  });

  it("explains bad usage without a stack trace", async () => {
    const bad = await run("users", "create", "--email", "x@acme.test", "--name", "X", "--role", "boss");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--role must be one of admin, manager, rep");
    const dup = await run("users", "create", "--email", "dana@acme.test", "--name", "Dana", "--role", "rep");
    expect(dup.code).toBe(1);
    expect(dup.stderr).toContain("already exists");
    const missing = await run("keys", "revoke", "key_nope");
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("no API key key_nope");
  });
});
