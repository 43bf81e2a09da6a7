import { join } from "node:path";
import { parseArgs } from "node:util";
import {
  createKey,
  createOrganization,
  createUser,
  findUser,
  listOrganizations,
  listUsers,
  organizationOfKey,
  revokeKey,
} from "../admin/operations.js";
import type { Actor } from "../auth/actor.js";
import { fsBlobStore } from "../blobs/fs.js";
import { createServices, prepareDatabase } from "../compose.js";
import { type Config, loadConfig } from "../config/env.js";
import type { OperationCtx } from "../context.js";
import { describeDatabase, openDatabase } from "../db/open.js";
import { USER_ROLES, type UserRole } from "../db/schema/index.js";
import { DebriefError } from "../errors.js";
import type { Services } from "../services.js";
import { type CliIO, UsageError } from "./io.js";

export const ADMIN_HELP = `Administration (acts directly on the database; with the embedded database, stop the server first):
  debrief migrate                                        apply pending migrations
  debrief orgs create --name N --admin-email E [--admin-name N]
  debrief orgs list
  debrief users create --email E --name N --role admin|manager|rep [--org ORG]
  debrief users list [--org ORG]
  debrief keys create --user USER_ID|EMAIL [--name N] [--org ORG]
  debrief keys revoke KEY_ID [--org ORG]
Add --json for machine-readable output. API keys are printed once and never again.
`;

/** The services of one CLI command: the configured database (migrated), files under the data dir. */
export async function withServices<T>(io: CliIO, fn: (services: Services) => Promise<T>): Promise<T> {
  const config: Config = loadConfig(io.env);
  let handle: Awaited<ReturnType<typeof openDatabase>>;
  try {
    handle = await openDatabase(config);
  } catch (err) {
    throw new DebriefError(
      "io.read_failed",
      `cannot open the database (${describeDatabase(config)}): ${(err as Error).message}`,
    );
  }
  try {
    await prepareDatabase(handle.db);
    const services = createServices(config, {
      db: handle.db,
      blobs: fsBlobStore(join(config.DEBRIEF_DATA_DIR, "blobs")),
      logger: { debug() {}, info() {}, warn() {}, error() {} },
      transcriber: null,
    });
    return await fn(services);
  } finally {
    await handle.close();
  }
}

/** The org a command acts on: --org, or the only one there is. */
export async function resolveOrg(services: Services, org: string | undefined): Promise<string> {
  const all = await listOrganizations(operator(services));
  if (org) {
    const found = all.find((o) => o.id === org || o.name === org);
    if (!found)
      throw new UsageError(
        `no organization '${org}' (have: ${all.map((o) => `${o.id} "${o.name}"`).join(", ") || "none"})`,
      );
    return found.id;
  }
  if (all.length === 1) return all[0]!.id;
  if (all.length === 0)
    throw new UsageError("there is no organization yet: run `debrief orgs create` or start the server once");
  throw new UsageError(
    `several organizations exist; pick one with --org (${all.map((o) => o.id).join(", ")})`,
  );
}

/** The CLI acts as an operator-admin of the chosen org: whoever can run it owns the database. */
export function cliActor(orgId: string): Actor {
  return { orgId, userId: "cli", role: "admin", keyId: "cli", operator: true };
}

/** As the CLI, of org `orgId` (empty for operator-wide commands). */
function operator(services: Services, orgId = ""): OperationCtx {
  return { services, actor: cliActor(orgId) };
}

function print(io: CliIO, json: boolean, value: unknown, human: string): void {
  io.stdout(json ? `${JSON.stringify(value)}\n` : `${human}\n`);
}

export async function adminCommand(command: string, args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      name: { type: "string" },
      "admin-email": { type: "string" },
      "admin-name": { type: "string" },
      email: { type: "string" },
      role: { type: "string" },
      org: { type: "string" },
      user: { type: "string" },
      json: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  const [sub, ...rest] = positionals;
  if (values.help) {
    io.stdout(ADMIN_HELP);
    return 0;
  }
  const json = values.json;
  const need = (v: string | undefined, flag: string): string => {
    if (!v) throw new UsageError(`${command} ${sub ?? ""}: ${flag} is required`);
    return v;
  };

  if (command === "migrate") {
    return withServices(io, async () => {
      // withServices already migrated; report the state.
      print(
        io,
        json,
        { ok: true, database: describeDatabase(loadConfig(io.env)) },
        `migrations applied (${describeDatabase(loadConfig(io.env))})`,
      );
      return 0;
    });
  }

  const key = `${command} ${sub ?? ""}`.trim();
  switch (key) {
    case "orgs create":
      return withServices(io, async (services) => {
        const r = await createOrganization(services.db, {
          name: need(values.name, "--name"),
          adminEmail: need(values["admin-email"], "--admin-email"),
          ...(values["admin-name"] ? { adminName: values["admin-name"] } : {}),
        });
        print(
          io,
          json,
          r,
          `organization ${r.orgId}\nadmin user ${r.adminUserId}\nadmin API key (shown once): ${r.key.key}`,
        );
        return 0;
      });
    case "orgs list":
      return withServices(io, async (services) => {
        const rows = await listOrganizations(operator(services));
        print(
          io,
          json,
          rows,
          rows.map((o) => `${o.id}  ${o.name}${o.isOperator ? "  (operator)" : ""}`).join("\n") ||
            "no organizations",
        );
        return 0;
      });
    case "users create":
      return withServices(io, async (services) => {
        const role = need(values.role, "--role");
        if (!(USER_ROLES as readonly string[]).includes(role))
          throw new UsageError(`--role must be one of ${USER_ROLES.join(", ")}`);
        const orgId = await resolveOrg(services, values.org);
        const u = await createUser(operator(services, orgId), {
          email: need(values.email, "--email"),
          name: need(values.name, "--name"),
          role: role as UserRole,
        });
        print(io, json, u, `user ${u.id} (${u.role}) ${u.email}`);
        return 0;
      });
    case "users list":
      return withServices(io, async (services) => {
        const orgId = await resolveOrg(services, values.org);
        const rows = await listUsers(operator(services, orgId));
        print(
          io,
          json,
          rows,
          rows.map((u) => `${u.id}  ${u.role.padEnd(7)}  ${u.email}  ${u.name}`).join("\n"),
        );
        return 0;
      });
    case "keys create":
      return withServices(io, async (services) => {
        const orgId = await resolveOrg(services, values.org);
        const who = need(values.user, "--user");
        const u = await findUser(operator(services, orgId), who);
        const k = await createKey(operator(services, orgId), { userId: u.id, name: values.name ?? "cli" });
        print(io, json, k, `key ${k.id} for ${u.email} (shown once): ${k.key}`);
        return 0;
      });
    case "keys revoke":
      return withServices(io, async (services) => {
        const id = rest[0];
        if (!id) throw new UsageError("keys revoke: give the key id (see GET /v1/keys)");
        const orgId = await organizationOfKey(operator(services), id);
        const info = await revokeKey(operator(services, orgId), id, services.now());
        print(io, json, info, `key ${info.id} revoked at ${info.revokedAt?.toISOString()}`);
        return 0;
      });
    default:
      throw new UsageError(`unknown command '${key}'\n${ADMIN_HELP}`);
  }
}
