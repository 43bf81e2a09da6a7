import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/main.js";

describe("debrief orgs | users | keys (embedded database)", () => {
  const env = { DEBRIEF_DATA_DIR: mkdtempSync(join(tmpdir(), "debrief-admin-")), NO_COLOR: "1" };
  async function cli(...args: string[]) {
    let stdout = "";
    let stderr = "";
    const code = await runCli(args, {
      stdout: (t) => {
        stdout += t;
      },
      stderr: (t) => {
        stderr += t;
      },
      readFile: async (p) => readFileSync(p, "utf8"),
      readStdin: async () => "",
      env,
    });
    return { code, stdout, stderr };
  }

  it("creates an organization, a user and a key, then revokes the key", async () => {
    expect((await cli("migrate")).code).toBe(0);
    const org = await cli("orgs", "create", "--name", "Acme", "--admin-email", "ops@acme.test", "--json");
    expect(org.code).toBe(0);
    const { orgId, key } = JSON.parse(org.stdout) as { orgId: string; key: { key: string } };
    expect(key.key).toMatch(/^dbf_/);

    const user = await cli(
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

    const made = await cli("keys", "create", "--user", "dana@acme.test", "--name", "laptop", "--json");
    expect(made.code).toBe(0);
    const { id } = JSON.parse(made.stdout) as { id: string };
    const revoked = await cli("keys", "revoke", id, "--json");
    expect(revoked.code).toBe(0);
    expect(JSON.parse(revoked.stdout).revokedAt).not.toBeNull();
  });

  it("explains bad usage without a stack trace", async () => {
    const bad = await cli("users", "create", "--email", "x@acme.test", "--name", "X", "--role", "boss");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--role must be one of admin, manager, rep");
    const dup = await cli("users", "create", "--email", "dana@acme.test", "--name", "Dana", "--role", "rep");
    expect(dup.code).toBe(1);
    expect(dup.stderr).toContain("already exists");
    const missing = await cli("keys", "revoke", "key_nope");
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("no API key key_nope");
  });
});
